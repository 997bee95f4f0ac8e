import type { GasClass, MineStatus } from '../../registry/types.ts';
import type { PointThresholds } from '../alarm-evaluator.ts';
import type { Alarm, AlarmEffect, AlarmPriority } from '../alarms/alarm-lifecycle.ts';
import type { StoppedExemption } from '../stopped/stopped-exemptions.ts';

/**
 * Statuses in which nobody may work underground and nothing may produce. `resumption_review` is
 * one of them: a suspended mine stays stopped until its resumption acceptance is approved (the
 * transition to `producing`); applying for acceptance changes the paperwork, not what may happen
 * underground. Every monitoring rule about stopped mines reads this one set.
 */
export const STOPPED_STATUSES: ReadonlySet<MineStatus> = new Set<MineStatus>([
  'suspended',
  'resumption_review',
  'closing',
  'closed',
]);

/**
 * Stopped for good: any monitoring data at all (not only production signals) is activity. A closing mine
 * is not among them: until it is sealed it must keep its monitoring online (ADR 0014), so there people and
 * powered equipment outside an approved dismantling window are the activity, not the data itself.
 */
export const MUST_BE_EMPTY_STATUSES: ReadonlySet<MineStatus> = new Set<MineStatus>(['closed']);

/** True when the mine may not have people beyond a watch crew underground, nor produce. */
export const isStoppedStatus = (status: MineStatus): boolean => STOPPED_STATUSES.has(status);

/** What the monitoring engine knows about a mine. */
export interface MonitoredMine {
  id: string;
  code: string;
  name: string;
  status: MineStatus;
  approvedMaxUnderground: number;
  gasClass: GasClass;
  regionPath: string;
  /** Approved watch crews, dismantling windows and evacuation deadlines (core/monitoring/stopped). */
  exemptions?: readonly StoppedExemption[];
  /** Certified gas-control capability (the expertise module's flag); absent: not known to monitoring. */
  hasGasControlCapability?: boolean;
}

/** A measuring point as stored: the mine's definition (CDDY) plus what Redline derived from it. */
export interface PointRecord {
  /** Dense integer id: the evaluator's slot and the readings table's key. */
  id: number;
  mineId: string;
  pointCode: string;
  systemCode: string;
  substationCode: string;
  sensorType: string;
  valueType: string;
  unit: string;
  location: string;
  locationClass: string | null;
  onText: string;
  offText: string;
  rangeLow: number | null;
  rangeHigh: number | null;
  /** The mine's own settings from CDDY. */
  mineThresholds: PointThresholds;
  /** What the evaluator runs on: the stricter of the mine's settings and the regulation row. */
  effectiveThresholds: PointThresholds;
  regulationRowIds: string[];
  /** Where the mine's own setting is laxer than the regulation (or missing). */
  settingFindings: string[];
  /** Feed sensors this point cuts power through (CDDY relations of kind D, 断电). */
  powerCutFeedCodes: string[];
  definedAt: number;
  withdrawn: boolean;
}

/**
 * What an alarm is about. Each rule has a fixed priority (the alarm philosophy, docs/alarms.md):
 * people or production in a mine that must be empty is always critical.
 */
export type AlarmRule =
  | 'people_in_stopped_mine'
  | 'activity_in_stopped_mine'
  | 'gas_control_lacking'
  | 'power_cut_level'
  | 'stop_work_level'
  | 'power_cut_ineffective'
  | 'over_limit'
  | 'low_limit'
  | 'smoke'
  | 'belt_protection'
  | 'co_rising'
  | 'headcount_over_limit'
  | 'area_over_limit'
  | 'restricted_area'
  | 'mine_data_stopped'
  | 'pre_alarm'
  | 'sensor_fault'
  | 'point_silent'
  | 'overtime_underground'
  | 'suspected_tampering'
  | IncidentRule;

/**
 * Correlation incidents (ADR 0012): one critical alarm for a pattern that several alarms and readings
 * show together, with its evidence. Raised by src/core/monitoring/correlation/.
 */
export type IncidentRule =
  | 'incident_fire_pattern'
  | 'incident_gas_production'
  | 'incident_power_cut_ineffective'
  | 'incident_stopped_mine_work';

export const INCIDENT_RULES: readonly IncidentRule[] = [
  'incident_fire_pattern',
  'incident_gas_production',
  'incident_power_cut_ineffective',
  'incident_stopped_mine_work',
];

export const isIncidentRule = (rule: string): rule is IncidentRule =>
  (INCIDENT_RULES as readonly string[]).includes(rule);

