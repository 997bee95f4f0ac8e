/**
 * Record types and layouts of the national safety-monitoring upload files (aqjk) other than CDDY
 * (see point-definition-records.ts): CDSS real-time values, YCBJ alarm records, TJSJ statistics,
 * FZDY/FZSS substations. Field order follows domain reference §1.2 [S5][S6][S7]. Times are epoch ms
 * read as UTC+8.
 */
import {
  ANOMALY_TYPES,
  SUBSTATION_POWER_STATES,
  SUBSTATION_RUN_STATES,
  lookupCode,
  type AnomalyKind,
  type SubstationPowerState,
  type SubstationRunState,
} from '../sensor-code-tables.ts';
import type { FieldReader } from './upload-field-reader.ts';
import {
  BASIC_HEADER_FIELDS,
  basicRecordSpec,
  parseBasicHeader,
  type BasicHeader,
  type RecordSpec,
} from './upload-record-spec.ts';

/** CDSS record: one real-time reading. */
export interface PointReading {
  pointCode: string;
  sensorTypeName: string;
  location: string;
  /** Null when the field is empty (a faulted sensor may send no value). */
  value: number | null;
  unit: string;
  /** 测点状态 bitmask (see POINT_STATUS). */
  statusBits: number;
  dataTimeMs: number;
}

/** YCBJ record: an abnormal/alarm episode. Merge re-sent records on pointCode + startMs + anomalyCode. */
export interface AnomalyRecord {
  pointCode: string;
  sensorTypeName: string;
  location: string;
  unit: string;
  anomalyCode: string;
  /** Null for a 3-digit code outside the known table. */
  anomaly: AnomalyKind | null;
  startMs: number;
  /** Null while the episode is still open. */
  endMs: number | null;
  maxValue: number | null;
  maxAtMs: number | null;
  minValue: number | null;
  minAtMs: number | null;
  averageValue: number | null;
  cause: string;
  measures: string;
  enteredAtMs: number | null;
  enteredBy: string;
  dataTimeMs: number;
}

/** TJSJ record (column order from [S7]'s table; file order and period unconfirmed). */
export interface PointStatistics {
  pointCode: string;
  sensorTypeName: string;
  location: string;
  unit: string;
  startMs: number;
  endMs: number;
  maxValue: number | null;
  maxAtMs: number | null;
  minValue: number | null;
  minAtMs: number | null;
  averageValue: number | null;
  dataTimeMs: number;
}

/**
 * FZDY record. The full field list is unconfirmed: we read code and location first and X, Y, Z and
 * data time last; anything in between is kept in `extraFields`.
 */
export interface SubstationDefinition {
  substationCode: string;
  location: string;
  x: number | null;
  y: number | null;
  z: number | null;
  extraFields: string[];
  dataTimeMs: number;
}

/** FZSS record: substation run and power-supply state. */
export interface SubstationStatus {
  substationCode: string;
  runState: SubstationRunState;
  powerState: SubstationPowerState;
  dataTimeMs: number;
}

/** The extremes of a period (YCBJ, TJSJ): maximum and minimum with their times, and the average. */
const EXTREME_FIELDS = ['maxValue', 'maxAt', 'minValue', 'minAt', 'averageValue'] as const;

function readExtremes(
  r: FieldReader,
  from: number,
): Pick<PointStatistics, 'maxValue' | 'maxAtMs' | 'minValue' | 'minAtMs' | 'averageValue'> {
  return {
    maxValue: r.optionalNumber(from, 'maxValue'),
    maxAtMs: r.optionalTime(from + 1, 'maxAt'),
    minValue: r.optionalNumber(from + 2, 'minValue'),
    minAtMs: r.optionalTime(from + 3, 'minAt'),
    averageValue: r.optionalNumber(from + 4, 'averageValue'),
  };
}

const CDSS_FIELDS = [
  'pointCode',
  'sensorTypeName',
  'location',
  'value',
  'unit',
  'status',
  'dataTime',
] as const;

export const CDSS_SPEC = basicRecordSpec<PointReading>(CDSS_FIELDS, (r) => ({
  pointCode: r.code(0, 'pointCode'),
  sensorTypeName: r.text(1),
  location: r.text(2),
  value: r.optionalNumber(3, 'value'),
  unit: r.text(4),
  statusBits: r.integer(5, 'status', 0, 0xffff),
  dataTimeMs: r.time(6, 'dataTime'),
}));

const YCBJ_FIELDS = [
  'pointCode',
  'sensorTypeName',
  'location',
  'unit',
  'anomalyType',
  'start',
  'end',
  ...EXTREME_FIELDS,
  'cause',
  'measures',
  'enteredAt',
  'enteredBy',
  'dataTime',
] as const;

export const YCBJ_SPEC = basicRecordSpec<AnomalyRecord>(YCBJ_FIELDS, (r) => {
  const anomalyCode = r.digits(4, 'anomalyType', 3);
  return {
    pointCode: r.code(0, 'pointCode'),
    sensorTypeName: r.text(1),
    location: r.text(2),
    unit: r.text(3),
    anomalyCode,
    anomaly: lookupCode(ANOMALY_TYPES, anomalyCode),
    startMs: r.time(5, 'start'),
    endMs: r.optionalTime(6, 'end'),
    ...readExtremes(r, 7),
    cause: r.text(12),
    measures: r.text(13),
    enteredAtMs: r.optionalTime(14, 'enteredAt'),
    enteredBy: r.text(15),
    dataTimeMs: r.time(16, 'dataTime'),
  };
});

const TJSJ_FIELDS = [
  'pointCode',
  'sensorTypeName',
  'location',
  'unit',
  'start',
  'end',
  ...EXTREME_FIELDS,
  'dataTime',
] as const;

export const TJSJ_SPEC = basicRecordSpec<PointStatistics>(TJSJ_FIELDS, (r) => ({
  pointCode: r.code(0, 'pointCode'),
  sensorTypeName: r.text(1),
  location: r.text(2),
  unit: r.text(3),
  startMs: r.time(4, 'start'),
  endMs: r.time(5, 'end'),
  ...readExtremes(r, 6),
  dataTimeMs: r.time(11, 'dataTime'),
}));

const FZDY_FIELDS = ['substationCode', 'location', 'x', 'y', 'z', 'dataTime'] as const;

export const FZDY_SPEC: RecordSpec<BasicHeader, SubstationDefinition> = {
  headerFields: BASIC_HEADER_FIELDS,
  recordFields: { min: FZDY_FIELDS.length, max: 32 },
  recordFieldNames: FZDY_FIELDS,
  parseHeader: parseBasicHeader,
  parseRecord: (r) => {
    const n = r.count;
    const extraFields: string[] = [];
    for (let i = 2; i < n - 4; i++) extraFields.push(r.text(i));
    return {
      substationCode: r.code(0, 'substationCode'),
      location: r.text(1),
      x: r.optionalNumber(n - 4, 'x'),
      y: r.optionalNumber(n - 3, 'y'),
      z: r.optionalNumber(n - 2, 'z'),
      extraFields,
      dataTimeMs: r.time(n - 1, 'dataTime'),
    };
  },
};

const FZSS_FIELDS = ['substationCode', 'runState', 'powerState', 'dataTime'] as const;

export const FZSS_SPEC = basicRecordSpec<SubstationStatus>(FZSS_FIELDS, (r) => ({
  substationCode: r.code(0, 'substationCode'),
  runState: r.mapped(1, 'runState', SUBSTATION_RUN_STATES),
  powerState: r.mapped(2, 'powerState', SUBSTATION_POWER_STATES),
  dataTimeMs: r.time(3, 'dataTime'),
}));
