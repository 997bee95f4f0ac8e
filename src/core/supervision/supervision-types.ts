/**
 * The supervision vocabulary: one mine, one plan (一矿一策); one responsible person on the enterprise
 * side; one supervision group; one leader on contact duty (包保领导); and the site visits of leaders
 * and groups. Plain data. Times are ISO-8601 UTC strings.
 */

import { valueList } from '../value-list.ts';

export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_STATES = valueList('draft', 'submitted', 'approved', 'returned');

export interface PlanMeasure {
  /** What will be done, e.g. "更换主斜井皮带机托辊并加装烟雾传感器". */
  text: string;
  /** Who on the mine's side carries it out, when named. */
  owner: string | null;
  /** ISO date (YYYY-MM-DD) by which it is done, when set. */
  dueOn: string | null;
}

export interface MinePlan {
  mineId: string;
  /** The plan document's reference (document number or file name). */
  documentRef: string;
  measures: PlanMeasure[];
  state: PlanState;
  /** Why a regulator returned it; null unless returned. */
  returnReason: string | null;
  /** Bumped on every change, so stale edits can be told apart in the audit trail. */
  revision: number;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResponsiblePerson {
  mineId: string;
  name: string;
  position: string;
  phone: string;
  assignedBy: string;
  assignedByName: string;
  assignedAt: string;
}

export interface GroupMember {
  userId: string;
  name: string;
  isLeader: boolean;
}

export interface SupervisionGroup {
  mineId: string;
  members: GroupMember[];
  assignedBy: string;
  assignedByName: string;
  assignedAt: string;
}

export interface LeaderAssignment {
  mineId: string;
  userId: string;
  name: string;
  assignedBy: string;
  assignedByName: string;
  assignedAt: string;
}

export type AssignmentKind = 'plan' | 'responsible' | 'group' | 'leader';

/** One line of a mine's supervision history: who changed which of the four, when, to what. */
export interface AssignmentHistoryEntry {
  id: string;
  mineId: string;
  kind: AssignmentKind;
  action: string;
  /** A short human-readable summary of the new value (a name, a plan state). */
  summary: string;
  actorId: string;
  actorName: string;
  at: string;
}

/** A user who may be assigned (a leader or a group member) with the scope path that bounds them. */
export interface AssignableUser {
  id: string;
  displayName: string;
  role: string;
  disabled: boolean;
  /** The region path of the user's scope; null for mine-scoped users. */
  scopePath: string | null;
}

export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];
export const CHECKLIST_RESULTS = valueList('ok', 'problem', 'not_checked');

export interface ChecklistItem {
  item: string;
  result: ChecklistResult;
  note: string | null;
}

export type FindingGrade = (typeof FINDING_GRADES)[number];
export const FINDING_GRADES = valueList('major', 'general');

/** `pending_hazard`: recorded, not yet a hazard. `reported`: a hazard exists with `hazardId`. */
export type FindingStatus = 'pending_hazard' | 'reported';

export interface VisitFinding {
  id: string;
  visitId: string;
  mineId: string;
  title: string;
  description: string;
  grade: FindingGrade;
  /** A major-hazard criteria sub-item id (e.g. "2020-15-8") for a major finding, or "general". */
  category: string;
  location: string | null;
  status: FindingStatus;
  hazardId: string | null;
  reportedAt: string | null;
  reportedBy: string | null;
}

export type VisitorRole = 'leader' | 'group_member';

export interface SiteVisit {
  id: string;
  mineId: string;
  visitorId: string;
  visitorName: string;
  visitorRole: VisitorRole;
  startedAt: string;
  endedAt: string;
  durationMinutes: number;
  wentToSite: boolean;
  wentUnderground: boolean;
  checklist: ChecklistItem[];
  notes: string;
  /** True when the visitor was, at the time, the mine's assigned leader or a member of its group. */
  byAssigned: boolean;
  createdAt: string;
  findings: VisitFinding[];
}
