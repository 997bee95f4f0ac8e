/**
 * Redline's alarms against the mine's own (YCBJ): which alarms Redline detected that the mine never
 * reported ("hidden"), which the mine reported without a handling measure, and the mine's
 * alarm-handling rate. Pure: the caller reads the alarm events and the stored records for the period.
 */
import type { AlarmRule } from '../engine/engine-types.ts';
import type { MineAlarmRecord } from './evidence-records.ts';

/**
 * The Redline rules a mine's monitoring system must itself record as an alarm of a point (AQ 6201
 * §YCBJ: over-limit, power cut, sensor fault), with the YCBJ anomaly codes that count as reporting it.
 */
export const REPORTABLE_RULES: Readonly<Partial<Record<AlarmRule, readonly string[]>>> = {
  over_limit: ['001', '002', '008'],
  low_limit: ['001', '002', '008'],
  power_cut_level: ['001', '002', '008'],
  stop_work_level: ['001', '002', '008'],
  sensor_fault: ['004', '003'],
};

/** Platform policy (no regulation): see `alarm_evidence_slack` in platform-policy.ts. */
export const ALARM_EVIDENCE_SLACK_MS = 5 * 60_000;

/** A raise or clear of one of Redline's alarms, at the data's time. */
export interface RedlineAlarmEdge {
  alarmId: string;
  rule: AlarmRule;
  /** The point code for a point alarm. */
  subject: string;
  atMs: number;
  edge: 'raised' | 'cleared';
}

/** One activation of one of Redline's alarms. */
export interface RedlineActivation {
  alarmId: string;
  rule: AlarmRule;
  pointCode: string;
  raisedMs: number;
  /** Null while still active at the end of the period. */
  clearedMs: number | null;
}

export interface AlarmEvidence {
  fromMs: number;
  toMs: number;
  /** Redline's activations of reportable rules raised in the period. */
  redlineCount: number;
  /** The mine's YCBJ records that started in the period. */
  mineCount: number;
  /** Redline activations with no matching mine record: alarms the mine never reported. */
  hidden: RedlineActivation[];
  /** Mine records with no handling measure (处理措施 empty). */
  unhandled: MineAlarmRecord[];
  /** Handled records / all records, 0–1; null when the mine reported none. */
  handlingRate: number | null;
}

/** Pairs raise and clear edges (any order in) into activations raised within [fromMs, toMs]. */
export function activationsOf(
  edges: readonly RedlineAlarmEdge[],
  fromMs: number,
  toMs: number,
): RedlineActivation[] {
  const sorted = [...edges].sort((a, b) => a.atMs - b.atMs);
  const open = new Map<string, RedlineActivation>();
  const out: RedlineActivation[] = [];
  for (const e of sorted) {
    if (REPORTABLE_RULES[e.rule] === undefined) continue;
    if (e.edge === 'raised') {
      if (open.has(e.alarmId) || e.atMs < fromMs || e.atMs > toMs) continue;
      const a: RedlineActivation = {
        alarmId: e.alarmId,
        rule: e.rule,
        pointCode: e.subject,
        raisedMs: e.atMs,
        clearedMs: null,
      };
      open.set(e.alarmId, a);
      out.push(a);
    } else {
      const a = open.get(e.alarmId);
      if (a !== undefined) {
        a.clearedMs = e.atMs;
        open.delete(e.alarmId);
      }
    }
  }
  return out;
}

/** Whether a mine record reports a Redline activation: same point, a matching code, overlapping in time. */
function reports(r: MineAlarmRecord, a: RedlineActivation, slackMs: number): boolean {
  if (r.pointCode !== a.pointCode) return false;
  if (!(REPORTABLE_RULES[a.rule] ?? []).includes(r.anomalyCode)) return false;
  const aEnd = (a.clearedMs ?? Number.POSITIVE_INFINITY) + slackMs;
  const rEnd = (r.endMs ?? Number.POSITIVE_INFINITY) + slackMs;
  return r.startMs <= aEnd && a.raisedMs <= rEnd;
}

/**
 * Compares the period's activations with the mine's records. `slackMs` (platform policy) is how far
 * apart in time a mine's record and Redline's activation may be and still be the same episode.
 */
export function compareAlarmEvidence(
  activations: readonly RedlineActivation[],
  records: readonly MineAlarmRecord[],
  fromMs: number,
  toMs: number,
  slackMs: number,
): AlarmEvidence {
  const inPeriod = records.filter((r) => r.startMs >= fromMs && r.startMs <= toMs);
  const byPoint = new Map<string, MineAlarmRecord[]>();
  // Any stored record may report an activation (a record that began before the period, still open).
  for (const r of records) {
    const list = byPoint.get(r.pointCode);
    if (list === undefined) byPoint.set(r.pointCode, [r]);
    else list.push(r);
  }
  const hidden = activations.filter(
    (a) => !(byPoint.get(a.pointCode) ?? []).some((r) => reports(r, a, slackMs)),
  );
  const unhandled = inPeriod.filter((r) => r.measures.trim() === '');
  return {
    fromMs,
    toMs,
    redlineCount: activations.length,
    mineCount: inPeriod.length,
    hidden,
    unhandled,
    handlingRate: inPeriod.length === 0 ? null : (inPeriod.length - unhandled.length) / inPeriod.length,
  };
}
