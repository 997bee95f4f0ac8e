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
import { compactHead } from './block-store.ts';
import { registerHeadDirectory } from './head-directory.ts';

const port = parentPort!;
const { path } = workerData as { path: string };
const sqlite = openNodeSqlite(path);
// The serving connection keeps the large page cache; this one reads the head once an hour.
sqlite.raw.exec('PRAGMA cache_size = -65536');
const db = new Kysely<Database>({ dialect: createNodeSqliteDialect(sqlite) });
registerHeadDirectory(db as unknown as Kysely<never>, sqlite.raw);

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
      port.postMessage({ id: m.id, result: await compactHead(db, m.beforeMs) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
