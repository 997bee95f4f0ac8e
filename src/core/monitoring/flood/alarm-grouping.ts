import type { AlarmPriority, AlarmState } from '../alarms/alarm-lifecycle.ts';
import { isIncidentRule, type AlarmRule, type EvidenceItem } from '../engine/engine-types.ts';

/**
 * ISA-18.2 flood handling (issue 12 step 3, ADR 0012): alarms with one cause are shown as one parent
 * with its children, and counted once. Pure: derived from the open alarms and the stop orders in
 * force each time the console reads them, so a parent needs no lifecycle of its own — it is open
 * while any child is, and acknowledging it acknowledges its children (each audited).
 *
 * Causes, in the order they claim an alarm:
 * 1. a correlation incident claims the alarms in its evidence;
 * 2. a stop order claims the stopped-mine alarms of the mines it stopped, raised since it took effect;
 * 3. a mine's communication or power loss claims its silent and faulty points (parent: its
 *    `mine_data_stopped` alarm); a substation's (分站, the gateway) claims the silent and faulty points
 *    behind it when there are at least `gatewayMinPoints`;
 * 4. a mine's burst: at least `burstCount` other alarms raised within `burstWindowMs` of data time.
 */

export interface GroupableAlarm {
  id: string;
  mineId: string;
  mineName: string;
  rule: AlarmRule;
  priority: AlarmPriority;
  state: AlarmState;
  conditionActive: boolean;
  activeSinceMs: number | null;
  firstRaisedMs: number;
  substationCode: string | null;
  evidence?: EvidenceItem[] | null;
}

/** A stop order in force: the mines it stopped and when it took effect. */
export interface StopOrderRef {
  id: string;
  number: string;
  mineIds: readonly string[];
  effectiveAtMs: number;
}

export type AlarmGroupKind = 'incident' | 'stop_order' | 'mine_outage' | 'gateway_outage' | 'burst';

export interface AlarmGroup {
  /** Stable while the cause lasts: `incident:<alarm id>`, `order:<order id>`, `outage:<mine id>`, … */
  id: string;
  kind: AlarmGroupKind;
  /** The real alarm that heads the group (an incident, a mine's data stop), or null for a derived parent. */
  parentAlarmId: string | null;
  /** What the parent is about: the order's number, the substation code, or ''. */
  label: string;
  /** One mine when the group is about one; null for an order over several. */
  mineId: string | null;
  mineName: string | null;
  mineCount: number;
  priority: AlarmPriority;
  childIds: string[];
  /** Children (and the parent) still waiting for an acknowledgement. */
  unacknowledged: number;
  /** Data time of the earliest activation in the group. */
  sinceMs: number;
}

export interface GroupingPolicy {
  burstCount: number;
  burstWindowMs: number;
  gatewayMinPoints: number;
  /** An alarm raised this long before an order took effect still belongs to it (clocks differ). */
  orderSlackMs: number;
}

/** ISA-18.2's flood rate (10 alarms in 10 minutes per operator), used per mine for a burst. */
export const DEFAULT_GROUPING_POLICY: GroupingPolicy = {
  burstCount: 10,
  burstWindowMs: 600_000,
  gatewayMinPoints: 3,
  orderSlackMs: 60_000,
};

const STOPPED_MINE_RULES: ReadonlySet<AlarmRule> = new Set([
  'people_in_stopped_mine',
  'activity_in_stopped_mine',
]);
const OUTAGE_RULES: ReadonlySet<AlarmRule> = new Set(['point_silent', 'sensor_fault']);
const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { critical: 0, high: 1, medium: 2, low: 3 };

const isUnacknowledged = (a: GroupableAlarm): boolean =>
  a.state === 'unack_active' || a.state === 'rtn_unack';
const timeOf = (a: GroupableAlarm): number => a.activeSinceMs ?? a.firstRaisedMs;

export interface ConsoleGrouping {
  /** Incidents first, then the other parents, each ordered as the console shows them. */
  groups: AlarmGroup[];
  /** The group each grouped alarm (child or parent) belongs to. */
  groupOf: Map<string, string>;
}

