import { CATEGORIES_2020 } from './criteria-2020.ts';
import type { CriteriaEdition } from './criteria-types.ts';

/**
 * The 2026 revision of the major-hazard criteria (MEM order 21): adopted 2026-05-06, promulgated
 * 2026-05-24, in force 2026-07-01 — confirmed from public references [domain S36]. Its text was not
 * available (domain reference, "Status of the sources"), so no sub-item is encoded: the edition is
 * known, and hazards found while it is in force are graded against the newest encoded edition (2020)
 * with a warning that says so (`gradingEdition`). Encoding its sub-items is a row change here.
 */
export const CRITERIA_2026: CriteriaEdition = {
  edition: '2026',
  // UNCONFIRMED: the title is assumed unchanged from the 2020 edition.
  name: '煤矿重大事故隐患判定标准',
  order: 'MEM order 21 (2026)',
  effectiveFrom: '2026-07-01',
  // UNCONFIRMED: the 15 headings are assumed unchanged; the 2026 text could not be checked.
  categories: CATEGORIES_2020,
  coverage: 'not_encoded',
  items: [],
  unconfirmed: [
    'text of the sub-items (not encoded)',
    'title and the 15 category headings (assumed as in the 2020 edition)',
  ],
};
