import type { Generated } from 'kysely';
import type { DirectivesDatabase } from './schema/directives-schema.ts';
import type { StoppedDatabase } from './schema/stopped-schema.ts';
import type { NotificationsDatabase } from './schema/notifications-schema.ts';
import type { ExpertisesDatabase } from './schema/expertise-schema.ts';
import type { ClosuresDatabase } from './schema/closure-schema.ts';
import type { AccidentsDatabase } from './schema/accidents-schema.ts';
import type { BriefingsDatabase } from './schema/briefing-schema.ts';
import type { HazardsDatabase } from './schema/hazards-schema.ts';
import type { OrdersDatabase } from './schema/orders-schema.ts';
import type { SupervisionDatabase } from './schema/supervision-schema.ts';

/** Kysely table types: the database as the stores see it (snake_case columns). */
export interface RegionsTable {
  id: string;
  name: string;
  name_en: string;
  level: string;
  parent_id: string | null;
  path: string;
}

export interface EnterprisesTable {
  id: string;
  name: string;
  credit_code: string | null;
  parent_id: string | null;
}

export interface MinesTable {
  id: string;
  code: string;
  name: string;
  region_id: string;
  region_path: string;
  enterprise_id: string | null;
  approved_capacity_t_per_year: number;
  gas_class: string;
  has_gas_control_capability: number;
  gas_control_evidence: string | null;
  gas_control_certified_on: string | null;
  approved_max_underground: number;
  operator: string | null;
  licence_number: string | null;
  licence_valid_until: string | null;
  mechanisation: string;
  latitude: number | null;
  longitude: number | null;
  status: string;
  status_since: string;
  created_at: string;
  updated_at: string;
  /** Set only by the orders module: the stop order that suspended the licence (migration 0021). */
  licence_suspended_by: Generated<string | null>;
  licence_suspended_at: Generated<string | null>;
}

export interface MineStatusChangesTable {
  id: string;
  mine_id: string;
  from_status: string;
  to_status: string;
  event: string;
  reason: string;
  basis: string | null;
  actor_id: string;
  at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope_kind: string;
  scope_region_id: string | null;
  scope_mine_id: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  /** JSON array of token scopes; null for tokens made before migration 0014 (full access). */
  scopes: string | null;
  last_used_at: string | null;
}

