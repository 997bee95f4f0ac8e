/**
 * Order 493 (生产安全事故报告和调查处理条例, State Council order 493, 2007) as data: the four accident
 * grades, the reporting chain and who investigates. "以上" includes the number and "以下" excludes it,
 * so each row is a set of inclusive lower bounds and the highest row any one measure reaches wins.
 */

import { valueList } from '../value-list.ts';

export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const ACCIDENT_GRADES = valueList('especially_major', 'major', 'larger', 'general', 'none');

export interface GradeRow {
  grade: Exclude<AccidentGrade, 'none'>;
  nameZh: string;
  /** Inclusive lower bounds: reaching any one of them sets at least this grade. */
  deathsMin: number;
  seriousInjuriesMin: number;
  directLossCnyMin: number;
  source: string;
  effectiveFrom: string;
}

const ORDER_493 = '生产安全事故报告和调查处理条例 (国务院令第493号) 第三条';

/** Highest grade first. */
export const ORDER_493_GRADES: readonly GradeRow[] = [
  {
    grade: 'especially_major',
    nameZh: '特别重大事故',
    deathsMin: 30,
    seriousInjuriesMin: 100,
    directLossCnyMin: 100_000_000,
    source: `${ORDER_493} (一)`,
    effectiveFrom: '2007-06-01',
  },
  {
    grade: 'major',
    nameZh: '重大事故',
    deathsMin: 10,
    seriousInjuriesMin: 50,
    directLossCnyMin: 50_000_000,
    source: `${ORDER_493} (二)`,
    effectiveFrom: '2007-06-01',
  },
  {
    grade: 'larger',
    nameZh: '较大事故',
    deathsMin: 3,
    seriousInjuriesMin: 10,
    directLossCnyMin: 10_000_000,
    source: `${ORDER_493} (三)`,
    effectiveFrom: '2007-06-01',
  },
  {
    grade: 'general',
    nameZh: '一般事故',
    deathsMin: 1,
    seriousInjuriesMin: 1,
    directLossCnyMin: 0.01,
    source: `${ORDER_493} (四)`,
    effectiveFrom: '2007-06-01',
  },
];

export interface Casualties {
  deaths: number;
  /**
   * Missing persons (失踪). Order 493 art. 12 has a report give the casualties "包括下落不明的人数", and
   * grading counts them with the dead (死亡(含失踪)): a missing person is not presumed alive. Absent = 0
   * (imported reference data has no such column).
   */
  missing?: number;
  /** Serious injuries including acute industrial poisoning. */
  seriousInjuries: number;
  directLossCny: number;
}

export interface GradeJudgement {
  grade: AccidentGrade;
  /** Which measures reached the grade's bound (empty for 'none'); 'deaths' counts the missing too. */
  by: Array<'deaths' | 'seriousInjuries' | 'directLossCny'>;
  source: string | null;
}

/** The deaths a grade is judged on: the dead and the missing. */
export const deathsForGrading = (c: Pick<Casualties, 'deaths' | 'missing'>): number =>
  c.deaths + (c.missing ?? 0);

/** The grade set by whichever of the three measures reaches the highest row (deaths counting the missing). */
export function gradeAccident(c: Casualties, table: readonly GradeRow[] = ORDER_493_GRADES): GradeJudgement {
  const deaths = deathsForGrading(c);
  for (const row of table) {
    const by: GradeJudgement['by'] = [];
    if (deaths >= row.deathsMin) by.push('deaths');
    if (c.seriousInjuries >= row.seriousInjuriesMin) by.push('seriousInjuries');
    if (c.directLossCny >= row.directLossCnyMin) by.push('directLossCny');
    if (by.length > 0) return { grade: row.grade, by, source: row.source };
  }
  return { grade: 'none', by: [], source: null };
}

export type ReportLevel = (typeof REPORT_LEVELS)[number];
export const REPORT_LEVELS = valueList('county', 'city', 'province', 'national');

export interface ChainRow {
  grade: AccidentGrade;
  /** The highest level the report must reach. */
  topLevel: ReportLevel;
  /** Who leads the investigation under Order 493. */
  investigationLead: 'State Council' | 'province' | 'city' | 'county';
  /** Coal-specific: the 2024 Coal Mine Safety Production Regulation gives these to the mine safety body. */
  coalInvestigator: string;
  /** Days the government has to reply to the investigation report. */
  replyDays: number;
  source: string;
}

const ART_9_10 = '条例第九条、第十条 (单位负责人1小时内报县级; 逐级上报每级不超过2小时)';
const ART_19 = '条例第十九条 (调查组织); 煤矿安全生产条例 (2024) 第六十条';

export const REPORTING_CHAIN: readonly ChainRow[] = [
  {
    grade: 'especially_major',
    topLevel: 'national',
    investigationLead: 'State Council',
    coalInvestigator: 'State Council (国务院或其授权部门)',
    replyDays: 30,
    source: `${ART_9_10}; ${ART_19}`,
  },
  {
    grade: 'major',
    topLevel: 'national',
    investigationLead: 'province',
    coalInvestigator: '国家矿山安全监察机构',
    replyDays: 15,
    source: `${ART_9_10}; ${ART_19}`,
  },
  {
    grade: 'larger',
    topLevel: 'province',
    investigationLead: 'city',
    coalInvestigator: '国家矿山安全监察机构 (省级局)',
    replyDays: 15,
    source: `${ART_9_10}; ${ART_19}`,
  },
  {
    grade: 'general',
    topLevel: 'city',
    investigationLead: 'county',
    coalInvestigator: '国家矿山安全监察机构 (省级局)',
    replyDays: 15,
    source: `${ART_9_10}; ${ART_19}`,
  },
  {
    grade: 'none',
    topLevel: 'county',
    investigationLead: 'county',
    coalInvestigator: '—',
    replyDays: 15,
    source: ART_9_10,
  },
];

/** Unit → county within 1 hour of the accident; each later level within 2 hours of the one below. */
export const FIRST_REPORT_HOURS = 1;
export const PER_LEVEL_HOURS = 2;
/** Investigation report due within 60 days, extendable once by up to 60 days (条例第二十九条). */
export const INVESTIGATION_DAYS = 60;
export const INVESTIGATION_EXTENSION_DAYS = 60;

export function chainOf(grade: AccidentGrade): ChainRow {
  const row = REPORTING_CHAIN.find((r) => r.grade === grade);
  if (!row) throw new Error(`no reporting chain row for grade ${grade}`);
  return row;
}

/** The levels a report must reach, bottom up. */
export function levelsFor(grade: AccidentGrade): ReportLevel[] {
  const top = REPORT_LEVELS.indexOf(chainOf(grade).topLevel);
  return REPORT_LEVELS.slice(0, top + 1);
}
