import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { asSession, buildTestApp, createWorld, type World } from '../support/world.ts';
import {
  errorOf,
  indexProvince,
  loginAll,
  mineFacts,
  type ProvinceIndex,
  type Response,
} from './http-kit.ts';

/** The mine registry over HTTP: listing, detail, edits, status transitions, dashboard, docs. */

interface MineItem {
  id: string;
  code: string;
  name: string;
  status: string;
  gasClass: string;
  approvedCapacityTPerYear: number;
  regionId: string;
}
interface MinePage {
  items: MineItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** A world, an app and every demo user's session headers. */
async function setUp() {
  const world = await createWorld();
  const app = await buildTestApp(world);
  const sessions = await loginAll(app, ['province', 'city', 'county', 'officer', 'viewer']);
  const as = (username: string) => asSession(sessions.get(username)!);
  return { world, app, as, province: indexProvince(world) };
}

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

describe('changing mines', () => {
  let world: World;
  let app: FastifyInstance;
  let as: (username: string) => Record<string, string>;
  let province: ProvinceIndex;

  beforeAll(async () => {
    ({ world, app, as, province } = await setUp());
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const stored = async (id: string) => (await world.ports.mines.get(id))!;
  const countyMine = (status: string, skip: readonly string[] = []) => {
    const m = world.province.mines.find(
      (x) => x.regionId === '990102' && x.status === status && !skip.includes(x.id),
    );
    if (!m) throw new Error(`no ${status} mine in 990102`);
    return m;
  };
  const patch = (id: string, payload: Record<string, unknown>, user = 'county') =>
    app.inject({ method: 'PATCH', url: `/api/mines/${id}`, headers: as(user), payload });
  const transition = (id: string, payload: Record<string, unknown>, user = 'county') =>
    app.inject({ method: 'POST', url: `/api/mines/${id}/transitions`, headers: as(user), payload });

  it('PATCH of a fact stores it and audits before/after', async () => {
    const mine = province.mineOf('officer');
    const res = await patch(mine.id, { operator: '示范托管公司', approvedMaxUnderground: 300 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mine: { id: mine.id, operator: '示范托管公司', approvedMaxUnderground: 300 },
    });
    expect(await stored(mine.id)).toMatchObject({
      operator: '示范托管公司',
      approvedMaxUnderground: 300,
      status: mine.status,
    });
    const [entry] = await world.ports.audit.listByTarget('mine', mine.id);
    expect(entry).toMatchObject({
      action: 'mine.update',
      actorName: '张伟（区县监管）',
      before: { operator: mine.operator },
      after: { operator: '示范托管公司' },
    });
  });

  it('PATCH including status → 400 MINE_STATUS_NOT_EDITABLE and the mine unchanged', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    for (const payload of [
      { status: 'closed' },
      { status: 'closed', operator: 'X' },
      { statusSince: '2020-01-01' },
    ]) {
      const res = await patch(mine.id, payload);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('MINE_STATUS_NOT_EDITABLE');
    }
    expect(await stored(mine.id)).toEqual(before);
  });

  it('key facts are refused as edits, naming their process; an invalid capacity approval → MINE_INVALID, nothing stored', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    for (const [payload, code, process] of [
      [
        { approvedCapacityTPerYear: 600_000, operator: 'X' },
        'MINE_CAPACITY_NEEDS_APPROVAL',
        'capacity approval',
      ],
      [{ gasClass: 'outburst' }, 'MINE_GAS_CLASS_NEEDS_APPRAISAL', 'gas-class appraisal'],
      [{ hasGasControlCapability: true }, 'GAS_CONTROL_FLAG_NOT_EDITABLE', 'assessment'],
    ] as const) {
      const res = await patch(mine.id, payload);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe(code);
      expect(errorOf(res).message).toContain(process);
    }
    const approve = (body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/mines/${mine.id}/capacity-approvals`,
        headers: as('county'),
        payload: body,
      });
    for (const value of [5, 1.5, 60_000_000]) {
      const res = await approve({
        capacityTPerYear: value,
        approvalRef: '核定〔2026〕1号',
        approvedOn: '2026-12-01',
      });
      expect(res.statusCode, String(value)).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('MINE_INVALID');
      expect(err.details).toMatchObject({ issues: [{ field: 'approvedCapacityTPerYear' }] });
    }
    const noRef = await approve({ capacityTPerYear: 600_000, approvalRef: '', approvedOn: '2026-12-01' });
    expect(errorOf(noRef).code).toBe('MINE_PROCESS_RECORD_INVALID');
    const unknown = await patch(mine.id, { colour: 'red' });
    expect(errorOf(unknown)).toMatchObject({ code: 'MINE_INVALID' });
    expect(errorOf(unknown).message).toContain('colour');
    expect(await stored(mine.id)).toEqual(before);

    // Through its process the fact changes, audited with the document it rests on.
    const ok = await approve({
      capacityTPerYear: 600_000,
      approvalRef: '核定〔2026〕1号',
      approvedOn: '2026-12-01',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await stored(mine.id)).approvedCapacityTPerYear).toBe(600_000);
    const appraisal = await app.inject({
      method: 'POST',
      url: `/api/mines/${mine.id}/gas-class-appraisals`,
      headers: as('county'),
      payload: { gasClass: 'high', reportRef: '鉴定报告〔2026〕8号', appraisedOn: '2026-11-30' },
    });
    expect(appraisal.statusCode, appraisal.body).toBe(200);
    expect((await stored(mine.id)).gasClass).toBe('high');
    const trail = await world.ports.audit.listByTarget('mine', mine.id);
    expect(trail.find((e) => e.action === 'mine.capacity_approval')?.after).toMatchObject({
      approvedCapacityTPerYear: 600_000,
      process: 'capacity_approval',
      basis: '核定〔2026〕1号 (2026-12-01)',
      via: 'session',
    });
    expect(trail.find((e) => e.action === 'mine.gas_class_appraisal')?.after).toMatchObject({
      gasClass: 'high',
    });
  });

  it('an illegal event for the current status → 403 MINE_STATUS_TRANSITION_NOT_ALLOWED, nothing changed', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    const res = await transition(mine.id, { event: 'complete_closure', reason: 'Closure verified' });
    expect(res.statusCode).toBe(403);
    const err = errorOf(res);
    expect(err.code).toBe('MINE_STATUS_TRANSITION_NOT_ALLOWED');
    expect(err.message).toContain('producing');
    expect(err.details).toMatchObject({
      from: 'producing',
      allowedEvents: expect.arrayContaining(['suspend']),
    });
    expect(await stored(mine.id)).toEqual(before);
    const history = await app.inject({ url: `/api/mines/${mine.id}/history`, headers: as('county') });
    expect(history.json()).toMatchObject({ statusChanges: [] });
  });

  it('a legal event changes the status; history shows reason and actor, the audit before/after', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const res = await transition(mine.id, {
      event: 'suspend',
      reason: '  井下瓦斯超限，责令停产整顿  ',
      basis: '示煤安停〔2026〕12号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mine: { id: mine.id, status: 'suspended' },
      change: { from: 'producing', to: 'suspended' },
    });

    const detail = await app.inject({ url: `/api/mines/${mine.id}`, headers: as('viewer') });
    expect(detail.json()).toMatchObject({ mine: { status: 'suspended', statusSince: world.clock.nowIso() } });

    const history = await app.inject({ url: `/api/mines/${mine.id}/history`, headers: as('viewer') });
    expect(history.statusCode).toBe(200);
    const h = history.json<{ statusChanges: unknown[]; audit: unknown[] }>();
    expect(h.statusChanges).toEqual([
      expect.objectContaining({
        from: 'producing',
        to: 'suspended',
        event: 'suspend',
        reason: '井下瓦斯超限，责令停产整顿',
        basis: '示煤安停〔2026〕12号',
        actorName: '张伟（区县监管）',
        at: world.clock.nowIso(),
      }),
    ]);
    expect(h.audit[0]).toMatchObject({
      action: 'mine.status.suspend',
      actorName: '张伟（区县监管）',
      before: { status: 'producing' },
      after: { status: 'suspended', reason: '井下瓦斯超限，责令停产整顿', basis: '示煤安停〔2026〕12号' },
    });

    // The way back goes through the lifecycle, not around it.
    const back = await transition(mine.id, { event: 'approve_resumption', reason: 'Skipping the review' });
    expect(errorOf(back).code).toBe('MINE_STATUS_TRANSITION_NOT_ALLOWED');
    expect((await stored(mine.id)).status).toBe('suspended');
  });

  it('a transition without a usable reason → 400, nothing changed', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    const missing = await transition(mine.id, { event: 'suspend' });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe('VALIDATION_FAILED');
    expect(errorOf(missing).message).toContain('reason');
    const blank = await transition(mine.id, { event: 'suspend', reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank).code).toBe('MINE_STATUS_REASON_REQUIRED');
    const unknownEvent = await transition(mine.id, { event: 'reopen', reason: 'Because' });
    expect(unknownEvent.statusCode).toBe(400);
    expect(errorOf(unknownEvent).message).toContain('event');
    expect(await stored(mine.id)).toEqual(before);
  });

  it('registers a mine (201) and refuses a taken code with 409 MINE_CODE_TAKEN', async () => {
    const facts = {
      code: '990102777777',
      name: '新登记煤矿',
      regionId: '990102',
      enterpriseId: null,
      approvedCapacityTPerYear: 600_000,
      gasClass: 'low',
      hasGasControlCapability: false,
      gasControlEvidence: null,
      gasControlCertifiedOn: null,
      approvedMaxUnderground: 150,
      operator: null,
      licenceNumber: null,
      licenceValidUntil: null,
      mechanisation: 'mechanised',
      latitude: null,
      longitude: null,
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/mines',
      headers: as('county'),
      payload: { facts },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { mine } = res.json<{ mine: MineItem }>();
    const get = await app.inject({ url: `/api/mines/${mine.id}`, headers: as('county') });
    expect(get.json()).toMatchObject({
      mine: { code: '990102777777', name: '新登记煤矿', status: 'producing' },
    });
    const taken = await app.inject({
      method: 'POST',
      url: '/api/mines',
      headers: as('county'),
      payload: { facts: { ...facts, name: '重复煤矿' } },
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('MINE_CODE_TAKEN');
  });
});

describe('API surface', () => {
  let world: World;
  let app: FastifyInstance;
  let as: (username: string) => Record<string, string>;

  beforeAll(async () => {
    world = await createWorld(undefined, 4);
    app = await buildTestApp(world);
    const sessions = await loginAll(app, ['county']);
    as = (u) => asSession(sessions.get(u)!);
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('an unknown route → 404 ROUTE_NOT_FOUND', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/mines/m-1/reopen'],
      ['DELETE', '/api/mines/m-1'],
    ] as const) {
      const res = await app.inject({ method, url, headers: as('county') });
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('GET /api/openapi.json lists the mines routes', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths['/api/mines'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(spec.paths['/api/mines/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
    expect(spec.paths['/api/mines/{id}/transitions']).toHaveProperty('post');
    expect(spec.paths['/api/mines/{id}/history']).toHaveProperty('get');
    expect(spec.paths['/api/mines/import']).toHaveProperty('post');
  });

  it('GET /api/docs answers 200 with the HTML of the API docs', async () => {
    const res = await app.inject({ url: '/api/docs', headers: as('county') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });

  it('GET /api/docs is public, like the OpenAPI document it renders', async () => {
    const res: Response = await app.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('errors carry the request id and the security headers', async () => {
    const res = await app.inject({ url: '/api/mines?status=bogus', headers: as('county') });
    expect(errorOf(res).requestId).toMatch(/^req-/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('never registers (or imports) a producing outburst mine without certified gas-control capability', async () => {
    const code = '990102987651';
    const refused = await app.inject({
      method: 'POST',
      url: '/api/mines',
      headers: as('county'),
      payload: {
        facts: mineFacts({
          code,
          name: '突出新登记煤矿',
          gasClass: 'outburst',
          hasGasControlCapability: false,
        }),
        initialStatus: 'producing',
      },
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
    const csv = [
      'code,name,regionId,capacity,gasClass,approvedMaxUnderground,status',
      `${code},突出导入煤矿,990102,300000,outburst,80,producing`,
    ].join('\n');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      headers: { ...as('county'), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.json()).toMatchObject({ imported: 0, rejected: 1 });
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
  });

  it('never moves a high-gas mine without certified gas-control capability to producing', async () => {
    const code = '990102987650';
    const created = await app.inject({
      method: 'POST',
      url: '/api/mines',
      headers: as('county'),
      payload: {
        facts: mineFacts({ code, name: '高瓦斯新井煤矿', gasClass: 'high', hasGasControlCapability: false }),
        initialStatus: 'construction',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ mine: { id: string } }>().mine.id;
    const done = await app.inject({
      method: 'POST',
      url: `/api/mines/${id}/transitions`,
      headers: as('county'),
      payload: { event: 'complete_construction', reason: '竣工验收' },
    });
    expect(done.statusCode).toBe(409);
    expect(errorOf(done).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    expect((await world.ports.mines.get(id))!.status).toBe('construction');
  });
});
