/** Kysely table types of the hazards module. */
export interface HazardsTable {
  id: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  source: string;
  grade: string;
  category: string;
  title: string;
  description: string;
  area: string | null;
  equipment: string | null;
  point_code: string | null;
  state: string;
  reported_at: string;
  reported_by: string;
  reported_by_name: string;
  plan_json: string | null;
  original_due_date: string | null;
  current_due_date: string | null;
  escalation: string;
  equipment_running_days: number;
  last_equipment_check_on: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface HazardEventsTable {
  id: string;
  hazard_id: string;
  at: string;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string;
  actor_name: string;
  note: string | null;
  details_json: string | null;
}

export interface HazardEvidenceTable {
  id: string;
  hazard_id: string | null;
  mine_id: string;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: string;
}

export interface HazardListingsTable {
  id: string;
  hazard_id: string;
  notice: string;
  issued_by: string;
  issued_by_name: string;
  issued_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface HazardProgressTable {
  id: string;
  listing_id: string;
  hazard_id: string;
  text: string;
  by_id: string;
  by_name: string;
  at: string;
}

export interface HazardProposalsTable {
  id: string;
  kind: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  hazard_ids_json: string;
  basis: string;
  state: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

export interface HazardSelfChecksTable {
  id: string;
  mine_id: string;
  region_path: string;
  quarter: string;
  signer: string;
  summary: string;
  evidence_id: string | null;
  filed_by: string;
  filed_by_name: string;
  filed_at: string;
}

export interface HazardsDatabase {
  hazards: HazardsTable;
  hazard_events: HazardEventsTable;
  hazard_evidence: HazardEvidenceTable;
  hazard_listings: HazardListingsTable;
  hazard_progress: HazardProgressTable;
  hazard_proposals: HazardProposalsTable;
  hazard_self_checks: HazardSelfChecksTable;
}
