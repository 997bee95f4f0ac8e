/** A major-hazard criteria edition as data: categories and sub-items, each citing its article. */

export interface CriteriaCategory {
  /** 1–15, the order of the standard. */
  no: number;
  /** The article of the standard that defines the category, e.g. "art. 4". */
  article: string;
  titleZh: string;
  titleEn: string;
}

export interface CriteriaItem {
  /** "<edition>-<category>-<item>", e.g. "2020-15-8". */
  id: string;
  category: number;
  item: number;
  textEn: string;
  /** Where the row comes from: standard, article and paragraph. */
  source: string;
  /** True when the wording could not be confirmed against the published text. */
  unconfirmed?: boolean;
}

export interface CriteriaEdition {
  edition: '2015' | '2020' | '2026';
  name: string;
  /** The order that issued it. */
  order: string;
  /** First day in force (YYYY-MM-DD). */
  effectiveFrom: string;
  categories: readonly CriteriaCategory[];
  items: readonly CriteriaItem[];
  /**
   * What the table holds: the whole edition, only the rows that differ from the next edition, or none
   * of its text yet (`not_encoded`: known to be in force, its wording not available to encode).
   */
  coverage: 'complete' | 'differences' | 'not_encoded';
  /** Facts about the edition itself that could not be confirmed against its published text. */
  unconfirmed?: readonly string[];
}
