import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ROLES } from '../../src/core/access/types.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../../src/core/registry/types.ts';
import { createProvinceSimulator } from '../../src/sim/monitoring/province-simulator.ts';
import { startScenario } from '../../src/sim/monitoring/scenarios.ts';
import {
  minesOfYear,
  parseArea,
  readMinePopulation,
  resolveRefdataDir,
} from '../../src/sim/reference/mine-population.ts';
import {
  generateCountry,
  generateRealDemoProvince,
  selectSites,
} from '../../src/sim/reference/real-province.ts';

// The real data file (../shared/refdata, or REDLINE_REFDATA_DIR): these tests check the seeds against it.
const population = readMinePopulation(resolveRefdataDir(loadConfig(process.env).refdataDir));
const now = '2026-12-05T08:00:00.000Z';
const guizhou2019 = minesOfYear(population, 2019, parseArea('guizhou'));
const demo = generateRealDemoProvince({ sites: guizhou2019, now });
const small = (xs: ReadonlyArray<{ capacityTPerYear?: number; approvedCapacityTPerYear?: number }>) =>
  xs.filter((x) => (x.capacityTPerYear ?? x.approvedCapacityTPerYear!) < SMALL_MINE_CAPACITY_T_PER_YEAR)
    .length / xs.length;

describe('the demo province on the real mines of the Guizhou area in 2019', () => {
  it('has every mine of the area and year in the data file, with its capacity spread', () => {
    expect(guizhou2019).toHaveLength(578); // SOURCE.md: 578 mines in the box, 407 below 300 kt/yr
    expect(demo.mines).toHaveLength(guizhou2019.length);
    expect(Math.abs(small(demo.mines) - small(guizhou2019))).toBeLessThan(0.01);
    const caps = (xs: number[]) => [...xs].sort((a, b) => a - b);
    expect(caps(demo.mines.map((m) => m.approvedCapacityTPerYear))).toEqual(
      caps(guizhou2019.map((m) => m.capacityTPerYear)),
    );
  });

  it('puts each mine at a real position of the data file', () => {
    const real = new Set(guizhou2019.map((m) => `${m.longitude},${m.latitude}`));
    for (const m of demo.mines) expect(real.has(`${m.longitude},${m.latitude}`)).toBe(true);
  });

  it('keeps the same capacity spread when REDLINE_DEMO_MINES caps the count', () => {
    const capped = generateRealDemoProvince({ sites: guizhou2019, now, mineCount: 120 });
    expect(capped.mines).toHaveLength(120);
    expect(Math.abs(small(capped.mines) - small(guizhou2019))).toBeLessThan(0.01);
    expect(selectSites(guizhou2019, 120)).toEqual(selectSites([...guizhou2019].reverse(), 120));
  });

  it('groups mines into cities and counties of 示范省 by position: every county is compact', () => {
    expect(demo.regions[0]).toMatchObject({ id: '990000', level: 'province', path: '/990000/' });
    const cities = demo.regions.filter((r) => r.level === 'city');
    const counties = demo.regions.filter((r) => r.level === 'county');
    expect(cities.length).toBeGreaterThanOrEqual(4);
    expect(counties.length).toBeGreaterThan(cities.length);
    for (const r of demo.regions) expect(r.id).toMatch(/^99\d{4}$/);
    for (const c of counties) {
      const own = demo.mines.filter((m) => m.regionId === c.id);
      expect(own.length).toBeGreaterThan(0);
      const lats = own.map((m) => m.latitude!);
      const lons = own.map((m) => m.longitude!);
      // A county of position clusters spans less than ~2.5° (the whole area spans 6°).
      expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(2.5);
      expect(Math.max(...lats) - Math.min(...lats)).toBeLessThan(2.5);
    }
    const names = demo.regions.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is deterministic and has one demo user per role in scope of their mines', () => {
    expect(generateRealDemoProvince({ sites: [...guizhou2019].reverse(), now })).toEqual(demo);
    expect(new Set(demo.users.map((u) => u.role))).toEqual(new Set(ROLES));
    const officer = demo.users.find((u) => u.username === 'officer')!;
    const county = demo.users.find((u) => u.username === 'county')!;
    const mine = demo.mines.find((m) => officer.scope.kind === 'mine' && m.id === officer.scope.mineId)!;
    expect(mine.status).toBe('producing');
    expect(county.scope).toEqual({ kind: 'region', regionId: mine.regionId });
    const codes = demo.mines.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of demo.mines) expect(m.code.startsWith(m.regionId)).toBe(true);
  });

  it('runs the simulator and both scenarios on its mines', () => {
    const producing = demo.mines.filter((m) => m.status === 'producing').slice(0, 20);
    const closed = demo.mines.filter((m) => m.status === 'closed').slice(0, 3);
    const startMs = Date.parse(now);
    const sim = createProvinceSimulator({
      mines: [...producing, ...closed],
      seed: 1,
      startMs,
      intervalMs: 30_000,
    });
    const step = sim.step(startMs);
    expect(step.readings.length).toBeGreaterThan(0);
    expect(startScenario(sim, 'songzao', producing[0]!.code, startMs).name).toBe('songzao');
    expect(startScenario(sim, 'diaoshuidong', closed[0]!.code, startMs).name).toBe('diaoshuidong');
    expect(sim.step(startMs + 60_000).readings.length).toBeGreaterThan(0);
  });
});

describe('the country seed of 2019', () => {
  const sites = minesOfYear(population, 2019);
  const country = generateCountry({ sites, now });

  it('holds all 3,199 mines of the year, real capacities and positions, in 25 provinces', () => {
    expect(country.mines).toHaveLength(3199);
    expect(Math.abs(small(country.mines) - small(sites))).toBeLessThan(1e-9);
    const provinces = country.regions.filter((r) => r.level === 'province');
    expect(provinces).toHaveLength(25);
    for (const p of provinces) {
      expect(p.id).toMatch(/^(7[2-9]|80|8[3-9]|9[0-8])0000$/);
      expect(country.users.find((u) => u.scope.kind === 'region' && u.scope.regionId === p.id)).toBeDefined();
    }
    const county = new Set(country.regions.filter((r) => r.level === 'county').map((r) => r.id));
    for (const m of country.mines) expect(county.has(m.regionId)).toBe(true);
  });
});
