import type { MineStatus } from '../../registry/types.ts';
import type { SwitchRole } from '../engine/point-config.ts';
import {
  MUST_BE_EMPTY_STATUSES,
  type AlarmRule,
  type EvidenceItem,
  type IncidentRule,
} from '../engine/engine-types.ts';

/**
 * Correlation incidents (issue 12 step 3, ADR 0012): patterns that no single alarm shows, judged from a
 * mine's active alarms, its points' newest readings and its people underground. Pure: the same input
 * gives the same findings, dated by the data (the latest evidence that completed the pattern).
 */

/** An active alarm as the correlators see it. */
export interface CorrelationAlarm {
  id: string;
  rule: AlarmRule;
  pointId: number | null;
  subject: string;
  /** Data time of the current activation. */
  activeSinceMs: number;
  value: number | null;
}

/** A point with its newest reading. */
export interface CorrelationPoint {
  id: number;
  pointCode: string;
  sensorType: string;
  location: string;
  substationCode: string;
  unit: string;
  role: SwitchRole | null;
  /** Feed points this point cuts (CDDY relation D). */
  powerCutFeedCodes: readonly string[];
  value: number;
  tsMs: number;
}

export interface MineEvidence {
  mineId: string;
  status: MineStatus;
  /** The mine's alarms whose condition is active. */
  alarms: readonly CorrelationAlarm[];
  points: ReadonlyMap<number, CorrelationPoint>;
  people: { count: number; snapshotMs: number | null };
}

/** Platform policy (not regulation): how long production may run on after gas went over the limit. */
export interface CorrelationPolicy {
  productionGraceMs: number;
}

export const DEFAULT_CORRELATION_POLICY: CorrelationPolicy = { productionGraceMs: 60_000 };

export interface IncidentFinding {
  rule: IncidentRule;
  /** What the incident is about within the mine: a roadway, a point code, or '' for the whole mine. */
  subject: string;
  message: string;
  /** Data time at which the evidence became complete. */
  atMs: number;
  evidence: EvidenceItem[];
}

/** Where each incident's duty comes from (the regulation articles it cites). */
export const INCIDENT_ARTICLES: Readonly<Record<IncidentRule, ReadonlyArray<{ zh: string; en: string }>>> = {
  incident_fire_pattern: [
    {
      zh: '《煤矿重大事故隐患判定标准》(2020) 第十八条第(八)项：带式输送机防打滑、跑偏、堆煤、温度、烟雾等保护装置失效',
      en: 'Major-hazard criteria (2020) art. 18(8): belt anti-slip, deviation, pile-up, temperature or smoke protections failed',
    },
  ],
  incident_gas_production: [
    {
      zh: '《煤矿重大事故隐患判定标准》(2020) 第五条第(二)项：瓦斯超限后继续作业',
      en: 'Major-hazard criteria (2020) art. 5(2): work continuing after gas exceeds the limit',
    },
  ],
  incident_power_cut_ineffective: [
    {
      zh: '《煤矿重大事故隐患判定标准》(2020) 第七条第(二)项：甲烷传感器不能断电或断电范围不符合规定',
      en: 'Major-hazard criteria (2020) art. 7(2): methane sensors unable to cut power, or the cut scope is wrong',
    },
  ],
  incident_stopped_mine_work: [
    {
      zh: '《煤矿安全生产条例》(2024) 第七十四条第(三)项：责令停产整顿或关闭的煤矿擅自组织生产',
      en: 'Coal Mine Safety Production Regulation (2024) art. 74(3): a stopped or closed mine producing on its own',
    },
  ],
};

const METHANE_TYPES = new Set(['0001', '0011', '0043']);
const CO_TYPE = '0004';
const TEMPERATURE_TYPE = '0003';
const ROADWAY_END = /^(.*?(?:工作面|大巷|石门|上山|下山|斜井|立井|平硐|巷|硐室))/;

/** The roadway or working place a location names (its first word cut after the first place noun), or ''. */
export function roadwayOf(location: string): string {
  const first = location.trim().split(/\s+/)[0] ?? '';
  return ROADWAY_END.exec(first)?.[1] ?? '';
}

/**
 * Same roadway or area: one named roadway when both locations name one; otherwise one substation
 * (分站), which may serve a whole district, so it is only the fallback.
 */
export function isSameArea(a: CorrelationPoint, b: CorrelationPoint): boolean {
  const ra = roadwayOf(a.location);
  const rb = roadwayOf(b.location);
  if (ra !== '' && rb !== '') return ra === rb;
  return a.substationCode !== '' && a.substationCode === b.substationCode;
}

