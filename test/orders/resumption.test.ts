import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideResumption } from '../../src/core/orders/resumption-use-cases.ts';
import { errorOf, mineFacts, createCodeSource } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, buildTestApp, createWorld, loginAs, type Session, type World } from '../support/world.ts';
import { seedOnlineData } from './orders-support.ts';

type View = {
  id: string;
  status: string;
  openItems: string[];
  checklist: Array<{ id: string; done: boolean; detail: string; signedBy: { name: string } | null }>;
  decision: { dueOn: string; daysLeft: number; overdue: boolean };
  notice: { dueOn: string; late: boolean } | null;
};

describeEachEngine('resumption acceptance and the gas-control rule', (engine) => {
  let world: World;
  let app: FastifyInstance;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await createWorld(engine, 60);
    app = await buildTestApp(world);
    for (const u of ['county', 'leader', 'group', 'officer']) s[u] = await loginAs(app, u);
    const code = createCodeSource(world);
    for (const [key, facts, status] of [
      ['low', { gasClass: 'low', hasGasControlCapability: false }, 'producing'],
      [
        'gas',
        {
          gasClass: 'outburst',
          hasGasControlCapability: false,
          gasControlEvidence: null,
          gasControlCertifiedOn: null,
        },
        'suspended',
      ],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/mines',
        headers: asSession(s.county!),
        payload: {
          facts: mineFacts({ ...facts, code: code('990102'), name: `验收测试${key}煤矿` }),
          initialStatus: status,
        },
      });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json<{ mine: { id: string } }>().mine.id;
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const post = (who: string, url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: asSession(s[who]!),
      payload: payload as Record<string, unknown>,
    });

  it('approval needs the complete checklist; signed by the right roles; 20-day and 5-working-day deadlines', async () => {
    const order = await post('county', '/api/orders', {
      number: '县停〔2026〕1号',
      kind: 'suspend_mine',
      legalBasis: '条例第48条',
      reason: '重大隐患',
      mineIds: [ids.low],
    });
    expect(order.statusCode).toBe(201);
    const lift = await post('county', '/api/orders', {
      number: '县解〔2026〕1号',
      kind: 'lift',
      legalBasis: '条例第48条',
      reason: '整改完成',
      mineIds: [ids.low],
    });
    expect(lift.json<{ affectedMineIds: string[] }>().affectedMineIds).toEqual([]);
    const mineNow = await app.inject({
      method: 'GET',
      url: `/api/mines/${ids.low}`,
      headers: asSession(s.county!),
    });
    expect(mineNow.json<{ mine: { status: string } }>().mine.status).toBe('suspended');

    const applied = await post('county', '/api/orders/resumptions', {
      mineId: ids.low,
      note: '整改完毕，申请验收',
    });
    expect(applied.statusCode).toBe(201);
    const r = applied.json<{ resumption: View }>().resumption;
    expect(r.decision).toEqual({ dueOn: '2026-12-25', daysLeft: 20, overdue: false });
    expect(r.openItems).toEqual(
      expect.arrayContaining([
        'monitoring_online',
        'personnel_online',
        'plan_approved',
        'group_inspection',
        'leader_signoff',
      ]),
    );

    const refused = await post('county', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意复产',
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('RESUMPTION_CHECKLIST_INCOMPLETE');
    expect((errorOf(refused).details as { openItems: string[] }).openItems).toContain('leader_signoff');

    const wrongRole = await post('group', `/api/orders/resumptions/${r.id}/sign-offs`, {
      item: 'leader_signoff',
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(errorOf(wrongRole).code).toBe('RESUMPTION_SIGNER_ROLE');
    expect(
      (
        await post('county', `/api/orders/resumptions/${r.id}/sign-offs`, {
          item: 'plan_approved',
          note: '方案已批',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await post('group', `/api/orders/resumptions/${r.id}/sign-offs`, { item: 'group_inspection' }))
        .statusCode,
    ).toBe(200);
    const signed = await post('leader', `/api/orders/resumptions/${r.id}/sign-offs`, {
      item: 'leader_signoff',
    });
    const v = signed.json<{ resumption: View }>().resumption;
    expect(v.checklist.find((c) => c.id === 'leader_signoff')?.signedBy?.name).toBe('陈静（包保领导）');
    await seedOnlineData(world, ids.low!, 990_001);

    world.clock.set('2026-12-20T02:00:00Z');
    const principal = await world.principal('county');
    const deps = { ...world.ports, openHazards: { countOpen: () => Promise.resolve(2) } };
    await expect(
      decideResumption(deps, principal, r.id, { decision: 'approve', reason: '同意' }),
    ).rejects.toMatchObject({
      code: 'RESUMPTION_CHECKLIST_INCOMPLETE',
    });
    await seedOnlineData(world, ids.low!, 990_002);
    const ok = await decideResumption(
      { ...deps, openHazards: { countOpen: () => Promise.resolve(0) } },
      principal,
      r.id,
      { decision: 'approve', reason: '验收合格' },
    );
    expect(ok.status).toBe('approved');
    expect(ok.decision).toMatchObject({ dueOn: '2026-12-25', daysLeft: 5, overdue: false });
    expect(ok.notice).toMatchObject({ dueOn: '2026-12-25', late: false });
    const mine = await world.ports.mines.get(ids.low!);
    expect(mine?.status).toBe('producing');
    const orders = await world.database.db
      .selectFrom('orders')
      .select(['number', 'status'])
      .where('number', '=', '县停〔2026〕1号')
      .execute();
    expect(orders[0]?.status).toBe('lifted');

    world.clock.set('2026-12-28T02:00:00Z');
    s.county = await loginAs(app, 'county');
    const late = await post('county', `/api/orders/resumptions/${r.id}/notice`, {
      noticeDate: '2026-12-28',
      noticeRef: '县公告〔2026〕9号',
    });
    expect(late.statusCode).toBe(200);
    expect(late.json<{ resumption: View }>().resumption.notice).toMatchObject({ late: true });
  });

  it('an outburst mine without certified gas-control capability can never be approved', async () => {
    for (const u of ['county', 'leader', 'group']) s[u] = await loginAs(app, u);
    const applied = await post('county', '/api/orders/resumptions', { mineId: ids.gas, note: '申请' });
    const r = applied.json<{ resumption: View }>().resumption;
    expect(r.decision.daysLeft).toBe(20);
    const res = await post('county', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    const list = await app.inject({
      method: 'GET',
      url: '/api/orders/gas-control-violations',
      headers: asSession(s.county!),
    });
    const items = list.json<{ items: Array<{ mineId: string; status: string }> }>().items;
    expect(items.map((i) => i.mineId)).toContain(ids.gas);
    const firstNonProducing = items.findIndex((i) => i.status !== 'producing');
    expect(items.slice(firstNonProducing).every((i) => i.status !== 'producing')).toBe(true);
    const rejected = await post('county', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'reject',
      reason: '无瓦斯治理能力',
    });
    expect(rejected.json<{ resumption: View }>().resumption.status).toBe('rejected');
    expect((await world.ports.mines.get(ids.gas!))?.status).toBe('suspended');
  });
});
