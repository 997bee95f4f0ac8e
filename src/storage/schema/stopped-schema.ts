/** Kysely table types of the stopped-mine declarations (migration 0020). */
export interface StoppedAllowancesTable {
  id: string;
  kind: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  state: string;
  crew_size: number;
  roles_json: string;
  area_codes_json: string;
  systems_json: string;
  from_at: string;
  to_at: string | null;
  supervisor: string | null;
  note: string;
  declared_at: string;
  declared_by_id: string;
  declared_by_name: string;
  decided_at: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
}

export interface StoppedDatabase {
  stopped_allowances: StoppedAllowancesTable;
}
