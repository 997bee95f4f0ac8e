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
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database {
  regions: RegionsTable;
  enterprises: EnterprisesTable;
  mines: MinesTable;
  mine_status_changes: MineStatusChangesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
