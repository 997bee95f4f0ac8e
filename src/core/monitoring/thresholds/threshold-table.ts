/**
 * The regulation threshold table as versioned data: one row per sensor type × location class ×
 * direction, each citing its source. A new edition of the Regulations is a new `ThresholdTable`,
 * chosen by `selectThresholdTable` for the date being judged — not a code change.
 */
import type { GasClass } from '../../registry/types.ts';

/** Location classes, across sensor families (the classifier only returns those its family uses). */
export type LocationClass =
  // methane (0001; 0011 and 0043 share its rows)
  | 'upper-corner-t0'
  | 'face-t1'
  | 'face-t1-outburst'
  | 'face-return-t2'
  | 'face-intake-t3'
  | 'serial-face-intake-t4'
  | 'drainage-roadway-t7'
  | 'mixed-return-t8'
  | 'return-roadway-middle'
  | 'shearer'
  | 'heading-t1'
  | 'heading-return-t2'
  | 'heading-intake'
  | 'heading-machine'
  | 'district-return'
  | 'main-return'
  | 'electrical-chamber'
  | 'vehicle'
  | 'trolley-loading-point'
  | 'heading-middle'
  | 'belt-shaft-return'
  | 'serial-heading-before-fan'
  | 'temp-drainage-station'
  | 'surface-drainage-pump-house'
  | 'prep-plant'
  | 'coal-bunker'
  // CO2 (also main-return, working-face)
  | 'intake'
  | 'return'
  // O2: the only location the Regulations set a limit for
  | 'face-intake'
  // temperature (also electrical-chamber)
  | 'working-face'
  | 'shaft-bottom-intake'
  // wind speed (also main-roadway etc.)
  | 'shaft-no-hoisting'
  | 'materials-shaft'
  | 'air-bridge'
  | 'men-materials-shaft'
  | 'main-roadway'
  | 'trolley-roadway'
  | 'conveyor-or-district-roadway'
  | 'coal-face-or-coal-heading'
  | 'fully-mechanised-face'
  | 'rock-heading'
  | 'other-walkway'
  // location-independent limits (CO, O2, H2S, NO2, SO2, NH3)
  | 'general'
  // no rule recognised the location: the sensor family's conservative default row
  | 'unclassified';

/** 'upper': the value must stay below the limit; 'lower': the value must stay at or above it. */
export type LimitDirection = 'upper' | 'lower';
export type ThresholdUnit = '%' | 'ppm' | '℃' | 'm/s';
/**
 * How the regulation words the limit. Art. 498's table: alarm / power-cut "≥", restore "<". "Must not
 * exceed X" (不得超过, 超过…时) means X itself is compliant: ">". "Must not be below X" (不得低于): "<";
 * "at most X" as a lower limit would be "≤".
 */
export type LimitComparator = '≥' | '>' | '<' | '≤';

export interface ThresholdRow {
  /** Stable id, `<sensor type code>/<location class>/<direction>`. */
  id: string;
  sensorTypeCode: string;
  locationClass: LocationClass;
  locationZh: string;
  locationEn: string;
  direction: LimitDirection;
  /** The comparator of the alarm and power-cut (or stop-work) levels, as the regulation words them. */
  comparator: LimitComparator;
  unit: ThresholdUnit;
  /** Alarm at value ≥ this (upper) or < this (lower); null when the regulation sets none. */
  alarmAt: number | null;
  /**
   * Power-cut at value ≥ this (upper) or < this (lower); null when the regulation sets none. For
   * temperature rows this is the stop-work level (work stops, people withdraw), not a power cut.
   */
  powerCutAt: number | null;
  /** Power may be restored only below this (upper) or at/above it (lower). */
  restoreAt: number | null;
  /** Where non-intrinsically-safe equipment is de-energised, as the table says. */
  powerCutScope: string | null;
  /** Gas classes the regulation names for this row; null = all mines. */
  gasClasses: readonly GasClass[] | null;
  /** Article / standard and the domain reference section with its source tag. */
  source: string;
  /** The article the row comes from, e.g. "第498条" (empty for Redline's own fallback rows). */
  article: string;
  edition: string;
  /** ISO date (YYYY-MM-DD) from which the edition applies. */
  effectiveFrom: string;
  /** True where the domain reference marks the value as unconfirmed. */
  unconfirmed: boolean;
  /** True for the "unclassified" fallbacks, which are our choice, not a regulation row. */
  isDerivedDefault: boolean;
  note: string | null;
}

export interface ThresholdTable {
  edition: string;
  effectiveFrom: string;
  rows: readonly ThresholdRow[];
}

/**
 * Sensor types that share another type's rows: high/low-range methane (0011) and laser methane
 * (0043) measure the same gas as 0001.
 */
export const THRESHOLD_SENSOR_ALIASES: Readonly<Record<string, string>> = { '0011': '0001', '0043': '0001' };

export function thresholdSensorType(sensorTypeCode: string): string {
  return THRESHOLD_SENSOR_ALIASES[sensorTypeCode] ?? sensorTypeCode;
}

/** The edition in force on `onDate` (ISO YYYY-MM-DD): the latest whose effectiveFrom ≤ onDate. */
export function selectThresholdTable(
  tables: readonly ThresholdTable[],
  onDate: string,
): ThresholdTable | null {
  let best: ThresholdTable | null = null;
  for (const t of tables) {
    if (t.effectiveFrom <= onDate && (best === null || t.effectiveFrom > best.effectiveFrom)) best = t;
  }
  return best;
}

/**
 * Rows for a sensor type and location class (an upper and/or a lower limit). With `gasClass`, a row
 * the regulation limits to some gas classes (T3: outburst mines; the middle of a return or a heading:
 * high-gas and outburst mines) applies only to a mine of one of them.
 */
export function findThresholdRows(
  table: ThresholdTable,
  sensorTypeCode: string,
  locationClass: LocationClass,
  gasClass?: GasClass,
): ThresholdRow[] {
  const type = thresholdSensorType(sensorTypeCode);
  return table.rows.filter(
    (r) =>
      r.sensorTypeCode === type &&
      r.locationClass === locationClass &&
      (gasClass === undefined || r.gasClasses === null || r.gasClasses.includes(gasClass)),
  );
}

/** True when the table has any rows for the sensor type. */
export function hasThresholdRows(table: ThresholdTable, sensorTypeCode: string): boolean {
  const type = thresholdSensorType(sensorTypeCode);
  return table.rows.some((r) => r.sensorTypeCode === type);
}

/** Builds a row id. */
export function thresholdRowId(
  sensorTypeCode: string,
  locationClass: LocationClass,
  direction: LimitDirection,
): string {
  return `${sensorTypeCode}/${locationClass}/${direction}`;
}
