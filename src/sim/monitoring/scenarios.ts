/**
 * Scripted incidents layered on the province simulator, replaying the signal patterns of the two
 * accidents the product exists for (PRODUCT.md):
 * - `songzao` (27 Sep 2020): a belt conveyor keeps running while its slip protection has acted; the
 *   drum heats, smoke appears, CO climbs steadily below 24 ppm (the early warning) and then far past it.
 * - `diaoshuidong` (4 Dec 2020): people go underground in a closed mine, power comes back on at a
 *   work place, then a fire from illegal cutting drives CO past 24 ppm.
 * Each scenario has a timeline (offsets from its start) for the UI and the docs.
 */
import type { PersonPosition } from '../../core/monitoring/upload-file/personnel-records.ts';
import type { MineLayout } from './mine-layout.ts';
import type { ProvinceSimulator, SimulatorOverlay } from './province-simulator.ts';
import { crewGeometry, positionAt, stationIn, type CrewMember, type Leg } from './shift-crews.ts';
import { hash3, hashString, unit, wholeSeconds } from './signal.ts';

export type ScenarioName = 'songzao' | 'diaoshuidong';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['songzao', 'diaoshuidong'];

/** Which of the mine's key points an event concerns (resolved to a point code when started). */
export type ScenarioSubject =
  | 'belt-running'
  | 'belt-slip-protection'
  | 'belt-drum-temperature'
  | 'belt-smoke'
  | 'belt-co'
  | 'feed'
  | 'workplace-co'
  | 'total-return-co'
  | 'personnel';

export interface ScenarioEvent {
  offsetMs: number;
  subject: ScenarioSubject;
  en: string;
  zh: string;
}

export interface ScenarioTimeline {
  name: ScenarioName;
  titleEn: string;
  titleZh: string;
  summaryEn: string;
  events: readonly ScenarioEvent[];
}

const MIN_MS = 60_000;
const ev = (min: number, subject: ScenarioSubject, en: string, zh: string): ScenarioEvent => ({
  offsetMs: min * MIN_MS,
  subject,
  en,
  zh,
});

export const SCENARIO_TIMELINES: Readonly<Record<ScenarioName, ScenarioTimeline>> = {
  songzao: {
    name: 'songzao',
    titleEn: 'Belt fire with a failed protection (Songzao pattern)',
    titleZh: '皮带保护失效引发火灾（松藻模式）',
    summaryEn:
      'The main belt keeps running after its slip protection acts; the drum heats, smoke appears and CO rises steadily below 24 ppm for ~9 minutes before passing the alarm and reaching ~160 ppm.',
    events: [
      ev(
        0,
        'belt-slip-protection',
        'Slip protection acts (1); the belt keeps running',
        '打滑保护动作，皮带仍在运行',
      ),
      ev(0, 'belt-running', 'Belt running stays 1 throughout', '皮带开停测点始终为运行'),
      ev(
        0,
        'belt-drum-temperature',
        'Drum temperature starts rising (~48 ℃ at 10 min, 70 ℃ later)',
        '滚筒处温度开始上升',
      ),
      ev(
        1,
        'belt-co',
        'CO near the drum starts a steady rise below 24 ppm (early warning)',
        '机头一氧化碳低于24ppm持续上升（早期预警）',
      ),
      ev(3, 'belt-co', 'CO mid-roadway follows, 2 minutes behind at 80 %', '皮带巷中部一氧化碳随之上升'),
      ev(6, 'total-return-co', 'Total return CO rises a little (diluted)', '总回风一氧化碳小幅上升'),
      ev(8, 'belt-smoke', 'Smoke sensor reads 1', '烟雾传感器报警'),
      ev(10, 'belt-co', 'CO near the drum passes 24 ppm (alarm)', '机头一氧化碳超过24ppm报警'),
      ev(16, 'belt-co', 'CO near the drum ~105 ppm', '机头一氧化碳约105ppm'),
      ev(30, 'belt-co', 'CO near the drum ~160 ppm and stays there', '机头一氧化碳约160ppm并保持'),
    ],
  },
  diaoshuidong: {
    name: 'diaoshuidong',
    titleEn: 'Illegal work in a closed mine (Diaoshuidong pattern)',
    titleZh: '关闭矿井违规下井作业（吊水洞模式）',
    summaryEn:
      'A closed mine comes alive: 5–10 people go underground, power is switched back on at a work place, then a fire from illegal cutting drives CO past 24 ppm.',
    events: [
      ev(
        0,
        'personnel',
        '5–10 people enter the closed mine; its monitoring reports again (fans off, almost no airflow)',
        '关闭矿井5–10人下井，监控系统恢复上传',
      ),
      ev(5, 'personnel', 'They reach the main roadway', '人员到达井底车场及大巷'),
      ev(10, 'feed', 'Feed sensor at the work place shows power on (1)', '作业地点馈电传感器显示有电'),
      ev(12, 'feed', 'A second feed sensor shows power on', '第二个馈电传感器显示有电'),
      ev(15, 'personnel', 'They reach the work place (first face, or first heading)', '人员到达作业地点'),
      ev(
        25,
        'workplace-co',
        'Cutting starts a fire: CO in the work-place return starts rising',
        '违规动火引发火灾，一氧化碳开始上升',
      ),
      ev(33, 'workplace-co', 'CO passes 24 ppm', '一氧化碳超过24ppm'),
      ev(45, 'workplace-co', 'CO above 200 ppm, ~300 ppm later', '一氧化碳超过200ppm'),
      ev(30, 'total-return-co', 'Total return CO follows (diluted)', '总回风一氧化碳随之上升'),
    ],
  },
};

