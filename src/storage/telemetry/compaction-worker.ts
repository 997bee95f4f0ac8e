import { Worker } from 'node:worker_threads';
import type { CompactionResult } from './block-store.ts';

/**
 * Compaction on a thread of its own (ADR 0005, amendment 5), for the serving process of a SQLite file:
 * the thread reads a slice's head rows and stored blocks and encodes the new blocks with its own
 * connection, then holds the write lock only to delete the rows and write the blocks. The serving
 * process's event loop keeps answering meanwhile. Same results as `compactHead` on the calling thread.
 */
export interface CompactionWorker {
  /** Compacts every head reading older than `beforeMs` (as `compactHead`). */
  compact(beforeMs: number): Promise<CompactionResult>;
  close(): Promise<void>;
}

export function startCompactionWorker(path: string): CompactionWorker {
  const worker = new Worker(new URL('./compaction-thread.ts', import.meta.url), { workerData: { path } });
  // An idle compactor must not keep a finished process alive.
  worker.unref();
  const waiting = new Map<number, { resolve: (r: CompactionResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; result?: CompactionResult; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (m.result) w.resolve(m.result);
    else w.reject(new Error(`compaction failed: ${m.error ?? 'unknown error'}`));
  });
  worker.on('error', (e: Error) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the compaction thread exited (code ${code})`)));
  let closed: Promise<void> | null = null;
  return {
    compact(beforeMs) {
      if (failed) return Promise.reject(failed);
      const id = ++next;
      // While a compaction is asked for, the thread holds the process (its answer is awaited).
      worker.ref();
      return new Promise<CompactionResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, beforeMs });
      });
    },
    close() {
      closed ??= failed
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.ref();
            worker.once('exit', () => resolve());
            worker.postMessage('close');
            // A compaction in flight is safe to cut short (each slice is one transaction).
            setTimeout(() => void worker.terminate(), 5_000).unref();
          });
      return closed;
    },
  };
}
