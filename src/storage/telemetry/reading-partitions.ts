import { sql, type Kysely } from 'kysely';

/**
 * Time partitions of the PostgreSQL telemetry tables (native range partitioning):
 * - `reading_blocks` (compressed raw blocks, ADR 0005) by UTC day on `window_ms`
 *   (`reading_blocks_p20261123`),
 * - `reading_rollups` (per-minute rollups of the same windows) by UTC month (`reading_rollups_p202611`),
 * each with a DEFAULT partition that takes whatever no partition covers — a device with a wrong
 * clock, a day nobody created — so a reading is never refused. Retention drops whole partitions (no
 * row deletes, no vacuum debt) and deletes old rows from DEFAULT. The previous schema's `readings` and
 * `readings_1m` were partitioned the same way by migration 0011, which keeps its own copy of that code.
 * PostgreSQL only: SQLite keeps one table each (see dialect/telemetry-ddl.ts).
 */

const DAY_MS = 86_400_000;

interface PartitionedTable {
  table: string;
  column: string;
  key: readonly [string, string];
  period: 'day' | 'month';
  prefix: string;
  defaultName: string;
  /** At most this many partitions are made when an existing table is converted (newest first). */
  convertLimit: number;
}

/** A table keyed (point, window), partitioned on its window's start. */
const byWindow = (
  table: string,
  period: PartitionedTable['period'],
  convertLimit: number,
): PartitionedTable => ({
  table,
  column: 'window_ms',
  key: ['point_id', 'window_ms'],
  period,
  prefix: `${table}_p`,
  defaultName: `${table}_default`,
  convertLimit,
});

const RAW = byWindow('reading_blocks', 'day', 400);
const MINUTES = byWindow('reading_rollups', 'month', 48);

/** How long partition DDL waits for its table lock before giving up (it retries on its next run). */
const LOCK_TIMEOUT = '10s';

/** One partition of a telemetry table; `fromMs`/`toMs` (exclusive) are null for the DEFAULT partition. */
export interface ReadingPartition {
  table: string;
  name: string;
  fromMs: number | null;
  toMs: number | null;
}

export interface EnsuredPartitions {
  /** Partitions created, oldest first. */
  created: string[];
  /** Rows moved out of a DEFAULT partition into the partitions created. */
  movedRows: number;
}

export interface DroppedPartitions {
  /** Partitions dropped. */
  dropped: string[];
  /**
   * Rows removed: exact for DEFAULT-partition deletes; for dropped partitions PostgreSQL's statistics
   * estimate (counting a day of a province's readings would take longer than dropping it).
   */
  rows: number;
}

