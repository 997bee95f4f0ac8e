import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { TelemetryWriter } from '../../core/ports.ts';

/** The session's staging table for COPY, emptied at every commit. */
const CREATE_INPUT_TABLE =
  'create temporary table if not exists readings_in (point_id integer, ts_ms bigint, value double precision, status integer) on commit delete rows';

/**
 * Moves the COPYed batch into `readings` and folds the rows actually inserted into `readings_1m`, in
 * one statement. A reading already stored (a redelivered message, a re-sent file, two workers racing
 * on one batch) is skipped by ON CONFLICT DO NOTHING and so is never counted into its minute twice.
 * Rows go in key order so that two transactions touching the same keys lock them in the same order.
 */
const MOVE_AND_AGGREGATE = `
  with ins as (
    insert into readings (point_id, ts_ms, value, status)
    select point_id, ts_ms, value, status from readings_in order by point_id, ts_ms
    on conflict (point_id, ts_ms) do nothing
    returning point_id, ts_ms, value
  ), agg as (
    insert into readings_1m (point_id, minute_ms, min_value, max_value, sum_value, count)
    select point_id, ts_ms - ts_ms % 60000, min(value), max(value), sum(value), count(*)::int
    from ins group by 1, 2 order by 1, 2
    on conflict (point_id, minute_ms) do update set
      min_value = least(readings_1m.min_value, excluded.min_value),
      max_value = greatest(readings_1m.max_value, excluded.max_value),
      sum_value = readings_1m.sum_value + excluded.sum_value,
      count = readings_1m.count + excluded.count
  )
  select count(*)::int as n from ins`;

/**
 * The PostgreSQL telemetry path: COPY the batch into a temporary table, then move it into the
 * day-partitioned `readings` and its per-minute aggregates (see MOVE_AND_AGGREGATE), all in one
 * transaction on a pooled client. The engine's flushed minute buckets are not used here: the
 * aggregates come from the rows stored, which makes a redelivered batch harmless.
 */
export function createPostgresTelemetryWriter(pool: pg.Pool): TelemetryWriter {
  // Connections that already have their session's temporary table (a new connection makes its own).
  const prepared = new WeakSet<pg.PoolClient>();
  return {
    async write(batch) {
      if (batch.length === 0) return 0;
      const client = await pool.connect();
      try {
        // Three round trips per batch: begin (+ the temporary table once), COPY, move + commit.
        if (prepared.has(client)) await client.query('begin');
        else {
          // On its own, before the transaction (not in the same query string, which would draw it into
          // the transaction): a rolled-back first batch must not take the table with it.
          await client.query(CREATE_INPUT_TABLE);
          prepared.add(client);
          await client.query('begin');
        }
        await pipeline(Readable.from(copyRows(batch)), client.query(copyFrom('copy readings_in from stdin')));
        // A multi-statement query answers with one result per statement; the move's is the first. If
        // the move fails, the commit after it is not run and the rollback below ends the transaction.
        const results = (await client.query(`${MOVE_AND_AGGREGATE}; commit`)) as unknown as [
          pg.QueryResult<{ n: number }>,
          pg.QueryResult,
        ];
        return results[0].rows[0]?.n ?? 0;
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
