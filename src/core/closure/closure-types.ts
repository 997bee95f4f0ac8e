/**
 * The closure programme's vocabulary: target rules, closures and their verified steps, district targets,
 * transformations of exited mines, ownership/trusteeship records and crackdown cases. Plain data.
 */

import type { ActStamp } from '../audit/record-audit.ts';
import { valueList } from '../value-list.ts';

export type ClosureStepKind =
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

/**
 * The steps every closure goes through, in order: production stopped, then the eight closure
 * requirements of the 2024 Regulation art. 70 (domain reference §7): licences revoked; explosives
 * supply stopped and the stock disposed of; power cut and equipment removed; shafts filled and sealed;
 * land restored; workers' labour relations settled; a public sign set up; reports and drawings handed
 * over. Power cut and equipment removal are verified separately (two site checks).
 */
export const CLOSURE_STEP_KINDS: readonly ClosureStepKind[] = [
  'production_stopped',
  'explosives_disposed',
  'equipment_removed',
  'power_cut',
  'shafts_sealed',
  'licences_revoked',
  'workers_settled',
  'drawings_handed_over',
  'public_sign',
  'site_restored',
];

export type ClosureStepState = 'pending' | 'recorded' | 'verified' | 'rejected';

export interface EvidenceFileRef {
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ClosureStep {
  closureId: string;
  step: ClosureStepKind;
  state: ClosureStepState;
  evidence: string | null;
  file: EvidenceFileRef | null;
  recordedById: string | null;
  recordedByName: string | null;
  recordedAt: string | null;
  verifiedById: string | null;
  verifiedByName: string | null;
  verifiedAt: string | null;
  /** The verifier's note, or why the evidence was rejected. */
  note: string | null;
}

export type ClosureStatus = 'in_progress' | 'closed';

export interface Closure extends ActStamp<'created'> {
  id: string;
  mineId: string;
  mineName: string;
  regionPath: string;
  /** Approved capacity at the time of the closure, for capacity-withdrawn arithmetic (t/yr). */
  capacityTPerYear: number;
  reason: string;
  basis: string | null;
  /** True when the mine was already `closing` (e.g. from a closure order) and the closure attached to it. */
  attachedToExisting: boolean;
  status: ClosureStatus;
  closedAt: string | null;
}

export interface ClosureTarget extends ActStamp<'created'> {
  id: string;
  regionId: string;
  regionPath: string;
  regionName: string;
  /** YYYY-MM-DD: the mines must be closed by the end of this day. */
  deadline: string;
  minesToClose: number;
  capacityToWithdrawTPerYear: number;
  note: string;
}

export interface PolicyListEntry extends ActStamp<'listed'> {
  mineId: string;
  regionPath: string;
  reason: string;
  /** The document that names the mine (number or link). */
  source: string;
}

export interface Transformation extends ActStamp<'recorded'> {
  id: string;
  closureId: string;
  mineId: string;
  regionPath: string;
  /** What the site or the enterprise became, e.g. an agricultural cooperative. */
  what: string;
  /** YYYY-MM-DD. */
  startedOn: string;
  jobs: number;
  note: string;
}

export type OwnershipKind = (typeof OWNERSHIP_KINDS)[number];
export const OWNERSHIP_KINDS = valueList('ownership', 'trusteeship', 'integration', 'reorganisation');

export interface OwnershipRecord extends ActStamp<'recorded'> {
  id: string;
  mineId: string;
  regionPath: string;
  kind: OwnershipKind;
  /** The owner, trustee (托管方), or the enterprise the mine was integrated into. */
  party: string;
  /** YYYY-MM-DD. */
  fromDate: string;
  toDate: string | null;
  contractRef: string | null;
  note: string;
}

export type CaseType =
  'illegal_trusteeship' | 'false_integration' | 'evasion_of_supervision' | 'data_tampering';
export const CASE_TYPES: readonly CaseType[] = [
  'illegal_trusteeship',
  'false_integration',
  'evasion_of_supervision',
  'data_tampering',
];

export type CaseStatus = 'open' | 'investigating' | 'decided' | 'closed';

export type CaseEvidenceKind = 'alarm' | 'hazard' | 'visit' | 'data_gap' | 'inspection' | 'document';
export const CASE_EVIDENCE_KINDS: readonly CaseEvidenceKind[] = [
  'alarm',
  'hazard',
  'visit',
  'data_gap',
  'inspection',
  'document',
];

export interface CaseEvidence extends ActStamp<'added'> {
  kind: CaseEvidenceKind;
  ref: string;
  note: string;
}

export interface CaseDecision {
  text: string;
  byId: string;
  byName: string;
  at: string;
}

export interface CrackdownCase extends ActStamp<'opened'> {
  id: string;
  type: CaseType;
  mineId: string;
  mineName: string;
  regionPath: string;
  summary: string;
  status: CaseStatus;
  evidence: CaseEvidence[];
  decisions: CaseDecision[];
  updatedAt: string;
}

/**
 * The mine population of one district (county) in one year, from a reference data set: how many
 * mines, how many below 300 kt/yr, and their approved capacity. Seeded, not entered: it is the record
 * the closure programme's history and year-on-year figures are read from.
 */
export interface PopulationYear {
  regionId: string;
  regionPath: string;
  year: number;
  mines: number;
  smallMines: number;
  capacityTPerYear: number;
  smallCapacityTPerYear: number;
  /** Where the figures come from (the data set, and how mines were placed in the district). */
  source: string;
}
