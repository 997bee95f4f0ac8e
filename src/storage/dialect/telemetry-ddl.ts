import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * The readings table: (point_id, ts_ms) is the key, so a re-sent file or a redelivered message never
 * duplicates a reading. On SQLite it is a WITHOUT ROWID table (one B-tree, clustered by point and
 * time: curve queries read contiguous pages); PostgreSQL keeps a heap with the primary-key index.
 */
export async function createReadingsTable(db: Kysely<unknown>): Promise<void> {
  const isSqlite = isSqliteEngine(db);
  await sql`create table readings (
    point_id integer not null,
    ts_ms bigint not null,
    value double precision not null,
    status integer not null,
    primary key (point_id, ts_ms)
  )${isSqlite ? sql` without rowid` : sql``}`.execute(db);
}

/** Which engine a Kysely instance talks to (from its query adapter; no probing query). */
export function isSqliteEngine(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
