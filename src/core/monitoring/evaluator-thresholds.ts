/**
 * Builds the thresholds the alarm evaluator runs on. A point is held to the stricter of its mine's
 * own settings (CDDY) and the regulation row for its sensor type and location: a mine may set
 * tighter limits than the Regulations, never looser ones.
 */
import type { PointThresholds } from './alarm-evaluator.ts';
import { convertUnitValue, isForeignUnit, normaliseUnit } from './thresholds/mine-setting-check.ts';
import type { ThresholdRow } from './thresholds/threshold-table.ts';

/** A point with no limit set: every level null. */
export const NO_THRESHOLDS: PointThresholds = {
  upperAlarm: null,
  upperAlarmRelease: null,
  upperPowerCut: null,
  upperPowerRestore: null,
  lowerAlarm: null,
  lowerAlarmRelease: null,
  lowerPowerCut: null,
  lowerPowerRestore: null,
};

/**
 * Regulation rows as point thresholds in the point's unit (`unitText` as the point declares it; an
 * empty or unknown unit is taken to be the row's). Null when the units cannot be compared.
 */
export function thresholdsFromRegulationRows(
  rows: readonly ThresholdRow[],
  unitText: string,
): PointThresholds | null {
  const out: PointThresholds = { ...NO_THRESHOLDS };
  if (isForeignUnit(unitText)) return null; // a finding (checkMineSetting), never a silent misreading
  const declared = normaliseUnit(unitText);
  for (const row of rows) {
    const to = declared ?? row.unit;
    if (convertUnitValue(1, row.unit, to) === null) return null;
    const conv = (v: number | null): number | null => (v === null ? null : convertUnitValue(v, row.unit, to));
    if (row.direction === 'upper') {
      out.upperAlarm = conv(row.alarmAt);
      out.upperPowerCut = conv(row.powerCutAt);
      out.upperPowerRestore = conv(row.restoreAt);
      out.upperStrict = row.comparator === '>';
    } else {
      out.lowerAlarm = conv(row.alarmAt);
      out.lowerPowerCut = conv(row.powerCutAt);
      out.lowerPowerRestore = conv(row.restoreAt);
      out.lowerInclusive = row.comparator === '≤';
    }
  }
  return out;
}

const pick = (
  a: number | null | undefined,
  b: number | null | undefined,
  f: (x: number, y: number) => number,
) => (a === null || a === undefined ? (b ?? null) : b === null || b === undefined ? a : f(a, b));

/** The pre-alarm of two sets: absent when both are absent (the evaluator's default fraction applies). */
function pickPre(
  a: number | null | undefined,
  b: number | null | undefined,
  f: (x: number, y: number) => number,
) {
  if (a === undefined && b === undefined) return undefined;
  return pick(a, b, f);
}

/**
 * The stricter of two threshold sets, level by level: the lower of two upper levels and the higher
 * of two lower levels. A release / restore level is taken the same way and is then kept on the
 * safe side of its (possibly new) set level, so the stricter set level never clears early.
 * `b` is the regulation: where both set the same alarm level, the regulation's comparator applies
 * (a mine that writes the legal limit into its system restates the law, it does not tighten it).
 */
export function stricterThresholds(a: PointThresholds, b: PointThresholds): PointThresholds {
  const upperAlarm = pick(a.upperAlarm, b.upperAlarm, Math.min);
  const upperPowerCut = pick(a.upperPowerCut, b.upperPowerCut, Math.min);
  const lowerAlarm = pick(a.lowerAlarm, b.lowerAlarm, Math.max);
  const lowerPowerCut = pick(a.lowerPowerCut, b.lowerPowerCut, Math.max);
  const below = (reset: number | null, set: number | null): number | null =>
    reset === null || set === null ? reset : Math.min(reset, set);
  const above = (reset: number | null, set: number | null): number | null =>
    reset === null || set === null ? reset : Math.max(reset, set);
  return {
    upperAlarm,
    upperAlarmRelease: below(
      pick(a.upperAlarmRelease ?? a.upperAlarm, b.upperAlarmRelease ?? b.upperAlarm, Math.min),
      upperAlarm,
    ),
    upperPowerCut,
    upperPowerRestore: below(pick(a.upperPowerRestore, b.upperPowerRestore, Math.min), upperPowerCut),
    lowerAlarm,
    lowerAlarmRelease: above(
      pick(a.lowerAlarmRelease ?? a.lowerAlarm, b.lowerAlarmRelease ?? b.lowerAlarm, Math.max),
      lowerAlarm,
    ),
    lowerPowerCut,
    lowerPowerRestore: above(pick(a.lowerPowerRestore, b.lowerPowerRestore, Math.max), lowerPowerCut),
    upperPreAlarm: pickPre(a.upperPreAlarm, b.upperPreAlarm, Math.min),
    lowerPreAlarm: pickPre(a.lowerPreAlarm, b.lowerPreAlarm, Math.max),
    upperStrict: comparatorOf(
      a.upperAlarm ?? a.upperPowerCut,
      b.upperAlarm ?? b.upperPowerCut,
      a.upperStrict,
      b.upperStrict,
      true,
    ),
    lowerInclusive: comparatorOf(
      a.lowerAlarm ?? a.lowerPowerCut,
      b.lowerAlarm ?? b.lowerPowerCut,
      a.lowerInclusive,
      b.lowerInclusive,
      false,
    ),
  };
}

/** The comparator flag of whichever set's level was taken (b's on a tie). */
function comparatorOf(
  a: number | null | undefined,
  b: number | null | undefined,
  fa: boolean | undefined,
  fb: boolean | undefined,
  upper: boolean,
): boolean {
  if (b === null || b === undefined) return fa === true;
  if (a === null || a === undefined || a === b) return fb === true;
  return (upper ? a < b : a > b) ? fa === true : fb === true;
}
