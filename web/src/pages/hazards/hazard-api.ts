import { apiErrorOf } from '../../api/api-client.ts';
import type { Role } from '../../api/api-types.ts';

/** The hazards API as the pages see it (mirrors src/core/hazards/hazard-types.ts). */

export const HAZARD_STATES = [
  'reported',
  'assigned',
  'rectifying',
  'awaiting_verification',
  'closed',
] as const;
export type HazardState = (typeof HAZARD_STATES)[number];
export type HazardGrade = 'major' | 'general';
export const HAZARD_SOURCES = ['self_check', 'inspection', 'alarm', 'public_report'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];
export type EscalationLevel = 'none' | 'county' | 'city' | 'province';

export interface HazardView {
  id: string;
  mineId: string;
  mineName: string;
  source: HazardSource;
  grade: HazardGrade;
  category: string;
  title: string;
  description: string;
  area: string | null;
  equipment: string | null;
  pointCode: string | null;
  state: HazardState;
  reportedAt: string;
  reportedByName: string;
  plan: Record<string, string | number | null> | null;
  originalDueDate: string | null;
  currentDueDate: string | null;
  escalation: EscalationLevel;
  equipmentRunningDays: number;
  overdue: boolean;
}

export interface HazardDetail {
  hazard: HazardView;
  /** The proposals this hazard raised; empty for those who do not decide them. */
  proposals?: Proposal[];
  criterion: { id: string; textEn: string; source: string } | null;
  timeline: Array<{ seq: number; at: string; action: string; actorName: string; note: string | null }>;
  evidence: Array<{
    id: string;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    uploadedByName: string;
    uploadedAt: string;
  }>;
  listings: Array<{
    id: string;
    notice: string;
    issuedByName: string;
    issuedAt: string;
    closedAt: string | null;
  }>;
}

export interface Board {
  overdue: number;
  columns: Array<{ state: HazardState; total: number; overdue: number }>;
}

export interface Proposal {
  id: string;
  kind: 'suspension' | 'closure' | 'stop_work';
  mineId: string;
  mineName: string;
  hazardIds: string[];
  basis: string;
  state: 'open' | 'confirmed' | 'dismissed' | 'lapsed';
  createdAt: string;
}

export interface CriteriaEdition {
  edition: string;
  effectiveFrom: string;
  items: Array<{ id: string; textEn: string; source: string }>;
}

const REGULATORS: readonly Role[] = ['province_regulator', 'city_regulator', 'county_regulator'];

/** What the UI offers a role (the server decides; this only hides buttons that would answer 403). */
export const canReport = (r: Role) =>
  [...REGULATORS, 'leader', 'group_member', 'mine_safety_officer'].includes(r);
export const canRectify = (r: Role) => r === 'mine_safety_officer';
export const isRegulator = (r: Role) => REGULATORS.includes(r);

/** Uploads one file as the raw body. */
export async function uploadEvidence(hazardId: string, file: File, csrfToken: string): Promise<void> {
  const res = await fetch(`/api/hazards/${encodeURIComponent(hazardId)}/evidence`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': csrfToken,
    },
    body: file,
  });
  if (!res.ok) {
    throw apiErrorOf(res.status, await res.json().catch(() => null));
  }
}
