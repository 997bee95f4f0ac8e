/**
 * Compares a mine's own threshold settings (CDDY point definition) with the regulation row for the
 * point's sensor type and location, and flags settings laxer than the regulation: an alarm or
 * power-cut level set higher than allowed (lower for lower limits), one left unset where the
 * regulation has one, or power restored at a level the regulation does not allow.
 */
import type { PointDefinition } from '../upload-file/point-definition-records.ts';
import { thresholdSensorType, type ThresholdRow, type ThresholdUnit } from './threshold-table.ts';

/** The parts of a point definition the check reads. */
export type MineThresholdSettings = Pick<
  PointDefinition,
  | 'pointCode'
  | 'sensorTypeCode'
  | 'unit'
  | 'upperAlarm'
  | 'upperAlarmRelease'
  | 'upperPowerCut'
  | 'upperPowerRestore'
  | 'lowerAlarm'
  | 'lowerAlarmRelease'
  | 'lowerPowerCut'
  | 'lowerPowerRestore'
>;

type NumericSetting = Exclude<keyof MineThresholdSettings, 'pointCode' | 'sensorTypeCode' | 'unit'>;

export type MineSettingFindingKind =
  | 'alarm-laxer'
  | 'alarm-not-set'
  | 'power-cut-laxer'
  | 'power-cut-not-set'
  | 'restore-laxer'
  | 'restore-not-set'
  | 'release-beyond-alarm'
  | 'unit-incompatible';

export interface MineSettingFinding {
  kind: MineSettingFindingKind;
  /** The CDDY field concerned. */
  field: keyof MineThresholdSettings;
  /** The mine's value, converted to the row's unit; null when not set. */
  mineValue: number | null;
  regulationValue: number | null;
  message: string;
}

export interface MineSettingCheck {
  pointCode: string;
  rowId: string;
  /** True when no finding says the setting is laxer than the regulation or unusable. */
  isCompliant: boolean;
  /** True when the point's unit text was empty or unrecognised and the row's unit was assumed. */
  isUnitAssumed: boolean;
  findings: MineSettingFinding[];
}

/**
 * A unit that names another quantity than the regulation's, though it looks alike: "%LEL" (percent of
 * the lower explosive limit; 100 %LEL is 5 % CH4) on a methane point. Read as "%" it would be judged
 * 20× too lax or too strict — so it is a finding, and the regulation's levels are not applied to it.
 */
export function isForeignUnit(text: string): boolean {
  return /lel/i.test(text.normalize('NFKC'));
}

/** Reads a unit text as written by mine systems ("%CH4", "％", "ppm", "℃", "m/s", …). */
export function normaliseUnit(text: string): ThresholdUnit | null {
  const u = text.normalize('NFKC').trim().toLowerCase();
  if (u === '' || isForeignUnit(u)) return null;
  if (u.includes('ppm')) return 'ppm';
  if (u.startsWith('%') || u === 'vol' || u.includes('ch4')) return '%';
  if (u === '℃' || u === '°c' || u === 'c' || u === '度') return '℃';
  if (u === 'm/s' || u === 'm·s-1' || u === 'm/秒' || u === '米/秒') return 'm/s';
  return null;
}

/**
 * Converts a value between threshold units (only % ↔ ppm are convertible); null when the units
 * measure different things. Divides rather than multiplying by 1/10 000 so 24 ppm is exactly 0.0024 %.
 */
export function convertUnitValue(value: number, from: ThresholdUnit, to: ThresholdUnit): number | null {
  if (from === to) return value;
  if (from === '%' && to === 'ppm') return value * 10_000;
  if (from === 'ppm' && to === '%') return value / 10_000;
  return null;
}

const EPSILON = 1e-9;
/** `a` is laxer than `b` for the direction: higher for upper limits, lower for lower limits. */
const isLaxer = (a: number, b: number, upper: boolean): boolean =>
  upper ? a > b + EPSILON * Math.max(1, Math.abs(b)) : a < b - EPSILON * Math.max(1, Math.abs(b));

/**
 * Checks one point against one regulation row. Passing a row for another sensor type is a
 * programmer error and throws.
 */
export function checkMineSetting(point: MineThresholdSettings, row: ThresholdRow): MineSettingCheck {
  if (thresholdSensorType(point.sensorTypeCode) !== row.sensorTypeCode) {
    throw new Error(`checkMineSetting: row ${row.id} does not apply to sensor type ${point.sensorTypeCode}`);
  }
  const findings: MineSettingFinding[] = [];
  const declared = normaliseUnit(point.unit);
  const isUnitAssumed = declared === null;
  const from = declared ?? row.unit;
  const base = { pointCode: point.pointCode, rowId: row.id, isUnitAssumed };
  if (isForeignUnit(point.unit) || convertUnitValue(1, from, row.unit) === null) {
    findings.push({
      kind: 'unit-incompatible',
      field: 'unit',
      mineValue: null,
      regulationValue: null,
      message: `unit "${point.unit}" cannot be compared with the regulation's ${row.unit}`,
    });
    return { ...base, isCompliant: false, findings };
  }
  const conv = (v: number | null): number | null => (v === null ? null : convertUnitValue(v, from, row.unit));
  const upper = row.direction === 'upper';
  const fields = upper
    ? ({
        alarm: 'upperAlarm',
        release: 'upperAlarmRelease',
        cut: 'upperPowerCut',
        restore: 'upperPowerRestore',
      } as const)
    : ({
        alarm: 'lowerAlarm',
        release: 'lowerAlarmRelease',
        cut: 'lowerPowerCut',
        restore: 'lowerPowerRestore',
      } as const);
  const side = upper ? 'upper' : 'lower';

  const compare = (
    field: NumericSetting,
    what: 'alarm' | 'power-cut' | 'restore',
    regulation: number | null,
  ): void => {
    if (regulation === null) return;
    const mine = conv(point[field]);
    if (mine === null) {
      findings.push({
        kind: `${what}-not-set`,
        field,
        mineValue: null,
        regulationValue: regulation,
        message: `${side} ${what} threshold not set; the regulation requires ${regulation} ${row.unit}`,
      });
    } else if (isLaxer(mine, regulation, upper)) {
      findings.push({
        kind: `${what}-laxer`,
        field,
        mineValue: mine,
        regulationValue: regulation,
        message: `${side} ${what} threshold ${mine} ${row.unit} is laxer than the regulation's ${regulation} ${row.unit}`,
      });
    }
  };
  compare(fields.alarm, 'alarm', row.alarmAt);
  // A temperature row's second level is the stop-work level (art. 655), for the regulator to watch;
  // a mine's system has no power cut to set for it.
  if (row.sensorTypeCode !== '0003') compare(fields.cut, 'power-cut', row.powerCutAt);
  compare(fields.restore, 'restore', row.restoreAt);

  const alarm = conv(point[fields.alarm]);
  const release = conv(point[fields.release]);
  if (alarm !== null && release !== null && isLaxer(release, alarm, upper)) {
    findings.push({
      kind: 'release-beyond-alarm',
      field: fields.release,
      mineValue: release,
      regulationValue: null,
      message: `${side} alarm release ${release} lies beyond the alarm threshold ${alarm}: the alarm would clear while the value is still past the alarm threshold`,
    });
  }
  return { ...base, isCompliant: findings.length === 0, findings };
}
