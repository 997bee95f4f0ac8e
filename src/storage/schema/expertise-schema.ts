/** Kysely table types of the expertise module. */

export interface ExpertiseSpecialitiesTable {
  user_id: string;
  specialities_json: string;
  updated_at: string;
}

export interface ExpertiseAssignmentsTable {
  id: string;
  mine_id: string;
  expert_id: string;
  expert_name: string;
  assigned_by: string;
  assigned_at: string;
  ended_at: string | null;
}

export interface ExpertiseGuidanceTable {
  id: string;
  mine_id: string;
  expert_id: string;
  expert_name: string;
  visited_on: string;
  findings_json: string;
  recommendations: string;
  created_at: string;
}

export interface ExpertiseTrainingsTable {
  id: string;
  mine_id: string;
  expert_id: string;
  expert_name: string;
  title: string;
  held_on: string;
  attendees_json: string;
  created_at: string;
}

export interface ExpertiseAssessmentsTable {
  id: string;
  mine_id: string;
  expert_id: string;
  expert_name: string;
  signed_at: string;
  assessed_on: string;
  valid_until: string;
  conclusion: string;
  summary: string;
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

export interface ExpertiseProgressTable {
  id: string;
  mine_id: string;
  recorded_on: string;
  mechanised_faces: number;
  intelligent_faces: number;
  remote_monitoring: number;
  recorded_by: string;
  created_at: string;
}

export interface ExpertiseTargetsTable {
  region_id: string;
  intelligent_faces: number | null;
  /** bigint: the PostgreSQL driver may hand it back as a string; the store converts. */
  capacity_withdrawn_t_per_year: number | string | null;
  due_on: string;
  set_by: string;
  set_at: string;
}

export interface ExpertiseMergersTable {
  id: string;
  enterprise_name: string;
  merged_on: string;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface ExpertiseMergerMinesTable {
  merger_id: string;
  mine_id: string;
  old_operator: string | null;
}

export interface ExpertisesDatabase {
  expertise_specialities: ExpertiseSpecialitiesTable;
  expertise_assignments: ExpertiseAssignmentsTable;
  expertise_guidance: ExpertiseGuidanceTable;
  expertise_trainings: ExpertiseTrainingsTable;
  expertise_assessments: ExpertiseAssessmentsTable;
  expertise_progress: ExpertiseProgressTable;
  expertise_targets: ExpertiseTargetsTable;
  expertise_mergers: ExpertiseMergersTable;
  expertise_merger_mines: ExpertiseMergerMinesTable;
}
