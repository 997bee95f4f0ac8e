/**
 * Shorthand for writing threshold rows as data: every row of one edition gets the same edition and
 * effective date, ids are derived, and omitted levels are null.
 */
import type { GasClass } from '../../registry/types.ts';
import {
  thresholdRowId,
  type LimitComparator,
  type LimitDirection,
  type LocationClass,
  type ThresholdRow,
  type ThresholdUnit,
} from './threshold-table.ts';

export const DERIVED_DEFAULT_SOURCE =
  'Redline default for unrecognised locations; derived from domain §2, not a regulation row';

export interface ThresholdRowInput {
  type: string;
  cls: LocationClass;
  zh: string;
  en: string;
  /** Default 'upper'. */
  dir?: LimitDirection;
  /** Default: '≥' for an upper limit (art. 498's wording), '<' for a lower one. */
  op?: LimitComparator;
  /** The article, e.g. "第498条"; required unless the row is derived. */
  article?: string;
  unit: ThresholdUnit;
  alarm: number | null;
  cut?: number | null;
  restore?: number | null;
  scope?: string | null;
  gas?: readonly GasClass[] | null;
  source: string;
  unconfirmed?: boolean;
  /** Marks a Redline fallback row; its source is replaced by DERIVED_DEFAULT_SOURCE. */
  derived?: boolean;
  note?: string | null;
}

/** Returns a row builder stamping `edition` and `effectiveFrom` on every row. */
export function createThresholdRowBuilder(
  edition: string,
  effectiveFrom: string,
): (input: ThresholdRowInput) => ThresholdRow {
  return (i) => {
    const direction = i.dir ?? 'upper';
    return {
      id: thresholdRowId(i.type, i.cls, direction),
      sensorTypeCode: i.type,
      locationClass: i.cls,
      locationZh: i.zh,
      locationEn: i.en,
      direction,
      comparator: i.op ?? (direction === 'upper' ? '≥' : '<'),
      unit: i.unit,
      alarmAt: i.alarm,
      powerCutAt: i.cut ?? null,
      restoreAt: i.restore ?? null,
      powerCutScope: i.scope ?? null,
      gasClasses: i.gas ?? null,
      source: i.derived === true ? DERIVED_DEFAULT_SOURCE : i.source,
      article: i.derived === true ? '' : (i.article ?? ''),
      edition,
      effectiveFrom,
      unconfirmed: i.unconfirmed ?? false,
      isDerivedDefault: i.derived ?? false,
      note: i.note ?? null,
    };
  };
}
