/** The supervision API's answers, as the web UI reads them (mirrors src/core/supervision). */

export type PlanState = 'draft' | 'submitted' | 'approved' | 'returned';
export type CoverageGap = 'plan' | 'responsible' | 'group' | 'leader';
export const COVERAGE_GAPS: readonly CoverageGap[] = ['plan', 'responsible', 'group', 'leader'];
export type ChecklistResult = 'ok' | 'problem' | 'not_checked';

export interface CoverageRow {
  mineId: string;
  code: string;
  name: string;
  regionId: string;
  regionName: string;
  status: string;
  planState: PlanState | null;
  responsibleName: string | null;
  groupLeaderName: string | null;
  groupSize: number;
  leaderName: string | null;
  gaps: CoverageGap[];
  isMine: boolean;
}

export interface CoverageView {
  rows: CoverageRow[];
  mines: number;
  excludedClosed: number;
  complete: number;
  missing: Record<CoverageGap, number>;
  byDistrict: Array<{
    regionId: string;
    regionName: string;
    mines: number;
    complete: number;
    missing: Record<CoverageGap, number>;
  }>;
}

export interface KpiView {
  leaderDays: number;
  groupDays: number;
  mines: number;
  leaderOverdue: number;
  groupOverdue: number;
}

export interface MinePlan {
  documentRef: string;
  measures: Array<{ text: string; owner: string | null; dueOn: string | null }>;
  state: PlanState;
  returnReason: string | null;
  revision: number;
  updatedAt: string;
}

export interface SupervisionCard {
  mine: { id: string; code: string; name: string; status: string; regionName: string };
  plan: MinePlan | null;
  responsible: {
    name: string;
    position: string;
    phone: string;
    assignedByName: string;
    assignedAt: string;
  } | null;
  group: {
    members: Array<{ userId: string; name: string; isLeader: boolean }>;
    assignedByName: string;
    assignedAt: string;
  } | null;
  leader: { userId: string; name: string; assignedByName: string; assignedAt: string } | null;
  history: Array<{
    id: string;
    kind: string;
    action: string;
    summary: string;
    actorName: string;
    at: string;
  }>;
}

export interface Candidate {
  id: string;
  displayName: string;
}

export interface SiteVisit {
  id: string;
  mineId: string;
  visitorName: string;
  visitorRole: string;
  startedAt: string;
  endedAt: string;
  durationMinutes: number;
  wentToSite: boolean;
  wentUnderground: boolean;
  checklist: Array<{ item: string; result: ChecklistResult; note: string | null }>;
  notes: string;
  byAssigned: boolean;
  findings: Array<{ id: string; title: string; grade: string; status: string; hazardId: string | null }>;
}

/** The page of one mine's supervision card. */
export const supervisionMinePath = (mineId: string): string =>
  `/supervision/mines/${encodeURIComponent(mineId)}`;