export interface ActiveScenarioEvent extends ScenarioEvent {
  atMs: number;
  /** The point concerned, when the event is about one point. */
  pointCode: string | null;
}

export interface ActiveScenario {
  name: ScenarioName;
  mineCode: string;
  startMs: number;
  timeline: ScenarioTimeline;
  events: ActiveScenarioEvent[];
  overlay: SimulatorOverlay;
}

/** Piecewise-linear curve through (minute, value) knots; flat before the first and after the last. */
function curve(knots: ReadonlyArray<readonly [number, number]>, minutes: number): number {
  let prev = knots[0];
  if (prev === undefined || minutes <= prev[0]) return prev?.[1] ?? 0;
  for (const k of knots) {
    if (minutes <= k[0]) return prev[1] + ((k[1] - prev[1]) * (minutes - prev[0])) / (k[0] - prev[0]);
    prev = k;
  }
  return prev[1];
}

/** CO added by the belt fire: a steady (slightly accelerating) rise to +21 ppm at 10 min, then fast. */
function beltFireCo(minutes: number): number {
  if (minutes <= 1) return 0;
  if (minutes <= 10) return 21 * ((minutes - 1) / 9) ** 1.4;
  return curve(
    [
      [10, 21],
      [16, 105],
      [30, 160],
    ],
    minutes,
  );
}

/** Small deterministic flicker so scripted curves are not perfectly smooth. */
const flicker = (key: number, tMs: number, amplitude: number): number =>
  amplitude * (unit(hash3(key, tMs / 1000, 0x5c)) * 2 - 1);

type ValueFn = (tMs: number, normal: number) => number;

function songzaoValues(layout: MineLayout, startMs: number): Map<string, ValueFn> {
  const k = layout.keyPoints;
  const min = (tMs: number): number => (tMs - startMs) / MIN_MS;
  const key = hashString(layout.mineCode);
  return new Map<string, ValueFn>([
    [k.beltRunning, () => 1],
    [k.beltSlipProtection, () => 1],
    [k.beltSmoke, (t, normal) => (min(t) >= 8 ? 1 : normal)],
    [
      k.beltDrumTemperature,
      (t, normal) =>
        Math.max(
          normal,
          curve(
            [
              [0, normal],
              [10, 48],
              [30, 70],
            ],
            min(t),
          ) + flicker(key, t, 0.2),
        ),
    ],
    [k.beltCo[0], (t, normal) => normal + beltFireCo(min(t)) * (1 + flicker(key, t, 0.02))],
    [k.beltCo[1], (t, normal) => normal + 0.8 * beltFireCo(min(t) - 2) * (1 + flicker(key + 1, t, 0.02))],
    [k.totalReturnCo, (t, normal) => normal + 0.15 * beltFireCo(min(t) - 5)],
  ]);
}

function diaoshuidongValues(layout: MineLayout, startMs: number): Map<string, ValueFn> {
  const k = layout.keyPoints;
  const min = (tMs: number): number => (tMs - startMs) / MIN_MS;
  const key = hashString(layout.mineCode);
  const fire = (m: number): number =>
    curve(
      [
        [25, 0],
        [29, 4],
        [33, 23],
        [38, 80],
        [45, 210],
        [60, 300],
      ],
      m,
    );
  const values = new Map<string, ValueFn>();
  k.feeds
    .slice(0, 2)
    .forEach((feed, i) => values.set(feed, (t, normal) => (min(t) >= 10 + 2 * i ? 1 : normal)));
  const co = k.workplaceCo[0];
  if (co !== undefined) values.set(co, (t, normal) => normal + fire(min(t)) * (1 + flicker(key, t, 0.02)));
  values.set(k.totalReturnCo, (t, normal) => normal + 0.2 * fire(min(t) - 5));
  return values;
}

