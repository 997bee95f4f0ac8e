import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Ports } from '../core/ports.ts';
import { cryptoSecrets, randomIds, systemClock, argon2Hasher } from '../platform/system.ts';
import { generateDemoProvince } from '../sim/demo-province.ts';
import { loadDemoProvince } from '../sim/load-demo-province.ts';
import { createPorts } from '../storage/create-ports.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../storage/database.ts';

export interface Runtime {
  config: Readonly<Config>;
  database: OpenDatabase;
  ports: Ports;
}

/** Opens and migrates the configured database and wires the stores to the real clock and ids. */
export async function openRuntime(config: Readonly<Config>): Promise<Runtime> {
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  return { config, database, ports: createPorts(database.db, systemClock, randomIds) };
}

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  displayName: string;
}

const accountsFile = (config: Readonly<Config>) => join(config.dataDir, 'demo-accounts.json');

/**
 * Seeds the demo province when the database has no regions yet. The demo passwords are generated
 * here, never stored in the repository, and kept (mode 600) in the data directory so they can be
 * printed at every start.
 */
export async function seedDemoIfEmpty(
  rt: Runtime,
  mineCount = rt.config.demoMines,
): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  if ((await rt.ports.regions.list()).length > 0)
    return { seeded: false, accounts: readDemoAccounts(rt.config) };
  const province = generateDemoProvince({ seed: rt.config.demoSeed, mineCount, now: systemClock.nowIso() });
  const passwords = Object.fromEntries(
    province.users.map((u) => [u.username, `${u.username}-${cryptoSecrets.newToken().slice(0, 10)}`]),
  );
  await loadDemoProvince({ ...rt.ports, hasher: argon2Hasher }, province, passwords);
  const accounts = province.users.map((u) => ({
    username: u.username,
    password: passwords[u.username]!,
    role: u.role,
    displayName: u.displayName,
  }));
  mkdirSync(rt.config.dataDir, { recursive: true });
  writeFileSync(accountsFile(rt.config), `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  chmodSync(accountsFile(rt.config), 0o600);
  return { seeded: true, accounts };
}

export function readDemoAccounts(config: Readonly<Config>): DemoAccount[] {
  const f = accountsFile(config);
  if (!existsSync(f)) return [];
  return JSON.parse(readFileSync(f, 'utf8')) as DemoAccount[];
}
