/**
 * The seeds on a real SQLite file, as `npm start` (`serve --demo`) and `redline seed --country` run
 * them: the demo province on the Guizhou area's 2019 mines with the closure history 2011–2023, and
 * every mine of 2019.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedCountryIfEmpty, seedDemoIfEmpty, openRuntime, type Runtime } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { principalFor, publicUser } from '../../src/core/access/authentication.ts';
import { buildBriefingForRegion } from '../../src/core/briefing/briefing-use-cases.ts';
import { listTargets } from '../../src/core/closure/closure-use-cases.ts';
import { getPopulationHistory } from '../../src/core/closure/population-history.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../../src/core/registry/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-refdata-seed-'));
const runtimes: Runtime[] = [];
afterAll(async () => {
  for (const rt of runtimes) await rt.database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runtime(name: string): Promise<Runtime> {
  const rt = await openRuntime(
    loadConfig({
      DATABASE_URL: join(dir, `${name}.db`),
      REDLINE_DATA_DIR: join(dir, name),
      REDLINE_REFDATA_DIR: process.env.REDLINE_REFDATA_DIR,
    }),
  );
  runtimes.push(rt);
  return rt;
}

const allMines = async (rt: Runtime) =>
  (await rt.ports.mines.search({}, { offset: 0, limit: 100_000, sort: 'code', desc: false })).items;

describe('npm start seeds the demo province on the Guizhou area in 2019', () => {
  let rt: Runtime;

  it('stores the 578 mines of the area with the share below 300 kt/yr of the data file', async () => {
    rt = await runtime('demo');
    const r = await seedDemoIfEmpty(rt);
    expect(r.seeded).toBe(true);
    const mines = await allMines(rt);
    expect(mines).toHaveLength(578);
    const small = mines.filter((m) => m.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR).length;
    expect(Math.abs(small / mines.length - 407 / 578)).toBeLessThan(0.01);
    expect(r.accounts.map((a) => a.username)).toContain('province');
    expect((await seedDemoIfEmpty(rt)).seeded).toBe(false);
  });

  it("holds the area's real 2011→2023 reduction for the closure page and the briefing", async () => {
    const user = await rt.ports.users.getByUsername('province');
    const province = await principalFor(rt.ports, publicUser(user!), 'session');
    const history = await getPopulationHistory(rt.ports, province, undefined);
    expect(history.years.map((y) => y.year)).toEqual(Array.from({ length: 13 }, (_, i) => 2011 + i));
    const year = (y: number) => history.years.find((x) => x.year === y)!;
    // The area's counts in the data file (SOURCE.md box): 2,195 mines in 2011, 578 in 2019, 363 in 2020.
    expect(year(2011).mines).toBe(2195);
    expect(year(2011).smallMines).toBe(2101);
    expect(year(2019)).toMatchObject({ mines: 578, smallMines: 407, closed: 140, smallClosed: 126 });
    expect(year(2020)).toMatchObject({ mines: 363, smallMines: 72, closed: 215, smallClosed: 335 });
    expect(history.reduction).toEqual({
      fromYear: 2011,
      toYear: 2023,
      mines: 2195 - 510,
      smallMines: 2101 - 39,
    });

    const targets = await listTargets(rt.ports, province, undefined);
    expect(targets.length).toBeGreaterThan(0);
    // Per district the net decrease 2019→2020; summed over districts at least the area's net 215.
    expect(targets.reduce((s, t) => s + t.target.minesToClose, 0)).toBeGreaterThanOrEqual(215);

    const briefing = await buildBriefingForRegion(rt.ports, '990000', {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(briefing.closure.history?.years.find((y) => y.year === 2020)?.closed).toBe(215);

    // A county regulator sees only the county's share of the history.
    const countyUser = await rt.ports.users.getByUsername('county');
    const county = await principalFor(rt.ports, publicUser(countyUser!), 'session');
    const own = await getPopulationHistory(rt.ports, county, undefined);
    expect(own.years.find((y) => y.year === 2019)!.mines).toBe(
      (await allMines(rt)).filter((m) => m.regionId === (county.scope as { regionId: string }).regionId)
        .length,
    );
  });
});

describe('redline seed --country 2019', () => {
  it('loads all 3,199 mines of 2019 into an empty database, grouped into provinces', async () => {
    const rt = await runtime('country');
    const started = performance.now();
    const r = await seedCountryIfEmpty(rt, 2019);
    const ms = performance.now() - started;
    expect(r).toMatchObject({ seeded: true, mines: 3199, skippedRows: 624 });
    expect(await allMines(rt)).toHaveLength(3199);
    expect((await rt.ports.regions.list()).filter((x) => x.level === 'province')).toHaveLength(25);
    console.log(`seed --country 2019: ${r.mines} mines, ${r.regions} regions in ${Math.round(ms)} ms`);
  });
});
