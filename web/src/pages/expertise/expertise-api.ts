import { apiErrorOf } from '../../api/api-client.ts';
import type { Role } from '../../api/api-types.ts';

/** The expertise API's answers as the pages read them (mirrors src/core/expertise). */

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
  endedAt: string | null;
}

export interface GuidanceFinding {
  title: string;
  description: string;
  grade: 'major' | 'general';
  category: string;
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

export interface MineExpertise {
  mine: {
    id: string;
    name: string;
    gasClass: 'low' | 'high' | 'outburst';
    status: string;
    hasGasControlCapability: boolean;
    gasControlEvidence: string | null;
    gasControlCertifiedOn: string | null;
    operator: string | null;
  };
  assignments: ExpertAssignment[];
  guidance: GuidanceVisit[];
  trainings: TrainingSession[];
  assessments: CapabilityAssessment[];
  progress: ProgressRecord[];
}

export type GapKind = 'no_expert' | 'no_recent_assessment';

export interface ExpertGap {
  mineId: string;
  mineName: string;
  gasClass: 'high' | 'outburst';
  status: string;
  hasExpert: boolean;
  lastApprovedAssessmentOn: string | null;
  gaps: GapKind[];
}

export interface GapsView {
  items: ExpertGap[];
  mines: number;
}

export interface ProgressPoint {
  on: string;
  mines: number;
  mechanisedFaces: number;
  intelligentFaces: number;
  remoteMonitoringMines: number;
}

export interface UpgradeTarget {
  regionId: string;
  intelligentFaces: number | null;
  capacityWithdrawnTPerYear: number | null;
  dueOn: string;
  setBy: string;
  setAt: string;
}

export interface DistrictCapacity {
  regionId: string;
  name: string;
  nameEn: string;
  closedMines: number;
  withdrawnTPerYear: number;
  closingMines: number;
  closingTPerYear: number;
}

export interface MergerView {
  id: string;
  enterpriseName: string;
  mergedOn: string;
  recordedByName: string;
  createdAt: string;
  mineViews: Array<{
    mineId: string;
    mineName: string;
    oldOperator: string | null;
    operatorNow: string | null;
    falseIntegration: boolean;
  }>;
  questionable: boolean;
}

export interface UpgradingView {
  regionId: string | null;
  progress: ProgressPoint[];
  target: UpgradeTarget | null;
  capacity: {
    districts: DistrictCapacity[];
    total: { closedMines: number; withdrawnTPerYear: number; closingMines: number; closingTPerYear: number };
    targetTPerYear: number | null;
    percentOfTarget: number | null;
    remainingTPerYear: number | null;
  };
  mergers: MergerView[];
}

export type FormalismKind =
  'found_nothing' | 'leader_absent' | 'copied_checklist' | 'never_underground' | 'short_visit';

export interface FormalismFlag {
  id: string;
  kind: FormalismKind;
  score: number;
  mineId: string | null;
  mineName: string | null;
  visitorId: string | null;
  visitorName: string | null;
  explanation: { zh: string; en: string };
  records: { visitIds: string[]; alarmIds: string[]; hazardIds: string[] };
}

export interface FormalismParams {
  periodDays: number;
  shortVisitMinutes: number;
  quietAlarmThreshold: number;
  leaderDays: number;
  copiedRun: number;
  minVisitsUnderground: number;
}

export interface FormalismView {
  flags: FormalismFlag[];
  params: FormalismParams;
  rules: Array<{ kind: FormalismKind; weight: number; why: string }>;
}

const REGULATORS: readonly Role[] = ['province_regulator', 'city_regulator', 'county_regulator'];

/** What the UI offers a role (mirrors ROLE_PERMISSIONS; the server decides, this only hides 403 buttons). */
export const isRegulator = (r: Role): boolean => REGULATORS.includes(r);
export const isGasExpert = (r: Role): boolean => r === 'gas_expert';
export const canRecordProgress = (r: Role): boolean => isRegulator(r) || r === 'mine_safety_officer';
export const canReadFormalism = (r: Role): boolean => isRegulator(r) || r === 'viewer';

export const expertiseMinePath = (mineId: string): string => `/expertise/mines/${encodeURIComponent(mineId)}`;
export const mineApi = (mineId: string): string => `/api/expertise/mines/${encodeURIComponent(mineId)}`;

/** Today as YYYY-MM-DD in local time (the default of the date fields). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `date` plus whole years, as YYYY-MM-DD. */
export function addYears(date: string, years: number): string {
  const [y, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${y + years}${rest}`;
}

/** A PUT with the session's CSRF token (the shared client only speaks GET/POST/PATCH/DELETE). */
export async function putJson<T>(url: string, body: unknown, csrfToken: string): Promise<T> {
  const res = await fetch(url, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorOf(res.status, data);
  return data as T;
}
