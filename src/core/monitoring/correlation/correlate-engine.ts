import {
  alarmIdOf,
  isIncidentRule,
  type AlarmChange,
  type AlarmRecord,
  type AlarmRule,
  type EvidenceItem,
} from '../engine/engine-types.ts';
import type { MonitoringEngine } from '../engine/monitoring-engine.ts';
import {
  correlateMine,
  DEFAULT_CORRELATION_POLICY,
  type CorrelationAlarm,
  type CorrelationPoint,
  type CorrelationPolicy,
} from './incident-correlator.ts';

/** Alarms that can start an incident: a mine without any of them is not correlated. */
const ANCHOR_RULES: ReadonlySet<AlarmRule> = new Set([
  'belt_protection',
  'over_limit',
  'power_cut_level',
  'power_cut_ineffective',
  'people_in_stopped_mine',
]);

/** What makes two evidence lists the same incident story (times and values move on every poll). */
const signature = (items: readonly EvidenceItem[] | null | undefined): string =>
  (items ?? []).map((e) => `${e.kind}:${e.alarmId ?? ''}:${e.pointCode ?? ''}`).join('|');

/**
 * Re-judges the correlation incidents of the given mines against the engine's current state and
 * raises, updates or clears their alarms in the engine's alarm book, on data time: an incident is
 * raised at the time its evidence became complete and cleared at the mine's newest data time. Called
 * by the runtime after every engine call, so an incident appears within the poll that completed it.
 */
export function correlateMines(
  engine: MonitoringEngine,
  mineIds: Iterable<string>,
  receivedMs: number,
  changes: readonly AlarmChange[] = [],
  policy: CorrelationPolicy = DEFAULT_CORRELATION_POLICY,
): AlarmChange[] {
  const index = activeIndexOf(engine, changes);
  const active = new Map<string, AlarmRecord[]>();
  const candidates = new Set<string>();
  for (const mineId of new Set(mineIds)) {
    const list: AlarmRecord[] = [];
    for (const id of index.get(mineId) ?? []) {
      const a = engine.alarms.get(id);
      if (a?.conditionActive) list.push(a);
    }
    active.set(mineId, list);
    if (list.some((a) => ANCHOR_RULES.has(a.rule) || isIncidentRule(a.rule))) candidates.add(mineId);
  }
  const out: AlarmChange[] = [];
  engine.alarms.receivedAt(receivedMs);
  for (const mineId of candidates) {
    const mine = engine.mine(mineId);
    if (!mine) continue;
    const alarms = active.get(mineId) ?? [];
    const points = new Map<number, CorrelationPoint>();
    let newestMs = 0;
    for (const { point: p, role, value, tsMs } of engine.pointsOf(mineId)) {
      points.set(p.id, {
        id: p.id,
        pointCode: p.pointCode,
        sensorType: p.sensorType,
        location: p.location,
        substationCode: p.substationCode,
        unit: p.unit,
        role,
        powerCutFeedCodes: p.powerCutFeedCodes,
        value,
        tsMs,
      });
      if (tsMs > newestMs) newestMs = tsMs;
    }
    const snapshotMs = engine.personnel.snapshotMs(mineId);
    const findings = correlateMine(
      {
        mineId,
        status: mine.status,
        alarms: alarms
          .filter((a) => !isIncidentRule(a.rule))
          .map((a): CorrelationAlarm => ({
            id: a.id,
            rule: a.rule,
            pointId: a.pointId,
            subject: a.subject,
            activeSinceMs: a.activeSinceMs ?? a.updatedMs,
            value: a.value,
          })),
        points,
        people: { count: engine.personnel.underground(mineId).length, snapshotMs },
      },
      policy,
    );
    const found = new Set<string>();
    for (const f of findings) {
      const id = alarmIdOf(mineId, f.rule, f.subject);
      found.add(id);
      const existing = engine.alarms.get(id);
      if (existing?.conditionActive) {
        if (signature(existing.evidence) !== signature(f.evidence))
          engine.alarms.updateEvidence(out, id, f.evidence, f.atMs);
        continue;
      }
      engine.alarms.raise(
        out,
        {
          mineId,
          rule: f.rule,
          subject: f.subject,
          pointId: null,
          message: f.message,
          value: null,
          evidence: f.evidence,
        },
        f.atMs,
      );
    }
    const clearAt = Math.max(newestMs, snapshotMs ?? 0) || receivedMs;
    for (const a of alarms) {
      if (isIncidentRule(a.rule) && !found.has(a.id))
        engine.alarms.clear(out, mineId, a.rule, a.subject, clearAt, null);
    }
  }
  noteChanges(index, out);
  return out;
}

/**
 * Active alarm ids per mine, kept per engine from the changes each call hands in (built once from the
 * alarm book when an engine is first seen), so a call costs what its mines hold, not every alarm.
 */
const ACTIVE_BY_MINE = new WeakMap<MonitoringEngine, Map<string, Set<string>>>();

function activeIndexOf(engine: MonitoringEngine, changes: readonly AlarmChange[]): Map<string, Set<string>> {
  let index = ACTIVE_BY_MINE.get(engine);
  if (!index) {
    index = new Map();
    for (const a of engine.alarms.values()) if (a.conditionActive) note(index, a);
    ACTIVE_BY_MINE.set(engine, index);
  }
  noteChanges(index, changes);
  return index;
}

function noteChanges(index: Map<string, Set<string>>, changes: readonly AlarmChange[]): void {
  for (const c of changes) note(index, c.alarm);
}

function note(index: Map<string, Set<string>>, a: AlarmRecord): void {
  let ids = index.get(a.mineId);
  if (a.conditionActive) {
    if (!ids) index.set(a.mineId, (ids = new Set()));
    ids.add(a.id);
  } else ids?.delete(a.id);
}
