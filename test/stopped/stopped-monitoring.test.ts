import { describe, expect, it } from 'vitest';
import { openSilentMineCases } from '../../src/core/monitoring/stopped/silent-mine-cases.ts';
import { indexProvince } from '../http/http-kit.ts';
import { orderFor } from '../orders/order-fixtures.ts';
import { cddyFile, cdssFile, fzssFile, methanePoint, ryssFileInAreas } from '../support/national-files.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';
import { useWorld } from '../support/world.ts';

/**
 * Stopped means stopped, with the exceptions the law allows (issue 12 step 4, ADR 0014), through HTTP and
 * the real monitoring pipeline: a watch crew declared by the mine and approved by a regulator, people
 * beyond it or outside its areas critical; a stop order's evacuation deadline and its compliance view.
 */
describe('watch crews and stop-order compliance', () => {
  const world = useWorld('sqlite', 40);
  // The clock moves hours ahead (evacuation deadlines, dismantling windows): sessions must outlive it.
  const suite = useMonitoredApp(world, {
    users: ['county', 'city', 'officer', 'province'],
    sessionTtlMs: 86_400_000,
  });
  const { runtime, get, post } = suite;
  const send = async (f: { name: string; text: string }) => {
    const r = await suite.send(f);
    expect(r.outcome, JSON.stringify(r)).toBe('stored');
  };
  const cst = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

  type Alarm = {
    rule: string;
    priority: string;
    conditionActive: boolean;
    message: string;
    firstRaisedMs: number;
  };
  /** The mine's alarm of `rule` (raised or cleared) as `who` sees it. */
  const alarmOf = async (mineId: string, rule: string, who: string) =>
    (await get(`/api/alarms?mineId=${mineId}&state=all`, who))
      .json<{ items: Alarm[] }>()
      .items.find((a) => a.rule === rule);
  const peopleAlarm = (mineId: string, who = 'county') => alarmOf(mineId, 'people_in_stopped_mine', who);
  const officerMine = () => indexProvince(world).mineOf('officer');

  it('a watch crew, declared by the mine and approved by a regulator: within it no alarm; beyond it or outside its areas, critical', async () => {
    const mine = officerMine();
    const area = `${mine.code}0001`;
    const issued = await post('/api/orders', 'county', orderFor([mine.id], { number: '县停〔2026〕41号' }));
    expect(issued.statusCode, issued.body).toBe(201);

    const declare = await post(`/api/mines/${mine.id}/stopped-allowances`, 'officer', {
      kind: 'watch_crew',
      crewSize: 3,
      roles: ['瓦斯检查工', '主扇司机', '排水工'],
      areaCodes: [area],
      systems: ['ventilation', 'drainage', 'monitoring'],
    });
    expect(declare.statusCode, declare.body).toBe(201);
    const id = declare.json<{ allowance: { id: string } }>().allowance.id;

    // Declared is not approved: three people underground are still a critical alarm.
    const t1 = world.clock.nowMs() + 10_000;
    await send(ryssFileInAreas(mine.code, cst(t1), { [area]: 3 }));
    expect(await peopleAlarm(mine.id)).toMatchObject({ priority: 'critical', conditionActive: true });

    // The mine's officer may not approve its own crew; a regulator of the county may.
    const self = await post(`/api/stopped-allowances/${id}/decision`, 'officer', { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    const ok = await post(`/api/stopped-allowances/${id}/decision`, 'county', {
      decision: 'approve',
      reason: '值守方案符合要求',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await peopleAlarm(mine.id)).toMatchObject({ conditionActive: false });

    const t2 = t1 + 60_000;
    await send(ryssFileInAreas(mine.code, cst(t2), { [area]: 3 }));
    expect(await peopleAlarm(mine.id)).toMatchObject({ conditionActive: false });

    const t3 = t2 + 60_000;
    await send(ryssFileInAreas(mine.code, cst(t3), { [area]: 4 }));
    const beyond = await peopleAlarm(mine.id);
    expect(beyond).toMatchObject({ priority: 'critical', conditionActive: true });
    expect(beyond!.message).toMatch(
      /^4 people underground in a suspended mine, 1 beyond the approved watch_crew of 3, 0 outside its areas\.$/,
    );

    // Back within the crew, the alarm clears; then one of three in an area the crew may not be in.
    await send(ryssFileInAreas(mine.code, cst(t3 + 30_000), { [area]: 3 }));
    expect(await peopleAlarm(mine.id)).toMatchObject({ conditionActive: false });
    const t4 = t3 + 60_000;
    await send(ryssFileInAreas(mine.code, cst(t4), { [area]: 2, [`${mine.code}0009`]: 1 }));
    const outside = await peopleAlarm(mine.id);
    expect(outside).toMatchObject({ priority: 'critical', conditionActive: true });
    expect(outside!.message).toMatch(
      /, 1 beyond the approved watch_crew of 3, 1 outside its areas \(人员3@\d+0009\)\.$/,
    );

    const listed = (await get(`/api/mines/${mine.id}/stopped-allowances`, 'officer')).json<{
      allowances: Array<{ id: string; state: string; decidedByName: string }>;
    }>();
    expect(listed.allowances[0]).toMatchObject({ id, state: 'approved' });
    const trail = await world.ports.audit.listByTarget('stopped_allowance', id);
    expect(trail.map((e) => e.action).sort()).toEqual([
      'stopped_allowance.approve',
      'stopped_allowance.declare',
    ]);
    expect(trail.find((e) => e.action === 'stopped_allowance.approve')!.actorId).toBe(
      (await world.principal('county')).userId,
    );
  });

  it('a stop order with an evacuation deadline: evacuating, then all clear; critical only for a mine still manned after the deadline', async () => {
    const county = officerMine().regionId;
    const mines = world.province.mines
      .filter((m) => m.regionId === county && m.status === 'producing' && m.id !== officerMine().id)
      .slice(0, 2);
    expect(mines).toHaveLength(2);
    const [a, b] = mines as [(typeof mines)[0], (typeof mines)[0]];
    const issued = await post(
      '/api/orders',
      'county',
      orderFor([a.id, b.id], { number: '县停〔2026〕42号', reason: '区域停产', evacuateWithinMinutes: 30 }),
    );
    expect(issued.statusCode, issued.body).toBe(201);
    const orderId = issued.json<{ order: { id: string; evacuateBy: string } }>().order.id;
    const deadline = world.clock.nowMs() + 30 * 60_000;

    const t1 = world.clock.nowMs() + 5_000;
    await send(ryssFileInAreas(a.code, cst(t1), { [`${a.code}0001`]: 12 }));
    await send(ryssFileInAreas(b.code, cst(t1), { [`${b.code}0001`]: 5 }));
    // a's own monitoring files say one of its two substations still runs on AC mains (evidence, shown).
    await send(
      fzssFile(a.code, cst(t1), [
        [`${a.code}01DT4001001`, '0', '1'],
        [`${a.code}01DT4001002`, '0', '0'],
      ]),
    );
    // Before the deadline the people are leaving: no critical alarm.
    expect((await peopleAlarm(a.id))?.conditionActive ?? false).toBe(false);

    type View = {
      summary: { isAllClear: boolean; evacuating: number; overdue: number; clear: number };
      mines: Array<{
        mineCode: string;
        state: string;
        underground: number;
        timeLeftMs: number;
        isCritical: boolean;
        mainsFeeds: number;
        feedsKnown: number;
      }>;
    };
    const view = async () => (await get(`/api/orders/${orderId}/compliance`, 'county')).json<View>();
    const v1 = await view();
    expect(v1.summary).toMatchObject({ isAllClear: false, evacuating: 2, overdue: 0 });
    expect(v1.mines.find((m) => m.mineCode === a.code)).toMatchObject({
      state: 'evacuating',
      underground: 12,
      timeLeftMs: 30 * 60_000,
      isCritical: false,
      mainsFeeds: 1,
      feedsKnown: 2,
    });
    expect(v1.mines.find((m) => m.mineCode === b.code)).toMatchObject({ mainsFeeds: 0, feedsKnown: 0 });

    // b evacuates before the deadline; a is still manned when it passes.
    world.clock.advance(20 * 60_000);
    await send(ryssFileInAreas(b.code, cst(world.clock.nowMs()), {}));
    world.clock.advance(11 * 60_000);
    await runtime.tick();
    const late = await peopleAlarm(a.id);
    expect(late).toMatchObject({ priority: 'critical', conditionActive: true });
    // Dated at the deadline (data time of the rule's edge), not when the clock noticed it.
    expect(late!.firstRaisedMs).toBe(deadline);
    expect((await peopleAlarm(b.id))?.conditionActive ?? false).toBe(false);
    const v2 = await view();
    expect(v2.mines.map((m) => [m.mineCode, m.state, m.isCritical])).toEqual([
      [a.code, 'overdue', true],
      [b.code, 'clear', false],
    ]);

    await send(ryssFileInAreas(a.code, cst(world.clock.nowMs()), {}));
    const v3 = await view();
    expect(v3.summary).toMatchObject({ isAllClear: true, clear: 2 });
    expect((await peopleAlarm(a.id))?.conditionActive).toBe(false);
  });

  it('a dismantling window of a closing mine: inside it the crew and powered equipment are allowed; after it, people and powered equipment are critical (Diaoshuidong)', async () => {
    // A closing mine in the city user's scope: the province declares, the city (another regulator) approves.
    const city = world.province.users.find((u) => u.username === 'city')!;
    const cityId = city.scope.kind === 'region' ? city.scope.regionId : '';
    const mine = world.province.mines.find(
      (m) =>
        m.status === 'closing' &&
        world.province.regions.find((r) => r.id === m.regionId)?.parentId === cityId,
    )!;
    expect(mine).toBeDefined();
    const area = `${mine.code}0001`;
    const approver = 'city';
    // Its points: methane, CO, smoke and a feed sensor (1011: power on = 1) at the dismantling face.
    const defs = cddyFile(mine.code, cst(world.clock.nowMs()));
    const feed = `${mine.code}01KG101101`;
    await send({
      name: defs.name,
      text: defs.text.replace(
        /\|\|$/,
        `${feed};01;001;1011;KG;;;;;;;;;;;;有电;无电;1301回撤工作面 馈电;0;0;0;;${cst(world.clock.nowMs())}~||`,
      ),
    });
    const from = world.clock.nowMs();
    const to = from + 2 * 3_600_000;
    const declare = await post(`/api/mines/${mine.id}/stopped-allowances`, 'province', {
      kind: 'dismantling',
      crewSize: 5,
      roles: ['回撤工', '电工'],
      areaCodes: [area],
      fromAt: new Date(from).toISOString(),
      toAt: new Date(to).toISOString(),
      supervisor: '县局驻矿监察员 王强',
    });
    expect(declare.statusCode, declare.body).toBe(201);
    const id = declare.json<{ allowance: { id: string } }>().allowance.id;
    // The one who declared may not approve, even a province regulator.
    const self = await post(`/api/stopped-allowances/${id}/decision`, 'province', { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json<{ error: { code: string } }>().error.code).toBe('SEPARATION_OF_DUTIES');
    expect(
      (await post(`/api/stopped-allowances/${id}/decision`, approver, { decision: 'approve' })).statusCode,
    ).toBe(200);

    const t1 = from + 60_000;
    world.clock.set(new Date(t1).toISOString());
    await send(ryssFileInAreas(mine.code, cst(t1), { [area]: 5 }));
    await send(
      cdssFile(mine.code, cst(t1), [
        [methanePoint(mine.code), 0.2],
        [feed, 1],
      ]),
    );
    const during = (await get(`/api/alarms?mineId=${mine.id}&state=all`, 'province')).json<{
      items: Alarm[];
    }>().items;
    expect(during.filter((a) => a.conditionActive).map((a) => a.rule)).toEqual([]);

    // The window closes with the crew still reported underground: critical, dated at its end.
    world.clock.set(new Date(to + 60_000).toISOString());
    await runtime.tick();
    const after = await peopleAlarm(mine.id, 'province');
    expect(after).toMatchObject({ priority: 'critical', conditionActive: true });
    expect(after!.firstRaisedMs).toBe(to);
    // Monitoring data alone is what a closing mine must keep sending; powered equipment after the window is not.
    await send(
      cdssFile(mine.code, cst(to + 30_000), [
        [methanePoint(mine.code), 0.2],
        [feed, 0],
      ]),
    );
    const quiet = await alarmOf(mine.id, 'activity_in_stopped_mine', 'province');
    expect(quiet).toBeUndefined();
    await send(
      cdssFile(mine.code, cst(to + 60_000), [
        [methanePoint(mine.code), 0.2],
        [feed, 1],
      ]),
    );
    const activity = await alarmOf(mine.id, 'activity_in_stopped_mine', 'province');
    expect(activity).toMatchObject({ priority: 'critical', conditionActive: true });
  });

  it('a suspended mine that goes silent raises mine_data_stopped; after 24 h a case is opened, once', async () => {
    const mine = world.province.mines.find(
      (m) => m.status === 'suspended' && m.regionId !== officerMine().regionId,
    )!;
    const t0 = world.clock.nowMs();
    await send(cddyFile(mine.code, cst(t0)));
    await send(cdssFile(mine.code, cst(t0), [[methanePoint(mine.code), 0.1]]));
    world.clock.set(new Date(t0 + 10 * 60_000).toISOString());
    await runtime.tick();
    const silent = (await get(`/api/alarms?mineId=${mine.id}&state=all`, 'province'))
      .json<{ items: Alarm[] }>()
      .items.find((a) => a.rule === 'mine_data_stopped');
    expect(silent).toMatchObject({ conditionActive: true, firstRaisedMs: t0 + 5 * 60_000 });
    expect(silent!.message).toMatch(/^The suspended mine .* must keep monitoring online/);

    const day = 24 * 3_600_000;
    expect(await openSilentMineCases(world.ports, day)).toEqual([]);
    world.clock.set(new Date(t0 + 5 * 60_000 + day).toISOString());
    // Every mine silent that long gets its case (the closing mine above too), each once.
    const opened = await openSilentMineCases(world.ports, day);
    expect(await openSilentMineCases(world.ports, day)).toEqual([]);
    const cases = await world.ports.closure.listCases({ mineId: mine.id });
    expect(cases).toHaveLength(1);
    const [c] = cases;
    expect(opened).toContain(c!.id);
    expect(c).toMatchObject({
      type: 'evasion_of_supervision',
      status: 'open',
      openedById: 'system:monitoring',
    });
    expect(c!.evidence[0]).toMatchObject({ kind: 'alarm', ref: `${mine.id}|mine_data_stopped|` });
    expect((await world.ports.audit.listByTarget('case', c!.id)).map((e) => e.action)).toEqual(['case.open']);
  });

  it('a high-gas or outburst mine without gas-control capability: critical when producing or manned beyond its watch crew', async () => {
    await suite.login('province'); // the clock has moved a day on
    const lacking = world.province.mines.filter((m) => m.gasClass !== 'low' && !m.hasGasControlCapability);
    const producing = lacking.find((m) => m.status === 'producing')!;
    const suspended = lacking.find((m) => m.status === 'suspended')!;
    expect([producing, suspended].every(Boolean)).toBe(true);
    const gasAlarm = async (mineId: string) =>
      (await get(`/api/alarms?mineId=${mineId}&state=all`, 'province'))
        .json<{ items: Alarm[] }>()
        .items.find((a) => a.rule === 'gas_control_lacking');
    const t = world.clock.nowMs();

    await send(ryssFileInAreas(producing.code, cst(t), { [`${producing.code}0001`]: 5 }));
    const p = await gasAlarm(producing.id);
    expect(p).toMatchObject({ priority: 'critical', conditionActive: true });
    expect(p!.message).toMatch(
      /^A (high|outburst)-gas mine without gas-control capability is producing with 5 people/,
    );

    // The suspended one has an approved watch crew of 2 (stored as a regulator's approval would be).
    const area = `${suspended.code}0001`;
    await world.ports.stopped.insertAllowance({
      id: 'sta-gas',
      kind: 'watch_crew',
      mineId: suspended.id,
      mineName: suspended.name,
      regionPath: '/',
      state: 'approved',
      crewSize: 2,
      roles: ['瓦斯检查工'],
      areaCodes: [area],
      systems: ['ventilation', 'drainage', 'monitoring'],
      fromAt: new Date(t - 3_600_000).toISOString(),
      toAt: null,
      supervisor: null,
      note: '',
      declaredAt: new Date(t - 3_600_000).toISOString(),
      declaredById: 'u-x',
      declaredByName: 'x',
      decidedAt: new Date(t - 3_600_000).toISOString(),
      decidedById: 'u-y',
      decidedByName: 'y',
      decisionReason: null,
    });
    await runtime.refreshMine(suspended.id);
    await send(ryssFileInAreas(suspended.code, cst(t), { [area]: 2 }));
    expect((await gasAlarm(suspended.id))?.conditionActive ?? false).toBe(false);
    await send(ryssFileInAreas(suspended.code, cst(t + 60_000), { [area]: 3 }));
    expect(await gasAlarm(suspended.id)).toMatchObject({ priority: 'critical', conditionActive: true });
  });
});
