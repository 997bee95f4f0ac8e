import { chinaDateOf } from '../china-time.ts';
import { invalidInput } from '../errors.ts';
import type { MineStatus } from '../registry/types.ts';
import {
  ESCALATION_LEVELS,
  type EscalationLevel,
  type HazardGrade,
  type RectificationPlan,
} from './hazard-types.ts';

/** Pure rules of the hazards module: the five-implementations gate, escalation, repeats, dates. */

/** Plan fields every hazard needs before rectifying, and those a major hazard needs besides (§5). */
export const GENERAL_PLAN_FIELDS = ['responsiblePerson', 'measures', 'deadline'] as const;
export const MAJOR_PLAN_FIELDS = [
  'responsiblePerson',
  'measures',
  'fundsCny',
  'deadline',
  'contingencyPlan',
  'objectives',
  'methods',
  'materials',
  'responsibleBody',
  'requirements',
  'safetyMeasures',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The plan fields that are missing for a hazard of `grade` (empty when the gate passes). */
export function missingPlanFields(grade: HazardGrade, plan: Partial<RectificationPlan>): string[] {
  const fields = grade === 'major' ? MAJOR_PLAN_FIELDS : GENERAL_PLAN_FIELDS;
  return fields.filter((f) => {
    const v = plan[f];
    if (f === 'fundsCny') return typeof v !== 'number' || !Number.isFinite(v) || v <= 0;
    return typeof v !== 'string' || v.trim() === '';
  });
}

/** Throws HAZARD_PLAN_INCOMPLETE naming every missing field, or HAZARD_DEADLINE_INVALID. */
export function requireCompletePlan(
  grade: HazardGrade,
  plan: Partial<RectificationPlan>,
  today: string,
): void {
  const missing = missingPlanFields(grade, plan);
  if (missing.length > 0) {
    throw invalidInput(
      'HAZARD_PLAN_INCOMPLETE',
      `A ${grade} hazard needs ${grade === 'major' ? 'all five implementations and the rectification plan' : 'a responsible person, measures and a deadline'}: missing ${missing.join(', ')}.`,
      { missing },
    );
  }
  const deadline = plan.deadline ?? '';
  if (!DATE.test(deadline) || Number.isNaN(Date.parse(deadline)) || deadline < today) {
    throw invalidInput(
      'HAZARD_DEADLINE_INVALID',
      `The deadline must be a date (YYYY-MM-DD) from ${today} on.`,
    );
  }
}

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (dates YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const dateOf = (iso: string): string => iso.slice(0, 10);

/** Overdue: past its current due date and not closed. */
export function isOverdue(h: { currentDueDate: string | null; state: string }, today: string): boolean {
  return h.state !== 'closed' && h.currentDueDate !== null && h.currentDueDate < today;
}

/** The level an overdue hazard must have reached: county on the first day, one level up per `daysPerLevel`. */
export function overdueEscalation(daysOverdue: number, daysPerLevel: number): EscalationLevel {
  if (daysOverdue <= 0) return 'none';
  const index = Math.min(ESCALATION_LEVELS.length - 1, 1 + Math.floor((daysOverdue - 1) / daysPerLevel));
  return ESCALATION_LEVELS[index] ?? 'province';
}

export const escalationRank = (l: EscalationLevel): number => ESCALATION_LEVELS.indexOf(l);

/** One level up (province stays province). */
export function raiseEscalation(l: EscalationLevel): EscalationLevel {
  return ESCALATION_LEVELS[Math.min(ESCALATION_LEVELS.length - 1, escalationRank(l) + 1)] ?? 'province';
}

/** The same instant three calendar months earlier (2024 Regulation art. 70's window). */
export function threeMonthsBefore(iso: string): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString();
}

/** Statuses in which a major hazard makes the mine stop (2024 Regulation art. 36, 64). */
export const SUSPENDABLE: readonly MineStatus[] = ['construction', 'producing'];
/** Statuses from which a closure can be ordered (the mine status table's order_closure edge). */
export const CLOSABLE: readonly MineStatus[] = [
  'construction',
  'producing',
  'suspended',
  'resumption_review',
];

/** "2026Q4" for a date. */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** Sources that count as a finding by others (the mine's own self-check report does not, ADR 0009). */
export const CLOSURE_FINDING_SOURCES: readonly string[] = ['inspection', 'alarm', 'public_report'];

/**
 * 2024 Regulation art. 70: a mine where major hazards were found on two or more occasions within
 * 3 months while it kept producing is proposed for closure. An occasion is a day (China Standard Time)
 * with a major hazard found by others; several findings of one inspection on one day are one occasion,
 * and the mine's own self-check reports do not count. The mine must still be producing at the later
 * finding. Returns the hazards of the qualifying occasions (oldest first), or null.
 */
export function closureOccasions(
  majorsSinceThreeMonths: ReadonlyArray<{ id: string; source: string; reportedAt: string; grade: string }>,
  mineStatus: string,
): { hazardIds: string[]; occasions: string[] } | null {
  if (mineStatus !== 'producing') return null;
  const found = majorsSinceThreeMonths
    .filter((h) => h.grade === 'major' && CLOSURE_FINDING_SOURCES.includes(h.source))
    .sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0));
  const cstDay = chinaDateOf;
  const occasions = [...new Set(found.map((h) => cstDay(h.reportedAt)))];
  return occasions.length >= 2 ? { hazardIds: found.map((h) => h.id), occasions } : null;
}
