import type { ActStamp } from '../audit/record-audit.ts';
import type { AccidentGrade, ReportLevel } from './accident-grading.ts';
import type { InvestigationState } from './investigation-machine.ts';
import { valueList } from '../value-list.ts';

/** A recorded accident (a Chinese mine's) or a reference accident imported from foreign data. */
export interface Accident extends ActStamp<'created'> {
  id: string;
  /** Null for the reference set (foreign data with no mine in the register). */
  mineId: string | null;
  mineName: string;
  /** The mine's region path; null for the reference set. */
  regionPath: string | null;
  /** ISO country code: 'CN' for register mines, e.g. 'US' for imported reference data. */
  country: string;
  occurredAt: string;
  type: string;
  deaths: number;
  /** Missing persons (失踪), graded with the dead. */
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossCny: number;
  /** The grade of the latest figures (a supplement may re-grade). */
  grade: AccidentGrade;
  /** When a supplement last moved the grade (the recording time), else null. */
  regradedAt: string | null;
  description: string;
  source: 'recorded' | 'imported';
  /** The dataset and the row's own id/line for imported rows. */
  externalRef: string | null;
  investigationState: InvestigationState;
  /** YYYY-MM-DD. */
  investigationDueOn: string;
  findings: string | null;
  reportSubmittedAt: string | null;
  closedAt: string | null;
}

/** The figures a supplementary report (补报) may change. */
export interface SupplementFigures {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossCny: number;
}

/**
 * A supplementary report (补报, Order 493 art. 13): the casualty figures as they changed, when the change
 * happened (data time, judged against the window), who recorded it and when, and the grade before and after.
 */
export interface AccidentSupplement extends ActStamp<'recorded'> {
  id: string;
  accidentId: string;
  /** When the change happened (e.g. an injured miner died): the time the window is judged on. */
  changedAt: string;
  before: SupplementFigures;
  after: SupplementFigures;
  gradeBefore: AccidentGrade;
  gradeAfter: AccidentGrade;
  reason: string;
}

export interface AccidentReport extends ActStamp<'recorded'> {
  accidentId: string;
  level: ReportLevel;
  reportedAt: string;
  note: string;
}

/** 党政同责、一岗双责: the chains an official can be held accountable on. */
export type AccountabilityChain = (typeof ACCOUNTABILITY_CHAINS)[number];
export const ACCOUNTABILITY_CHAINS = valueList('enterprise', 'regulator', 'party', 'government');

export type AccountabilityAction =
  | 'criticism'
  | 'warning'
  | 'demerit'
  | 'major_demerit'
  | 'demotion'
  | 'dismissal'
  | 'expulsion'
  | 'fine'
  | 'prosecution';
export const ACCOUNTABILITY_ACTIONS: readonly AccountabilityAction[] = [
  'criticism',
  'warning',
  'demerit',
  'major_demerit',
  'demotion',
  'dismissal',
  'expulsion',
  'fine',
  'prosecution',
];

export interface AccountabilityRecord extends ActStamp<'created'> {
  id: string;
  accidentId: string;
  mineId: string;
  mineName: string;
  regionPath: string;
  personName: string;
  post: string;
  chain: AccountabilityChain;
  action: AccountabilityAction;
  /** YYYY-MM-DD. */
  decidedOn: string;
  note: string;
}

/** One item of the "what preceded it" timeline. */
export interface TimelineItem {
  kind: 'hazard' | 'alarm' | 'order' | 'inspection';
  id: string;
  at: string;
  title: string;
  detail: string;
  /** Hazards: still open when the accident happened (never rectified). */
  isOpenAtAccident: boolean;
}
