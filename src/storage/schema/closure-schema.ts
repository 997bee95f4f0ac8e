/** Kysely table types of the closure module. */
export interface ClosuresTable {
  id: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  capacity_t_per_year: number;
  reason: string;
  basis: string | null;
  attached_to_existing: number;
  status: string;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  closed_at: string | null;
}

export interface ClosureStepsTable {
  closure_id: string;
  step: string;
  seq: number;
  state: string;
  evidence: string | null;
  file_json: string | null;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
  recorded_at: string | null;
  verified_by_id: string | null;
  verified_by_name: string | null;
  verified_at: string | null;
  note: string | null;
}

export interface ClosureTargetsTable {
  id: string;
  region_id: string;
  region_path: string;
  region_name: string;
  deadline: string;
  mines_to_close: number;
  capacity_to_withdraw_t_per_year: number;
  note: string;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
}

export interface ClosurePolicyListTable {
  mine_id: string;
  region_path: string;
  reason: string;
  source: string;
  listed_by_id: string;
  listed_by_name: string;
  listed_at: string;
}

export interface ClosureTransformationsTable {
  id: string;
  closure_id: string;
  mine_id: string;
  region_path: string;
  what: string;
  started_on: string;
  jobs: number;
  note: string;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface MineOwnershipTable {
  id: string;
  mine_id: string;
  region_path: string;
  kind: string;
  party: string;
  from_date: string;
  to_date: string | null;
  contract_ref: string | null;
  note: string;
  recorded_by_id: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface CrackdownCasesTable {
  id: string;
  type: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  summary: string;
  status: string;
  evidence_json: string;
  decisions_json: string;
  opened_by_id: string;
  opened_by_name: string;
  opened_at: string;
  updated_at: string;
}

export interface ClosuresDatabase {
  closures: ClosuresTable;
  closure_steps: ClosureStepsTable;
  closure_targets: ClosureTargetsTable;
  closure_policy_list: ClosurePolicyListTable;
  closure_transformations: ClosureTransformationsTable;
  mine_ownership: MineOwnershipTable;
  crackdown_cases: CrackdownCasesTable;
  mine_population_years: MinePopulationYearsTable;
}

export interface MinePopulationYearsTable {
  region_id: string;
  year: number;
  region_path: string;
  mines: number;
  small_mines: number;
  capacity_t_per_year: number;
  small_capacity_t_per_year: number;
  source: string;
}
