/** Kysely table types of the accidents module. */
export interface AccidentsTable {
  id: string;
  mine_id: string | null;
  mine_name: string;
  region_path: string | null;
  country: string;
  occurred_at: string;
  type: string;
  deaths: number;
  missing: number;
  serious_injuries: number;
  minor_injuries: number;
  direct_loss_cny: number;
  grade: string;
  regraded_at: string | null;
  description: string;
  source: string;
  external_ref: string | null;
  investigation_state: string;
  investigation_due_on: string;
  findings: string | null;
  report_submitted_at: string | null;
  closed_at: string | null;
  created_at: string;
  created_by_id: string;
  created_by_name: string;
}

export interface AccidentReportsTable {
  accident_id: string;
  level: string;
  reported_at: string;
  recorded_at: string;
  recorded_by_id: string;
  recorded_by_name: string;
  note: string;
}

/** Supplementary reports (补报, migration 0023): the figures before and after, the grade before and after. */
export interface AccidentSupplementsTable {
  id: string;
  accident_id: string;
  changed_at: string;
  deaths_before: number;
  missing_before: number;
  serious_injuries_before: number;
  direct_loss_cny_before: number;
  deaths_after: number;
  missing_after: number;
  serious_injuries_after: number;
  direct_loss_cny_after: number;
  grade_before: string;
  grade_after: string;
  reason: string;
  recorded_at: string;
  recorded_by_id: string;
  recorded_by_name: string;
}

export interface AccountabilityTable {
  id: string;
  accident_id: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  person_name: string;
  post: string;
  chain: string;
  action: string;
  decided_on: string;
  note: string;
  created_at: string;
  created_by_id: string;
  created_by_name: string;
}

export interface AccidentsDatabase {
  accidents: AccidentsTable;
  accident_reports: AccidentReportsTable;
  accident_supplements: AccidentSupplementsTable;
  accountability_records: AccountabilityTable;
}