/** The people of the Diaoshuidong scenario: 5–10 from the (former) roster, led by a mine leader. */
function diaoshuidongCrew(layout: MineLayout, startMs: number): CrewMember[] {
  const key = hash3(hashString(layout.mineCode), startMs / 1000, 0xd5d);
  const count = 5 + Math.floor(unit(hash3(key, 1)) * 6);
  const leaders = layout.personSpecs.flatMap((s, i) => (s.role === 'leader' ? [i] : []));
  const workers = layout.personSpecs.flatMap((s, i) => (s.role === 'leader' ? [] : [i]));
  const chosen = new Set<number>();
  const leader = leaders[Math.floor(unit(hash3(key, 2)) * leaders.length)];
  if (leader !== undefined) chosen.add(leader);
  for (let j = 0; chosen.size < count && j < 1000 && workers.length > 0; j++) {
    chosen.add(workers[Math.floor(unit(hash3(key, 3, j)) * workers.length)] ?? 0);
  }
  const geo = crewGeometry(layout);
  const { keyAreas } = layout;
  const workPlace = keyAreas.faces[0] ?? keyAreas.headings[0] ?? keyAreas.mainRoadway;
  // Fixed walk: pithead at the start, main roadway at ~5 min, the work place at ~15 min; they stay.
  return [...chosen].map((personIndex, i): CrewMember => {
    const r = (j: number): number => unit(hash3(key, personIndex, j));
    const leg = (areaCode: string, atMs: number, pick: number): Leg => ({
      areaCode,
      stationCode: stationIn(geo, areaCode, pick),
      atMs,
    });
    const legs = [
      leg(keyAreas.pithead, startMs, r(1)),
      leg(keyAreas.mainRoadway, startMs + 5 * MIN_MS + i * 10_000, r(2)),
      leg(workPlace, startMs + 15 * MIN_MS + i * 10_000, r(3)),
    ];
    return { personIndex, entryMs: startMs, exitMs: Number.POSITIVE_INFINITY, legs, cache: null };
  });
}

/**
 * Starts a scenario on a mine at `atMs` (floored to whole seconds): adds its overlay to the
 * simulator and returns its timeline with absolute times and point codes. `diaoshuidong` is meant
 * for a closed mine: the simulator reports a closed mine only while a scenario is active on it.
 */
export function startScenario(
  sim: ProvinceSimulator,
  name: ScenarioName,
  mineCode: string,
  atMs: number,
): ActiveScenario {
  const layout = sim.layouts.get(mineCode);
  if (layout === undefined) throw new Error(`mine ${mineCode} is not simulated`);
  const startMs = wholeSeconds(atMs);
  const timeline = SCENARIO_TIMELINES[name];
  let overlay: SimulatorOverlay;
  if (name === 'songzao') {
    overlay = { name, mineCode, startMs, values: songzaoValues(layout, startMs) };
  } else {
    const crew = diaoshuidongCrew(layout, startMs);
    overlay = {
      name,
      mineCode,
      startMs,
      values: diaoshuidongValues(layout, startMs),
      positions: (tMs: number): PersonPosition[] => crew.flatMap((m) => positionAt(layout, m, tMs, 0) ?? []),
    };
  }
  sim.addOverlay(overlay);
  const k = layout.keyPoints;
  const subjectPoint: Readonly<Record<ScenarioSubject, string | null>> = {
    'belt-running': k.beltRunning,
    'belt-slip-protection': k.beltSlipProtection,
    'belt-drum-temperature': k.beltDrumTemperature,
    'belt-smoke': k.beltSmoke,
    'belt-co': k.beltCo[0],
    feed: k.feeds[0] ?? null,
    'workplace-co': k.workplaceCo[0] ?? null,
    'total-return-co': k.totalReturnCo,
    personnel: null,
  };
  const events = timeline.events.map((e) => ({
    ...e,
    atMs: startMs + e.offsetMs,
    pointCode: subjectPoint[e.subject],
  }));
  return { name, mineCode, startMs, timeline, events, overlay };
}

/** Removes a scenario's overlay: the mine returns to normal operation (or silence). */
export function stopScenario(sim: ProvinceSimulator, scenario: ActiveScenario): void {
  sim.removeOverlay(scenario.overlay);
}