/** One piece of an incident's evidence: an alarm, a reading or a personnel count, at its data time. */
export interface EvidenceItem {
  kind: 'alarm' | 'reading' | 'people';
  /** The alarm this item is (kind alarm). */
  alarmId: string | null;
  rule: AlarmRule | null;
  pointCode: string | null;
  location: string | null;
  value: number | null;
  unit: string | null;
  /** Data time: the alarm's activation, the reading's time or the personnel snapshot's. */
  atMs: number;
}

export const ALARM_RULE_PRIORITY: Readonly<Record<AlarmRule, AlarmPriority>> = {
  people_in_stopped_mine: 'critical',
  activity_in_stopped_mine: 'critical',
  gas_control_lacking: 'critical',
  power_cut_level: 'critical',
  stop_work_level: 'critical',
  power_cut_ineffective: 'critical',
  over_limit: 'high',
  low_limit: 'high',
  smoke: 'high',
  belt_protection: 'high',
  co_rising: 'high',
  headcount_over_limit: 'high',
  area_over_limit: 'high',
  restricted_area: 'high',
  mine_data_stopped: 'high',
  pre_alarm: 'medium',
  sensor_fault: 'medium',
  point_silent: 'medium',
  overtime_underground: 'low',
  suspected_tampering: 'medium',
  incident_fire_pattern: 'critical',
  incident_gas_production: 'critical',
  incident_power_cut_ineffective: 'critical',
  incident_stopped_mine_work: 'critical',
};

export const ALARM_RULES = Object.keys(ALARM_RULE_PRIORITY) as AlarmRule[];

/**
 * The rule a point's upper power-cut level raises: for temperature (0003) that level is the
 * regulation's stop-work level (art. 655: over 30 ℃ at a face, 34 ℃ in a chamber), not a power cut.
 */
export const cutRuleOf = (sensorType: string): 'power_cut_level' | 'stop_work_level' =>
  sensorType === '0003' ? 'stop_work_level' : 'power_cut_level';

export interface AlarmRecord extends Alarm {
  /** Stable: `<mineId>|<rule>|<subject>`, so a condition has at most one alarm. */
  id: string;
  mineId: string;
  pointId: number | null;
  /** The point code, area code or "" the alarm is about. */
  subject: string;
  rule: AlarmRule;
  message: string;
  /** The value at the alarm's last change, or its new peak while active, when it has one. */
  value: number | null;
  /**
   * The worst value of the current (or last) activation and the data time it was read: the highest,
   * or the lowest for a lower limit (`low_limit`). Null for alarms without a value.
   */
  peakValue: number | null;
  peakMs: number | null;
  /** Data time of the first activation. */
  firstRaisedMs: number;
  /** Data time of the last change (raise, clear) or the time of the last operator / clock action. */
  updatedMs: number;
  /** The receiving clock at the last change: how late the data behind it arrived shows here. */
  receivedMs: number;
  /** How many times the condition became active (chattering shows here). */
  activations: number;
  /** A correlation incident's evidence (migration 0018); absent on ordinary alarms. */
  evidence?: EvidenceItem[] | null;
}

export interface AlarmChange {
  alarm: AlarmRecord;
  effects: AlarmEffect[];
  cause: string;
  actor: string | null;
  comment: string | null;
  /** When it happened: the data's time for a raise or clear, the clock's for an action. */
  atMs: number;
  /** When Redline learnt of it (the receiving clock). */
  receivedMs: number;
}

export const alarmIdOf = (mineId: string, rule: AlarmRule, subject: string): string =>
  `${mineId}|${rule}|${subject}`;

/** The per-point rules the periodic sweep asks about every second, whose subject is the point's code. */
export type PointRule = 'point_silent' | 'power_cut_level' | 'power_cut_ineffective';

/**
 * Alarm ids of the per-point rules, built once per point and kept: the periodic sweep looks a province's
 * 100,000+ points up every second, and building the id string each time was most of its cost. A point's
 * id, mine and code never change once defined, so neither does its alarm id.
 */
export class PointAlarmIds {
  readonly #byRule: Record<PointRule, Array<string | undefined>> = {
    point_silent: [],
    power_cut_level: [],
    power_cut_ineffective: [],
  };

  of(p: PointRecord, rule: PointRule): string {
    const ids = this.#byRule[rule];
    let id = ids[p.id];
    if (id === undefined) {
      id = alarmIdOf(p.mineId, rule, p.pointCode);
      ids[p.id] = id;
    }
    return id;
  }
}
