import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import type { LiveHub } from '../../src/monitoring/live-hub.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import {
  createProvinceSimulator,
  type ProvinceSimulator,
} from '../../src/sim/monitoring/province-simulator.ts';
import { startScenario } from '../../src/sim/monitoring/scenarios.ts';
import { createWorld, type World } from '../support/world.ts';

/**
 * The two accidents, replayed through the real pipeline (simulator → runtime → SQLite): what must the
 * platform have shown, and when?
 */
describe('accident scenarios through the pipeline', () => {
  let world: World;
  let runtime: MonitoringRuntime;
  let hub: LiveHub;
  let sim: ProvinceSimulator;
  const raised: Array<{ atMs: number; rule: string; subject: string; priority: string }> = [];
  const T0 = Date.parse('2026-12-05T02:00:00Z'); // 10:00 China Standard Time, a production shift

  beforeAll(async () => {
    world = await createWorld('sqlite', 40);
    world.clock.set(new Date(T0).toISOString());
    ({ runtime, hub } = createMonitoringRuntime(world.database, world.ports));
    await runtime.start();
    sim = createProvinceSimulator({ mines: world.province.mines, seed: 5, startMs: T0, intervalMs: 30_000 });
  });
  afterAll(() => world.dispose());

  /** Feeds `minutes` of polls of one mine, 30 s apart, recording every alarm raised. */
  async function run(mineCode: string, fromMs: number, minutes: number) {
    const layout = sim.layouts.get(mineCode)!;
    await runtime.definePoints(mineCode, layout.points);
    await runtime.defineAreas(mineCode, layout.areas);
    for (let t = fromMs; t <= fromMs + minutes * 60_000; t += 30_000) {
      world.clock.set(new Date(t).toISOString());
      const step = sim.step(t);
      for (const r of step.readings.filter((x) => x.mineCode === mineCode))
        await runtime.ingestReadings(mineCode, r.readings);
      for (const p of step.personnel.filter((x) => x.mineCode === mineCode))
        await runtime.ingestPersonnel(mineCode, p.positions, t);
    }
  }

  it('songzao: the rising CO on a running belt with a failed protection is flagged minutes before CO passes 24 ppm', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    const layout = sim.layouts.get(mine.code)!;
    const unsubscribe = watch();
    await run(mine.code, T0 - 10 * 60_000, 9.5); // normal operation first
    expect(raised.filter((r) => r.priority !== 'low').map((r) => `${r.rule} ${r.subject}`)).toEqual([]);
    startScenario(sim, 'songzao', mine.code, T0);
    await run(mine.code, T0, 20);
    unsubscribe();
    const first = (rule: string, subject?: string) =>
      raised.find((r) => r.rule === rule && (subject === undefined || r.subject === subject))?.atMs;
    const drumCo = layout.keyPoints.beltCo[0];
    const trend = first('co_rising', drumCo);
    const overLimit = first('over_limit', drumCo);
    // Raised at the data time of the reading that showed it, in the scenario's first poll.
    const belt = first('belt_protection', layout.keyPoints.beltSlipProtection)!;
    expect(belt).toBeGreaterThan(T0 - 30_000);
    expect(belt).toBeLessThanOrEqual(T0);
    expect(trend).toBeDefined();
    expect(overLimit).toBeDefined();
    // The early warning comes first, with time to act.
    expect(overLimit! - trend!).toBeGreaterThanOrEqual(3 * 60_000);
    expect(first('smoke', layout.keyPoints.beltSmoke)).toBeDefined();
  });

  it('diaoshuidong: people underground in a closed mine raise the critical alarm in the first poll', async () => {
    const mine = world.province.mines.find((m) => m.status === 'closed')!;
    const unsubscribe = watch();
    const start = T0 + 3_600_000;
    startScenario(sim, 'diaoshuidong', mine.code, start);
    await run(mine.code, start, 15);
    unsubscribe();
    const mine1 = raised.filter((r) => r.priority === 'critical');
    expect(mine1.filter((r) => r.atMs === start).map((r) => r.rule)).toContain('people_in_stopped_mine');
    // Monitoring data and power from a closed mine are production signals: also critical.
    expect(mine1.some((r) => r.rule === 'activity_in_stopped_mine')).toBe(true);
  });

  /** Records each alarm activation seen on the live feed (what a console would have shown). */
  function watch(): () => void {
    raised.length = 0;
    const seen = new Set<string>();
    return hub.subscribe({
      mineId: null,
      deliver: (e) => {
        if (e.kind !== 'alarm' || !e.alarm.conditionActive || e.alarm.activeSinceMs === null) return;
        const key = `${e.alarm.id}@${e.alarm.activeSinceMs}`;
        if (seen.has(key)) return;
        seen.add(key);
        raised.push({
          atMs: e.alarm.activeSinceMs,
          rule: e.alarm.rule,
          subject: e.alarm.subject,
          priority: e.alarm.priority,
        });
      },
    });
  }
});
