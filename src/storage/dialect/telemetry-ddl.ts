import { SqliteAdapter, sql, type Kysely } from 'kysely';
import {
  createBlockPartitionsFor,
  dropAggregatePartitionsBefore,
  dropReadingPartitionsBefore,
  maintainReadingPartitions,
  newestReadings,
  type EnsuredPartitions,
  type NewestReading,
} from '../telemetry/reading-partitions.ts';

/** PostgreSQL: the partitions holding these window starts (migration 0012). SQLite: nothing. */
export async function createBlockPartitions<DB>(db: Kysely<DB>, timesMs: readonly number[]): Promise<void> {
  if (isSqliteEngine(db)) return;
  await createBlockPartitionsFor(db, timesMs);
}

/**
 * Serialises compactions within their transactions. PostgreSQL: a transaction-scoped advisory lock
 * (two compactors would each merge into the same block and one merge would be lost). SQLite: its
 * write transaction already excludes every other writer.
 */
export async function lockCompaction<DB>(trx: Kysely<DB>): Promise<void> {
  if (isSqliteEngine(trx)) return;
  await sql`select pg_advisory_xact_lock(${COMPACTION_LOCK})`.execute(trx);
}

const COMPACTION_LOCK = 0x52444c43; // "RDLC"

/** Bytes a table takes on disk with its indexes, or null when the engine cannot tell. */
export async function tableBytes<DB>(db: Kysely<DB>, table: string): Promise<number | null> {
  if (!isSqliteEngine(db)) {
    const r = await sql<{ n: string | number | null }>`
      select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as n from pg_class c
      where c.oid = to_regclass(${table})
         or c.oid in (select inhrelid from pg_inherits where inhparent = to_regclass(${table}))`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }
  try {
    const r = await sql<{ n: number | null }>`
      select sum(pgsize) as n from dbstat where name = ${table}
        or name in (select name from sqlite_master where tbl_name = ${table} and type = 'index')`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  } catch {
    return null; // SQLite built without the dbstat table
  }
}

/**
 * Start-up and hourly upkeep for any engine: on PostgreSQL the block and rollup partitions from
 * yesterday to `aheadDays` ahead are created (see maintainReadingPartitions); SQLite has none.
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
 * Retention; returns the readings removed (on PostgreSQL the dropped partitions' row estimate, in
 * blocks and rollups). A window is removed only when it lies entirely before its cutoff.
 * - SQLite: deletes of whole blocks and rollups.
 * - PostgreSQL: whole time partitions entirely before the cutoffs are dropped and the DEFAULT
 *   partitions' older windows deleted.
 */
export async function purgeTelemetryBefore<DB>(
  db: Kysely<DB>,
  windowMs: number,
  rawBeforeMs: number,
  aggregatesBeforeMs: number,
): Promise<number> {
  if (!isSqliteEngine(db)) {
    const raw = await dropReadingPartitionsBefore(db, rawBeforeMs - windowMs + 1);
    const minutes = await dropAggregatePartitionsBefore(db, aggregatesBeforeMs - windowMs + 1);
    await purgeDayRollups(db, windowMs, aggregatesBeforeMs);
    return raw.rows + minutes.rows;
  }
  const a = await sql`delete from reading_blocks where window_ms + ${windowMs} <= ${rawBeforeMs}`.execute(db);
  const b =
    await sql`delete from reading_rollups where window_ms + ${windowMs} <= ${aggregatesBeforeMs}`.execute(db);
  await purgeDayRollups(db, windowMs, aggregatesBeforeMs);
  return Number(a.numAffectedRows ?? 0n) + Number(b.numAffectedRows ?? 0n);
}

/**
 * Day rollups of days whose first hour rollup is removed (a row each, both engines): a day straddling
 * the cutoff is then read from its remaining hours, so both resolutions keep the same minutes.
 */
async function purgeDayRollups<DB>(db: Kysely<DB>, windowMs: number, beforeMs: number): Promise<void> {
  await sql`delete from reading_day_rollups where day_ms + ${windowMs} <= ${beforeMs}`.execute(db);
}

/**
 * Each point's newest reading held in blocks (points without any block are left out). SQLite: one
 * key-range probe per point. PostgreSQL: the partitions newest first (see newestReadings).
 */
export async function newestBlockReadingsOf<DB>(
  db: Kysely<DB>,
  pointIds: readonly number[],
): Promise<NewestReading[]> {
  if (!isSqliteEngine(db)) return newestReadings(db, pointIds);
  const out: NewestReading[] = [];
  for (const id of pointIds) {
    const r = await sql<{ ts_ms: number; value: number; status: number }>`
      select last_ts as ts_ms, last_value as value, last_status as status from reading_blocks
      where point_id = ${id} order by window_ms desc limit 1`.execute(db);
    const x = r.rows[0];
    if (x) out.push({ pointId: id, tsMs: Number(x.ts_ms), value: x.value, status: x.status });
  }
  return out;
}

/** Which engine a Kysely instance talks to (from its query adapter; no probing query). */
export function isSqliteEngine<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
