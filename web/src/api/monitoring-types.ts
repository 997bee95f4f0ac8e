/**
 * The monitoring part of the HTTP contract: alarms, measuring points, personnel, the live feed and
 * the demo scenarios. Mirrors the JSON the server sends (camelCase, times in epoch milliseconds).
 */

export type AlarmPriority = 'critical' | 'high' | 'medium' | 'low';
export const ALARM_PRIORITIES: readonly AlarmPriority[] = ['critical', 'high', 'medium', 'low'];

/** ISA-18.2 alarm states. */
export type AlarmState =
  'normal' | 'unack_active' | 'ack_active' | 'rtn_unack' | 'shelved' | 'suppressed' | 'out_of_service';
export const ALARM_STATES: readonly AlarmState[] = [
  'unack_active',
  'ack_active',
  'rtn_unack',
  'normal',
  'shelved',
  'suppressed',
  'out_of_service',
];

/** The console's state filter (server side: `state=`). */
export type AlarmStateFilter = 'active' | 'unacknowledged' | 'shelved' | 'all';
export const ALARM_STATE_FILTERS: readonly AlarmStateFilter[] = [
  'active',
  'unacknowledged',
  'shelved',
  'all',
];

export type AlarmRule =
  | 'people_in_stopped_mine'
  | 'activity_in_stopped_mine'
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
  | 'incident_fire_pattern'
  | 'incident_gas_production'
  | 'incident_power_cut_ineffective'
  | 'incident_stopped_mine_work'
  | 'gas_control_lacking';
/** In the order of the alarm philosophy: correlation incidents, then critical rules first. */
export const ALARM_RULES: readonly AlarmRule[] = [
  'incident_fire_pattern',
  'incident_gas_production',
  'incident_power_cut_ineffective',
  'incident_stopped_mine_work',
  'people_in_stopped_mine',
  'activity_in_stopped_mine',
  'gas_control_lacking',
  'power_cut_level',
  'stop_work_level',
  'power_cut_ineffective',
  'over_limit',
  'low_limit',
  'smoke',
  'belt_protection',
  'co_rising',
  'headcount_over_limit',
  'area_over_limit',
  'restricted_area',
  'mine_data_stopped',
  'pre_alarm',
  'sensor_fault',
  'point_silent',
  'suspected_tampering',
  'overtime_underground',
];

export interface AlarmView {
  id: string;
  mineId: string;
  mineName: string;
  mineCode: string;
  regionName: string;
  regionNameEn: string;
  pointId: number | null;
  /** The point code, area code or "" the alarm is about. */
  subject: string;
  rule: AlarmRule | (string & {});
  priority: AlarmPriority;
  state: AlarmState;
  conditionActive: boolean;
  /** Generated English text. */
  message: string;
  value: number | null;
  /** The worst value of the activation and its data time (null for alarms without a value). */
  peakValue: number | null;
  peakMs: number | null;
  /** Data times (the reading's own time). */
  activeSinceMs: number | null;
  firstRaisedMs: number;
  updatedMs: number;
  /** When Redline received the data behind the last change. */
  receivedMs: number;
  escalationLevel: number;
  shelvedUntilMs: number | null;
  lastActor: string | null;
  lastComment: string | null;
  activations: number;
  /** A correlation incident's evidence (null on ordinary alarms). */
  evidence?: EvidenceItem[] | null;
}

/** One piece of an incident's evidence at its data time. */
export interface EvidenceItem {
  kind: 'alarm' | 'reading' | 'people';
  alarmId: string | null;
  rule: string | null;
  pointCode: string | null;
  location: string | null;
  value: number | null;
  unit: string | null;
  atMs: number;
}

export type AlarmGroupKind = 'incident' | 'stop_order' | 'mine_outage' | 'gateway_outage' | 'burst';

/** A parent on the console (`GET /api/alarms/console`): an incident, or many alarms with one cause. */
export interface AlarmGroup {
  id: string;
  kind: AlarmGroupKind;
  parentAlarmId: string | null;
  label: string;
  mineId: string | null;
  mineName: string | null;
  mineCount: number;
  priority: AlarmPriority;
  childIds: string[];
  unacknowledged: number;
  sinceMs: number;
  parent: AlarmView | null;
  children: AlarmView[];
  articles: Array<{ zh: string; en: string }>;
}

export interface AlarmConsole {
  groups: AlarmGroup[];
  groupedIds: string[];
  openAlarms: number;
  shown: number;
}

export interface FloodLine {
  id: string;
  kind: Exclude<AlarmGroupKind, 'incident'>;
  label: string;
  mineId: string | null;
  mineName: string | null;
  mineCount: number;
  count: number;
  sinceMs: number;
}

export interface AlarmsResponse {
  items: AlarmView[];
  total: number;
}

export type PriorityCounts = Record<AlarmPriority, number>;

