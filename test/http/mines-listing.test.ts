import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import type { World } from '../support/world.ts';
import { errorOf, type ProvinceIndex } from './http-kit.ts';
import { setUp, type MineItem, type MinePage } from './mines-kit.ts';

/** The mine registry over HTTP: the list (scope, filters, search, paging, sorting), one mine, the dashboard. */

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
const codesOf = (ms: ReadonlyArray<{ code: string }>) => ms.map((m) => m.code);

describe('listing mines (read-only world)', () => {
  let world: World;
  let app: FastifyInstance;
  let as: (username: string) => Record<string, string>;
  let province: ProvinceIndex;
  let countyMines: DemoMine[];

  beforeAll(async () => {
    ({ world, app, as, province } = await setUp());
    countyMines = province.minesSeenBy(province.user('county')).sort(byCode);
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const list = async (query: string, user = 'county'): Promise<MinePage> => {
    const res = await app.inject({ url: `/api/mines?${query}`, headers: as(user) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MinePage>();
  };

  it('shows the county user the mines of the county, sorted by code, with the total', async () => {
    expect(countyMines.length).toBeGreaterThan(3);
    const page = await list('pageSize=500');
    expect(page.total).toBe(countyMines.length);
    expect(codesOf(page.items)).toEqual(codesOf(countyMines));
  });

  it('filters by status and by gas class', async () => {
    for (const status of ['producing', 'resumption_review', 'closing', 'suspended']) {
      const page = await list(`status=${status}&pageSize=500`);
      expect(codesOf(page.items), status).toEqual(codesOf(countyMines.filter((m) => m.status === status)));
    }
    const all = province.minesSeenBy(province.user('province')).sort(byCode);
    for (const gasClass of ['low', 'high', 'outburst']) {
      const page = await list(`gasClass=${gasClass}&pageSize=500`, 'province');
      expect(page.total, gasClass).toBe(all.filter((m) => m.gasClass === gasClass).length);
      expect(page.items.every((m) => m.gasClass === gasClass)).toBe(true);
    }
    expect((await list('gasClass=outburst&pageSize=500', 'province')).total).toBeGreaterThan(0);
  });

  it('capacityMax=299999 gives the small mines and nothing larger', async () => {
    const all = province.minesSeenBy(province.user('province'));
    const page = await list('capacityMax=299999&pageSize=500', 'province');
    const small = all.filter((m) => m.approvedCapacityTPerYear < 300_000);
    expect(small.length).toBeGreaterThan(5);
    expect(codesOf(page.items)).toEqual(expect.arrayContaining(codesOf(small)));
    expect(page.items.every((m) => m.approvedCapacityTPerYear < 300_000)).toBe(true);
    const combined = await list('capacityMin=1000000&status=producing&pageSize=500', 'province');
    expect(codesOf(combined.items).sort()).toEqual(
      codesOf(all.filter((m) => m.approvedCapacityTPerYear >= 1_000_000 && m.status === 'producing')).sort(),
    );
  });

  it('finds a mine by a fragment of its name and by its code', async () => {
    const target = countyMines[1]!;
    const fragment = target.name.slice(0, 2);
    const byName = await list(`q=${encodeURIComponent(fragment)}&pageSize=500`);
    expect(codesOf(byName.items)).toContain(target.code);
    expect(byName.total).toBeLessThan(countyMines.length);

    const exact = await list(`q=${target.code}`);
    expect(exact).toMatchObject({ total: 1, items: [{ id: target.id, name: target.name }] });
  });

  it('a search for the code of a mine outside the scope finds nothing', async () => {
    const outside = province.mineOf('officer2');
    const page = await list(`q=${outside.code}`);
    expect(page).toMatchObject({ total: 0, items: [] });
  });

  it('narrows to a region inside the scope; a region outside → 404 REGION_NOT_FOUND', async () => {
    const city = await list('regionId=990100&pageSize=500', 'province');
    const cityMines = world.province.mines.filter((m) => province.region(m.regionId).parentId === '990100');
    expect(codesOf(city.items)).toEqual(codesOf(cityMines.sort(byCode)));

    const county = await list('regionId=990102&pageSize=500', 'city');
    expect(codesOf(county.items)).toEqual(codesOf(countyMines));

    for (const regionId of ['990202', '990100', '990000', '999999']) {
      const res = await app.inject({ url: `/api/mines?regionId=${regionId}`, headers: as('county') });
      expect(res.statusCode, regionId).toBe(404);
      expect(errorOf(res).code).toBe('REGION_NOT_FOUND');
      expect(errorOf(res).message).toContain(regionId);
    }
  });

  it('pages through the list with a stable total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(countyMines.length / 3); page++) {
      const p = await list(`pageSize=3&page=${page}`);
      expect(p).toMatchObject({ total: countyMines.length, page, pageSize: 3 });
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...codesOf(p.items));
    }
    expect(seen).toEqual(codesOf(countyMines));
    const beyond = await list('pageSize=3&page=99');
    expect(beyond).toMatchObject({ items: [], total: countyMines.length });
  });

  it('sorts by capacity (descending) and by name, ties broken by code', async () => {
    const byCapacity = await list('sort=capacity&order=desc&pageSize=500');
    const expected = [...countyMines].sort(
      (a, b) => b.approvedCapacityTPerYear - a.approvedCapacityTPerYear || byCode(a, b),
    );
    expect(codesOf(byCapacity.items)).toEqual(codesOf(expected));
    const byName = await list('sort=name&pageSize=500');
    const names = byName.items.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).not.toEqual(countyMines.map((m) => m.name));
  });

  it('rejects bad query values with 400 VALIDATION_FAILED naming the field', async () => {
    for (const [query, field] of [
      ['pageSize=100000', 'pageSize'],
      ['status=bogus', 'status'],
      ['page=0', 'page'],
      ['sort=price', 'sort'],
      ['regionId=12', 'regionId'],
      ['capacityMax=-5', 'capacityMax'],
    ] as const) {
      const res = await app.inject({ url: `/api/mines?${query}`, headers: as('county') });
      expect(res.statusCode, query).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message).toContain(field);
      expect(err.details).toMatchObject({ issues: [{ field: `querystring.${field}` }] });
    }
  });

  it('shows one mine with its region chain (province → city → county)', async () => {
    const mine = province.mineOf('officer');
    const res = await app.inject({ url: `/api/mines/${mine.id}`, headers: as('county') });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      mine: MineItem & { regionName: string };
      regionChain: Array<{ id: string; name: string }>;
    }>();
    expect(body.mine).toMatchObject({ id: mine.id, code: mine.code, name: mine.name, regionName: '岩东区' });
    expect(body.regionChain.map((r) => [r.id, r.name])).toEqual([
      ['990000', '示范省'],
      ['990100', '岩门市'],
      ['990102', '岩东区'],
    ]);
  });

  it('the officer sees only the own mine', async () => {
    const page = await list('pageSize=500', 'officer');
    expect(page).toMatchObject({ total: 1, items: [{ id: province.mineOf('officer').id }] });
  });

  describe('dashboard', () => {
    interface Dashboard {
      region: { id: string };
      totals: { mines: number; smallMines: number };
      byStatus: Record<string, number>;
      byGasClass: Record<string, number>;
      capacityBands: Array<{ band: string; count: number }>;
      byDistrict: Array<{
        region: { id: string };
        total: number;
        smallMines: number;
        byStatus: Record<string, number>;
      }>;
    }
    const dashboard = async (user: string, query = ''): Promise<Dashboard> => {
      const res = await app.inject({ url: `/api/dashboard${query}`, headers: as(user) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Dashboard>();
    };
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

    it('totals equal the in-scope mines and the district rows add up', async () => {
      for (const user of ['province', 'city', 'county', 'officer']) {
        const d = await dashboard(user);
        const seen = province.minesSeenBy(province.user(user));
        expect(d.totals.mines, user).toBe(seen.length);
        expect(d.totals.smallMines, user).toBe(
          seen.filter((m) => m.approvedCapacityTPerYear < 300_000).length,
        );
        expect(sum(d.byDistrict.map((r) => r.total)), user).toBe(d.totals.mines);
        expect(sum(d.byDistrict.map((r) => r.smallMines)), user).toBe(d.totals.smallMines);
        expect(sum(Object.values(d.byStatus)), user).toBe(d.totals.mines);
        expect(sum(Object.values(d.byGasClass)), user).toBe(d.totals.mines);
        expect(sum(d.capacityBands.map((b) => b.count)), user).toBe(d.totals.mines);
        for (const status of Object.keys(d.byStatus)) {
          expect(d.byStatus[status], `${user} ${status}`).toBe(
            seen.filter((m) => m.status === status).length,
          );
        }
      }
    });

    it("a city regulator's dashboard has one row per county of its city", async () => {
      const d = await dashboard('city');
      expect(d.region.id).toBe('990100');
      const counties = world.province.regions.filter((r) => r.parentId === '990100').map((r) => r.id);
      expect(counties.length).toBeGreaterThan(1);
      expect(d.byDistrict.map((r) => r.region.id)).toEqual(counties.sort());
      for (const row of d.byDistrict) {
        expect(row.total).toBe(world.province.mines.filter((m) => m.regionId === row.region.id).length);
      }
    });

    it('narrows to a county of the scope; a county outside → 404 REGION_NOT_FOUND', async () => {
      const d = await dashboard('city', '?regionId=990102');
      expect(d.region.id).toBe('990102');
      expect(d.totals.mines).toBe(countyMines.length);
      const res = await app.inject({ url: '/api/dashboard?regionId=990202', headers: as('city') });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('REGION_NOT_FOUND');
    });
  });
});