/** The start (inclusive) of the period holding `ms`. */
function periodStart(period: 'day' | 'month', ms: number): number {
  if (period === 'day') return Math.floor(ms / DAY_MS) * DAY_MS;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextPeriod(period: 'day' | 'month', startMs: number): number {
  if (period === 'day') return startMs + DAY_MS;
  const d = new Date(startMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function partitionName(spec: PartitionedTable, startMs: number): string {
  const iso = new Date(startMs).toISOString();
  const digits = iso.slice(0, 4) + iso.slice(5, 7) + (spec.period === 'day' ? iso.slice(8, 10) : '');
  return spec.prefix + digits;
}

/** Every period start from the one holding `fromMs` to the one holding `toMs`. */
function periodsBetween(spec: PartitionedTable, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let s = periodStart(spec.period, fromMs); s <= toMs; s = nextPeriod(spec.period, s)) out.push(s);
  return out;
}

/** Runs `work` in a transaction, or in the caller's when `db` already is one (a migration). */
function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

const BOUND = /FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)/;

async function listPartitionsOf<DB>(db: Kysely<DB>, spec: PartitionedTable): Promise<ReadingPartition[]> {
  const r = await sql<{ name: string; bound: string }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = to_regclass(${spec.table})
    order by c.relname`.execute(db);
  return r.rows.map((row) => {
    const m = BOUND.exec(row.bound);
    return {
      table: spec.table,
      name: row.name,
      fromMs: m ? Number(m[1]) : null,
      toMs: m ? Number(m[2]) : null,
    };
  });
}

const overlaps = (parts: readonly ReadingPartition[], from: number, to: number): boolean =>
  parts.some((p) => p.fromMs !== null && p.toMs !== null && p.fromMs < to && from < p.toMs);

/** Every partition of `reading_blocks` and `reading_rollups` (DEFAULT included), by table then name. */
export async function listReadingPartitions<DB>(db: Kysely<DB>): Promise<ReadingPartition[]> {
  return [...(await listPartitionsOf(db, RAW)), ...(await listPartitionsOf(db, MINUTES))];
}

/**
 * Creates the partition of [from, to) for `spec`: a plain table first, filled with the rows the DEFAULT
 * partition holds in that range (PostgreSQL refuses a partition whose range has rows in DEFAULT), then
 * attached. The caller holds the parent's lock. Returns the rows moved.
 */
async function createPartition<DB>(
  trx: Kysely<DB>,
  spec: PartitionedTable,
  from: number,
  to: number,
): Promise<number> {
  const name = sql.table(partitionName(spec, from));
  const parent = sql.table(spec.table);
  const col = sql.ref(spec.column);
  await sql`create table ${name} (like ${parent} including defaults including constraints)`.execute(trx);
  const moved = await sql`
    with moved as (
      delete from only ${sql.table(spec.defaultName)} where ${col} >= ${from} and ${col} < ${to} returning *
    )
    insert into ${name} select * from moved`.execute(trx);
  await sql`alter table ${parent} attach partition ${name} for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(
    trx,
  );
  return Number(moved.numAffectedRows ?? 0n);
}

async function ensurePeriods<DB>(
  db: Kysely<DB>,
  spec: PartitionedTable,
  starts: readonly number[],
): Promise<EnsuredPartitions> {
  const missing = (parts: readonly ReadingPartition[]) =>
    starts.filter((s) => !overlaps(parts, s, nextPeriod(spec.period, s)));
  if (missing(await listPartitionsOf(db, spec)).length === 0) return { created: [], movedRows: 0 };
  return inTransaction(db, async (trx) => {
    await sql`set local lock_timeout = ${sql.lit(LOCK_TIMEOUT)}`.execute(trx);
    // Writers take ROW EXCLUSIVE on the parent: this waits for the writes in flight and holds new ones
    // for the few statements below, so no row can reach DEFAULT between the move and the attach. It
    // also serialises two processes running this at once; the second then sees the first's partitions.
    await sql`lock table only ${sql.table(spec.table)} in share row exclusive mode`.execute(trx);
    const out: EnsuredPartitions = { created: [], movedRows: 0 };
    for (const s of missing(await listPartitionsOf(trx, spec))) {
      out.movedRows += await createPartition(trx, spec, s, nextPeriod(spec.period, s));
      out.created.push(partitionName(spec, s));
    }
    return out;
  });
}

/**
 * Creates the missing daily `reading_blocks` partitions for [fromMs, toMs] (and the monthly `reading_rollups`
 * partitions for the same span), moving any rows the DEFAULT partitions hold in those ranges into them.
 * Idempotent, and safe when several processes run it at once. PostgreSQL only.
 */
export async function ensureReadingPartitions<DB>(
  db: Kysely<DB>,
  fromMs: number,
  toMs: number,
): Promise<EnsuredPartitions> {
  if (!(toMs >= fromMs) || toMs - fromMs > 400 * DAY_MS)
    throw new RangeError(`ensureReadingPartitions: span ${fromMs}..${toMs} is not 0–400 days`);
  const raw = await ensurePeriods(db, RAW, periodsBetween(RAW, fromMs, toMs));
  const minutes = await ensurePeriods(db, MINUTES, periodsBetween(MINUTES, fromMs, toMs));
  return {
    created: [...raw.created, ...minutes.created],
    movedRows: raw.movedRows + minutes.movedRows,
  };
}

/**
 * Start-up and hourly upkeep of the serve and worker processes: makes sure the partitions from
 * yesterday to `aheadDays` ahead exist, so that live data never lands in DEFAULT. PostgreSQL only.
 */
export function maintainReadingPartitions<DB>(
  db: Kysely<DB>,
  nowMs: number,
  options: { aheadDays: number } = { aheadDays: 3 },
): Promise<EnsuredPartitions> {
  return ensureReadingPartitions(db, nowMs - DAY_MS, nowMs + options.aheadDays * DAY_MS);
}

async function dropPeriodsBefore<DB>(
  db: Kysely<DB>,
  spec: PartitionedTable,
  cutoffMs: number,
): Promise<DroppedPartitions> {
  const col = sql.ref(spec.column);
  const fromDefault =
    await sql`delete from only ${sql.table(spec.defaultName)} where ${col} < ${cutoffMs}`.execute(db);
  const out: DroppedPartitions = { dropped: [], rows: Number(fromDefault.numAffectedRows ?? 0n) };
  const old = (await listPartitionsOf(db, spec)).filter((p) => p.toMs !== null && p.toMs <= cutoffMs);
  if (old.length === 0) return out;
  return inTransaction(db, async (trx) => {
    await sql`set local lock_timeout = ${sql.lit(LOCK_TIMEOUT)}`.execute(trx);
    // Dropping a partition needs ACCESS EXCLUSIVE on the parent; taking it first (rather than partition
    // then parent) keeps the lock order every reader and writer uses, so no deadlock.
    await sql`lock table only ${sql.table(spec.table)} in access exclusive mode`.execute(trx);
    const stillThere = new Set((await listPartitionsOf(trx, spec)).map((p) => p.name));
    for (const p of old) {
      if (!stillThere.has(p.name)) continue;
      const est = await sql<{ n: number }>`
        select reltuples::float8 as n from pg_class where oid = to_regclass(${p.name})`.execute(trx);
      const n = est.rows[0]?.n ?? 0;
      out.rows += n >= 0 ? Math.round(n) : await countRows(trx, p.name);
      await sql`drop table ${sql.table(p.name)}`.execute(trx);
      out.dropped.push(p.name);
    }
    return out;
  });
}

/** Exact count, for a partition never analysed (its statistics say -1): such a partition is small. */
async function countRows<DB>(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::float8 as n from ${sql.table(table)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Retention for raw blocks: drops every daily partition that lies entirely before `cutoffMs` and
 * deletes the DEFAULT partition's rows before it. A day straddling the cutoff is kept whole until it
 * is entirely older (the regulation asks for at least the retention period, never at most).
 */
export function dropReadingPartitionsBefore<DB>(
  db: Kysely<DB>,
  cutoffMs: number,
): Promise<DroppedPartitions> {
  return dropPeriodsBefore(db, RAW, cutoffMs);
}

/** The same for the per-minute rollups' monthly partitions. */
export function dropAggregatePartitionsBefore<DB>(
  db: Kysely<DB>,
  cutoffMs: number,
): Promise<DroppedPartitions> {
  return dropPeriodsBefore(db, MINUTES, cutoffMs);
}

/** A point's newest stored reading. */
export interface NewestReading {
  pointId: number;
  tsMs: number;
  value: number;
  status: number;
}

/** Records `row` as its point's newest reading unless one at a later time is there already. */
export function keepNewer(
  newest: Map<number, NewestReading>,
  row: { point_id: number; ts_ms: number | string; value: number; status: number },
): void {
  const had = newest.get(row.point_id);
  if (!had || Number(row.ts_ms) > had.tsMs)
    newest.set(row.point_id, {
      pointId: row.point_id,
      tsMs: Number(row.ts_ms),
      value: row.value,
      status: row.status,
    });
}

/**
 * Each point's newest reading held in blocks (from the block's `last_*` columns), walking the daily
 * partitions newest first. A plain `order by window_ms desc limit 1` on the partitioned table cannot stop at the newest day (the DEFAULT
 * partition may hold any time), so it probes every partition's index for every point — about a
 * hundred probes per point at 100 days' retention. Here each point is probed in the newest partition
 * that has it (usually today's, one query for all points) and in DEFAULT, and the newer row wins.
 */
export async function newestReadings<DB>(
  db: Kysely<DB>,
  pointIds: readonly number[],
): Promise<NewestReading[]> {
  if (pointIds.length === 0) return [];
  const parts = await listPartitionsOf(db, RAW);
  const byTime = parts.filter((p) => p.fromMs !== null).sort((a, b) => b.fromMs! - a.fromMs!);
  const newest = new Map<number, NewestReading>();
  const probe = async (partition: string, ids: readonly number[]) => {
    const r = await sql<{ point_id: number; ts_ms: number; value: number; status: number }>`
      select p.id as point_id, r.last_ts as ts_ms, r.last_value as value, r.last_status as status
      from unnest(${[...ids]}::int[]) as p(id)
      cross join lateral (
        select last_ts, last_value, last_status from only ${sql.table(partition)}
        where point_id = p.id order by window_ms desc limit 1
      ) r`.execute(db);
    for (const x of r.rows) keepNewer(newest, x);
  };
  let missing = [...new Set(pointIds)];
  for (const p of byTime) {
    if (missing.length === 0) break;
    await probe(p.name, missing);
    missing = missing.filter((id) => !newest.has(id));
  }
  if (parts.some((p) => p.name === RAW.defaultName)) await probe(RAW.defaultName, [...new Set(pointIds)]);
  return [...newest.values()];
}

/**
 * Creates the partitions holding the given times (a day of `reading_blocks`, a month of
 * `reading_rollups` each), the newest 400 days at most (older windows stay in DEFAULT, where
 * retention finds them). For migration 0012, inside its transaction. PostgreSQL only.
 */
export async function createBlockPartitionsFor<DB>(
  db: Kysely<DB>,
  timesMs: readonly number[],
): Promise<void> {
  for (const spec of [RAW, MINUTES]) {
    const have = await listPartitionsOf(db, spec);
    const starts = [...new Set(timesMs.map((t) => periodStart(spec.period, t)))]
      .sort((a, b) => b - a)
      .slice(0, spec.convertLimit);
    for (const s of starts) {
      if (overlaps(have, s, nextPeriod(spec.period, s))) continue;
      await sql`create table ${sql.table(partitionName(spec, s))} partition of ${sql.table(spec.table)}
        for values from (${sql.lit(s)}) to (${sql.lit(nextPeriod(spec.period, s))})`.execute(db);
    }
  }
}
