import { describe, expect, it } from 'vitest';
import { detectCoRisingTrend } from '../../core/monitoring/detectors/co-trend-detector.ts';
import { detectIdenticalTimestamps } from '../../core/monitoring/detectors/identical-timestamp-detector.ts';
import { generateDemoProvince } from '../demo-province.ts';
import { ventilationLevel } from './point-values.ts';
import { createProvinceSimulator, type ProvinceSimulator } from './province-simulator.ts';

const province = generateDemoProvince({ now: '2026-12-05T08:00:00.000Z' });
/** 2026-12-07 hh:mm China Standard Time. */
const cst = (hh: number, mm = 0, ss = 0): number => Date.UTC(2026, 11, 7, hh - 8, mm, ss);
const reportingStatuses = new Set(['producing', 'construction']);
const someMines = [
  ...province.mines.filter((m) => m.status === 'producing').slice(0, 25),
  ...province.mines.filter((m) => m.status === 'construction').slice(0, 3),
  ...province.mines.filter((m) => !reportingStatuses.has(m.status)).slice(0, 6),
];

const simOf = (mines = someMines, startMs = cst(0), intervalMs = 30_000): ProvinceSimulator =>
  createProvinceSimulator({ mines, seed: 42, startMs, intervalMs });

function valuesOf(
  sim: ProvinceSimulator,
  times: readonly number[],
  pick: (location: string, unit: string) => boolean,
) {
  const out: number[] = [];
  for (const t of times)
    for (const m of sim.step(t).readings)
      for (const r of m.readings) if (pick(r.location, r.unit) && r.value !== null) out.push(r.value);
  return out;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const every = (fromMs: number, toMs: number, stepMs: number): number[] =>
  Array.from({ length: Math.floor((toMs - fromMs) / stepMs) + 1 }, (_, i) => fromMs + i * stepMs);

describe('province simulator', () => {
  it('is deterministic: the same seed and step time give the same poll, whatever came before', () => {
    const a = simOf();
    const b = simOf();
    for (let i = 0; i < 5; i++) a.step(a.timeOfStep(i));
    expect(a.step(a.timeOfStep(5))).toEqual(b.step(b.timeOfStep(5)));
    const c = createProvinceSimulator({ mines: someMines, seed: 43, startMs: cst(0), intervalMs: 30_000 });
    expect(c.step(cst(0)).readings).not.toEqual(b.step(cst(0)).readings);
  });

  it('follows the registry: a mine stopped by an order stops reporting, and reports again when it may', () => {
    const sim = simOf();
    const code = someMines.find((m) => m.status === 'producing')!.code;
    const reporting = (t: number) => sim.step(t).readings.some((r) => r.mineCode === code);
    expect(reporting(cst(10))).toBe(true);
    sim.setMineStatus(code, 'suspended');
    expect(reporting(cst(10, 1))).toBe(false);
    sim.setMineStatus(code, 'producing');
    expect(reporting(cst(10, 2))).toBe(true);
  });

  it('keeps a standby mine (stopped by an order) monitored: fans and wind on, feeds and belts off, nobody underground', () => {
    const code = someMines.find((m) => m.status === 'producing')!.code;
    const sim = createProvinceSimulator({
      mines: someMines,
      seed: 42,
      startMs: cst(0),
      intervalMs: 30_000,
      standbyStatuses: ['suspended'],
    });
    sim.setMineStatus(code, 'suspended');
    const step = sim.step(cst(10));
    const readings = step.readings.find((r) => r.mineCode === code)?.readings ?? [];
    const specs = new Map(
      sim.layouts.get(code)!.pointSpecs.map((p, i) => [sim.layouts.get(code)!.points[i]!.pointCode, p]),
    );
    expect(readings.length).toBe(sim.layouts.get(code)!.points.length);
    for (const r of readings) {
      const b = specs.get(r.pointCode)!.behaviour;
      if (b === 'main-fan') expect(r.value).toBe(1);
      if (b === 'feed' || b === 'belt-running') expect(r.value).toBe(0);
    }
    expect(step.personnel.find((p) => p.mineCode === code)?.positions).toEqual([]);
    sim.setMineStatus(code, 'closed');
    expect(sim.step(cst(10, 1)).readings.some((r) => r.mineCode === code)).toBe(false);
  });

  it('polls every point of every producing or construction mine; other mines are silent', () => {
    const sim = simOf();
    const step = sim.step(cst(10));
    const expected = someMines.filter((m) => reportingStatuses.has(m.status)).map((m) => m.code);
    expect(step.readings.map((r) => r.mineCode)).toEqual(expected);
    expect(step.personnel.map((r) => r.mineCode)).toEqual(expected);
    for (const { mineCode, readings } of step.readings) {
      const layout = sim.layouts.get(mineCode);
      expect(readings.map((r) => r.pointCode)).toEqual(layout?.points.map((p) => p.pointCode));
      // A real host polls points one after another: not one timestamp for the whole file.
      expect(detectIdenticalTimestamps(readings).isSuspicious).toBe(false);
      for (const r of readings) expect(cst(10) - r.dataTimeMs).toBeLessThan(10_000);
    }
    expect(sim.layouts.size).toBe(someMines.length);
  });

  it('keeps normal operation inside the limits: methane < 1.0 %, CO < 24 ppm, O2 20.6–20.9 %, no alarm bits', () => {
    const sim = simOf(someMines, cst(0), 300_000);
    let polls = 0;
    const violations: string[] = [];
    for (const t of every(cst(0), cst(23, 55), 300_000)) {
      for (const { readings } of sim.step(t).readings) {
        for (const r of readings) {
          polls++;
          const v = r.value ?? Number.NaN;
          const ok =
            r.statusBits === 0 &&
            (r.unit !== '%CH4' || v < 1.0) &&
            (r.unit !== 'ppm' || v < 24) &&
            (r.sensorTypeName !== '氧气' || (v >= 20.6 && v <= 20.9)) &&
            (r.unit !== '℃' || (v >= 18 && v < 26));
          if (!ok) violations.push(`${r.location} ${v} ${r.unit} status ${r.statusBits}`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(polls).toBeGreaterThan(100_000);
  });

  it('varies values with production and drift rather than drawing them independently', () => {
    const sim = simOf(someMines.slice(0, 10), cst(0), 60_000);
    const isT1 = (location: string) => /工作面T1$/.test(location) && !location.includes('掘进');
    const cutting = valuesOf(sim, every(cst(10), cst(14), 600_000), isT1);
    const night = valuesOf(sim, every(cst(2), cst(6), 600_000), isT1);
    expect(mean(cutting)).toBeGreaterThan(mean(night) + 0.03);
    // Consecutive 1-minute readings of a point are far closer than readings an hour apart.
    const series = valuesOf(
      sim,
      every(cst(3), cst(9), 60_000),
      (l, u) => u === '%CH4' && l.endsWith('总回风巷'),
    );
    const byPoint = 10;
    const diffs = (lag: number) =>
      mean(series.slice(lag * byPoint).map((v, i) => Math.abs(v - (series[i] ?? v))));
    expect(diffs(1)).toBeLessThan(diffs(60) * 0.7);
  });

  it('runs belts in production shifts, keeps fans on, and steps ventilation now and then', () => {
    const sim = simOf(someMines.slice(0, 10));
    const belts = (t: number) => valuesOf(sim, [t], (l) => /皮带机头$/.test(l));
    expect(mean(belts(cst(11)))).toBeGreaterThan(0.8);
    expect(mean(belts(cst(3)))).toBe(0);
    expect(valuesOf(sim, [cst(3)], (l) => l.endsWith('1号主要通风机')).every((v) => v === 1)).toBe(true);
    expect(valuesOf(sim, [cst(3)], (l) => l.endsWith('主局部通风机')).every((v) => v === 1)).toBe(true);
    const levels = new Set(
      every(cst(0), cst(0) + 10 * 86_400_000, 3_600_000).map((t) => ventilationLevel(77, t)),
    );
    expect(levels.size).toBeGreaterThan(1);
  });

  it('never shows a rising CO trend in normal operation', () => {
    const sim = simOf(someMines.slice(0, 8), cst(0), 60_000);
    const series = new Map<string, { t: number[]; v: number[] }>();
    for (const t of every(cst(6), cst(18), 60_000))
      for (const m of sim.step(t).readings)
        for (const r of m.readings) {
          if (r.unit !== 'ppm') continue;
          const s = series.get(r.pointCode) ?? { t: [], v: [] };
          s.t.push(r.dataTimeMs);
          s.v.push(r.value ?? 0);
          series.set(r.pointCode, s);
        }
    for (const [code, s] of series)
      for (let end = 30; end <= s.t.length; end += 15)
        expect(detectCoRisingTrend(s.t.slice(end - 30, end), s.v.slice(end - 30, end)).isRising, code).toBe(
          false,
        );
  });

  describe('personnel', () => {
    const sim = simOf(someMines, cst(0), 300_000);
    const counts = (t: number) =>
      new Map(
        sim
          .step(t)
          .personnel.map((p) => [p.mineCode, p.positions.filter((x) => x.inOut === 'underground').length]),
      );

    it('fills the mine over the half hour after a shift starts', () => {
      const before = counts(cst(7, 55));
      const after = counts(cst(8, 45));
      for (const [code, n] of after) expect(n, code).toBeGreaterThan(before.get(code) ?? 0);
    });

    it('stays within the approved maximum underground over a day', () => {
      const max = new Map(someMines.map((m) => [m.code, m.approvedMaxUnderground]));
      for (const t of every(cst(0), cst(23, 50), 600_000))
        for (const [code, n] of counts(t))
          expect(n, `${code} at ${t}`).toBeLessThanOrEqual(max.get(code) ?? 0);
    });

    it('keeps every area within its approved headcount and the restricted area empty over a day', () => {
      for (const t of every(cst(0), cst(23, 50), 600_000)) {
        for (const { mineCode, positions } of sim.step(t).personnel) {
          const perArea = new Map<string, number>();
          for (const p of positions) {
            if (p.inOut === 'underground' && p.areaCode)
              perArea.set(p.areaCode, (perArea.get(p.areaCode) ?? 0) + 1);
          }
          for (const a of sim.layouts.get(mineCode)?.areas ?? []) {
            expect(perArea.get(a.areaCode) ?? 0, `${a.areaName} of ${mineCode} at ${t}`).toBeLessThanOrEqual(
              a.approvedHeadcount,
            );
          }
        }
      }
    });

    it('spreads entry times, places people at known stations and lists recent exits as out', () => {
      const now = cst(16, 50);
      for (const { mineCode, positions } of sim.step(now).personnel) {
        const layout = sim.layouts.get(mineCode);
        const stations = new Set(layout?.stations.map((s) => s.stationCode));
        const underground = positions.filter((p) => p.inOut === 'underground');
        const out = positions.filter((p) => p.inOut === 'out');
        expect(underground.length).toBeGreaterThan(0);
        expect(out.length).toBeGreaterThan(0);
        expect(new Set(underground.map((p) => p.enteredMineAtMs)).size).toBeGreaterThan(
          underground.length / 3,
        );
        for (const p of underground) {
          expect(stations.has(p.stationCode ?? '')).toBe(true);
          expect(p.stationCode?.slice(0, 16)).toBe(p.areaCode);
          expect(p.track.at(-1)?.stationCode).toBe(p.stationCode);
          expect(p.shiftPattern).toBe('三八制');
        }
        for (const p of out) {
          expect(p.exitedMineAtMs).toBeLessThanOrEqual(now);
          expect(now - (p.exitedMineAtMs ?? 0)).toBeLessThan(3_600_000);
        }
        expect(positions.some((p) => p.isMineLeader && p.inOut === 'underground')).toBe(true);
        const restricted = layout?.keyAreas.restricted;
        expect(positions.some((p) => p.areaCode === restricted)).toBe(false);
      }
    });
  });
});
