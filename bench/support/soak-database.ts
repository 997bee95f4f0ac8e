/**
 * The soak benchmark's database: a SQLite file in the run's directory, or a PostgreSQL database
 * (DATABASE_URL when it is a postgres:// URL, otherwise a throwaway one created through
 * TEST_DATABASE_URL and dropped at the end). Also its size and its count of stored readings.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openRuntime } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { createApiToken } from '../../src/core/access/accounts.ts';
import { principalFor, publicUser } from '../../src/core/access/authentication.ts';
import { cryptoSecrets } from '../../src/platform/system.ts';

export interface SoakDatabase {
  /** What the server is given as DATABASE_URL. */
  url: string;
  /** Size on disk (SQLite: file and WAL) in MiB. */
  sizeMb(): Promise<number | null>;
  /** Rows in `readings` (call once the server has stopped). */
  countReadings(): Promise<number>;
  /** Closes the connection; drops a throwaway PostgreSQL database unless `keep`. */
  close(keep: boolean): Promise<void>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Readings in the head (re-sent ones included, until compaction) plus those in blocks (ADR 0005). */
const STORED_READINGS =
  'select (select count(*) from readings_head) + (select coalesce(sum(count), 0) from reading_blocks) as n';

export async function prepareSoakDatabase(engine: 'sqlite' | 'postgres', dir: string): Promise<SoakDatabase> {
  if (engine === 'sqlite') {
    const url = join(dir, 'redline.db');
    const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
    return {
      url,
      sizeMb: () => Promise.resolve(round1((size(url) + size(`${url}-wal`)) / 1_048_576)),
      countReadings: () => {
        const db = new DatabaseSync(url, { readOnly: true });
        try {
          return Promise.resolve(Number(db.prepare(STORED_READINGS).get()?.n));
        } finally {
          db.close();
        }
      },
      close: () => Promise.resolve(),
    };
  }
  let url = process.env.DATABASE_URL ?? '';
  let drop: (() => Promise<void>) | null = null;
  if (!url.startsWith('postgres')) {
    const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `redline_soak_${randomBytes(5).toString('hex')}`;
    const adminQuery = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    await adminQuery(`create database ${name}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  let client: pg.Client | null = null;
  const query = async (q: string): Promise<number> => {
    if (client === null) {
      client = new pg.Client({ connectionString: url });
      await client.connect();
    }
    return Number((await client.query<{ n: string }>(q)).rows[0]?.n);
  };
  return {
    url,
    sizeMb: async () => round1((await query('select pg_database_size(current_database()) as n')) / 1_048_576),
    countReadings: () => query(STORED_READINGS),
    close: async (keep) => {
      await client?.end();
      if (!keep) await drop?.();
    },
  };
}

/**
 * An `ingest` token for every province regulator of a country seed (`p72`, `p73`, …), keyed by the
 * province's two-digit prefix of the mine codes. In-process: one CLI run per province would take
 * minutes on a busy machine.
 */
export async function provinceRegulatorTokens(env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const rt = await openRuntime(loadConfig(env));
  try {
    const accounts = JSON.parse(
      readFileSync(join(env.REDLINE_DATA_DIR!, 'demo-accounts.json'), 'utf8'),
    ) as Array<{ username: string }>;
    for (const a of accounts) {
      const user = await rt.ports.users.getByUsername(a.username);
      const principal = await principalFor(rt.ports, publicUser(user!), 'token');
      const t = await createApiToken({ ...rt.ports, secrets: cryptoSecrets }, principal, {
        name: 'soak gateways',
      });
      tokens.set(a.username.slice(1), t.token);
    }
  } finally {
    await rt.database.close();
  }
  return tokens;
}