/** Signs of fire: smoke, CO rising or over its limit, temperature over its limit or stop-work level. */
function isFireSign(a: CorrelationAlarm, p: CorrelationPoint | undefined): boolean {
  if (a.rule === 'smoke' || a.rule === 'co_rising') return true;
  if (!p) return false;
  if (p.sensorType === CO_TYPE) return a.rule === 'over_limit' || a.rule === 'power_cut_level';
  if (p.sensorType === TEMPERATURE_TYPE) return a.rule === 'over_limit' || a.rule === 'stop_work_level';
  return false;
}

const alarmItem = (a: CorrelationAlarm, p: CorrelationPoint | undefined): EvidenceItem => ({
  kind: 'alarm',
  alarmId: a.id,
  rule: a.rule,
  pointCode: p?.pointCode ?? null,
  location: p?.location ?? null,
  value: a.value,
  unit: p?.unit ?? null,
  atMs: a.activeSinceMs,
});

const readingItem = (p: CorrelationPoint): EvidenceItem => ({
  kind: 'reading',
  alarmId: null,
  rule: null,
  pointCode: p.pointCode,
  location: p.location,
  value: p.value,
  unit: p.unit,
  atMs: p.tsMs,
});

const peopleItem = (people: MineEvidence['people']): EvidenceItem => ({
  kind: 'people',
  alarmId: null,
  rule: null,
  pointCode: null,
  location: null,
  value: people.count,
  unit: null,
  atMs: people.snapshotMs ?? 0,
});

/** Evidence in data-time order, and the time it became complete. */
function finding(
  rule: IncidentRule,
  subject: string,
  message: string,
  items: EvidenceItem[],
): IncidentFinding {
  const evidence = [...items].sort((a, b) => a.atMs - b.atMs || kindOrder(a) - kindOrder(b));
  return { rule, subject, message, atMs: Math.max(...evidence.map((e) => e.atMs)), evidence };
}
const kindOrder = (e: EvidenceItem): number => (e.kind === 'alarm' ? 0 : e.kind === 'reading' ? 1 : 2);

/**
 * The Songzao pattern: a belt protection acted or failed, a sign of fire (smoke, CO rising or over,
 * temperature over) in the same roadway, and people underground. One incident per roadway.
 */
function firePatterns(m: MineEvidence): IncidentFinding[] {
  if (m.people.count <= 0 || m.people.snapshotMs === null) return [];
  const byRoadway = new Map<string, { anchors: CorrelationAlarm[]; signs: Set<CorrelationAlarm> }>();
  const anchors = m.alarms.filter((a) => a.rule === 'belt_protection' && a.pointId !== null);
  for (const anchor of anchors) {
    const at = m.points.get(anchor.pointId!);
    if (!at) continue;
    const signs = m.alarms.filter((a) => {
      const p = a.pointId === null ? undefined : m.points.get(a.pointId);
      return p !== undefined && isFireSign(a, p) && isSameArea(at, p);
    });
    if (signs.length === 0) continue;
    const key = roadwayOf(at.location) || at.substationCode;
    const entry = byRoadway.get(key) ?? { anchors: [], signs: new Set() };
    entry.anchors.push(anchor);
    for (const s of signs) entry.signs.add(s);
    byRoadway.set(key, entry);
  }
  return [...byRoadway].map(([roadway, { anchors: found, signs }]) => {
    const point = (a: CorrelationAlarm) => (a.pointId === null ? undefined : m.points.get(a.pointId));
    const running = [...m.points.values()].filter(
      (p) => p.role === 'belt_running' && p.value === 1 && found.some((a) => isSameArea(point(a)!, p)),
    );
    const items = [
      ...found.map((a) => alarmItem(a, point(a))),
      ...[...signs].map((a) => alarmItem(a, point(a))),
      ...running.map(readingItem),
      peopleItem(m.people),
    ];
    const what = [...new Set([...signs].map((s) => FIRE_SIGN_EN[s.rule] ?? 'a sign of fire'))].join(', ');
    return finding(
      'incident_fire_pattern',
      roadway,
      `Belt protection failed in ${roadway || 'a belt roadway'} with ${what} in the same roadway and ${m.people.count} people underground.`,
      items,
    );
  });
}

/** The fire signs in the incident's English message (the web words it from the rule in zh-CN). */
const FIRE_SIGN_EN: Readonly<Partial<Record<string, string>>> = {
  smoke: 'smoke',
  co_rising: 'CO rising',
  over_limit: 'CO or temperature over the limit',
  stop_work_level: 'temperature at the stop-work level',
};

/**
 * Gas over the limit while production continues: a methane alarm or power-cut level held, and
 * production equipment (a belt, a machine) in the same area still reading "running" at least the
 * grace period after the gas went over. A methane point whose own cut did not take effect is left to
 * the power-cut incident (one situation, one incident).
 */
