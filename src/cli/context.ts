import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Ports } from '../core/ports.ts';
import { cryptoSecrets, randomIds, systemClock, argon2Hasher } from '../platform/system.ts';
import { DEFAULT_DEMO_MINE_COUNT, generateDemoProvince, type DemoProvince } from '../sim/demo-province.ts';
import { loadClosureHistory, loadDemoProvince, SEED_ACTOR } from '../sim/load-demo-province.ts';
import { populationYears, targetsFromHistory } from '../sim/reference/population-history.ts';
import {
  minesOfYear,
  parseArea,
  readMinePopulation,
  resolveRefdataDir,
  type AreaBox,
  type MinePopulation,
} from '../sim/reference/mine-population.ts';
import { generateCountry, generateRealDemoProvince } from '../sim/reference/real-province.ts';
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

/** The demo province to seed, and where its mines came from. */
export interface DemoPlan {
  province: DemoProvince;
  /** One line for the operator: what was seeded. */
  description: string;
  /** The real data behind it (null for the invented province). */
  reference: { population: MinePopulation; area: AreaBox; year: number } | null;
}

/**
 * The demo province the configuration asks for: the real mines of REDLINE_DEMO_AREA in
 * REDLINE_DEMO_YEAR (at most `mineCount`), or the invented province when the area is `synthetic`.
 * @throws ReferenceDataError when the reference data is missing or the area/year is unknown.
 */
export function planDemoProvince(
  config: Readonly<Config>,
  mineCount = config.demoMines,
  now = systemClock.nowIso(),
): DemoPlan {
  if (config.demoArea === 'synthetic') {
    const count = mineCount ?? DEFAULT_DEMO_MINE_COUNT;
    return {
      province: generateDemoProvince({ seed: config.demoSeed, mineCount: count, now }),
      description: `the invented demo province (${count} mines)`,
      reference: null,
    };
  }
  const population = readMinePopulation(resolveRefdataDir(config.refdataDir));
  const area = parseArea(config.demoArea);
  const sites = minesOfYear(population, config.demoYear, area);
  const province = generateRealDemoProvince({ sites, mineCount, seed: config.demoSeed, now });
  const skipped =
    population.skipped.missingPosition + population.skipped.zeroCapacity + population.skipped.malformed;
  return {
    province,
    description:
      `the demo province on the real mines of the ${config.demoArea} area in ${config.demoYear} ` +
      `(${province.mines.length} of ${sites.length} mines; ${skipped} bad rows of the data file skipped)`,
    reference: { population, area, year: config.demoYear },
  };
}

function writeAccounts(
  rt: Runtime,
  province: DemoProvince,
  passwords: Record<string, string>,
): DemoAccount[] {
  const accounts = province.users.map((u) => ({
    username: u.username,
    password: passwords[u.username]!,
    role: u.role,
    displayName: u.displayName,
  }));
  mkdirSync(rt.config.dataDir, { recursive: true });
  writeFileSync(accountsFile(rt.config), `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  chmodSync(accountsFile(rt.config), 0o600);
  return accounts;
}

const newPasswords = (province: DemoProvince) =>
  Object.fromEntries(
    province.users.map((u) => [u.username, `${u.username}-${cryptoSecrets.newToken().slice(0, 10)}`]),
  );

/**
 * Seeds the demo province when the database has no regions yet. The demo passwords are generated
 * here, never stored in the repository, and kept (mode 600) in the data directory so they can be
 * printed at every start.
 */
export async function seedDemoIfEmpty(
  rt: Runtime,
  mineCount = rt.config.demoMines,
): Promise<{ seeded: boolean; accounts: DemoAccount[]; description: string; mines: number }> {
  if ((await rt.ports.regions.list()).length > 0)
    return { seeded: false, accounts: readDemoAccounts(rt.config), description: '', mines: 0 };
  const plan = planDemoProvince(rt.config, mineCount);
  const passwords = newPasswords(plan.province);
  await loadDemoProvince({ ...rt.ports, hasher: argon2Hasher }, plan.province, passwords);
  if (plan.reference) {
    const { population, area, year } = plan.reference;
    const rows = populationYears(plan.province, population, area);
    const targets = targetsFromHistory(
      plan.province,
      rows,
      year,
      rt.ports.clock.nowIso(),
      () => rt.ports.ids.next('ctg'),
      SEED_ACTOR,
    );
    await loadClosureHistory(rt.ports, rows, targets);
  }
  const accounts = writeAccounts(rt, plan.province, passwords);
  return { seeded: true, accounts, description: plan.description, mines: plan.province.mines.length };
}

/**
 * Seeds every mine of `year` (real capacities and positions) grouped into provinces, cities and
 * counties by position, with one province regulator per province, into an empty database.
 */
export async function seedCountryIfEmpty(
  rt: Runtime,
  year: number,
): Promise<{
  seeded: boolean;
  mines: number;
  regions: number;
  accounts: DemoAccount[];
  skippedRows: number;
}> {
  if ((await rt.ports.regions.list()).length > 0)
    return { seeded: false, mines: 0, regions: 0, accounts: [], skippedRows: 0 };
  const population = readMinePopulation(resolveRefdataDir(rt.config.refdataDir));
  const sites = minesOfYear(population, year);
  const province = generateCountry({ sites, seed: rt.config.demoSeed, now: systemClock.nowIso() });
  const passwords = newPasswords(province);
  await loadDemoProvince({ ...rt.ports, hasher: argon2Hasher }, province, passwords);
  const { missingPosition, zeroCapacity, malformed } = population.skipped;
  return {
    seeded: true,
    mines: province.mines.length,
    regions: province.regions.length,
    accounts: writeAccounts(rt, province, passwords),
    skippedRows: missingPosition + zeroCapacity + malformed,
  };
}

export function readDemoAccounts(config: Readonly<Config>): DemoAccount[] {
  const f = accountsFile(config);
  if (!existsSync(f)) return [];
  return JSON.parse(readFileSync(f, 'utf8')) as DemoAccount[];
}
