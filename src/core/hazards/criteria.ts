import { CRITERIA_2015 } from './criteria-2015.ts';
import { CRITERIA_2020 } from './criteria-2020.ts';
import type { CriteriaEdition, CriteriaItem } from './criteria-types.ts';

/** Every edition, newest first. A new edition is a new table added here. */
export const CRITERIA_EDITIONS: readonly CriteriaEdition[] = [CRITERIA_2020, CRITERIA_2015];

/** The edition in force on a date (YYYY-MM-DD), or null before the oldest one. */
export function selectCriteriaEdition(onDate: string): CriteriaEdition | null {
  return CRITERIA_EDITIONS.find((e) => e.effectiveFrom <= onDate) ?? null;
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
