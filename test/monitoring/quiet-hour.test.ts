import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../src/core/monitoring/engine/engine-types.ts';
import { MonitoringEngine } from '../../src/core/monitoring/engine/monitoring-engine.ts';
import { REGULATIONS_2016_THRESHOLDS } from '../../src/core/monitoring/thresholds/regulations-2016-threshold-table.ts';
import { generateDemoProvince } from '../../src/sim/demo-province.ts';
import { createProvinceSimulator } from '../../src/sim/monitoring/province-simulator.ts';

/**
 * Signals, not noise (issue 12): one simulated hour of the demo province with no scenario running
 * must raise no falsification, flood or gas alarm on healthy sensors — steady fresh-air O2, zero CO
 * and still air are normal — while a methane point frozen among varying neighbours is still caught.
 * The engine runs on a simulated clock (the readings' own times); no I/O.
 */
describe('one quiet hour of the demo province', () => {
  const T0 = Date.parse('2026-12-05T02:00:00Z'); // 10:00 CST, a production shift
  const HOUR = 3_600_000;
  const STEP = 30_000;

  function run(freeze: { mineCode: string; pointCode: string; value: number } | null) {
    const province = generateDemoProvince({ seed: 7, mineCount: 40, now: new Date(T0).toISOString() });
    const sim = createProvinceSimulator({ mines: province.mines, seed: 5, startMs: T0, intervalMs: STEP });
    const engine = new MonitoringEngine({ capacity: 100_000, thresholds: REGULATIONS_2016_THRESHOLDS });
    const ids = new Map<string, string>();
    for (const m of province.mines) {
      engine.upsertMine(
        {
          id: m.id,
          code: m.code,
          name: m.name,
          status: m.status,
          approvedMaxUnderground: m.approvedMaxUnderground,
          gasClass: m.gasClass,
          regionPath: `/${m.regionId}/`,
        },
        T0,
      );
      ids.set(m.code, m.id);
      const layout = sim.layouts.get(m.code);
      if (layout) engine.definePoints(m.id, layout.points, T0);
    }
    const changes: AlarmChange[] = [];
    for (let t = T0; t <= T0 + HOUR; t += STEP) {
      const step = sim.step(t);
      for (const r of step.readings) {
        const readings =
          freeze && r.mineCode === freeze.mineCode
            ? r.readings.map((x) => (x.pointCode === freeze.pointCode ? { ...x, value: freeze.value } : x))
            : r.readings;
        changes.push(...engine.ingestReadings(ids.get(r.mineCode)!, readings, t).changes);
      }
      changes.push(...engine.tick(t + 1000));
    }
    const raised = changes.filter((c) =>
      c.effects.some((e) => e.kind === 'state-changed' && e.to === 'unack_active'),
    );
    return { province, sim, raised };
  }

  it('raises no falsification, gas, silence or flood alarm on healthy sensors', () => {
    const { raised } = run(null);
    const noisy = raised.filter((c) =>
      [
        'suspected_tampering',
        'over_limit',
        'power_cut_level',
        'pre_alarm',
        'low_limit',
        'point_silent',
        'mine_data_stopped',
      ].includes(c.alarm.rule),
    );
    expect(noisy.map((c) => `${c.alarm.rule} ${c.alarm.subject} ${c.alarm.message}`)).toEqual([]);
    // No mine raises 10 or more alarms in any 10 minutes (the console's flood KPI).
    const perMine = new Map<string, number[]>();
    for (const c of raised) perMine.set(c.alarm.mineId, [...(perMine.get(c.alarm.mineId) ?? []), c.atMs]);
    for (const times of perMine.values()) {
      times.sort((a, b) => a - b);
      for (let i = 0; i + 9 < times.length; i++) expect(times[i + 9]! - times[i]!).toBeGreaterThan(600_000);
    }
  });

  it('still catches a methane point frozen while its neighbours vary', () => {
    const probe = run(null);
    const mine = probe.province.mines.find((m) => m.status === 'producing')!;
    const layout = probe.sim.layouts.get(mine.code)!;
    const ch4 = layout.points.find((p) => p.sensorTypeCode === '0001' && /T1/.test(p.location))!;
    const { raised } = run({ mineCode: mine.code, pointCode: ch4.pointCode, value: 0.23 });
    expect(raised.filter((c) => c.alarm.rule === 'suspected_tampering').map((c) => c.alarm.subject)).toEqual([
      `flat-line:${ch4.pointCode}`,
    ]);
  });
});
