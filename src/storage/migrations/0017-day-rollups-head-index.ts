import { sql, type Kysely } from 'kysely';
import { isSqliteEngine } from '../dialect/telemetry-ddl.ts';
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
  await createDayRollupTable(untyped);
  await indexHead(untyped);
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

/**
 * `reading_day_rollups` (migration 0017): one per-minute rollup per point per closed UTC day. Not
 * partitioned on PostgreSQL: it has 1/24 of the hour rollups' rows (1/1440 of the readings), and
 * retention deletes a day's rows (see purgeTelemetryBefore).
 */
async function createDayRollupTable(db: Kysely<unknown>): Promise<void> {
  const binary = isSqliteEngine(db) ? sql`blob` : sql`bytea`;
  await sql`create table reading_day_rollups (
    point_id integer not null,
    day_ms bigint not null,
    count integer not null,
    min_value double precision not null,
    max_value double precision not null,
    sum_value double precision not null,
    data ${binary} not null,
    primary key (point_id, day_ms)
  )`.execute(db);
}

/**
 * Makes the head readable per point (migration 0017) while its appends stay in arrival order.
 * - SQLite: the head is rebuilt with `seq integer primary key autoincrement`, so a `seq` is never
 *   reused after compaction deleted the newest rows; the serving process keeps a directory of the
 *   head in memory (telemetry/head-directory.ts) and reads a point's rows by `seq` ranges. No index:
 *   an index keyed by point would make each append a random write again (issue 11).
 * - PostgreSQL: a B-tree on (point_id, ts_ms). Several processes append, so an in-memory directory
 *   cannot see every row; the index costs a random insert per reading, bounded because the head holds
 *   about one window.
 */
async function indexHead(db: Kysely<unknown>): Promise<void> {
  if (!isSqliteEngine(db)) {
    await sql`create index readings_head_point_idx on readings_head (point_id, ts_ms)`.execute(db);
    return;
  }
  await sql`create table readings_head_next (
    seq integer primary key autoincrement,
    point_id integer not null,
    ts_ms bigint not null,
    value double precision not null,
    status integer not null
  )`.execute(db);
  await sql`insert into readings_head_next (seq, point_id, ts_ms, value, status)
    select seq, point_id, ts_ms, value, status from readings_head order by seq`.execute(db);
  await sql`drop table readings_head`.execute(db);
  await sql`alter table readings_head_next rename to readings_head`.execute(db);
}
