import { CRITERIA_2015 } from './criteria-2015.ts';
import { CRITERIA_2020 } from './criteria-2020.ts';
import { CRITERIA_2026 } from './criteria-2026.ts';
import type { CriteriaEdition, CriteriaItem } from './criteria-types.ts';

/** Every edition, newest first. A new edition is a new table added here. */
export const CRITERIA_EDITIONS: readonly CriteriaEdition[] = [CRITERIA_2026, CRITERIA_2020, CRITERIA_2015];

/** The edition in force on a date (YYYY-MM-DD), or null before the oldest one. */
export function selectCriteriaEdition(onDate: string): CriteriaEdition | null {
  return CRITERIA_EDITIONS.find((e) => e.effectiveFrom <= onDate) ?? null;
}

export interface CriteriaGrading {
  /** The edition the law applies on the date. */
  inForce: CriteriaEdition;
  /** The edition whose sub-items a hazard cites: the one in force, or the newest encoded before it. */
  grading: CriteriaEdition;
  /** True when the edition in force is not encoded and `grading` stands in for it (warn the user). */
  standIn: boolean;
}

/**
 * The editions to grade a hazard found on `onDate`: the one in force, and — when its text is not
 * encoded (the 2026 revision) — the newest encoded edition standing in for it, flagged so that every
 * screen that grades says so. Null before the oldest edition.
 */
export function gradingEdition(onDate: string): CriteriaGrading | null {
  const inForce = selectCriteriaEdition(onDate);
  if (!inForce) return null;
  const grading = CRITERIA_EDITIONS.find((e) => e.effectiveFrom <= onDate && e.coverage !== 'not_encoded');
  if (!grading) return null;
  return { inForce, grading, standIn: grading !== inForce };
}

/** A sub-item by id ("2020-15-8") in any edition. */
export function findCriteriaItem(id: string): CriteriaItem | undefined {
  for (const e of CRITERIA_EDITIONS) {
    const hit = e.items.find((i) => i.id === id);
    if (hit) return hit;
  }
  return undefined;
}

export type { CriteriaCategory, CriteriaEdition, CriteriaItem } from './criteria-types.ts';
