import { sql, type Kysely } from 'kysely';
import { createBlockPartitions, createBlockTables } from '../dialect/telemetry-ddl.ts';
import type { Database } from '../schema.ts';
import { mergeReadings, type MinuteRollup } from '../telemetry/block-codec.ts';
import {
  blockRow,
  rollupRow,
  rollupRowOf,
  upsertBlocks,
  upsertRollups,
  windowOf,
} from '../telemetry/block-store.ts';

const DAY_MS = 86_400_000;

/**
 * ADR 0005: readings move from one row per reading (`readings`, `readings_1m`) into the durable head
 * and compressed per-point blocks with their per-minute rollups. Every stored reading goes into the
 * block of its (point, hour) unchanged; per-minute aggregates whose raw readings had already expired
 * (or never were kept) go into the rollups; then the old tables are dropped. Point by point, so
 * memory holds one point's history at a time.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Database>;
  await createBlockTables(db);
  const days = await sql<{ d: number }>`
    select distinct ts_ms - ((ts_ms % ${sql.lit(DAY_MS)}) + ${sql.lit(DAY_MS)}) % ${sql.lit(DAY_MS)} as d from readings
    union
    select distinct minute_ms - ((minute_ms % ${sql.lit(DAY_MS)}) + ${sql.lit(DAY_MS)}) % ${sql.lit(DAY_MS)} as d from readings_1m`.execute(
    db,
  );
  await createBlockPartitions(
    db,
    days.rows.map((r) => Number(r.d)),
  );
  const points = await sql<{ id: number }>`
    select distinct point_id as id from readings union select distinct point_id as id from readings_1m`.execute(
    db,
  );
  for (const { id } of points.rows) await movePoint(db, id);
  await sql`drop table readings_1m`.execute(db);
  await sql`drop table readings`.execute(db);
}

async function movePoint(db: Kysely<Database>, pointId: number): Promise<void> {
  const raw = await sql<{ ts_ms: number; value: number; status: number }>`
    select ts_ms, value, status from readings where point_id = ${pointId} order by ts_ms`.execute(db);
  const minutes = await sql<{
    minute_ms: number;
    min_value: number;
    max_value: number;
    sum_value: number;
    count: number;
  }>`
    select minute_ms, min_value, max_value, sum_value, count from readings_1m
    where point_id = ${pointId} order by minute_ms`.execute(db);
  const rawByWindow = new Map<number, Array<{ ts_ms: number; value: number; status: number }>>();
  for (const r of raw.rows) {
    const w = windowOf(Number(r.ts_ms));
    let list = rawByWindow.get(w);
    if (!list) rawByWindow.set(w, (list = []));
    list.push(r);
  }
  const carriedByWindow = new Map<number, MinuteRollup[]>();
  for (const m of minutes.rows) {
    const minuteMs = Number(m.minute_ms);
    const w = windowOf(minuteMs);
    let list = carriedByWindow.get(w);
    if (!list) carriedByWindow.set(w, (list = []));
    list.push({ minuteMs, count: Number(m.count), min: m.min_value, max: m.max_value, sum: m.sum_value });
  }
  const blocks = [];
  const rollups = [];
  for (const [w, rows] of rawByWindow) {
    const readings = mergeReadings(null, {
      length: rows.length,
      ts: rows.map((r) => Number(r.ts_ms)),
      values: rows.map((r) => r.value),
      statuses: rows.map((r) => r.status),
    });
    blocks.push(blockRow(pointId, w, readings));
    rollups.push(rollupRow(pointId, w, readings, carriedByWindow.get(w) ?? null));
  }
  for (const [w, carried] of carriedByWindow)
    if (!rawByWindow.has(w)) rollups.push(rollupRowOf(pointId, w, carried));
  await upsertBlocks(db, blocks);
  await upsertRollups(db, rollups);
}