function gasProduction(m: MineEvidence, policy: CorrelationPolicy): IncidentFinding[] {
  const out: IncidentFinding[] = [];
  const ineffective = new Set(
    m.alarms.filter((a) => a.rule === 'power_cut_ineffective').map((a) => a.subject),
  );
  const bySubject = new Map<string, CorrelationAlarm[]>();
  for (const a of m.alarms) {
    if ((a.rule !== 'over_limit' && a.rule !== 'power_cut_level') || a.pointId === null) continue;
    const p = m.points.get(a.pointId);
    if (!p || !METHANE_TYPES.has(p.sensorType) || ineffective.has(p.pointCode)) continue;
    bySubject.set(p.pointCode, [...(bySubject.get(p.pointCode) ?? []), a]);
  }
  for (const [pointCode, gas] of bySubject) {
    const gp = m.points.get(gas[0]!.pointId!)!;
    const since = Math.min(...gas.map((a) => a.activeSinceMs));
    const producing = [...m.points.values()].filter(
      (p) =>
        (p.role === 'belt_running' || p.role === 'equipment') &&
        p.value === 1 &&
        p.tsMs >= since + policy.productionGraceMs &&
        isSameArea(gp, p),
    );
    if (producing.length === 0) continue;
    out.push(
      finding(
        'incident_gas_production',
        pointCode,
        `Methane over the limit at ${gp.location} (${pointCode}) while ${producing.map((p) => p.location).join(', ')} keeps running.`,
        [...gas.map((a) => alarmItem(a, gp)), ...producing.map(readingItem)],
      ),
    );
  }
  return out;
}

/** A power cut that did not take effect: the point's power-cut level, and its feeds still powered. */
function ineffectiveCuts(m: MineEvidence): IncidentFinding[] {
  const byCode = new Map([...m.points.values()].map((p) => [p.pointCode, p]));
  return m.alarms
    .filter((a) => a.rule === 'power_cut_ineffective')
    .map((a) => {
      const p = byCode.get(a.subject);
      const cut = m.alarms.filter(
        (c) => (c.rule === 'power_cut_level' || c.rule === 'stop_work_level') && c.subject === a.subject,
      );
      const feeds = (p?.powerCutFeedCodes ?? [])
        .map((code) => byCode.get(code))
        .filter((f): f is CorrelationPoint => f !== undefined && f.value === 1);
      return finding(
        'incident_power_cut_ineffective',
        a.subject,
        `The power cut ordered by ${p?.location ?? a.subject} (${a.subject}) did not take effect: ${feeds.map((f) => f.location).join(', ') || 'its feed'} still powered.`,
        [...cut.map((c) => alarmItem(c, p)), alarmItem(a, p), ...feeds.map(readingItem)],
      );
    });
}

/**
 * Work in a mine that must be empty (closing or closed, the Diaoshuidong case): people underground and
 * activity (monitoring data, power, equipment) together. A suspended mine evacuating under a stop
 * order is the order's concern (its flood group), not an incident.
 */
function stoppedMineWork(m: MineEvidence): IncidentFinding[] {
  if (!MUST_BE_EMPTY_STATUSES.has(m.status)) return [];
  const people = m.alarms.find((a) => a.rule === 'people_in_stopped_mine');
  const activity = m.alarms.find((a) => a.rule === 'activity_in_stopped_mine');
  if (!people || !activity) return [];
  const point = (a: CorrelationAlarm) => (a.pointId === null ? undefined : m.points.get(a.pointId));
  // In a mine that must be empty every other signal (fire signs, airflow, faults) is part of the story.
  const others = m.alarms.filter((a) => a !== people && a !== activity);
  const powered = [...m.points.values()].filter((p) => p.role === 'power_feed' && p.value === 1);
  return [
    finding(
      'incident_stopped_mine_work',
      '',
      `People underground and activity in a ${m.status} mine${powered.length > 0 ? `; ${powered.length} feed(s) powered` : ''}.`,
      [
        alarmItem(people, undefined),
        alarmItem(activity, point(activity)),
        ...others.map((a) => alarmItem(a, point(a))),
        ...powered.map(readingItem),
        ...(m.people.snapshotMs === null ? [] : [peopleItem(m.people)]),
      ],
    ),
  ];
}

/** Every incident a mine's evidence shows now. */
export function correlateMine(
  m: MineEvidence,
  policy: CorrelationPolicy = DEFAULT_CORRELATION_POLICY,
): IncidentFinding[] {
  return [...firePatterns(m), ...gasProduction(m, policy), ...ineffectiveCuts(m), ...stoppedMineWork(m)];
}
