import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { migrateToLatest, migrateUpTo, openDatabase, type OpenDatabase } from '../../src/storage/database.ts';

/**
 * The engines a storage-touching suite runs on. SQLite always; PostgreSQL when reachable. With
 * CI=true a missing PostgreSQL is a failure, not a skip.
 */
export const isCi = process.env.CI === 'true';

export const postgresAdminUrl =
  process.env.TEST_DATABASE_URL ??
  process.env.REDLINE_TEST_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

let probe: Promise<string | null> | undefined;

/** null when PostgreSQL answers, otherwise the reason it does not. */
export function probePostgres(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      return `PostgreSQL at ${postgresAdminUrl} is not reachable: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

export type EngineName = 'sqlite' | 'postgres';

export interface TestDatabase extends OpenDatabase {
  /** Drops what the test created (the PostgreSQL database; the SQLite file lives in memory). */
  dispose(): Promise<void>;
}

/** A fresh, migrated database on the named engine. */
export async function createTestDatabase(
  engine: EngineName,
  options: { migrateUpTo?: string } = {},
): Promise<TestDatabase> {
  const migrate = (db: OpenDatabase['db']) =>
    options.migrateUpTo === undefined ? migrateToLatest(db) : migrateUpTo(db, options.migrateUpTo);
  if (engine === 'sqlite') {
    const open = openDatabase(':memory:');
    await migrate(open.db);
    return { ...open, dispose: () => open.close() };
  }
  const scratch = await createScratchPostgres('redline_test');
  const open = openDatabase(scratch.url);
  await migrate(open.db);
  return {
    ...open,
    dispose: async () => {
      await open.close();
      await scratch.drop();
    },
  };
}

/** A new, empty PostgreSQL database named `<prefix>_<random>` on the test server: its URL, and its drop. */
export async function createScratchPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

const pgProblem = await probePostgres();
if (pgProblem && !isCi) console.warn(`[redline tests] skipping PostgreSQL suites: ${pgProblem}`);

/**
 * Declares a suite that needs a service: `problem` is null when the service is there. In CI a missing
 * service fails the run (one failing test naming the problem); outside CI the suite is skipped and its
 * title carries the reason (printed once by the caller at import).
 */
export function describeNeeding(
  service: string,
  problem: string | null,
  title: string,
  body: () => void,
): void {
  if (problem === null) describe(title, body);
  else if (isCi)
    describe(title, () => {
      it(`needs ${service} in CI`, () => {
        throw new Error(problem);
      });
    });
  else describe.skip(`${title} (${problem})`, body);
}

/**
 * Declares `body` once per available engine. Outside CI an unreachable PostgreSQL is skipped with a
 * printed reason; in CI it fails.
 */
export function describeEachEngine(title: string, body: (engine: EngineName) => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  if (pgProblem === null || isCi)
    describeNeeding('PostgreSQL', pgProblem, `${title} [postgres]`, () => body('postgres'));
}
