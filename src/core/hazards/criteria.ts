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

/** The order that issued each edition, in Chinese (`order` holds it in English). */
const ORDER_ZH: Readonly<Record<CriteriaEdition['edition'], string>> = {
  '2015': '国家安全生产监督管理总局令第85号',
  '2020': '应急管理部令第4号',
  '2026': '应急管理部令第21号',
};

const DIGITS_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as articles and items are numbered (4 → 四, 18 → 十八, 21 → 二十一). */
export function numeralZh(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = DIGITS_ZH[n % 10] ?? '';
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : (DIGITS_ZH[tens] ?? '')}十${ones}`;
}

/**
 * A sub-item cited as the regulator writes it:
 * 《煤矿重大事故隐患判定标准》（应急管理部令第4号）第四条第（六）项.
 */
export function citeCriteriaItemZh(item: CriteriaItem): string {
  const edition = CRITERIA_EDITIONS.find((e) => e.items.includes(item));
  const article = Number(
    /\d+/.exec(edition?.categories.find((c) => c.no === item.category)?.article ?? '')?.[0],
  );
  if (!edition || !Number.isInteger(article)) return item.source;
  return `《${edition.name}》（${ORDER_ZH[edition.edition]}）第${numeralZh(article)}条第（${numeralZh(item.item)}）项`;
}

export type { CriteriaCategory, CriteriaEdition, CriteriaItem } from './criteria-types.ts';