/** Groups open alarms by cause (see the module comment). */
export function groupAlarms(
  alarms: readonly GroupableAlarm[],
  orders: readonly StopOrderRef[],
  policy: GroupingPolicy = DEFAULT_GROUPING_POLICY,
): ConsoleGrouping {
  const byId = new Map(alarms.map((a) => [a.id, a]));
  const groupOf = new Map<string, string>();
  const groups: AlarmGroup[] = [];
  const free = (a: GroupableAlarm) => !groupOf.has(a.id);

  const add = (
    g: Omit<AlarmGroup, 'priority' | 'unacknowledged' | 'sinceMs' | 'mineCount'>,
    members: GroupableAlarm[],
  ) => {
    const parent = g.parentAlarmId === null ? undefined : byId.get(g.parentAlarmId);
    const all = parent ? [parent, ...members] : members;
    for (const a of all) groupOf.set(a.id, g.id);
    groups.push({
      ...g,
      mineCount: new Set(all.map((a) => a.mineId)).size,
      priority: all.reduce<AlarmPriority>(
        (p, a) => (PRIORITY_RANK[a.priority] < PRIORITY_RANK[p] ? a.priority : p),
        'low',
      ),
      unacknowledged: all.filter(isUnacknowledged).length,
      sinceMs: Math.min(...all.map(timeOf)),
    });
  };

  // 1. Incidents and their evidence.
  for (const inc of alarms.filter((a) => isIncidentRule(a.rule))) {
    const children = (inc.evidence ?? []).flatMap((e) => {
      const c = e.alarmId === null ? undefined : byId.get(e.alarmId);
      return c && free(c) && c.id !== inc.id ? [c] : [];
    });
    add(
      {
        id: `incident:${inc.id}`,
        kind: 'incident',
        parentAlarmId: inc.id,
        label: '',
        mineId: inc.mineId,
        mineName: inc.mineName,
        childIds: children.map((c) => c.id),
      },
      children,
    );
  }

  // 2. Stop orders: the stopped-mine alarms of their mines since they took effect.
  for (const o of [...orders].sort((a, b) => a.effectiveAtMs - b.effectiveAtMs || (a.id < b.id ? -1 : 1))) {
    const mines = new Set(o.mineIds);
    const children = alarms.filter(
      (a) =>
        free(a) &&
        STOPPED_MINE_RULES.has(a.rule) &&
        mines.has(a.mineId) &&
        timeOf(a) >= o.effectiveAtMs - policy.orderSlackMs,
    );
    if (children.length < 2) continue;
    add(
      {
        id: `order:${o.id}`,
        kind: 'stop_order',
        parentAlarmId: null,
        label: o.number,
        mineId: null,
        mineName: null,
        childIds: children.map((c) => c.id),
      },
      children,
    );
  }

  // 3. Outages: a mine's data stop heads its silent and faulty points; else a substation's.
  const byMine = new Map<string, GroupableAlarm[]>();
  for (const a of alarms) if (free(a)) byMine.set(a.mineId, [...(byMine.get(a.mineId) ?? []), a]);
  for (const [mineId, list] of byMine) {
    const stop = list.find((a) => a.rule === 'mine_data_stopped' && a.conditionActive);
    const outage = list.filter((a) => OUTAGE_RULES.has(a.rule));
    if (stop && outage.length > 0) {
      add(
        {
          id: `outage:${mineId}`,
          kind: 'mine_outage',
          parentAlarmId: stop.id,
          label: '',
          mineId,
          mineName: stop.mineName,
          childIds: outage.map((c) => c.id),
        },
        outage,
      );
      continue;
    }
    const bySubstation = new Map<string, GroupableAlarm[]>();
    for (const a of outage)
      if (a.substationCode)
        bySubstation.set(a.substationCode, [...(bySubstation.get(a.substationCode) ?? []), a]);
    for (const [code, members] of bySubstation) {
      if (members.length < policy.gatewayMinPoints) continue;
      add(
        {
          id: `gateway:${mineId}:${code}`,
          kind: 'gateway_outage',
          parentAlarmId: null,
          label: code,
          mineId,
          mineName: members[0]!.mineName,
          childIds: members.map((c) => c.id),
        },
        members,
      );
    }
  }

  // 4. Bursts: the busiest window of each mine's remaining alarms, while it holds enough.
  for (const [mineId, list] of byMine) {
    let rest = list.filter(free).sort((a, b) => timeOf(a) - timeOf(b) || (a.id < b.id ? -1 : 1));
    while (rest.length >= policy.burstCount) {
      let best = { from: 0, to: 0 };
      for (let i = 0, j = 0; i < rest.length; i++) {
        while (j < rest.length && timeOf(rest[j]!) - timeOf(rest[i]!) <= policy.burstWindowMs) j++;
        if (j - i > best.to - best.from) best = { from: i, to: j };
      }
      if (best.to - best.from < policy.burstCount) break;
      const members = rest.slice(best.from, best.to);
      add(
        {
          id: `burst:${mineId}:${timeOf(members[0]!)}`,
          kind: 'burst',
          parentAlarmId: null,
          label: '',
          mineId,
          mineName: members[0]!.mineName,
          childIds: members.map((c) => c.id),
        },
        members,
      );
      rest = rest.filter(free);
    }
  }

  groups.sort(
    (a, b) =>
      Number(b.kind === 'incident') - Number(a.kind === 'incident') ||
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      Number(b.unacknowledged > 0) - Number(a.unacknowledged > 0) ||
      b.sinceMs - a.sinceMs ||
      (a.id < b.id ? -1 : 1),
  );
  return { groups, groupOf };
}
