import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { embeddedMonitoring } from '../../src/server/app.ts';
import {
  createProvinceSimulator,
  type ProvinceSimulator,
} from '../../src/sim/monitoring/province-simulator.ts';
import { startScenario } from '../../src/sim/monitoring/scenarios.ts';
import { asSession, buildTestApp, createWorld, loginAs, type Session, type World } from '../support/world.ts';

interface EvidenceItem {
  kind: string;
  alarmId: string | null;
  rule: string | null;
  value: number | null;
  atMs: number;
}
interface ConsoleAlarm {
  id: string;
  mineId: string;
  rule: string;
  priority: string;
  state: string;
  activeSinceMs: number;
  evidence?: EvidenceItem[] | null;
}
interface ConsoleGroup {
  id: string;
  kind: string;
  label: string;
  priority: string;
  parent: ConsoleAlarm | null;
  children: ConsoleAlarm[];
  articles: Array<{ zh: string; en: string }>;
  mineCount: number;
}
interface ConsoleAnswer {
  groups: ConsoleGroup[];
  groupedIds: string[];
  openAlarms: number;
  shown: number;
}

/**
 * Issue 12 step 3, acceptance: the Songzao and Diaoshuidong scenarios each give one critical incident
 * at the top of the console, within one poll of the evidence; a region-wide stop order over a
 * producing county gives one parent alarm, counted once in the KPIs.
 */
