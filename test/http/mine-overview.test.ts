import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { embeddedMonitoring } from '../../src/server/app.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, buildTestApp, createWorld, type World } from '../support/world.ts';
import { cddyText, fileName, methanePoint } from '../ingest/ingest-fixtures.ts';
import { errorOf, indexProvince, loginAll } from './http-kit.ts';

/**
 * The mine's 360° page (GET /api/mines/:id/overview) and one click from an alarm (draft, the hazard /
 * order / case made with `alarmId`, and the alarm's links), over HTTP on each engine.
 */
describeEachEngine('mine overview and alarm links', (engine) => {
  let world: World;
  let app: FastifyInstance;
  let as: (u: string) => Record<string, string>;
  let mineA: { id: string; code: string; name: string };
  let mineB: { id: string; code: string; name: string };
  let alarmA = '';

  beforeAll(async () => {
    world = await createWorld(engine);
    const monitoring = createMonitoringRuntime(world.database, world.ports);
    await monitoring.runtime.start();
    app = await buildTestApp(world, { monitoring: embeddedMonitoring(monitoring.runtime, monitoring.hub) });
    const province = indexProvince(world);
    mineA = province.mineOf('officer');
    mineB = province.mineOf('officer2');
    const deps = {
      runtime: monitoring.runtime,
      store: world.ports.monitoring,
      ids: world.ports.ids,
      clock: world.clock,
    };
    await ingestUploadFile(
      deps,
      fileName(mineA.code, 'CDDY', '2026-12-05 08:00:00'),
      new TextEncoder().encode(cddyText(mineA.code)),
    );
    const ts = world.clock.nowMs() - 600_000;
    await monitoring.runtime.ingestReadings(mineA.code, [
      {
        pointCode: methanePoint(mineA.code),
        sensorTypeName: '甲烷',
        location: '1301工作面T1',
        value: 1.6,
        unit: '%',
        statusBits: 0,
        dataTimeMs: ts,
      },
    ]);
    alarmA = `${mineA.id}|over_limit|${methanePoint(mineA.code)}`;
    const sessions = await loginAll(app, ['province', 'county', 'county2', 'officer', 'officer2', 'viewer']);
    as = (u) => asSession(sessions.get(u)!);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await world?.dispose();
  });

  const get = (url: string, user: string) => app.inject({ method: 'GET', url, headers: as(user) });
  const overviewOf = (mineId: string, user: string) => get(`/api/mines/${mineId}/overview`, user);

  it('gives the county regulator every section of its own mine, with the live alarm and the risk rank', async () => {
    const res = await overviewOf(mineA.id, 'county');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json<
      Record<string, unknown> & { alarms: { open: number; items: Array<{ id: string }> } }
    >();
    for (const s of ['hazards', 'orders', 'supervision', 'risk', 'alarms', 'closure', 'accidents', 'cases'])
      expect(o[s], s).not.toBeNull();
    expect(o.alarms.items.map((a) => a.id)).toContain(alarmA);
    const risk = o.risk as { rank: number; of: number; factors: unknown[] };
    expect(risk.rank).toBeGreaterThanOrEqual(1);
    expect(risk.rank).toBeLessThanOrEqual(risk.of);
    expect(risk.factors.length).toBeGreaterThan(0);
  });

  it('hides a mine outside the region: another county regulator gets 404 without its name', async () => {
    const res = await overviewOf(mineA.id, 'county2');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
    expect(res.body).not.toContain(mineA.name);
  });

  it('lets a mine safety officer see only their own mine, without the sections their role may not read', async () => {
    const own = await overviewOf(mineA.id, 'officer');
    expect(own.statusCode).toBe(200);
    const o = own.json<{ risk: unknown; cases: unknown; hazards: unknown }>();
    expect(o.risk).toBeNull();
    expect(o.cases).toBeNull();
    expect(o.hazards).not.toBeNull();
    expect((await overviewOf(mineB.id, 'officer')).statusCode).toBe(404);
  });

  it('drafts an order from an alarm in Chinese with CST data time and the alarm id, and the alarm then shows the order', async () => {
    const url = `/api/alarms/${encodeURIComponent(alarmA)}`;
    const draft = await get(`${url}/draft`, 'county');
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json<{ mineId: string; summary: string; description: string; caseType: string | null }>();
    expect(d.mineId).toBe(mineA.id);
    expect(d.summary).toContain('超限');
    expect(d.summary).toContain(alarmA);
    expect(d.description).toMatch(/首次报警：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（数据时间，北京时间）/);
    expect(d.caseType).toBeNull();
    expect((await get(`${url}/draft`, 'county2')).statusCode).toBe(404);

    const issued = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: as('county'),
      payload: {
        number: '测煤安停〔2026〕901号',
        kind: 'suspend_mine',
        legalBasis: '《安全生产法》第六十五条',
        reason: d.summary,
        mineIds: [mineA.id],
        alarmId: alarmA,
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const orderId = issued.json<{ order: { id: string } }>().order.id;
    const links = await get(`${url}/links`, 'officer');
    expect(links.statusCode).toBe(200);
    expect(links.json()).toMatchObject({
      items: [{ kind: 'order', targetId: orderId, title: '测煤安停〔2026〕901号', mineId: mineA.id }],
    });
    const audit = await get('/api/audit/entries?kind=alarm.link', 'province');
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json()).toMatchObject({
      items: [{ action: 'alarm.link', targetType: 'alarm', targetId: alarmA, actorName: expect.any(String) }],
    });
    // The overview shows the order in force.
    const o = (await overviewOf(mineA.id, 'county')).json<{ orders: { inForce: Array<{ id: string }> } }>();
    expect(o.orders.inForce.map((x) => x.id)).toContain(orderId);
  });

  /** Reports a general hazard at mine B with alarm A (of mine A) as its reference. */
  const hazardFromAlarmA = (user: string, title: string) =>
    app.inject({
      method: 'POST',
      url: '/api/hazards',
      headers: as(user),
      payload: {
        mineId: mineB.id,
        source: 'alarm',
        grade: 'general',
        category: 'general',
        title,
        description: '',
        alarmId: alarmA,
      },
    });

  it('refuses to link an alarm to a hazard of another mine, and stores nothing', async () => {
    const res = await hazardFromAlarmA('province', '错矿');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('ALARM_LINK_OTHER_MINE');
    const hazards = await get(`/api/hazards?mineId=${mineB.id}`, 'province');
    expect(hazards.body).not.toContain('错矿');
  });

  it('does not let a regulator outside the region use the alarm as a reference', async () => {
    const res = await hazardFromAlarmA('county2', '越权');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('ALARM_NOT_FOUND');
    expect(res.body).not.toContain(mineA.name);
  });
});
