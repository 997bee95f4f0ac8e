import { beforeAll, expect, it } from 'vitest';
import { generalHazard } from '../hazards/hazard-fixtures.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, loginAs, type Session, useTestApp, useWorld } from '../support/world.ts';
import { indexProvince } from './http-kit.ts';

/** Issue 16: the top bar's search finds mines, people, hazards, orders and cases — never past the scope. */

interface Results {
  mines: Array<{ id: string; code: string; name: string }>;
  people: Array<{ name: string; role: string; mineId: string }>;
  hazards: Array<{ id: string; title: string }>;
  orders: Array<{ id: string; number: string }>;
  cases: Array<{ id: string; summary: string }>;
}

describeEachEngine('global search', (engine) => {
  const world = useWorld(engine);
  const app = useTestApp(world);
  let sessions: Record<string, Session>;
  beforeAll(async () => {
    sessions = {};
    for (const u of ['province', 'county', 'county2', 'officer', 'officer2', 'viewer'])
      sessions[u] = await loginAs(app, u);
    const province = indexProvince(world);
    for (const [officer, tag] of [
      ['officer', '甲'],
      ['officer2', '乙'],
    ] as const) {
      const mine = province.mineOf(officer);
      const post = async (user: string, url: string, payload: object) => {
        const res = await app.inject({ method: 'POST', url, headers: asSession(sessions[user]!), payload });
        expect(res.statusCode, res.body).toBeLessThan(300);
      };
      await post(officer, `/api/supervision/mines/${mine.id}/responsible`, {
        name: `责任人${tag}测试`,
        position: '矿长',
        phone: '0851-1234567',
      });
      await post(officer, '/api/hazards', generalHazard(mine.id, { title: `巷道积水${tag}搜索` }));
      await post('province', '/api/orders', {
        number: `搜索停〔2026〕${tag}号`,
        kind: 'suspend_mine',
        legalBasis: 'art 48',
        reason: 'search',
        mineIds: [mine.id],
      });
      await post('province', '/api/closure/cases', {
        type: 'data_tampering',
        mineId: mine.id,
        summary: `案情${tag}搜索`,
      });
    }
  });

  const search = async (user: string, q: string): Promise<Results> => {
    const res = await app.inject({
      url: `/api/search?q=${encodeURIComponent(q)}`,
      headers: asSession(sessions[user]!),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Results>();
  };

  it('a county regulator finds a mine of the county by part of its name and by its code', async () => {
    const mine = indexProvince(world).mineOf('officer');
    const part = mine.name.slice(1, 4);
    expect((await search('county', part)).mines.map((m) => m.id)).toContain(mine.id);
    expect((await search('county', mine.code)).mines.map((m) => m.id)).toEqual([mine.id]);
    expect((await search('county', mine.code.slice(-6))).mines.map((m) => m.id)).toContain(mine.id);
  });

  it('never finds a mine, person, hazard, order or case outside the scope', async () => {
    const other = indexProvince(world).mineOf('officer2');
    expect((await search('county', other.code)).mines).toEqual([]);
    expect((await search('county', other.name)).mines.map((m) => m.id)).not.toContain(other.id);
    const r = await search('county', '乙');
    expect(r.people).toEqual([]);
    expect(r.hazards).toEqual([]);
    expect(r.orders).toEqual([]);
    expect(r.cases).toEqual([]);
    // The mine's own officer sees only the mine's items; the province sees both counties'.
    expect((await search('officer', '搜索')).hazards.map((h) => h.title)).toEqual(['巷道积水甲搜索']);
    expect((await search('province', '搜索')).hazards.map((h) => h.title).sort()).toEqual([
      '巷道积水乙搜索',
      '巷道积水甲搜索',
    ]);
  });

  it('finds an order by its number, a person by name, a hazard by title, a case by its summary', async () => {
    const mine = indexProvince(world).mineOf('officer');
    const r = await search('county', '甲');
    expect(r.orders.map((o) => o.number)).toEqual(['搜索停〔2026〕甲号']);
    expect(r.people).toEqual([
      { name: '责任人甲测试', role: 'responsible', mineId: mine.id, mineName: expect.any(String) },
    ]);
    expect(r.hazards.map((h) => h.title)).toEqual(['巷道积水甲搜索']);
    expect(r.cases.map((c) => c.summary)).toEqual(['案情甲搜索']);
    expect((await search('county', '〔2026〕甲')).orders).toHaveLength(1);
  });

  it('leaves out a group the role may not read, and answers an empty query with nothing', async () => {
    const r = await search('viewer', '搜索');
    expect(r.hazards.length).toBeGreaterThan(0);
    expect(await search('county', '  ')).toMatchObject({ mines: [], people: [], orders: [] });
    const anonymous = await app.inject({ url: '/api/search?q=x' });
    expect(anonymous.statusCode).toBe(401);
  });
});
