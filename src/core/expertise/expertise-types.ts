/**
 * The expertise vocabulary: the gas-control expert service team (experts, assignments, guidance visits,
 * training, capability assessments) and industry upgrading (progress records, targets, mergers). Plain
 * data; times are ISO-8601 UTC strings, dates 'YYYY-MM-DD'.
 */

export interface ExpertProfile {
  userId: string;
  displayName: string;
  specialities: string[];
  updatedAt: string | null;
}

export interface ExpertAssignment {
  id: string;
  mineId: string;
  expertId: string;
  expertName: string;
  assignedBy: string;
  assignedAt: string;
  /** When the assignment ended; null while active. */
  endedAt: string | null;
}

export interface GuidanceFinding {
  title: string;
  description: string;
  grade: 'major' | 'general';
  category: string;
  /** The hazard it became, once reported. */
  hazardId: string | null;
}

export interface GuidanceVisit {
  id: string;
  mineId: string;
  expertId: string;
  expertName: string;
  visitedOn: string;
  findings: GuidanceFinding[];
  recommendations: string;
  createdAt: string;
}

export interface TrainingSession {
  id: string;
  mineId: string;
  expertId: string;
  expertName: string;
  title: string;
  heldOn: string;
  attendees: string[];
  createdAt: string;
}

export type AssessmentState = 'signed' | 'approved' | 'withdrawn' | 'expired';
export type AssessmentConclusion = 'capable' | 'not_capable';

export interface CapabilityAssessment {
  id: string;
  mineId: string;
  /** The signing expert (a gas_expert user): the signature is who signed and when. */
  expertId: string;
  expertName: string;
  signedAt: string;
  assessedOn: string;
  validUntil: string;
  conclusion: AssessmentConclusion;
  summary: string;
  state: AssessmentState;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface ProgressRecord {
  id: string;
  mineId: string;
  recordedOn: string;
  mechanisedFaces: number;
  intelligentFaces: number;
  remoteMonitoring: boolean;
  recordedBy: string;
  createdAt: string;
}

export interface UpgradeTarget {
  regionId: string;
  /** Intelligent working faces the region should have by `dueOn`. */
  intelligentFaces: number | null;
  /** Capacity to withdraw through closures, t/yr. */
  capacityWithdrawnTPerYear: number | null;
  dueOn: string;
  setBy: string;
  setAt: string;
}

export interface MergerMine {
  mineId: string;
  /** Who ran the mine before the merger. */
  oldOperator: string | null;
}

export interface Merger {
  id: string;
  /** The larger enterprise the mines merged into. */
  enterpriseName: string;
  mergedOn: string;
  mines: MergerMine[];
  recordedBy: string;
  recordedByName: string;
  createdAt: string;
}
