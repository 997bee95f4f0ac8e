/** The closure API's shapes as the web UI reads them. */
export type StepKind =
  | 'production_stopped'
  | 'explosives_disposed'
  | 'equipment_removed'
  | 'power_cut'
  | 'shafts_sealed'
  | 'licences_revoked'
  | 'workers_settled'
  | 'drawings_handed_over'
  | 'public_sign'
  | 'site_restored';
export type RuleId = 'capacity_below_300kt' | 'gas_without_capability' | 'policy_list';
export type CaseType =
  'illegal_trusteeship' | 'false_integration' | 'evasion_of_supervision' | 'data_tampering';
export type CaseStatus = 'open' | 'investigating' | 'decided' | 'closed';

export interface StepView {
  step: StepKind;
  state: 'pending' | 'recorded' | 'verified' | 'rejected';
  evidence: string | null;
  recordedByName: string | null;
  verifiedByName: string | null;
  note: string | null;
}

export interface ClosureView {
  id: string;
  mineId: string;
  mineName: string;
  reason: string;
  status: 'in_progress' | 'closed';
  attachedToExisting: boolean;
  steps: StepView[];
  transformations?: TransformationView[];
  stepsVerified?: number;
  stepsTotal?: number;
}

export interface Candidate {
  mineId: string;
  mineName: string;
  regionName: string;
  status: string;
  approvedCapacityTPerYear: number;
  gasClass: string;
  rules: RuleId[];
}

export interface TargetProgressView {
  target: {
    id: string;
    regionName: string;
    deadline: string;
    minesToClose: number;
    capacityToWithdrawTPerYear: number;
  };
  minesClosed: number;
  capacityWithdrawnTPerYear: number;
  minesPercent: number;
  capacityPercent: number;
  met: boolean;
  overdue: boolean;
}

export interface CaseView {
  id: string;
  type: CaseType;
  mineName: string;
  summary: string;
  status: CaseStatus;
  openedAt: string;
}

export interface TransformationView {
  id: string;
  what: string;
  startedOn: string;
  jobs: number;
  note: string;
  recordedByName: string;
  recordedAt: string;
}

export type CaseEvidenceKind = 'alarm' | 'hazard' | 'visit' | 'data_gap' | 'inspection' | 'document';
export const CASE_EVIDENCE_KINDS: readonly CaseEvidenceKind[] = [
  'alarm',
  'hazard',
  'visit',
  'data_gap',
  'inspection',
  'document',
];

export interface CaseDetailView extends CaseView {
  mineId: string;
  evidence: Array<{
    kind: CaseEvidenceKind;
    ref: string;
    note: string;
    addedByName: string;
    addedAt: string;
  }>;
  decisions: Array<{ text: string; byName: string; at: string }>;
  openedByName: string;
}

/** GET /api/closure/history (and the briefing's closure.history): the mine population year by year. */
export interface PopulationHistoryView {
  years: Array<{
    year: number;
    mines: number;
    smallMines: number;
    capacityTPerYear: number;
    smallCapacityTPerYear: number;
    closed: number | null;
    smallClosed: number | null;
    smallCapacityWithdrawnTPerYear: number | null;
  }>;
  sources: string[];
  reduction: { fromYear: number; toYear: number; mines: number; smallMines: number } | null;
}

/** A closing or closed mine without a closure file on the platform. */
export interface UnfiledMine {
  mineId: string;
  code: string;
  name: string;
  regionName: string;
  status: 'closing' | 'closed';
  statusSince: string;
}
