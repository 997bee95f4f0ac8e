import { SqliteAdapter, sql, type Kysely } from 'kysely';
import {
  dropAggregatePartitionsBefore,
  dropReadingPartitionsBefore,
  maintainReadingPartitions,
  newestReadings,
  partitionReadingTables,
  type EnsuredPartitions,
  type NewestReading,
} from '../telemetry/reading-partitions.ts';

/**
 * The readings table: (point_id, ts_ms) is the key, so a re-sent file or a redelivered message never
 * duplicates a reading. On SQLite it is a WITHOUT ROWID table (one B-tree, clustered by point and
 * time: curve queries read contiguous pages). On PostgreSQL it is created as a plain table here and
 * partitioned by day by migration 0011 (see partitionTelemetryTables).
 */
export async function createReadingsTable<DB>(db: Kysely<DB>): Promise<void> {
  const isSqlite = isSqliteEngine(db);
  await sql`create table readings (
    point_id integer not null,
    ts_ms bigint not null,
    value double precision not null,
    status integer not null,
    primary key (point_id, ts_ms)
  )${isSqlite ? sql` without rowid` : sql``}`.execute(db);
}

/**
 * PostgreSQL: `readings` becomes range-partitioned by UTC day and `readings_1m` by UTC month, each
 * with a DEFAULT partition, keeping every stored row. SQLite keeps its single tables (nothing to do).
 */
export async function partitionTelemetryTables<DB>(db: Kysely<DB>): Promise<void> {
  if (isSqliteEngine(db)) return;
  await partitionReadingTables(db);
}

/**
 * Start-up and hourly upkeep for any engine: on PostgreSQL the partitions from yesterday to
 * `aheadDays` ahead are created (see maintainReadingPartitions); SQLite has none, so nothing happens.
 */
export async function maintainTelemetryPartitions<DB>(
  db: Kysely<DB>,
  nowMs: number,
  options: { aheadDays: number } = { aheadDays: 3 },
): Promise<EnsuredPartitions> {
  if (isSqliteEngine(db)) return { created: [], movedRows: 0 };
  return maintainReadingPartitions(db, nowMs, options);
}

/**
 * After a restart, each point's newest minute in `readings_1m` is recomputed from the raw readings.
 * SQLite's aggregates come from the engine's in-memory minute buckets, written when a point's next
 * minute begins; the bucket open at a crash or a stop is lost. Replacing that minute with what the raw
 * rows say makes it whole, and the readings still to come in it are then added as usual. (PostgreSQL's
 * aggregates are computed from the stored rows in the same statement, so nothing is open there.)
 * Returns the minutes rewritten.
 */
export async function repairLatestMinutes<DB>(db: Kysely<DB>): Promise<number> {
  if (!isSqliteEngine(db)) return 0;
  const r = await sql`
    insert or replace into readings_1m (point_id, minute_ms, min_value, max_value, sum_value, count)
    select r.point_id, l.minute_ms, min(r.value), max(r.value), sum(r.value), count(*)
      from (select id as point_id, (max_ts / 60000) * 60000 as minute_ms
              from (select p.id, (select max(ts_ms) from readings where point_id = p.id) as max_ts
                      from monitoring_points p)
             where max_ts is not null) l
      join readings r on r.point_id = l.point_id and r.ts_ms >= l.minute_ms and r.ts_ms < l.minute_ms + 60000
     group by r.point_id, l.minute_ms`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}

/**
 * Retention of raw readings and per-minute aggregates; returns the rows removed.
 * - SQLite: key-range deletes point by point (each is a contiguous range of the WITHOUT ROWID B-tree).
 * - PostgreSQL: whole time partitions entirely before the cutoffs are dropped and the DEFAULT
 *   partitions' older rows deleted; `pointIds` is not needed (rows of withdrawn points go too).
 */
export async function purgeTelemetryBefore<DB>(
  db: Kysely<DB>,
  pointIds: readonly number[],
  rawBeforeMs: number,
  aggregatesBeforeMs: number,
): Promise<number> {
  if (!isSqliteEngine(db)) {
    const raw = await dropReadingPartitionsBefore(db, rawBeforeMs);
    const minutes = await dropAggregatePartitionsBefore(db, aggregatesBeforeMs);
    return raw.rows + minutes.rows;
  }
  let n = 0;
  for (const id of pointIds) {
    const a = await sql`delete from readings where point_id = ${id} and ts_ms < ${rawBeforeMs}`.execute(db);
    const b =
      await sql`delete from readings_1m where point_id = ${id} and minute_ms < ${aggregatesBeforeMs}`.execute(
        db,
      );
    n += Number(a.numAffectedRows ?? 0n) + Number(b.numAffectedRows ?? 0n);
  }
  return n;
}

/**
 * Each point's newest stored raw reading (points without any are left out). SQLite: one key-range
 * probe per point. PostgreSQL: the partitions newest first (see newestReadings), because a plain
 * newest-first query probes every daily partition for every point.
 */
export async function newestReadingsOf<DB>(
  db: Kysely<DB>,
  pointIds: readonly number[],
): Promise<NewestReading[]> {
  if (!isSqliteEngine(db)) return newestReadings(db, pointIds);
  const out: NewestReading[] = [];
  for (const id of pointIds) {
    const r = await sql<{ ts_ms: number; value: number; status: number }>`
      select ts_ms, value, status from readings where point_id = ${id} order by ts_ms desc limit 1`.execute(
      db,
    );
    const x = r.rows[0];
    if (x) out.push({ pointId: id, tsMs: Number(x.ts_ms), value: x.value, status: x.status });
  }
  return out;
}

/** Which engine a Kysely instance talks to (from its query adapter; no probing query). */
export function isSqliteEngine<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