export interface AlarmKpis {
  activeByPriority: PriorityCounts;
  unacknowledged: number;
  shelved: number;
  alarmsPer10MinPerMine: number;
  floods: FloodLine[];
  alarmsPerOperatorHour: number;
  rawAlarmsLastHour: number;
  alarmsLast10Min: number;
  rawAlarmsLast10Min: number;
  isFlood: boolean;
  incidents: number;
  chattering: Array<{ alarmId: string; mineName: string; rule: string; activations: number }>;
  stale: Array<{ alarmId: string; mineName: string; rule: string; activeSinceMs: number }>;
  priorityLast24h: PriorityCounts;
}

export interface AlarmEvent {
  /** The data's time for a raise or clear; the clock's for an action. */
  atMs: number;
  /** When Redline learnt of it (null for history kept before receipt times were stored). */
  receivedMs: number | null;
  kind: string;
  fromState: string | null;
  toState: string | null;
  cause: string;
  actor: string | null;
  comment: string | null;
  value: number | null;
  escalationLevel: number | null;
}

export interface AlarmDetailResponse {
  alarm: AlarmView;
  events: AlarmEvent[];
}

export interface AlarmActionResponse {
  alarm: AlarmView;
}

export type ValueType = 'MN' | 'KG' | 'LJ' | 'DT';

export interface PointThresholds {
  upperAlarm: number | null;
  upperPowerCut: number | null;
  upperPowerRestore: number | null;
  lowerAlarm: number | null;
  lowerPowerCut: number | null;
  lowerPowerRestore: number | null;
}
export type ThresholdKey = keyof PointThresholds;
export const THRESHOLD_KEYS: readonly ThresholdKey[] = [
  'upperPowerCut',
  'upperAlarm',
  'upperPowerRestore',
  'lowerPowerRestore',
  'lowerAlarm',
  'lowerPowerCut',
];

export interface MonitoringPoint {
  id: number;
  pointCode: string;
  sensorType: string;
  /** Chinese. */
  sensorTypeName: string;
  valueType: ValueType;
  unit: string;
  location: string;
  locationClass: string | null;
  /** What Redline enforces: the stricter of the mine's setting and the regulation. */
  thresholds: PointThresholds;
  /** The mine's own setting. */
  mineThresholds: PointThresholds;
  /** English findings where the mine's setting is laxer than the regulation (or missing). */
  settingFindings: string[];
  lastValue: number | null;
  lastTsMs: number | null;
  lastStatus: number | null;
}

export interface PointsResponse {
  points: MonitoringPoint[];
}

export interface SeriesResponse {
  resolution: 'raw' | '1m';
  t: number[];
  v: number[];
  min: number[] | null;
  max: number[] | null;
}

export interface PersonnelArea {
  areaCode: string;
  areaName: string;
  areaType: string;
  approved: number | null;
  count: number;
}

export interface PersonnelResponse {
  snapshotMs: number | null;
  underground: number;
  approvedMax: number;
  areas: PersonnelArea[];
  people: Array<{
    cardCode: string;
    name: string;
    areaCode: string | null;
    enteredMineAtMs: number | null;
    isMineLeader: boolean;
  }>;
}

export interface MineAlarmOverview {
  mineId: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  unacknowledged: number;
  underground: number;
}

export interface AlarmOverviewResponse {
  mines: MineAlarmOverview[];
}

/** `readings` events of the live feed. */
export interface LiveReadings {
  mineId: string;
  points: Array<{ id: number; t: number; v: number; s: number }>;
}

/** `personnel` events of the live feed. */
export interface LivePersonnel {
  mineId: string;
  underground: number;
  areas: PersonnelArea[];
}

export type ScenarioName = 'songzao' | 'diaoshuidong';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['songzao', 'diaoshuidong'];

export interface ScenarioStep {
  offsetMs: number;
  what: string;
}

export interface ActiveScenario {
  name: string;
  mineId: string;
  mineName: string;
  startedAtMs: number;
  timeline?: ScenarioStep[];
}

export interface ScenariosResponse {
  running: boolean;
  available: Array<{ name: string; timeline: ScenarioStep[] }>;
  active: ActiveScenario[];
}

export interface ScenarioStartResponse {
  scenario: ActiveScenario & { timeline: ScenarioStep[] };
}

/** GET /api/mines/:id/alarm-evidence: Redline's alarms against the mine's own (YCBJ). */
export interface AlarmEvidenceResponse {
  mineId: string;
  fromMs: number;
  toMs: number;
  redlineCount: number;
  mineCount: number;
  hiddenCount: number;
  unhandledCount: number;
  /** 0–1; null when the mine reported no alarm in the period. */
  handlingRate: number | null;
  slackMinutes: number;
  hidden: Array<{
    alarmId: string;
    rule: string;
    pointCode: string;
    raisedMs: number;
    clearedMs: number | null;
  }>;
  unhandled: Array<{
    pointCode: string;
    anomalyCode: string;
    sensorTypeName: string;
    location: string;
    startMs: number;
    endMs: number | null;
    cause: string;
    measures: string;
  }>;
}
