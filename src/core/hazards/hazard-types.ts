/** Hidden hazards (隐患): the records the closed loop works on. */

import { valueList } from '../value-list.ts';

export const HAZARD_STATES = [
  'reported',
  'assigned',
  'rectifying',
  'awaiting_verification',
  'closed',
] as const;
export type HazardState = (typeof HAZARD_STATES)[number];

export const HAZARD_SOURCES = ['self_check', 'inspection', 'alarm', 'public_report'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_GRADES = ['major', 'general'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

/** Escalation: 0 none, then the level of government that must act (county → city → province). */
export const ESCALATION_LEVELS = ['none', 'county', 'city', 'province'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The "five implementations" (五落实) and, for a major hazard, the contents of the rectification plan
 * (domain §5, Hubei rule [S49]). Optional fields are required for major hazards only.
 */
export interface RectificationPlan {
  responsiblePerson: string;
  measures: string;
  fundsCny: number | null;
  deadline: string;
  contingencyPlan: string | null;
  objectives: string | null;
  methods: string | null;
  materials: string | null;
  responsibleBody: string | null;
  requirements: string | null;
  safetyMeasures: string | null;
}

export interface Hazard {
  id: string;
  mineId: string;
  mineName: string;
  regionPath: string;
  source: HazardSource;
  grade: HazardGrade;
  /** A criteria sub-item id ("2020-15-8") or "general". */
  category: string;
  title: string;
  description: string;
  area: string | null;
  equipment: string | null;
  pointCode: string | null;
  state: HazardState;
  reportedAt: string;
  reportedBy: string;
  reportedByName: string;
  plan: RectificationPlan | null;
  originalDueDate: string | null;
  currentDueDate: string | null;
  escalation: EscalationLevel;
  /** Days on which the tied equipment was seen running while the hazard was open. */
  equipmentRunningDays: number;
  lastEquipmentCheckOn: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** One step of the state history (and of extensions, escalations, listings). */
export interface HazardEvent {
  id: string;
  hazardId: string;
  at: string;
  kind: string;
  fromState: HazardState | null;
  toState: HazardState | null;
  actorId: string;
  actorName: string;
  note: string | null;
  details: Record<string, unknown> | null;
}

export interface HazardEvidence {
  id: string;
  hazardId: string | null;
  mineId: string;
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface SupervisionListing {
  id: string;
  hazardId: string;
  notice: string;
  issuedBy: string;
  issuedByName: string;
  issuedAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

export interface ProgressReport {
  id: string;
  listingId: string;
  hazardId: string;
  text: string;
  by: string;
  byName: string;
  at: string;
}

export const PROPOSAL_KINDS = ['suspension', 'closure', 'stop_work'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
/** `lapsed`: every hazard it rests on was written off before a regulator decided (issue 15). */
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATES = valueList('open', 'confirmed', 'dismissed', 'lapsed');

export interface HazardProposal {
  id: string;
  kind: ProposalKind;
  mineId: string;
  mineName: string;
  regionPath: string;
  hazardIds: string[];
  /** The rule that produced it, with its source. */
  basis: string;
  state: ProposalState;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface SelfCheckReport {
  id: string;
  mineId: string;
  regionPath: string;
  /** "2026Q4". */
  quarter: string;
  signer: string;
  summary: string;
  evidenceId: string | null;
  filedBy: string;
  filedByName: string;
  filedAt: string;
}
