import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TelemetryWriter } from '../../core/ports.ts';

/**
 * The PostgreSQL telemetry path: COPY the batch into a temporary table, then move it into `readings`
 * with ON CONFLICT DO NOTHING (so a redelivered batch never duplicates a reading), all in one
 * transaction on a pooled client. Per-minute aggregates are merged with one multi-row upsert.
 */
export function createPostgresTelemetryWriter(pool: pg.Pool): TelemetryWriter {
  return {
    async write(batch, minutes) {
      if (batch.length === 0 && minutes.length === 0) return 0;
      const client = await pool.connect();
      try {
        await client.query('begin');
        let written = 0;
        if (batch.length > 0) {
          await client.query(
            'create temporary table if not exists readings_in (point_id integer, ts_ms bigint, value double precision, status integer) on commit delete rows',
          );
          await pipeline(
            Readable.from(copyRows(batch)),
            client.query(copyFrom('copy readings_in from stdin')),
          );
          const r = await client.query(
            'insert into readings select * from readings_in on conflict (point_id, ts_ms) do nothing',
          );
          written = r.rowCount ?? 0;
        }
        if (minutes.length > 0) {
          const cols: [number[], number[], number[], number[], number[], number[]] = [[], [], [], [], [], []];
          for (const m of minutes) {
            cols[0].push(m.pointId);
            cols[1].push(m.minuteMs);
            cols[2].push(m.min);
            cols[3].push(m.max);
            cols[4].push(m.sum);
            cols[5].push(m.count);
          }
          await client.query(
            `insert into readings_1m (point_id, minute_ms, min_value, max_value, sum_value, count)
             select * from unnest($1::int[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::int[])
             on conflict (point_id, minute_ms) do update set
               min_value = least(readings_1m.min_value, excluded.min_value),
               max_value = greatest(readings_1m.max_value, excluded.max_value),
               sum_value = readings_1m.sum_value + excluded.sum_value,
               count = readings_1m.count + excluded.count`,
            cols,
          );
        }
        await client.query('commit');
        return written;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
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
