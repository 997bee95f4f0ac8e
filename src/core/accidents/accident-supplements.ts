import { chinaDateOf } from '../china-time.ts';
import { conflict, invalidInput, refuseIssues } from '../errors.ts';
import { chainOf, gradeAccident, type AccidentGrade, type ChainRow } from './accident-grading.ts';
import type { Accident, AccidentSupplement, SupplementFigures } from './accident-types.ts';

/**
 * Supplementary reports (补报) of Order 493 art. 13 as data: "自事故发生之日起30日内，事故造成的伤亡人数
 * 发生变化的，应当及时补报。道路交通事故、火灾事故自发生之日起7日内…". The window counts whole days in
 * China Standard Time from the day after the accident's day (民法典 art. 201: the first day is not
 * counted), so it closes at the end (24:00 CST) of the accident's day + N. It is judged on the data's
 * time — when the change happened — never on the server's clock at input.
 */
export interface SupplementWindowRow {
  name: 'road_or_fire' | 'default';
  days: number;
  /** The accident types the row applies to (matched in the recorded type); empty: every other type. */
  typePattern: RegExp | null;
  source: string;
}

const ART_13 = '生产安全事故报告和调查处理条例 (国务院令第493号) 第十三条';

/** First match wins. */
export const SUPPLEMENT_WINDOWS: readonly SupplementWindowRow[] = [
  {
    name: 'road_or_fire',
    days: 7,
    typePattern: /道路交通|火灾|\broad traffic\b|\bfire\b/i,
    source: `${ART_13}第二款 (道路交通事故、火灾事故自发生之日起7日内)`,
  },
  { name: 'default', days: 30, typePattern: null, source: `${ART_13}第二款 (自事故发生之日起30日内)` },
];

export interface SupplementWindow {
  days: number;
  /** The last CST day a change may fall on (YYYY-MM-DD). */
  lastDay: string;
  /** The first instant outside the window (ISO): 00:00 CST of the day after `lastDay`. */
  closesAt: string;
  source: string;
}

const DAY_MS = 86_400_000;
const plusDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The supplement window of an accident of `type` that occurred at `occurredAt`. */
export function supplementWindow(occurredAt: string, type: string): SupplementWindow {
  const row =
    SUPPLEMENT_WINDOWS.find((r) => r.typePattern === null || r.typePattern.test(type)) ??
    SUPPLEMENT_WINDOWS[SUPPLEMENT_WINDOWS.length - 1]!;
  const lastDay = plusDays(chinaDateOf(occurredAt), row.days);
  const closesAt = new Date(Date.parse(`${plusDays(lastDay, 1)}T00:00:00+08:00`)).toISOString();
  return { days: row.days, lastDay, closesAt, source: row.source };
}

/** The window as an accident's page shows it: still open now or not. */
export interface SupplementWindowView extends SupplementWindow {
  isOpen: boolean;
}

/** Whether the window is still open at `atIso`. */
export const isWindowOpen = (w: SupplementWindow, atIso: string): boolean =>
  Date.parse(atIso) < Date.parse(w.closesAt);

export interface SupplementInput extends SupplementFigures {
  /** When the change happened (ISO). */
  changedAt: string;
  reason: string;
}

export const figuresOf = (a: SupplementFigures): SupplementFigures => ({
  deaths: a.deaths,
  missing: a.missing,
  seriousInjuries: a.seriousInjuries,
  directLossCny: a.directLossCny,
});

const sameFigures = (x: SupplementFigures, y: SupplementFigures): boolean =>
  x.deaths === y.deaths &&
  x.missing === y.missing &&
  x.seriousInjuries === y.seriousInjuries &&
  x.directLossCny === y.directLossCny;

export interface SupplementPlan {
  supplement: Omit<AccidentSupplement, 'id' | 'recordedById' | 'recordedByName'>;
  accident: Accident;
  /** Set when the supplement moves the grade (and with it the investigation level and reporting chain). */
  regrade: { before: ChainRow; after: ChainRow } | null;
}

function checkFigures(f: SupplementFigures, reason: string): void {
  const bad: string[] = [];
  for (const k of ['deaths', 'missing', 'seriousInjuries'] as const)
    if (!Number.isInteger(f[k]) || f[k] < 0) bad.push(`${k} must be a whole number ≥ 0`);
  if (!Number.isFinite(f.directLossCny) || f.directLossCny < 0)
    bad.push('directLossCny must be a number ≥ 0');
  if (reason.trim().length < 2) bad.push('reason is required');
  refuseIssues('ACCIDENT_SUPPLEMENT_INVALID', 'The supplement', bad);
}

/**
 * Plans a supplement to a register accident: the new figures replace the accident's, the grade is
 * recomputed (Order 493 art. 3). Refuses a change outside the window (naming its last day), a change
 * dated before the accident, after `now` or before the latest supplement, and a supplement that changes
 * nothing. Pure: the caller stores and audits the plan.
 */
export function planSupplement(
  accident: Accident,
  latestChangedAt: string | null,
  input: SupplementInput,
  now: string,
): SupplementPlan {
  const after = figuresOf(input);
  checkFigures(after, input.reason);
  const t = Date.parse(input.changedAt);
  const floor = latestChangedAt ?? accident.occurredAt;
  if (Number.isNaN(t) || t < Date.parse(floor) || t > Date.parse(now))
    throw invalidInput(
      'ACCIDENT_SUPPLEMENT_TIME_INVALID',
      `changedAt must be an ISO time between ${latestChangedAt === null ? 'the accident' : 'the latest supplement'} (${floor}) and now.`,
      { from: floor },
    );
  const changedAt = new Date(t).toISOString();
  const window = supplementWindow(accident.occurredAt, accident.type);
  if (!isWindowOpen(window, changedAt))
    throw conflict(
      'ACCIDENT_SUPPLEMENT_WINDOW_CLOSED',
      `Changes in casualties are supplemented within ${window.days} days of the accident (${window.source}); the window ended at the end of ${window.lastDay} (China Standard Time).`,
      { windowDays: window.days, lastDay: window.lastDay, closesAt: window.closesAt },
    );
  const before = figuresOf(accident);
  if (sameFigures(before, after))
    throw invalidInput(
      'ACCIDENT_SUPPLEMENT_NO_CHANGE',
      'The supplement repeats the figures already recorded.',
    );
  const gradeAfter: AccidentGrade = gradeAccident(after).grade;
  const regraded = gradeAfter !== accident.grade;
  return {
    supplement: {
      accidentId: accident.id,
      changedAt,
      before,
      after,
      gradeBefore: accident.grade,
      gradeAfter,
      reason: input.reason.trim(),
      recordedAt: now,
    },
    accident: { ...accident, ...after, grade: gradeAfter, regradedAt: regraded ? now : accident.regradedAt },
    regrade: regraded ? { before: chainOf(accident.grade), after: chainOf(gradeAfter) } : null,
  };
}
