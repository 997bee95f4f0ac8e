import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMonitoringRuntime, withMineChanged } from '../../src/monitoring/monitoring-wiring.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { EmbeddedMonitoringView, runtimeCommands } from '../../src/monitoring/monitoring-view.ts';
import { StoredMonitoringView } from '../../src/monitoring/stored-monitoring-view.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { buildApp, embeddedMonitoring, storedMonitoring } from '../../src/server/app.ts';
import { loginAll } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { cddyFile, cdssFile, coPoint, methanePoint, ryssFile } from '../support/national-files.ts';
import { asSession, createWorld, type Session, type World } from '../support/world.ts';

/**
 * The same database seen through two servers: the embedded one (routes read the in-process engine)
 * and a stateless one (routes read only the database and send commands over a command channel, here
 * carried out in-process by the runtime). For the same state they must answer the same.
 */
describeEachEngine('a stateless API server answers monitoring from the database', (engine) => {
  let world: World;
  let runtime: MonitoringRuntime;
  let embedded: FastifyInstance;
  let stored: FastifyInstance;
  let sessions: Map<string, Session>;
  let officerMine: DemoMine;
  let otherCountyMine: DemoMine;
  let closedMine: DemoMine;
  let suspendable: DemoMine;
  const users = () => world.province.users.map((u) => u.username);
  const enc = new TextEncoder();
  const send = async (f: { name: string; text: string }) => {
    const r = await ingestUploadFile(
      { runtime, store: world.ports.monitoring, ids: world.ports.ids, clock: world.clock },
      f.name,
      enc.encode(f.text),
    );
    if (r.outcome !== 'stored') throw new Error(`${f.name} not stored: ${r.reason}`);
  };
  const mineOfUser = (username: string) => {
    const scope = world.province.users.find((u) => u.username === username)!.scope;
    return world.province.mines.find((m) => scope.kind === 'mine' && m.id === scope.mineId)!;
  };

  beforeAll(async () => {
    world = await createWorld(engine, 40);
    const monitoring = createMonitoringRuntime(world.database, world.ports);
    runtime = monitoring.runtime;
    await runtime.start();
    const base = {
      ports: world.ports,
      hasher: argon2Hasher,
      secrets: cryptoSecrets,
      config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    };
    const embeddedDeps = embeddedMonitoring(runtime, monitoring.hub);
    embedded = await buildApp({
      ...base,
      ports: withMineChanged(world.ports, embeddedDeps.view),
      monitoring: embeddedDeps,
    });
    const storedDeps = storedMonitoring({
      ports: world.ports,
      commands: runtimeCommands(runtime),
      hub: monitoring.hub,
      sink: runtime,
    });
    stored = await buildApp({
      ...base,
      ports: withMineChanged(world.ports, storedDeps.view),
      monitoring: storedDeps,
    });
    // Sessions live in the database: one login serves both servers.
    sessions = await loginAll(embedded, users());

    officerMine = mineOfUser('officer');
    otherCountyMine = mineOfUser('officer2');
    closedMine = world.province.mines.find((m) => m.status === 'closed' || m.status === 'closing')!;
    suspendable = world.province.mines.find(
      (m) => m.status === 'producing' && m.regionId === officerMine.regionId && m.id !== officerMine.id,
    )!;
    for (const m of [officerMine, otherCountyMine, closedMine, suspendable]) await send(cddyFile(m.code));
    // Methane and CO over their limits: alarms (one of them critical, a power-cut level).
    await send(
      cdssFile(officerMine.code, '2026-12-05 08:00:10', [
        [methanePoint(officerMine.code), 1.6],
        [coPoint(officerMine.code), 30],
      ]),
    );
    await send(
      cdssFile(otherCountyMine.code, '2026-12-05 08:00:10', [[methanePoint(otherCountyMine.code), 1.2]]),
    );
    await send(cdssFile(officerMine.code, '2026-12-05 08:00:20', [[methanePoint(officerMine.code), 1.7]]));
    // Areas defined out of code order, so both views must order them the same way.
    await runtime.defineAreas(officerMine.code, [
      { areaType: '限制区域', areaCode: `${officerMine.code}0002`, approvedHeadcount: 0, areaName: '盲巷' },
      {
        areaType: '重点区域',
        areaCode: `${officerMine.code}0001`,
        approvedHeadcount: 10,
        areaName: '1301工作面',
      },
    ]);
    await send(ryssFile(officerMine.code, '2026-12-05 08:00:20', 3));
    // People underground in a closed mine: the Diaoshuidong alarm.
    await send(ryssFile(closedMine.code, '2026-12-05 08:00:20', 2));
  });
  afterAll(async () => {
    await embedded.close();
    await stored.close();
    await world.dispose();
  });

  const request = (
    app: FastifyInstance,
    who: string,
    url: string,
    method: 'GET' | 'POST' = 'GET',
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: asSession(sessions.get(who)!),
      ...(payload === undefined ? {} : { payload }),
    });
  /** Status and body, less the request id of an error (different on every request). */
  const answer = (r: LightMyRequestResponse) => {
    const body = r.json<{ error?: { requestId?: string } }>();
    if (body.error) delete body.error.requestId;
    return { status: r.statusCode, body };
  };
  /** The stored server's answer, after checking that the embedded server answers exactly the same. */
  const same = async (who: string, url: string): Promise<LightMyRequestResponse> => {
    const [a, b] = [await request(embedded, who, url), await request(stored, who, url)];
    expect({ who, url, ...answer(b) }).toEqual({ who, url, ...answer(a) });
    return b;
  };
  const alarmIdsOf = async (mine: DemoMine) =>
    (await request(stored, 'province', `/api/alarms?mineId=${mine.id}&state=all`))
      .json<{ items: Array<{ id: string }> }>()
      .items.map((a) => a.id);

  it('answers the alarm list, the alarm detail, the KPIs and the overview like the embedded server', async () => {
    const list = (await same('province', '/api/alarms?pageSize=500')).json<{
      items: Array<{ id: string; mineId: string; rule: string; priority: string }>;
    }>();
    expect(list.items.map((a) => [a.mineId, a.rule, a.priority])).toEqual(
      expect.arrayContaining([
        [closedMine.id, 'people_in_stopped_mine', 'critical'],
        [officerMine.id, 'over_limit', 'high'],
        [otherCountyMine.id, 'over_limit', 'high'],
      ]),
    );
    for (const who of ['province', 'county', 'county2', 'officer', 'officer2', 'viewer']) {
      await same(who, '/api/alarms/kpis');
      await same(who, '/api/alarms/console');
      await same(who, '/api/overview/alarms');
      for (const a of list.items) await same(who, `/api/alarms/${encodeURIComponent(a.id)}`);
    }
    const kpis = (await same('province', '/api/alarms/kpis')).json<{
      activeByPriority: Record<string, number>;
      unacknowledged: number;
    }>();
    expect(kpis.activeByPriority.critical).toBeGreaterThanOrEqual(2);
    expect(kpis.unacknowledged).toBe(list.items.length);
    const overview = (await same('province', '/api/overview/alarms')).json<{
      mines: Array<{ mineId: string; critical: number; underground: number }>;
    }>();
    expect(overview.mines.find((m) => m.mineId === closedMine.id)).toMatchObject({
      critical: 1,
      underground: 2,
    });
    // Out of scope reads as not found through both servers.
    const foreign = list.items.find((a) => a.mineId === officerMine.id)!;
    const res = await same('county2', `/api/alarms/${encodeURIComponent(foreign.id)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ALARM_NOT_FOUND' } });
  });

  it('answers points, curves and people underground like the embedded server', async () => {
    for (const mine of [officerMine, closedMine, otherCountyMine]) {
      for (const who of ['province', 'county', 'officer', 'viewer']) {
        await same(who, `/api/mines/${mine.id}/points`);
        await same(who, `/api/mines/${mine.id}/personnel`);
      }
    }
    const points = (await same('officer', `/api/mines/${officerMine.id}/points`)).json<{
      points: Array<{ id: number; pointCode: string; lastValue: number | null }>;
    }>().points;
    const ch4 = points.find((p) => p.pointCode === methanePoint(officerMine.code))!;
    expect(ch4.lastValue).toBe(1.7);
    const series = (
      await same(
        'officer',
        `/api/mines/${officerMine.id}/points/${ch4.id}/series?fromMs=${Date.parse('2026-12-05T00:00:00Z')}&toMs=${Date.parse('2026-12-05T01:00:00Z')}`,
      )
    ).json<{ v: number[] }>();
    expect(series.v).toEqual([1.6, 1.7]);
    // A point of another mine is not found under this one.
    const foreignPoint = (await same('province', `/api/mines/${otherCountyMine.id}/points`)).json<{
      points: Array<{ id: number }>;
    }>().points[0]!;
    expect(
      (await same('province', `/api/mines/${officerMine.id}/points/${foreignPoint.id}/series`)).statusCode,
    ).toBe(404);

    const personnel = (await same('county', `/api/mines/${officerMine.id}/personnel`)).json<{
      underground: number;
      areas: Array<{ areaCode: string; count: number; approved: number }>;
      people: Array<{ cardCode: string }>;
    }>();
    expect(personnel.underground).toBe(3);
    expect(personnel.areas).toEqual([
      expect.objectContaining({ areaCode: `${officerMine.code}0001`, count: 3, approved: 10 }),
      expect.objectContaining({ areaCode: `${officerMine.code}0002`, count: 0, approved: 0 }),
    ]);
    expect(personnel.people.map((p) => p.cardCode)).toEqual(
      [1, 2, 3].map((i) => `${officerMine.code}${String(i).padStart(5, '0')}`),
    );
    expect((await same('county2', `/api/mines/${officerMine.id}/personnel`)).statusCode).toBe(404);
  });

  it('acknowledging through the stateless server changes the alarm in the database', async () => {
    const id = `${officerMine.id}|over_limit|${methanePoint(officerMine.code)}`;
    const url = `/api/alarms/${encodeURIComponent(id)}/acknowledge`;
    expect((await request(stored, 'viewer', url, 'POST', { comment: '看到了' })).statusCode).toBe(403);
    const foreign = await request(stored, 'county2', url, 'POST', { comment: '越权确认' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'ALARM_NOT_FOUND' } });
    expect((await world.ports.monitoring.getAlarm(id))?.state).toBe('unack_active');

    const ok = await request(stored, 'officer', url, 'POST', { comment: '已撤人，加强通风' });
    expect(ok.statusCode).toBe(200);
    const inDb = await world.ports.monitoring.getAlarm(id);
    expect(inDb).toMatchObject({ state: 'ack_active', lastComment: '已撤人，加强通风' });
    const [event] = await world.ports.monitoring.alarmEvents(id);
    expect(event).toMatchObject({ toState: 'ack_active', comment: '已撤人，加强通风' });
    // The answer is the alarm as both servers now show it.
    const detail = (await same('county', `/api/alarms/${encodeURIComponent(id)}`)).json<{ alarm: unknown }>();
    expect(ok.json()).toEqual({ alarm: detail.alarm });
    expect(ok.json()).toMatchObject({ alarm: { state: 'ack_active', mineName: officerMine.name } });
    // The audit trail names the person who acknowledged, as in the embedded mode.
    const audit = await world.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('target_id', '=', id)
      .where('action', '=', 'alarm.acknowledge')
      .execute();
    expect(audit).toEqual([{ actor_name: '孙浩（矿井安全员）', action: 'alarm.acknowledge' }]);
    // A second acknowledgement is refused by the alarm's owner and the refusal reaches the client.
    const twice = await request(stored, 'county', url, 'POST', { comment: '再确认一次' });
    expect(twice.statusCode).toBe(409);
  });

  it('a status change through the stateless server re-judges the mine over the command channel', async () => {
    await send(ryssFile(suspendable.code, '2026-12-05 08:00:30', 4));
    expect(await alarmIdsOf(suspendable)).toEqual([]);
    const order = await request(stored, 'county', `/api/mines/${suspendable.id}/transitions`, 'POST', {
      event: 'suspend',
      reason: '全县停产整顿',
      basis: '示安监〔2026〕5号',
    });
    expect(order.statusCode).toBe(200);
    const { items } = (await same('county', `/api/alarms?mineId=${suspendable.id}`)).json<{
      items: Array<{ rule: string; priority: string }>;
    }>();
    expect(items).toEqual([
      expect.objectContaining({ rule: 'people_in_stopped_mine', priority: 'critical' }),
    ]);
    await same('county', `/api/mines/${suspendable.id}/personnel`);
    await same('county', '/api/overview/alarms');
  });

  it('reads mines, points, last values and scope like the engine', async () => {
    const a = new EmbeddedMonitoringView(runtime);
    const b = new StoredMonitoringView({ ports: world.ports, commands: runtimeCommands(runtime) });
    for (const m of [officerMine, closedMine, otherCountyMine, suspendable]) {
      expect(await b.mine(m.id)).toEqual(await a.mine(m.id));
      expect(await b.mineByCode(m.code)).toEqual(await a.mineByCode(m.code));
      for (const code of [methanePoint(m.code), coPoint(m.code), `${m.code}01KG100801`, 'missing']) {
        const id = await a.pointId(m.id, code);
        expect(await b.pointId(m.id, code)).toBe(id);
        if (id !== undefined) {
          expect(await b.point(id)).toEqual(await a.point(id));
          expect(await b.lastValue(id)).toBe(await a.lastValue(id));
        }
      }
    }
    expect(await b.lastValue((await b.pointId(officerMine.id, coPoint(officerMine.code)))!)).toBe(30);
    expect(await b.mine('no-such-mine')).toBeUndefined();
    for (const who of ['county', 'officer', 'province']) {
      const p = await world.principal(who);
      const [sa, sb] = [await a.scopePredicate(p), await b.scopePredicate(p)];
      const seen = world.province.mines.filter((m) => sb(m.id)).map((m) => m.id);
      expect(seen).toEqual(world.province.mines.filter((m) => sa(m.id)).map((m) => m.id));
      expect(seen).toContain(officerMine.id);
    }
    const county = await a.scopePredicate(await world.principal('county'));
    expect(county(otherCountyMine.id)).toBe(false);
  });

  it('gives every demo user the same answer or refusal on the monitoring routes as the embedded server', async () => {
    const alarmOf = (m: DemoMine) => encodeURIComponent(`${m.id}|over_limit|${methanePoint(m.code)}`);
    for (const who of users()) {
      for (const m of [officerMine, otherCountyMine, closedMine]) {
        await same(who, `/api/mines/${m.id}/points`);
        await same(who, `/api/mines/${m.id}/personnel`);
        await same(who, `/api/alarms?mineId=${m.id}`);
        await same(who, `/api/alarms/${alarmOf(m)}`);
        // Unshelving an alarm that is not shelved changes nothing: 403, 404 or 409 by who asks.
        const url = `/api/alarms/${alarmOf(m)}/unshelve`;
        const [x, y] = [
          await request(embedded, who, url, 'POST', {}),
          await request(stored, who, url, 'POST', {}),
        ];
        const outcome = (r: LightMyRequestResponse) => ({
          status: r.statusCode,
          code: r.json<{ error?: { code: string } }>().error?.code,
        });
        expect({ who, url, ...outcome(y) }).toEqual({ who, url, ...outcome(x) });
      }
    }
  });
});