export interface SecurityEventsTable {
  id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_via: string | null;
  method: string | null;
  route: string | null;
  target: string | null;
  status: number | null;
  reason: string;
  ip: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string;
  before_json: string | null;
  after_json: string | null;
  actor_via: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database
  extends
    MonitoringDatabase,
    HazardsDatabase,
    OrdersDatabase,
    SupervisionDatabase,
    DirectivesDatabase,
    ExpertisesDatabase,
    ClosuresDatabase,
    AccidentsDatabase,
    BriefingsDatabase,
    StoppedDatabase,
    NotificationsDatabase {
  regions: RegionsTable;
  enterprises: EnterprisesTable;
  mines: MinesTable;
  mine_status_changes: MineStatusChangesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  security_events: SecurityEventsTable;
}

export interface MonitoringPointsTable {
  id: number;
  mine_id: string;
  point_code: string;
  system_code: string;
  substation_code: string;
  sensor_type: string;
  value_type: string;
  unit: string;
  location: string;
  location_class: string | null;
  on_text: string;
  off_text: string;
  range_low: number | null;
  range_high: number | null;
  mine_thresholds_json: string;
  effective_thresholds_json: string;
  regulation_row_ids: string;
  setting_findings_json: string;
  power_cut_feeds: string;
  defined_at: number;
  withdrawn: number;
}

export interface ReadingsTable {
  point_id: number;
  ts_ms: number;
  value: number;
  status: number;
}

export interface Readings1mTable {
  point_id: number;
  minute_ms: number;
  min_value: number;
  max_value: number;
  sum_value: number;
  count: number;
}

/** The durable head: readings in arrival order, until the compactor moves them into blocks (ADR 0005). */
export interface ReadingsHeadTable {
  seq: Generated<number>;
  point_id: number;
  ts_ms: number;
  value: number;
  status: number;
}

/** The per-minute rollup of one point's window, kept longer than the raw blocks. */
export interface ReadingRollupsTable {
  point_id: number;
  window_ms: number;
  count: number;
  min_value: number;
  max_value: number;
  sum_value: number;
  data: Uint8Array;
}

/**
 * One point's readings of one window, compressed (storage/telemetry/block-codec.ts): the window
 * columns a rollup has (its `data` the compressed readings) and the window's first and last reading.
 */
export interface ReadingBlocksTable extends ReadingRollupsTable {
  first_ts: number;
  last_ts: number;
  last_value: number;
  last_status: number;
}

/**
 * The per-minute rollup of one point's closed UTC day (its hour rollups concatenated), so a long
 * per-minute curve reads one row per day (migration 0017).
 */
export interface ReadingDayRollupsTable {
  point_id: number;
  day_ms: number;
  count: number;
  min_value: number;
  max_value: number;
  sum_value: number;
  data: Uint8Array;
}

export interface AlarmsTable {
  id: string;
  mine_id: string;
  point_id: number | null;
  subject: string;
  rule: string;
  priority: string;
  state: string;
  condition_active: number;
  active_since_ms: number | null;
  escalation_level: number;
  escalated_at_ms: number | null;
  shelved_until_ms: number | null;
  last_actor: string | null;
  last_comment: string | null;
  message: string;
  value: number | null;
  first_raised_ms: number;
  updated_ms: number;
  activations: number;
  /** Migration 0013: the activation's worst value and its data time; the receiving clock. */
  peak_value: number | null;
  peak_ms: number | null;
  received_ms: number | null;
  active_since_received_ms: number | null;
  /** Migration 0018: a correlation incident's evidence (JSON), null for ordinary alarms. */
  evidence: string | null;
}

/** Migration 0018: a regulator's decision on a major hazard proposed from monitoring evidence. */
export interface MonitoringHazardDecisionsTable {
  proposal_key: string;
  alarm_id: string;
  mine_id: string;
  category: string;
  decision: string;
  hazard_id: string | null;
  note: string;
  decided_by: string;
  decided_by_name: string;
  decided_at: string;
}

/** Migration 0025: a hazard, order or case made from an alarm. */
export interface AlarmLinksTable {
  alarm_id: string;
  kind: string;
  target_id: string;
  title: string;
  mine_id: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface AlarmEventsTable {
  id: string;
  alarm_id: string;
  mine_id: string;
  at_ms: number;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  cause: string;
  actor: string | null;
  comment: string | null;
  value: number | null;
  priority: string;
  escalation_level: number | null;
  /** Migration 0013: when Redline learnt of the change (at_ms is the data's time). */
  received_ms: number | null;
}

export interface PersonnelAreasTable {
  mine_id: string;
  area_code: string;
  area_type: string;
  name: string;
  approved_headcount: number | null;
}

export interface PeopleUndergroundTable {
  mine_id: string;
  card_code: string;
  name: string;
  area_code: string | null;
  station_code: string | null;
  entered_mine_ms: number | null;
  is_mine_leader: number;
  snapshot_ms: number;
}

/** The latest personnel snapshot of each mine, empty ones included (migration 0015). */
export interface PersonnelSnapshotsTable {
  mine_id: string;
  snapshot_ms: number;
}

export interface IngestFilesTable {
  id: string;
  file_name: string;
  mine_code: string | null;
  file_type: string | null;
  encoding: string | null;
  outcome: string;
  accepted: number;
  rejected: number;
  rejections_json: string;
  received_ms: number;
}

/** Migration 0022: a mine's own alarm records (YCBJ). */
export interface MineAlarmRecordsTable {
  mine_id: string;
  point_code: string;
  anomaly_code: string;
  start_ms: number;
  end_ms: number | null;
  sensor_type_name: string;
  location: string;
  unit: string;
  max_value: number | null;
  cause: string;
  measures: string;
  entered_at_ms: number | null;
  entered_by: string;
  data_time_ms: number;
  received_ms: number;
}

/** Migration 0022: the latest state of each substation's feed (FZDY/FZSS). */
export interface FeedStatesTable {
  mine_id: string;
  substation_code: string;
  location: string | null;
  run_state: string | null;
  power_state: string | null;
  data_time_ms: number | null;
  received_ms: number;
}

/** Migration 0022: personnel alarm file records (RYCS/RYCY/RYXZ/RYQJ), kept as their fields. */
export interface PersonnelAlarmRecordsTable {
  mine_id: string;
  file_type: string;
  record_key: string;
  card_code: string | null;
  fields_json: string;
  uploaded_at_ms: number;
  received_ms: number;
}

export interface MonitoringDatabase {
  monitoring_points: MonitoringPointsTable;
  readings_head: ReadingsHeadTable;
  reading_blocks: ReadingBlocksTable;
  reading_rollups: ReadingRollupsTable;
  reading_day_rollups: ReadingDayRollupsTable;
  alarms: AlarmsTable;
  alarm_events: AlarmEventsTable;
  monitoring_hazard_decisions: MonitoringHazardDecisionsTable;
  alarm_links: AlarmLinksTable;
  personnel_areas: PersonnelAreasTable;
  people_underground: PeopleUndergroundTable;
  ingest_files: IngestFilesTable;
  personnel_snapshots: PersonnelSnapshotsTable;
  mine_alarm_records: MineAlarmRecordsTable;
  feed_states: FeedStatesTable;
  personnel_alarm_records: PersonnelAlarmRecordsTable;
}
