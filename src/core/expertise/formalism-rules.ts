/**
 * The formalism flags as data: what each looks for, its default threshold, its weight in a region's
 * ranking, and why. These are the platform's own policy (no regulation fixes a number); the reason cites
 * the measure each one checks, so a new policy is a new row, not a code change.
 */
export type FormalismKind =
  'found_nothing' | 'leader_absent' | 'copied_checklist' | 'never_underground' | 'short_visit';

export interface FormalismRule {
  kind: FormalismKind;
  /** Ranking weight: a region's list is sorted by weight × evidence. */
  weight: number;
  why: string;
}

export const FORMALISM_RULES: readonly FormalismRule[] = [
  {
    kind: 'found_nothing',
    weight: 5,
    why: 'Inspections that record nothing where alarms or open hazards show problems (PRODUCT.md §18; Songzao: known defects not acted on).',
  },
  {
    kind: 'leader_absent',
    weight: 4,
    why: 'A leader on contact duty (包保领导) must visit the mines in their charge (PRODUCT.md §6).',
  },
  {
    kind: 'copied_checklist',
    weight: 4,
    why: 'Identical checklist answers visit after visit suggest a copied form, not an inspection (PRODUCT.md §18).',
  },
  {
    kind: 'never_underground',
    weight: 3,
    why: 'Site visits are to go underground (下井); a visitor who never does only sees the surface (PRODUCT.md §6, §18).',
  },
  {
    kind: 'short_visit',
    weight: 2,
    why: 'A visit of a few minutes cannot inspect a mine (PRODUCT.md §18).',
  },
];

/** Thresholds, with their defaults. */
export interface FormalismParams {
  /** The period looked at, in days before now. */
  periodDays: number;
  /** A visit shorter than this is flagged. */
  shortVisitMinutes: number;
  /** Alarms raised at the mine in the 30 days before a visit that make "found nothing" implausible. */
  quietAlarmThreshold: number;
  /** Days within which a leader must have visited each assigned mine. */
  leaderDays: number;
  /** Consecutive identical checklists of one visitor that are flagged. */
  copiedRun: number;
  /** Visits in the period, none underground, before a visitor is flagged. */
  minVisitsUnderground: number;
}

export const DEFAULT_FORMALISM_PARAMS: FormalismParams = {
  periodDays: 90,
  shortVisitMinutes: 20,
  quietAlarmThreshold: 3,
  leaderDays: 30,
  copiedRun: 3,
  minVisitsUnderground: 2,
};

/** How far before a visit alarms and open hazards are counted. */
export const LOOKBACK_DAYS = 30;

export const weightOf = (kind: FormalismKind): number =>
  FORMALISM_RULES.find((r) => r.kind === kind)?.weight ?? 1;
