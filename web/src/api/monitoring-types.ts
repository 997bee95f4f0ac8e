/**
 * What the monitoring UI needs besides the HTTP answers. The answers themselves (alarms, KPIs, the
 * console, points, series, personnel, scenarios, alarm evidence) are the generated types of the API
 * contract (ADR 0011): `ApiAnswer<'/api/…'>` and the named schemas of ./generated/api-schema.ts. Kept
 * here: the UI's orderings of the server's enums, the console's state filter, the threshold keys the
 * point chart draws, the scenario names a start button sends, and the live feed's messages
 * (Server-Sent Events, outside the OpenAPI document).
 */
import type {
  AlarmPriority,
  AlarmRule,
  AlarmState,
  MonitoringPoint,
  PersonnelArea,
} from './generated/api-schema.ts';

export const ALARM_PRIORITIES: readonly AlarmPriority[] = ['critical', 'high', 'medium', 'low'];

/** ISA-18.2 alarm states, in the order the console lists them. */
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

/** The levels of what Redline enforces that the point chart draws, top down. */
export type ThresholdKey = keyof MonitoringPoint['thresholds'];
export const THRESHOLD_KEYS: readonly ThresholdKey[] = [
  'upperPowerCut',
  'upperAlarm',
  'upperPowerRestore',
  'lowerPowerRestore',
  'lowerAlarm',
  'lowerPowerCut',
];

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

/** The scenarios a start button may send (POST /api/scenarios `name`). */
export type ScenarioName = 'songzao' | 'diaoshuidong';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['songzao', 'diaoshuidong'];
