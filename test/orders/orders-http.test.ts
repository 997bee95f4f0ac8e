import { beforeAll, expect, it } from 'vitest';
import type { MineStatus } from '../../src/core/registry/types.ts';
import { errorOf, indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, loginAs, type Session, useTestApp, useWorld } from '../support/world.ts';

type Dash = { byStatus: Record<MineStatus, number>; totals: { mines: number } };

describeEachEngine('region-wide stop-work orders', (engine) => {
  const world = useWorld(engine, 300);
  const app = useTestApp(world);
  let province: Session;
  let cityId: string;

  beforeAll(async () => {
    province = await loginAs(app, 'province');
    const city = indexProvince(world).user('city');
    if (city.scope.kind !== 'region') throw new Error('city user not region-scoped');
    cityId = city.scope.regionId;
  }, 120_000);

  const dashboard = async (regionId: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/dashboard?regionId=${regionId}`,
      headers: asSession(province),
    });
    expect(res.statusCode).toBe(200);
    return res.json<Dash>();
  };
  const issue = (s: Session, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/orders', headers: asSession(s), payload: body });

  it('suspends every affectable mine of a city in one action, audited per mine; the rest are listed', async () => {
    const before = await dashboard(cityId);
    const affectable =
      before.byStatus.construction + before.byStatus.producing + before.byStatus.resumption_review;
    expect(affectable).toBeGreaterThan(10);
    const body = {
      number: '示煤安停〔2026〕12号',
      kind: 'stop_work',
      legalBasis: '煤矿安全生产条例 第四十八条',
      reason: '自12月5日起全市煤矿停产整顿',
      regionId: cityId,
    };
    const preview = await app.inject({
      method: 'POST',
      url: '/api/orders/preview',
      headers: asSession(province),
      payload: body,
    });
    expect(preview.json<{ affected: number }>().affected).toBe(affectable);

    const res = await issue(province, body);
    expect(res.statusCode).toBe(201);
    const out = res.json<{
      order: { id: string; status: string };
      mines: Array<{ outcome: string; note: string; fromStatus: string }>;
      affectedMineIds: string[];
    }>();
    expect(out.order.status).toBe('in_force');
    expect(out.affectedMineIds).toHaveLength(affectable);
    const unaffected = out.mines.filter((m) => m.outcome === 'unaffected');
    expect(unaffected).toHaveLength(before.totals.mines - affectable);
    for (const m of unaffected) expect(m.note).toBe(`already ${m.fromStatus}`);

    const after = await dashboard(cityId);
    expect(after.byStatus.suspended).toBe(before.byStatus.suspended + affectable);
    expect(after.byStatus.producing + after.byStatus.construction + after.byStatus.resumption_review).toBe(0);
    expect(after.byStatus.closed).toBe(before.byStatus.closed);

    const audits = await world.database.db
      .selectFrom('audit_log')
      .select(['target_id', 'action'])
      .where('action', 'in', ['mine.status.suspend', 'order.issue'])
      .execute();
    expect(audits.filter((a) => a.action === 'order.issue').map((a) => a.target_id)).toEqual([out.order.id]);
    const perMine = audits.filter((a) => a.action === 'mine.status.suspend').map((a) => a.target_id);
    expect(new Set(perMine).size).toBe(affectable);
    expect(perMine.sort()).toEqual([...out.affectedMineIds].sort());

    const detail = await app.inject({
      method: 'GET',
      url: `/api/orders/${out.order.id}`,
      headers: asSession(province),
    });
    expect(detail.json<{ mines: unknown[] }>().mines).toHaveLength(before.totals.mines);
    const dup = await issue(province, body);
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe('ORDER_NUMBER_TAKEN');
  });

  it('a future order is scheduled and applied when its time comes', async () => {
    const county2 = indexProvince(world).user('county2');
    if (county2.scope.kind !== 'region') throw new Error('county2');
    const before = await dashboard(county2.scope.regionId);
    const res = await issue(province, {
      number: '示煤安停〔2026〕13号',
      kind: 'stop_work',
      legalBasis: '煤矿安全生产条例 第四十八条',
      reason: '节后停产检查',
      regionId: county2.scope.regionId,
      effectiveAt: '2026-12-06T00:00:00Z',
    });
    expect(res.json<{ order: { status: string } }>().order.status).toBe('scheduled');
    expect((await dashboard(county2.scope.regionId)).byStatus).toEqual(before.byStatus);
    const { applyDueOrders } = await import('../../src/core/orders/order-use-cases.ts');
    expect((await applyDueOrders(world.ports)).applied).toHaveLength(0);
    world.clock.set('2026-12-06T00:00:01Z');
    province = await loginAs(app, 'province');
    const ran = await applyDueOrders(world.ports);
    expect(ran.applied).toHaveLength(1);
    const after = await dashboard(county2.scope.regionId);
    expect(after.byStatus.producing).toBe(0);
    expect(after.byStatus.suspended).toBe(before.byStatus.suspended + ran.affectedMineIds.length);
  });

  it('bad input is refused with a specific code and writes nothing', async () => {
    const county = await loginAs(app, 'county');
    const noRegion = await issue(county, {
      number: 'X-1',
      kind: 'stop_work',
      legalBasis: 'art 48',
      reason: 'test',
    });
    expect(errorOf(noRegion).code).toBe('ORDER_INVALID');
    const outside = await issue(county, {
      number: 'X-2',
      kind: 'stop_work',
      legalBasis: 'art 48',
      reason: 'test',
      regionId: cityId,
    });
    expect(outside.statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/orders', headers: asSession(province) });
    expect(list.json<{ orders: Array<{ number: string }> }>().orders.map((o) => o.number)).not.toContain(
      'X-2',
    );
  });
});
