import type { Kysely } from 'kysely';
import type { TelemetryWriter } from '../../core/ports.ts';
import type { NodeSqliteDatabase } from '../dialect/node-sqlite-dialect.ts';
import type { Database } from '../schema.ts';
import { headDirectoryOf } from './head-directory.ts';

/**
 * Multi-row INSERT sizes, largest first: a batch is cut into as few statement executions as possible
 * (a mine's poll is typically 50–200 readings; the runtime joins several polls into one write), within
 * SQLite's parameter limit. Measured here (bench/telemetry-store-bench.ts, readings per CPU-second):
 * one row per statement 1.4 M, 256 rows 3.0–3.2 M, 1,024 rows 3.9–4.0 M; binding through json_each
 * 0.9 M.
 */
const CHUNK_SIZES = [1024, 256, 64, 16, 4, 1] as const;

/**
 * The SQLite telemetry path: appends to the durable head (`readings_head`, a rowid table with no other
 * index, so each statement writes only the table's last pages — ADR 0005) with prepared multi-row
 * INSERTs inside one transaction per batch, on the same connection as Kysely. A reading re-sent at a
 * stored (point, time) is appended too; the compactor and every read keep the first one. It holds
 * Kysely's connection for the duration, so no
 * other query can interleave with (or wait on) the transaction; node:sqlite is synchronous, so the
 * whole write runs without yielding. The rows' places are then told to the process's head directory
 * (head-directory.ts), so reads of recent data probe them instead of scanning the head.
 */
export function createSqliteTelemetryWriter(
  db: Kysely<Database>,
  sqlite: NodeSqliteDatabase,
): TelemetryWriter {
  const raw = sqlite.raw;
  const directory = headDirectoryOf(db);
  const inserts = CHUNK_SIZES.map((n) => ({
    n,
    stmt: raw.prepare(
      `insert into readings_head (point_id, ts_ms, value, status) values ${Array.from({ length: n }, () => '(?,?,?,?)').join(',')}`,
    ),
    params: new Array<number>(n * 4).fill(0),
  }));
  return {
    // The engine's minute buckets are not needed: rollups are computed from the stored readings.
    async write(batch) {
      if (batch.length === 0) return 0;
      return db.connection().execute(() => {
        let written = 0;
        let lastSeq = 0;
        raw.exec('begin immediate');
        try {
          const { pointIds, ts, values, statuses } = batch;
          let i = 0;
          for (const { n, stmt, params } of inserts) {
            for (; i + n <= batch.length; i += n) {
              for (let k = 0; k < n; k++) {
                const j = i + k;
                const o = k * 4;
                params[o] = pointIds[j]!;
                params[o + 1] = ts[j]!;
                params[o + 2] = values[j]!;
                params[o + 3] = statuses[j]!;
              }
              const r = stmt.run(...params);
              written += Number(r.changes);
              lastSeq = Number(r.lastInsertRowid);
            }
          }
          raw.exec('commit');
        } catch (e) {
          raw.exec('rollback');
          throw e;
        }
        // One transaction holding the write lock: the batch's rows have consecutive seq.
        directory?.appended(lastSeq - written + 1, written, batch.pointIds, batch.ts);
        return Promise.resolve(written);
      });
    },
  };
}