describe('correlation incidents and flood parents through the pipeline and HTTP', () => {
  let world: World;
  let runtime: MonitoringRuntime;
  let app: FastifyInstance;
  let sim: ProvinceSimulator;
  const s: Record<string, Session> = {};
  const T0 = Date.parse('2026-12-05T02:00:00Z'); // 10:00 CST, a production shift
  const POLL_MS = 30_000;

  beforeAll(async () => {
    world = await createWorld('sqlite', 40);
    world.clock.set(new Date(T0 - 600_000).toISOString());
    const m = createMonitoringRuntime(world.database, world.ports);
    runtime = m.runtime;
    await runtime.start();
    app = await buildTestApp(world, {
      monitoring: embeddedMonitoring(runtime, m.hub),
      sessionTtlMs: 24 * 3_600_000,
    });
    for (const u of ['province', 'county']) s[u] = await loginAs(app, u);
    sim = createProvinceSimulator({ mines: world.province.mines, seed: 5, startMs: T0, intervalMs: POLL_MS });
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const get = <T>(url: string, who = 'province') =>
    app.inject({ url, headers: asSession(s[who]!) }).then((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<T>();
    });
  const post = (url: string, payload: object, who = 'province') =>
    app.inject({ method: 'POST', url, headers: asSession(s[who]!), payload });

  const defined = new Set<string>();
  /** Polls of the given mines, 30 s apart, through the runtime (readings, then people). */
  async function run(mineCodes: readonly string[], fromMs: number, minutes: number) {
    for (const code of mineCodes) {
      if (defined.has(code)) continue;
      defined.add(code);
      const layout = sim.layouts.get(code)!;
      await runtime.definePoints(code, layout.points);
      await runtime.defineAreas(code, layout.areas);
    }
    const wanted = new Set(mineCodes);
    for (let t = fromMs; t <= fromMs + minutes * 60_000; t += POLL_MS) {
      world.clock.set(new Date(t).toISOString());
      const step = sim.step(t);
      for (const r of step.readings)
        if (wanted.has(r.mineCode)) await runtime.ingestReadings(r.mineCode, r.readings);
      for (const p of step.personnel)
        if (wanted.has(p.mineCode)) await runtime.ingestPersonnel(p.mineCode, p.positions, t);
    }
  }
  const incidentsOf = (c: ConsoleAnswer, mineId: string) =>
    c.groups.filter((g) => g.kind === 'incident' && g.parent?.mineId === mineId);

  it('Songzao: one critical fire incident at the top, in the poll that completed the pattern, minutes before CO passes 24 ppm', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    const layout = sim.layouts.get(mine.code)!;
    await run([mine.code], T0 - 5 * 60_000, 4.5);
    startScenario(sim, 'songzao', mine.code, T0);
    await run([mine.code], T0, 6);

    const c = await get<ConsoleAnswer>(`/api/alarms/console?mineId=${mine.id}`);
    const incidents = incidentsOf(c, mine.id);
    expect(incidents).toHaveLength(1);
    const top = c.groups[0]!;
    expect(top.kind).toBe('incident');
    expect(top.parent).toMatchObject({
      rule: 'incident_fire_pattern',
      priority: 'critical',
      state: 'unack_active',
    });
    expect(top.articles[0]!.zh).toContain('第十八条第(八)项');

    // Its evidence: the failed protection, the rising CO in the same roadway, the people underground.
    const evidence = top.parent!.evidence!;
    const slip = evidence.find((e) => e.rule === 'belt_protection')!;
    expect(slip.alarmId).toContain(layout.keyPoints.beltSlipProtection);
    expect(evidence.some((e) => e.rule === 'co_rising')).toBe(true);
    expect(evidence.find((e) => e.kind === 'people')!.value).toBeGreaterThan(0);
    // Within one poll of the evidence, on data time: raised at the reading that completed the pattern.
    // (the first sign of fire after the failed protection: later signs join its evidence).
    const signs = evidence.filter((e) => e.kind === 'alarm' && e.rule !== 'belt_protection');
    expect(top.parent!.activeSinceMs).toBe(Math.max(slip.atMs, Math.min(...signs.map((e) => e.atMs))));
    expect(top.parent!.activeSinceMs).toBeLessThan(T0 + 10 * 60_000); // CO passes 24 ppm at ~10 min
    // The evidence alarms are children of the incident, not separate rows.
    expect(top.children.map((a) => a.rule).sort()).toEqual(
      expect.arrayContaining(['belt_protection', 'co_rising']),
    );
    for (const child of top.children) expect(c.groupedIds).toContain(child.id);

    // Acknowledged like an alarm, and audited.
    const ack = await post(`/api/alarms/${encodeURIComponent(top.parent!.id)}/acknowledge`, {
      comment: '已通知矿方停皮带、撤人',
    });
    expect(ack.statusCode).toBe(200);
    const audit = await world.ports.audit.listByTarget('alarm', top.parent!.id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['alarm.raised', 'alarm.acknowledge']));
    expect(audit.find((a) => a.action === 'alarm.acknowledge')!.actorName).toBe('王建国（省级监管）');
  });

  it('the Songzao incident proposes a major hazard (art. 18(8)) that a regulator confirms with its evidence, once', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    const list = await get<{
      items: Array<{ key: string; mineId: string; rule: string; category: string; evidence: EvidenceItem[] }>;
    }>('/api/hazards/monitoring-proposals');
    const proposal = list.items.find((p) => p.mineId === mine.id && p.rule === 'incident_fire_pattern')!;
    expect(proposal).toMatchObject({ category: '2020-15-8' });
    expect(proposal.evidence.map((e) => e.rule)).toEqual(
      expect.arrayContaining(['belt_protection', 'co_rising']),
    );

    // A mine's own safety officer may not decide; a dismissal needs a reason.
    const officer = await loginAs(app, 'officer');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/hazards/monitoring-proposals/confirm',
      headers: asSession(officer),
      payload: { key: proposal.key },
    });
    expect(refused.statusCode).toBe(403);
    const noReason = await post('/api/hazards/monitoring-proposals/dismiss', {
      key: proposal.key,
      reason: ' ',
    });
    expect(noReason.json()).toMatchObject({ error: { code: 'MONITORING_PROPOSAL_REASON_REQUIRED' } });

    const confirmed = await post('/api/hazards/monitoring-proposals/confirm', {
      key: proposal.key,
      note: '监测证据属实，列为重大隐患',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const hazard = confirmed.json<{
      hazard: { id: string; grade: string; category: string; source: string; description: string };
    }>().hazard;
    expect(hazard).toMatchObject({ grade: 'major', category: '2020-15-8', source: 'alarm', mineId: mine.id });
    // The stored record is in Chinese: the rule by name, the criterion as cited, data times in CST.
    expect(hazard.description).toMatch(
      /^监测证据提请：火灾征兆事件（报警 .+；《煤矿重大事故隐患判定标准》（应急管理部令第4号）第十八条第（八）项）。\n证据（数据时间，北京时间）：\n- \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 皮带保护/,
    );
    expect(hazard.description).not.toMatch(/belt_protection|Proposed|Evidence/);
    const audit = await world.ports.audit.listByTarget(
      'alarm',
      proposal.key.slice(0, proposal.key.lastIndexOf('@')),
    );
    expect(audit.map((a) => a.action)).toContain('monitoring_hazard.confirm');

    // Decided once: it leaves the list, and a second confirmation creates nothing.
    const after = await get<{ items: Array<{ key: string }> }>('/api/hazards/monitoring-proposals');
    expect(after.items.map((p) => p.key)).not.toContain(proposal.key);
    const again = await post('/api/hazards/monitoring-proposals/confirm', { key: proposal.key });
    expect(again.statusCode).toBe(409);
    const hazards = await world.ports.hazards.list({ mineId: mine.id }, 100);
    expect(hazards.filter((h) => h.category === '2020-15-8' && h.source === 'alarm')).toHaveLength(1);
  });

  it('Diaoshuidong: one critical incident for work in a closed mine, in the first poll', async () => {
    const mine = world.province.mines.find((m) => m.status === 'closed')!;
    const start = T0 + 3_600_000;
    startScenario(sim, 'diaoshuidong', mine.code, start);
    await run([mine.code], start, 1);
    const c = await get<ConsoleAnswer>('/api/alarms/console');
    const incidents = incidentsOf(c, mine.id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.parent).toMatchObject({ rule: 'incident_stopped_mine_work', priority: 'critical' });
    expect(incidents[0]!.parent!.activeSinceMs).toBe(start);
    // Incidents come before every other parent and alarm.
    const firstOther = c.groups.findIndex((g) => g.kind !== 'incident');
    expect(c.groups.findIndex((g) => g === incidents[0])).toBeLessThan(
      firstOther === -1 ? Infinity : firstOther,
    );
    expect(incidents[0]!.children.map((a) => a.rule)).toEqual(
      expect.arrayContaining(['people_in_stopped_mine', 'activity_in_stopped_mine']),
    );
  });

  it('a region-wide stop order over a producing county: one parent alarm, counted once in the KPIs', async () => {
    const counties = new Map<string, string[]>();
    for (const m of world.province.mines)
      if (m.status === 'producing') counties.set(m.regionId, [...(counties.get(m.regionId) ?? []), m.code]);
    const [countyId, codes] = [...counties].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(codes.length).toBeGreaterThanOrEqual(2);
    const at = T0 + 2 * 3_600_000;
    await run(codes, at, 0.5); // people underground on the shift
    const issued = await post('/api/orders', {
      number: '示煤安停〔2026〕30号',
      kind: 'stop_work',
      legalBasis: '煤矿安全生产条例 第四十八条',
      reason: '全县煤矿停产整顿',
      regionId: countyId,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const manned = codes.filter((code) => {
      const mine = world.province.mines.find((m) => m.code === code)!;
      return runtime.engine.personnel.underground(mine.id).length > 0;
    });
    expect(manned.length).toBeGreaterThanOrEqual(2);

    const c = await get<ConsoleAnswer>(`/api/alarms/console?regionId=${countyId}`);
    const parents = c.groups.filter((g) => g.kind === 'stop_order');
    expect(parents).toHaveLength(1);
    expect(parents[0]).toMatchObject({
      label: '示煤安停〔2026〕30号',
      priority: 'critical',
      mineCount: manned.length,
    });
    expect(
      parents[0]!.children.every(
        (a) => a.rule === 'people_in_stopped_mine' || a.rule === 'activity_in_stopped_mine',
      ),
    ).toBe(true);

    const k = await get<{
      floods: Array<{ kind: string; label: string; count: number }>;
      alarmsPerOperatorHour: number;
      rawAlarmsLastHour: number;
      isFlood: boolean;
    }>(`/api/alarms/kpis?regionId=${countyId}`);
    expect(k.floods).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'stop_order', label: '示煤安停〔2026〕30号' }),
      ]),
    );
    expect(k.alarmsPerOperatorHour).toBeLessThan(k.rawAlarmsLastHour);
  });
});
