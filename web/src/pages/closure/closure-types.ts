/** The closure API's shapes as the web UI reads them. */
export type StepKind =
  | 'production_stopped'
  | 'equipment_removed'
  | 'shafts_sealed'
  | 'power_cut'
  | 'licences_revoked'
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
