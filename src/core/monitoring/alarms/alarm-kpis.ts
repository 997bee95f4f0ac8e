import type { AlarmPriority } from './alarm-lifecycle.ts';
import type { AlarmView } from '../monitoring-ports.ts';
import type { ConsoleGrouping } from '../flood/alarm-grouping.ts';
import { floodKpis, type FloodKpis } from '../flood/flood-kpis.ts';

const HOUR_MS = 3_600_000;
/** ISA-18.2: an alarm standing longer than a day is stale. */
const STALE_AFTER_MS = 24 * HOUR_MS;
/** The window of the alarm rate per mine. */
const RATE_WINDOW_MS = 600_000;
/** Three or more activations of one alarm within an hour: chattering. */
const CHATTER_WINDOW_MS = HOUR_MS;
const CHATTER_AT = 3;
/** How far back the KPIs look at raised alarms. */
export const ALARM_KPI_WINDOW_MS = 24 * HOUR_MS;

/** One stored alarm transition of the last day (as `MonitoringStore.eventsSince` returns it). */
export interface AlarmTransitionRow {
  alarmId: string;
  mineId: string;
  mineName: string;
  atMs: number;
  toState: string | null;
  priority: string;
}

export interface AlarmKpis extends FloodKpis {
  activeByPriority: Record<AlarmPriority, number>;
  unacknowledged: number;
  shelved: number;
  alarmsPer10MinPerMine: number;
  chattering: Array<{ alarmId: string; mineName: string; rule: string; activations: number }>;
  stale: Array<{ alarmId: string; mineName: string; rule: string; activeSinceMs: number }>;
  priorityLast24h: Record<AlarmPriority, number>;
}

const raisedOf = (events: readonly AlarmTransitionRow[]) =>
  events.filter((e) => e.toState === 'unack_active');

/** The alarms raised at least CHATTER_AT times in the last hour, with how often (the KPIs name them). */
export function chatteringAlarmIds(
  events: readonly AlarmTransitionRow[],
  nowMs: number,
): Array<[alarmId: string, activations: number]> {
  const perAlarmHour = new Map<string, number>();
  for (const e of raisedOf(events))
    if (e.atMs >= nowMs - CHATTER_WINDOW_MS)
      perAlarmHour.set(e.alarmId, (perAlarmHour.get(e.alarmId) ?? 0) + 1);
  return [...perAlarmHour.entries()].filter(([, n]) => n >= CHATTER_AT);
}

/**
 * The alarm-system KPIs of ISA-18.2 over a scope: standing alarms by priority, unacknowledged and
 * shelved counts, stale alarms, the alarm rate per mine in the last ten minutes, the flood panel and
 * the operator's load with each parent counted once (`floodKpis`, ADR 0012), chattering alarms and the
 * priority distribution of the last day. Pure: the caller reads the open alarms and the console's
 * grouping of them, the last day's transitions, the chattering alarms (by `chatteringAlarmIds`) and
 * the number of mines that have ever alarmed in the scope (the per-mine basis, as the console has
 * always counted).
 */
export function computeAlarmKpis(input: {
  nowMs: number;
  openAlarms: readonly AlarmView[];
  grouping: ConsoleGrouping;
  events: readonly AlarmTransitionRow[];
  chatteringAlarms: ReadonlyMap<string, Pick<AlarmView, 'mineName' | 'rule'>>;
  minesWithAlarms: number;
}): AlarmKpis {
  const now = input.nowMs;
  const activeByPriority = { critical: 0, high: 0, medium: 0, low: 0 };
  let unacknowledged = 0;
  let shelved = 0;
  const stale: AlarmKpis['stale'] = [];
  for (const a of input.openAlarms) {
    if (a.state === 'unack_active' || a.state === 'ack_active') activeByPriority[a.priority]++;
    if (a.state === 'unack_active' || a.state === 'rtn_unack') unacknowledged++;
    if (a.state === 'shelved') shelved++;
    if (a.conditionActive && a.activeSinceMs !== null && now - a.activeSinceMs > STALE_AFTER_MS) {
      stale.push({ alarmId: a.id, mineName: a.mineName, rule: a.rule, activeSinceMs: a.activeSinceMs });
    }
  }
  const raised = raisedOf(input.events);
  const priorityLast24h = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const e of raised)
    if (e.priority in priorityLast24h) priorityLast24h[e.priority as keyof typeof priorityLast24h]++;
  const last10 = raised.filter((e) => e.atMs >= now - RATE_WINDOW_MS);
  const flood = floodKpis(
    raised.map((e) => ({
      alarmId: e.alarmId,
      mineId: e.mineId,
      mineName: e.mineName,
      atMs: e.atMs,
    })),
    input.grouping,
    now,
  );
  const chattering = chatteringAlarmIds(input.events, now)
    .flatMap(([id, n]) => {
      const a = input.chatteringAlarms.get(id);
      return a ? [{ alarmId: id, mineName: a.mineName, rule: a.rule, activations: n }] : [];
    })
    .sort((a, b) => b.activations - a.activations || (a.alarmId < b.alarmId ? -1 : 1));
  const minesInScope = input.minesWithAlarms || 1;
  return {
    activeByPriority,
    unacknowledged,
    shelved,
    alarmsPer10MinPerMine: Math.round((last10.length / minesInScope) * 100) / 100,
    ...flood,
    chattering,
    stale,
    priorityLast24h,
  };
}

/** One mine's console badge: standing alarms by priority, unacknowledged ones, people underground. */
export interface MineAlarmBadge {
  mineId: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  unacknowledged: number;
  underground: number;
}

/**
 * The console's badges: per mine with a standing or unacknowledged alarm, its standing alarms by
 * priority and the unacknowledged ones (`underground` left 0 for the caller to fill from the
 * personnel snapshots).
 */
export function mineAlarmBadges(openAlarms: readonly AlarmView[]): MineAlarmBadge[] {
  const perMine = new Map<string, MineAlarmBadge>();
  const row = (mineId: string) => {
    let x = perMine.get(mineId);
    if (!x) {
      x = { mineId, critical: 0, high: 0, medium: 0, low: 0, unacknowledged: 0, underground: 0 };
      perMine.set(mineId, x);
    }
    return x;
  };
  for (const a of openAlarms) {
    if (a.state === 'unack_active' || a.state === 'ack_active') row(a.mineId)[a.priority]++;
    if (a.state === 'unack_active' || a.state === 'rtn_unack') row(a.mineId).unacknowledged++;
  }
  return [...perMine.values()];
}
