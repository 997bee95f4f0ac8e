import { sql, type Kysely } from 'kysely';
import { isSqliteEngine } from '../dialect/telemetry-ddl.ts';

/**
 * PostgreSQL: readings partitioned by UTC day, per-minute aggregates by UTC month, each with a DEFAULT
 * partition; existing rows are kept. Retention then drops whole partitions. SQLite: nothing changes.
 *
 * Frozen in time: this migration keeps its own copy of the conversion as it was when it was written
 * (the live partition code in telemetry/reading-partitions.ts now serves other tables and may change).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqliteEngine(db)) return;
  const convert = async (trx: Kysely<unknown>) => {
    await convertTable(trx, READINGS);
    await convertTable(trx, MINUTES);
  };
  await (db.isTransaction ? convert(db) : db.transaction().execute(convert));
}

const DAY_MS = 86_400_000;

interface LegacyTable {
  table: string;
  column: string;
  key: readonly [string, string];
  period: 'day' | 'month';
  prefix: string;
  defaultName: string;
  /** At most this many partitions are made (newest first); older rows go to DEFAULT. */
  convertLimit: number;
}

/** A telemetry table keyed by point and time, its partitions named `<table>_p<period>`. */
const legacyTable = (
  table: string,
  column: string,
  period: 'day' | 'month',
  convertLimit: number,
): LegacyTable => ({
  table,
  column,
  key: ['point_id', column],
  period,
  prefix: `${table}_p`,
  defaultName: `${table}_default`,
  convertLimit,
});

const READINGS = legacyTable('readings', 'ts_ms', 'day', 400);
const MINUTES = legacyTable('readings_1m', 'minute_ms', 'month', 48);

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

function partitionName(spec: LegacyTable, startMs: number): string {
  const iso = new Date(startMs).toISOString();
  return spec.prefix + iso.slice(0, 4) + iso.slice(5, 7) + (spec.period === 'day' ? iso.slice(8, 10) : '');
}

/**
 * Turns an existing plain telemetry table into a partitioned one, keeping every row: rename the old
 * table, create the partitioned table with its DEFAULT partition and one partition per period that
 * holds data (the newest `convertLimit` of them; older rows go to DEFAULT, where retention finds
 * them), copy the rows over, drop the old table. A table already partitioned is left alone.
 */
async function convertTable(db: Kysely<unknown>, spec: LegacyTable): Promise<void> {
  const kind = await sql<{ relkind: string }>`
    select relkind from pg_class where oid = to_regclass(${spec.table})`.execute(db);
  if (kind.rows[0]?.relkind === 'p') return;
  if (kind.rows.length === 0) throw new Error(`Table ${spec.table} does not exist.`);
  const parent = sql.table(spec.table);
  const oldName = `${spec.table}_unpartitioned`;
  const old = sql.table(oldName);
  const pk = await sql<{ conname: string }>`
    select conname from pg_constraint where conrelid = to_regclass(${spec.table}) and contype = 'p'`.execute(
    db,
  );
  const pkName = pk.rows[0]?.conname ?? `${spec.table}_pkey`;
  await sql`alter table ${parent} rename to ${old}`.execute(db);
  // The new table's primary key takes the old name; the old index must give it up first.
  if (pk.rows.length > 0)
    await sql`alter table ${old} rename constraint ${sql.id(pkName)} to ${sql.id(`${oldName}_pkey`)}`.execute(
      db,
    );
  await sql`create table ${parent} (like ${old} including defaults) partition by range (${sql.ref(spec.column)})`.execute(
    db,
  );
  await sql`alter table ${parent} add constraint ${sql.id(pkName)} primary key (${sql.join(spec.key.map((k) => sql.ref(k)))})`.execute(
    db,
  );
  await sql`create table ${sql.table(spec.defaultName)} partition of ${parent} default`.execute(db);
  const col = sql.ref(spec.column);
  const days = await sql<{ d: number }>`
    select distinct ${col} - ((${col} % ${sql.lit(DAY_MS)}) + ${sql.lit(DAY_MS)}) % ${sql.lit(DAY_MS)} as d from ${old}`.execute(
    db,
  );
  const starts = [...new Set(days.rows.map((r) => periodStart(spec.period, Number(r.d))))]
    .sort((a, b) => b - a)
    .slice(0, spec.convertLimit);
  for (const s of starts) {
    await sql`create table ${sql.table(partitionName(spec, s))} partition of ${parent}
      for values from (${sql.lit(s)}) to (${sql.lit(nextPeriod(spec.period, s))})`.execute(db);
  }
  await sql`insert into ${parent} select * from ${old}`.execute(db);
  await sql`drop table ${old}`.execute(db);
}
