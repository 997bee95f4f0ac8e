import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type pg from 'pg';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import {
  createNodeSqliteDialect,
  openNodeSqlite,
  type NodeSqliteDatabase,
} from './dialect/node-sqlite-dialect.ts';
import { createPostgresDialect, createPostgresPool } from './dialect/postgres-dialect.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-monitoring.ts';
import * as m0003 from './migrations/0003-hazards.ts';
import * as m0004 from './migrations/0004-orders.ts';
import * as m0005 from './migrations/0005-supervision.ts';
import * as m0006 from './migrations/0006-directives.ts';
import * as m0007 from './migrations/0007-expertise.ts';
import * as m0008 from './migrations/0008-closure.ts';
import * as m0009 from './migrations/0009-accidents.ts';
import * as m0010 from './migrations/0010-briefing.ts';
import * as m0011 from './migrations/0011-partitioned-readings.ts';
import * as m0012 from './migrations/0012-reading-blocks.ts';
import * as m0013 from './migrations/0013-alarm-data-time.ts';
import * as m0014 from './migrations/0014-security.ts';
import * as m0015 from './migrations/0015-workflows.ts';
import * as m0016 from './migrations/0016-mine-population-history.ts';
import * as m0017 from './migrations/0017-day-rollups-head-index.ts';
import * as m0018 from './migrations/0018-alarm-incidents.ts';
import * as m0020 from './migrations/0020-stopped-mines.ts';
import * as m0021 from './migrations/0021-statutory-followups.ts';
import * as m0022 from './migrations/0022-evidence.ts';
import * as m0023 from './migrations/0023-accident-supplements.ts';
import * as m0024 from './migrations/0024-underground-presence.ts';
import * as m0025 from './migrations/0025-alarm-links.ts';
import * as m0027 from './migrations/0027-notification-reads.ts';
import * as m0028 from './migrations/0028-point-id-sequence.ts';
import type { Database } from './schema.ts';
import { registerHeadDirectory } from './telemetry/head-directory.ts';

export type EngineKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: EngineKind;
  /** The raw node:sqlite handle, for the telemetry writer's prepared statements (SQLite only). */
  sqlite: NodeSqliteDatabase | null;
  /** The PostgreSQL pool, for the telemetry writer's COPY (PostgreSQL only). */
  pgPool: pg.Pool | null;
  close(): Promise<void>;
}

/** All migrations, in order. A new migration is a new file added here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-monitoring': m0002,
  '0003-hazards': m0003,
  '0004-orders': m0004,
  '0005-supervision': m0005,
  '0006-directives': m0006,
  '0007-expertise': m0007,
  '0008-closure': m0008,
  '0009-accidents': m0009,
  '0010-briefing': m0010,
  '0011-partitioned-readings': m0011,
  '0012-reading-blocks': m0012,
  '0013-alarm-data-time': m0013,
  '0014-security': m0014,
  '0015-workflows': m0015,
  '0016-mine-population-history': m0016,
  '0017-day-rollups-head-index': m0017,
  '0018-alarm-incidents': m0018,
  '0020-stopped-mines': m0020,
  '0021-statutory-followups': m0021,
  '0022-evidence': m0022,
  '0023-accident-supplements': m0023,
  '0024-underground-presence': m0024,
  '0025-alarm-links': m0025,
  '0027-notification-reads': m0027,
  '0028-point-id-sequence': m0028,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/**
 * Opens the database named by `url`: `postgres://…` for PostgreSQL, otherwise a SQLite file path
 * (or `:memory:`), optionally prefixed with `sqlite:`.
 */
export function openDatabase(url: string): OpenDatabase {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = createPostgresPool(url);
    const db = new Kysely<Database>({ dialect: createPostgresDialect(pool) });
    return { db, kind: 'postgres', sqlite: null, pgPool: pool, close: () => db.destroy() };
  }
  const path = url.replace(/^sqlite:/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = openNodeSqlite(path);
  const db = new Kysely<Database>({ dialect: createNodeSqliteDialect(sqlite) });
  registerHeadDirectory(db as unknown as Kysely<never>, sqlite.raw);
  return { db, kind: 'sqlite', sqlite, pgPool: null, close: () => db.destroy() };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to the named migration (tests that build a database of an earlier version). */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}
