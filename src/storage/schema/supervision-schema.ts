/** Kysely table types of the supervision module. */

export interface SupervisionPlansTable {
  mine_id: string;
  document_ref: string;
  measures_json: string;
  state: string;
  return_reason: string | null;
  revision: number;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupervisionResponsibleTable {
  mine_id: string;
  name: string;
  position: string;
  phone: string;
  assigned_by: string;
  assigned_by_name: string;
  assigned_at: string;
}

export interface SupervisionGroupMembersTable {
  mine_id: string;
  user_id: string;
  user_name: string;
  is_leader: number;
  assigned_by: string;
  assigned_by_name: string;
  assigned_at: string;
}

export interface SupervisionLeadersTable {
  mine_id: string;
  user_id: string;
  user_name: string;
  assigned_by: string;
  assigned_by_name: string;
  assigned_at: string;
}

export interface SupervisionHistoryTable {
  id: string;
  mine_id: string;
  kind: string;
  action: string;
  summary: string;
  actor_id: string;
  actor_name: string;
  at: string;
}

export interface SupervisionVisitsTable {
  id: string;
  mine_id: string;
  visitor_id: string;
  visitor_name: string;
  visitor_role: string;
  started_at: string;
  ended_at: string;
  duration_minutes: number;
  went_to_site: number;
  went_underground: number;
  checklist_json: string;
  notes: string;
  by_assigned: number;
  created_at: string;
}

export interface SupervisionFindingsTable {
  id: string;
  visit_id: string;
  mine_id: string;
  title: string;
  description: string;
  grade: string;
  category: string;
  location: string | null;
  status: string;
  hazard_id: string | null;
  reported_at: string | null;
  reported_by: string | null;
}

/** Migration 0024: one stay underground of one positioning card, from the personnel snapshots. */
export interface UndergroundStaysTable {
  mine_id: string;
  card_code: string;
  entered_ms: number;
  last_seen_ms: number;
  name: string;
  is_mine_leader: number;
}

/** Migration 0024: the positioning card a leader or group member carries on visits. */
export interface PositioningCardsTable {
  user_id: string;
  card_code: string;
  set_by_id: string;
  set_by_name: string;
  set_at: string;
}

export interface SupervisionDatabase {
  underground_stays: UndergroundStaysTable;
  positioning_cards: PositioningCardsTable;
  supervision_plans: SupervisionPlansTable;
  supervision_responsible: SupervisionResponsibleTable;
  supervision_group_members: SupervisionGroupMembersTable;
  supervision_leaders: SupervisionLeadersTable;
  supervision_history: SupervisionHistoryTable;
  supervision_visits: SupervisionVisitsTable;
  supervision_findings: SupervisionFindingsTable;
}
