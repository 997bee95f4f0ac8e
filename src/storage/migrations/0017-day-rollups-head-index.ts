import type { Kysely } from 'kysely';
import { createDayRollupTable, indexHead } from '../dialect/telemetry-ddl.ts';
import type { Database } from '../schema.ts';
import { rebuildDayRollups } from '../telemetry/block-store.ts';

/**
 * ADR 0005, amended: a per-minute rollup row per point per closed UTC day (`reading_day_rollups`, the
 * day's hour rollups concatenated) so a 100-day per-minute curve reads 100 rows instead of 2,400, filled
 * here from the stored hour rollups; and the head made readable per point without scanning it (SQLite:
 * a never-reused `seq`, which the in-process head directory relies on; PostgreSQL: a (point, time)
 * index — see indexHead).
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Database>;
  await createDayRollupTable(db);
  await indexHead(db);
  const days = await db
    .selectFrom('reading_rollups')
    .select(['point_id', 'window_ms'])
    .orderBy('point_id')
    .orderBy('window_ms')
    .execute();
  const pairs: Array<[number, number]> = [];
  for (const r of days) {
    const day = dayOf(Number(r.window_ms));
    const last = pairs.at(-1);
    if (!last || last[0] !== r.point_id || last[1] !== day) pairs.push([r.point_id, day]);
  }
  await rebuildDayRollups(db, pairs);
}

const DAY_MS = 86_400_000;
const dayOf = (t: number) => t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
