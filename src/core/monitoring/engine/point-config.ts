import type { GasClass } from '../../registry/types.ts';
import type { PointThresholds } from '../alarm-evaluator.ts';
import { stricterThresholds, thresholdsFromRegulationRows } from '../evaluator-thresholds.ts';
import { resolveRegulationRows } from '../thresholds/location-classifier.ts';
import { checkMineSetting } from '../thresholds/mine-setting-check.ts';
import type { ThresholdTable } from '../thresholds/threshold-table.ts';
import type { PointDefinition } from '../upload-file/point-definition-records.ts';
import type { PointRecord } from './engine-types.ts';

/** Gas sensors: methane (incl. high/low range and laser), CO, CO2, H2S, NO2, SO2, NH3, pipe methane and CO. */
const GAS_SENSOR_TYPES = new Set([
  '0001',
  '0011',
  '0043',
  '0004',
  '0013',
  '0009',
  '0041',
  '0042',
  '0044',
  '0022',
  '0038',
]);

export function mineThresholdsOf(def: PointDefinition): PointThresholds {
  return {
    upperAlarm: def.upperAlarm,
    upperAlarmRelease: def.upperAlarmRelease,
    upperPowerCut: def.upperPowerCut,
    upperPowerRestore: def.upperPowerRestore,
    lowerAlarm: def.lowerAlarm,
    lowerAlarmRelease: def.lowerAlarmRelease,
    lowerPowerCut: def.lowerPowerCut,
    lowerPowerRestore: def.lowerPowerRestore,
  };
}

/**
 * Turns a CDDY definition into the stored point: classifies its location, finds the regulation rows,
 * holds it to the stricter of the mine's setting and the regulation, and notes every way the mine's
 * own setting is laxer than the regulation (itself something a regulator wants to see).
 */
export function configurePoint(
  def: PointDefinition,
  ctx: { id: number; mineId: string; gasClass: GasClass; table: ThresholdTable; nowMs: number },
): PointRecord {
  const own = mineThresholdsOf(def);
  const isAnalog = def.valueType === 'MN';
  const { classification, rows } = isAnalog
    ? resolveRegulationRows(ctx.table, def.sensorTypeCode, def.location, ctx.gasClass)
    : { classification: null, rows: [] };
  const regulation = rows.length > 0 ? thresholdsFromRegulationRows(rows, def.unit) : null;
  const enforced = regulation ? stricterThresholds(own, regulation) : own;
  // Pre-alarms (approaching the limit) make sense for gases; for temperature or wind speed a fixed
  // fraction of the limit is ordinary operation, so they get none.
  const effective = GAS_SENSOR_TYPES.has(def.sensorTypeCode)
    ? enforced
    : { ...enforced, upperPreAlarm: null };
  const findings: string[] = [];
  for (const row of rows) {
    for (const f of checkMineSetting(def, row).findings) findings.push(`${f.kind}: ${f.message}`);
  }
  return {
    id: ctx.id,
    mineId: ctx.mineId,
    pointCode: def.pointCode,
    systemCode: def.systemCode,
    substationCode: def.substationCode,
    sensorType: def.sensorTypeCode,
    valueType: def.valueType,
    unit: def.unit,
    location: def.location,
    locationClass: classification?.locationClass ?? null,
    onText: def.onText,
    offText: def.offText,
    rangeLow: def.rangeLow,
    rangeHigh: def.rangeHigh,
    mineThresholds: own,
    effectiveThresholds: effective,
    regulationRowIds: rows.map((r) => r.id),
    settingFindings: findings,
    powerCutFeedCodes: def.relations
      .flatMap((r) => [r.source, ...r.targets])
      .filter((e) => e?.relationCode === 'D')
      .map((e) => e!.pointCode),
    definedAt: ctx.nowMs,
    withdrawn: false,
  };
}

/** Switch-point kinds the rules care about, read from the sensor type and the point's texts. */
export type SwitchRole =
  'smoke' | 'belt_protection' | 'belt_running' | 'power_feed' | 'equipment' | 'fan' | 'other';

const BELT = /皮带|胶带|输送机/;
const PROTECTION = /打滑|跑偏|堆煤|撕裂|急停|闭锁|张力|超速|保护/;

export function switchRoleOf(
  p: Pick<PointRecord, 'sensorType' | 'location' | 'onText' | 'offText'>,
): SwitchRole {
  const text = `${p.location} ${p.onText} ${p.offText}`;
  if (p.sensorType === '1008') return 'smoke';
  if (PROTECTION.test(text) && (BELT.test(text) || p.sensorType === '1005' || p.sensorType === '1014')) {
    return 'belt_protection';
  }
  if (p.sensorType === '1004' && BELT.test(text)) return 'belt_running';
  if (p.sensorType === '1011' || p.sensorType === '1015' || p.sensorType === '1009') return 'power_feed';
  if (p.sensorType === '1004') return 'equipment';
  if (p.sensorType === '1001' || p.sensorType === '1010') return 'fan';
  return 'other';
}

export const isCoSensor = (sensorType: string): boolean => sensorType === '0004';
