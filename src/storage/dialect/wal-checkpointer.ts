import { Worker } from 'node:worker_threads';
import type { NodeSqliteDatabase } from './node-sqlite-dialect.ts';

/** How often the checkpointer copies the WAL back into the database file. */
const CHECKPOINT_EVERY_MS = 500;
/** WAL frames (pages) after which the WAL is started over: ~16 MB at 4 KiB pages. */
const RESTART_AFTER_FRAMES = 4_000;
/** After a RESTART that a reader kept from finishing, passive checkpoints only for this long. */
const RESTART_BACKOFF_MS = 5_000;
/** What the WAL file is cut back to when it starts over. */
const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * The serving process's WAL checkpoints, on a thread of their own (ADR 0005, amendment 4). SQLite's
 * automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages — on the event loop, so
 * one ingest request in a few paid for copying everyone's pages into the database file. Here the
 * serving connection turns that off and a worker with its own connection to the same file runs a
 * PASSIVE checkpoint every half second, which never blocks a writer or a reader. Under steady writes
 * a passive checkpoint never catches the WAL's end, so once the WAL holds ~16 MB a RESTART copies the
 * few frames left (writers wait for that moment) and the next write starts the WAL over. Durability is unchanged: a commit is in the WAL
 * (synchronous = NORMAL) before it is acknowledged, checkpointed or not.
 */
export interface WalCheckpointer {
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
// A RESTART holds new writers while it waits for readers: give up soon and try again later.
db.exec('PRAGMA busy_timeout = 100');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
let restartAfter = 0;
const timer = setInterval(() => {
  try {
    const r = passive.get();
    // Under steady writes a passive checkpoint never finds the WAL quiet, so the WAL would only grow;
    // once it is long, a RESTART (the remaining frames, writers held for that moment) starts it over.
    // One that found a reader in the way is not tried again for a while: each try holds writers.
    if (r && r.log >= workerData.restartFrames && Date.now() >= restartAfter) {
      const done = restart.get();
      if (done && done.busy) restartAfter = Date.now() + workerData.restartBackoffMs;
    }
  } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'close') { clearInterval(timer); try { passive.get(); } catch {} db.close(); parentPort.close(); }
});
`;

export function startWalCheckpointer(
  sqlite: NodeSqliteDatabase,
  path: string,
  onError: (message: string) => void = () => undefined,
): WalCheckpointer | null {
  if (path === ':memory:' || path === '') return null;
  sqlite.raw.exec('PRAGMA wal_autocheckpoint = 0');
  // A WAL started over keeps its longest length on disk unless told otherwise.
  sqlite.raw.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      everyMs: CHECKPOINT_EVERY_MS,
      restartFrames: RESTART_AFTER_FRAMES,
      restartBackoffMs: RESTART_BACKOFF_MS,
    },
  });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on('error', (e: Error) => onError(e.message));
  worker.unref();
  let closed: Promise<void> | null = null;
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        // The worker is unref'd while it serves; closing, it must hold the process until it has
        // exited, or a process with nothing else left (a port that could not be taken) ends while
        // close() is awaited — with exit code 0 instead of the code its caller was about to set.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
        // A checkpoint stuck behind a long reader must not hold the process's shutdown.
        setTimeout(() => void worker.terminate(), 2_000).unref();
      }).then(() => {
        // Automatic checkpoints again for whatever this connection still writes.
        if (sqlite.raw.isOpen) sqlite.raw.exec('PRAGMA wal_autocheckpoint = 1000');
      });
      return closed;
    },
  };
}
