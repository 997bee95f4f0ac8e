export type Grade = 'especially_major' | 'major' | 'larger' | 'general' | 'none';
export type Level = 'county' | 'city' | 'province' | 'national';

export interface AccidentView {
  id: string;
  mineId: string | null;
  mineName: string;
  country: string;
  occurredAt: string;
  type: string;
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossCny: number;
  grade: Grade;
  description: string;
  investigationState: 'investigating' | 'extended' | 'reported' | 'closed';
  investigationDueOn: string;
  findings: string | null;
  hasLateReport?: boolean;
}

export interface ReportStepView {
  level: Level;
  deadline: string;
  reportedAt: string | null;
  status: 'on_time' | 'late' | 'due' | 'overdue';
  minutesLate: number;
}

export type AccountabilityChain = 'enterprise' | 'regulator' | 'party' | 'government';
export const ACCOUNTABILITY_CHAINS: readonly AccountabilityChain[] = [
  'enterprise',
  'regulator',
  'party',
  'government',
];
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

export interface AccountabilityView {
  id: string;
  personName: string;
  post: string;
  chain: AccountabilityChain;
  action: AccountabilityAction;
  decidedOn: string;
  mineName: string;
  note?: string;
}

export interface AccidentDetailView {
  accident: AccidentView;
  chain: { investigationLead: string; coalInvestigator: string; source: string };
  reporting: ReportStepView[];
  hasLateReport: boolean;
  accountability: AccountabilityView[];
}

export interface TimelineView {
  items: Array<{
    kind: 'hazard' | 'alarm' | 'order' | 'inspection';
    id: string;
    at: string;
    title: string;
    detail: string;
    isOpenAtAccident: boolean;
  }>;
  openHazards: number;
}

export const shortTime = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
