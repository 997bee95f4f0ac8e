import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TelemetryWriter } from '../../core/ports.ts';

/**
 * The PostgreSQL telemetry path: one COPY of the batch into the durable head (`readings_head`, a heap
 * with no index — ADR 0005) on a pooled client. COPY is one statement, so the batch is stored whole
 * or not at all, and the call resolves only after PostgreSQL committed it. A redelivered batch is
 * appended again; the compactor and every read keep the first reading at a (point, time). The
 * engine's minute buckets are not used: rollups are computed from the stored readings.
 */
export function createPostgresTelemetryWriter(pool: pg.Pool): TelemetryWriter {
  return {
    async write(batch) {
      if (batch.length === 0) return 0;
      const client = await pool.connect();
      try {
        await pipeline(
          Readable.from(copyRows(batch)),
          client.query(copyFrom('copy readings_head (point_id, ts_ms, value, status) from stdin')),
        );
        return batch.length;
      } finally {
        client.release();
      }
    },
  };
}

/** The batch as COPY text lines, in chunks of a few thousand rows. */
function* copyRows(batch: {
  length: number;
  pointIds: Int32Array;
  ts: Float64Array;
  values: Float64Array;
  statuses: Int32Array;
}): Generator<string> {
  const CHUNK = 4096;
  for (let i = 0; i < batch.length; i += CHUNK) {
    let s = '';
    const end = Math.min(batch.length, i + CHUNK);
    for (let j = i; j < end; j++)
      s += `${batch.pointIds[j]}\t${batch.ts[j]}\t${batch.values[j]}\t${batch.statuses[j]}\n`;
    yield s;
  }
}
