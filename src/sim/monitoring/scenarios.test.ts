import { describe, expect, it } from 'vitest';
import { detectCoRisingTrend } from '../../core/monitoring/detectors/co-trend-detector.ts';
import type { PointReading } from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import { generateDemoProvince } from '../demo-province.ts';
import { createProvinceSimulator, type ProvinceStep } from './province-simulator.ts';
import { SCENARIO_NAMES, SCENARIO_TIMELINES, startScenario, stopScenario } from './scenarios.ts';

const province = generateDemoProvince({ now: '2026-12-05T08:00:00.000Z' });
const cst = (hh: number, mm = 0, ss = 0): number => Date.UTC(2026, 11, 7, hh - 8, mm, ss);
const producing = province.mines.filter((m) => m.status === 'producing').slice(0, 6);
const closed = province.mines.filter((m) => m.status === 'closed').slice(0, 2);
const mines = [...producing, ...closed];
const MIN = 60_000;

const newSim = () => createProvinceSimulator({ mines, seed: 9, startMs: cst(9), intervalMs: 30_000 });

function reading(step: ProvinceStep, mineCode: string, pointCode: string): PointReading {
  const r = step.readings
    .find((m) => m.mineCode === mineCode)
    ?.readings.find((x) => x.pointCode === pointCode);
  if (r === undefined) throw new Error(`no reading of ${pointCode} in ${mineCode}`);
  return r;
}

describe('songzao scenario', () => {
  const sim = newSim();
  const target = producing[0]!;
  const k = sim.layouts.get(target.code)!.keyPoints;
  const startMs = cst(10);
  const before = sim.step(startMs - MIN);
  const scenario = startScenario(sim, 'songzao', target.code, startMs);
  const steps = Array.from({ length: 61 }, (_, i) => sim.step(startMs + i * 30_000));
  const co = steps.map((s) => reading(s, target.code, k.beltCo[0]));
  const crossing = co.findIndex((r) => (r.value ?? 0) >= 24);

  it('leaves the time before its start alone', () => {
    expect(sim.step(startMs - MIN)).toEqual(before);
  });

  it('raises CO steadily below 24 ppm first, which the early-warning detector calls rising', () => {
    expect(crossing).toBeGreaterThan(0);
    const crossedAfterMin = (co[crossing]!.dataTimeMs - startMs) / MIN;
    expect(crossedAfterMin).toBeGreaterThan(8);
    expect(crossedAfterMin).toBeLessThan(13);
    const below = co.slice(0, crossing);
    const trend = detectCoRisingTrend(
      below.map((r) => r.dataTimeMs),
      below.map((r) => r.value ?? 0),
    );
    expect(trend.verdict).toBe('rising');
    expect(below.at(-1)!.value! - below[0]!.value!).toBeGreaterThan(15);
  });

  it('passes 24 ppm with the alarm bit and reaches over 100 ppm within ~20 minutes', () => {
    const alarmAt = sim.layouts
      .get(target.code)!
      .points.find((p) => p.pointCode === k.beltCo[0])!.upperAlarm!;
    for (const r of co) expect(r.statusBits & 1).toBe((r.value ?? 0) >= alarmAt ? 1 : 0);
    expect(Math.max(...co.slice(0, 41).map((r) => r.value ?? 0))).toBeGreaterThan(100);
    const mid = steps.map((s) => reading(s, target.code, k.beltCo[1]).value ?? 0);
    expect(mid.at(-1)).toBeGreaterThan(100);
  });

  it('keeps the belt running with its slip protection acted, heats the drum and trips the smoke sensor', () => {
    for (const s of steps) {
      expect(reading(s, target.code, k.beltRunning).value).toBe(1);
      expect(reading(s, target.code, k.beltSlipProtection).value).toBe(1);
    }
    expect(reading(steps[20]!, target.code, k.beltDrumTemperature).value).toBeGreaterThan(40);
    expect(reading(steps[10]!, target.code, k.beltSmoke).value).toBe(0);
    expect(reading(steps[20]!, target.code, k.beltSmoke).value).toBe(1);
  });

  it('does not touch other mines, and stops when removed', () => {
    const plain = newSim();
    const t = startMs + 20 * MIN;
    const other = (s: ProvinceStep) => s.readings.filter((m) => m.mineCode !== target.code);
    expect(other(sim.step(t))).toEqual(other(plain.step(t)));
    stopScenario(sim, scenario);
    expect(sim.step(t)).toEqual(plain.step(t));
    startScenario(sim, 'songzao', target.code, startMs);
  });

  it('exposes a timeline with absolute times and point codes', () => {
    expect(scenario.events.length).toBe(SCENARIO_TIMELINES.songzao.events.length);
    const crossEvent = scenario.events.find((e) => e.en.includes('passes 24'));
    expect(crossEvent?.pointCode).toBe(k.beltCo[0]);
    expect(crossEvent?.atMs).toBe(startMs + 10 * MIN);
  });
});

describe('diaoshuidong scenario', () => {
  const sim = newSim();
  const target = closed[0]!;
  const layout = sim.layouts.get(target.code)!;
  const k = layout.keyPoints;
  const startMs = cst(13, 20);
  startScenario(sim, 'diaoshuidong', target.code, startMs);
  const at = (min: number) => sim.step(startMs + min * MIN);

  it('keeps the closed mine silent until the scenario starts', () => {
    const s = sim.step(startMs - 30_000);
    expect(s.readings.some((m) => m.mineCode === target.code)).toBe(false);
    expect(s.personnel.some((m) => m.mineCode === target.code)).toBe(false);
    expect(s.readings.some((m) => m.mineCode === closed[1]!.code)).toBe(false);
  });

  it('puts 5–10 people underground in the closed mine within its first step', () => {
    const people = at(0).personnel.find((m) => m.mineCode === target.code)?.positions ?? [];
    expect(people.length).toBeGreaterThanOrEqual(5);
    expect(people.length).toBeLessThanOrEqual(10);
    for (const p of people) {
      expect(p.inOut).toBe('underground');
      expect(p.enteredMineAtMs).toBe(startMs);
      expect(p.areaCode).toBe(layout.keyAreas.pithead);
    }
    const later = at(20).personnel.find((m) => m.mineCode === target.code)?.positions ?? [];
    expect(later.every((p) => p.areaCode === (layout.keyAreas.faces[0] ?? layout.keyAreas.headings[0]))).toBe(
      true,
    );
  });

  it('shows power on later while fans stay off, then CO climbs past 24 ppm', () => {
    const feed = (min: number) => reading(at(min), target.code, k.feeds[0]!).value;
    expect(feed(0)).toBe(0);
    expect(feed(9)).toBe(0);
    expect(feed(11)).toBe(1);
    expect(reading(at(11), target.code, k.mainFan).value).toBe(0);
    const co = (min: number) => reading(at(min), target.code, k.workplaceCo[0]!).value ?? 0;
    expect(co(20)).toBeLessThan(24);
    expect(co(30)).toBeLessThan(24);
    expect(co(30)).toBeGreaterThan(co(26));
    expect(co(36)).toBeGreaterThan(24);
    expect(co(50)).toBeGreaterThan(200);
  });

  it('has a timeline for each scenario', () => {
    for (const name of SCENARIO_NAMES) {
      const t = SCENARIO_TIMELINES[name];
      expect(t.events.length).toBeGreaterThan(3);
      expect(t.titleZh.length).toBeGreaterThan(0);
    }
  });
});
