/**
 * The compaction thread's entry (ADR 0005, amendment 5): its own connection to the SQLite file and its
 * own head directory, so that reading the head, merging and encoding blocks use the other core instead
 * of the serving process's event loop. Messages: `{ id, beforeMs }` → `{ id, result }` or
 * `{ id, error }`; `'close'` closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { createNodeSqliteDialect, openNodeSqlite } from '../dialect/node-sqlite-dialect.ts';
import type { Database } from '../schema.ts';
import { compactHead, type SliceTiming } from './block-store.ts';
import { registerHeadDirectory } from './head-directory.ts';

const port = parentPort!;
const { path } = workerData as { path: string };
const sqlite = openNodeSqlite(path);
// The serving connection keeps the large page cache; this one reads the head once an hour.
sqlite.raw.exec('PRAGMA cache_size = -65536');
const db = new Kysely<Database>({ dialect: createNodeSqliteDialect(sqlite) });
registerHeadDirectory(db as unknown as Kysely<never>, sqlite.raw);

/**
 * After each slice the thread leaves the write lock free for at least as long as it held it, and never
 * less than SQLite's longest busy-handler sleep (100 ms): the serving connection, whose ingestion waits
 * for the lock in that handler, then always wakes to a free lock instead of being starved by slices
 * that follow each other closely (ADR 0005, amendment 6). A closed national hour (~4,300 slices) takes
 * a few minutes longer; the next window closes an hour later.
 */
const BUSY_HANDLER_LONGEST_SLEEP_MS = 100;
const restAfter = (t: SliceTiming) => Math.max(BUSY_HANDLER_LONGEST_SLEEP_MS, t.writeMs);

/** One compaction at a time, in the order asked. */
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: { id: number; beforeMs: number } | 'close') => {
  if (m === 'close') {
    queue = queue.then(async () => {
      await db.destroy();
      port.close();
    });
    return;
  }
  queue = queue.then(async () => {
    try {
      port.postMessage({ id: m.id, result: await compactHead(db, m.beforeMs, { restAfter }) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
