/**
 * CDDY, the measuring-point definition file of the national safety-monitoring upload (aqjk): a
 * 7-field header and 24-field records, in the order of domain reference §1.2 [S4][S7].
 */
import {
  RELATION_KINDS,
  VALUE_TYPES,
  lookupCode,
  type RelationKind,
  type ValueType,
} from '../sensor-code-tables.ts';
import { exactly, readSystemFields, type BasicHeader, type RecordSpec } from './upload-record-spec.ts';

/** CDDY header: `煤矿编码;煤矿名称;系统型号;系统名称;生产厂家;<date>;上传时间`. */
export interface MonitoringSystemHeader extends BasicHeader {
  systemModel: string;
  systemName: string;
  manufacturer: string;
  /** The undocumented date field, kept as text (probably the safety-mark expiry — unconfirmed). */
  certificateDateText: string;
}

/** One side of a sensor relation (`REL-pointCode[-deviceName]`). */
export interface RelationEnd {
  /** REL letter as written (表B.7). */
  relationCode: string;
  /** Null when the letter is not in 表B.7. */
  relation: RelationKind | null;
  pointCode: string;
  deviceName: string | null;
}

/**
 * One `◇`-separated group of 传感器关联关系, `REL-pointCode-deviceName:REL-pointCode`. The syntax is
 * taken from one implementation [S7]; `raw` is kept so nothing is lost when a vendor differs.
 */
export interface SensorRelation {
  raw: string;
  source: RelationEnd | null;
  targets: RelationEnd[];
}

/** CDDY record: a measuring point's definition, 24 fields. Thresholds are null when not set. */
export interface PointDefinition {
  pointCode: string;
  /** 01 safety monitoring, 02 gas-drainage monitoring. */
  systemCode: string;
  substationCode: string;
  /** 4-digit sensor type code (0001 methane, 0004 CO, 1011 feed sensor, …). */
  sensorTypeCode: string;
  valueType: ValueType;
  unit: string;
  rangeHigh: number | null;
  rangeLow: number | null;
  upperAlarm: number | null;
  upperAlarmRelease: number | null;
  lowerAlarm: number | null;
  lowerAlarmRelease: number | null;
  upperPowerCut: number | null;
  upperPowerRestore: number | null;
  lowerPowerCut: number | null;
  lowerPowerRestore: number | null;
  /** 开描述 / 停描述: the meaning of 1 / 0 for switch points. */
  onText: string;
  offText: string;
  location: string;
  x: number | null;
  y: number | null;
  z: number | null;
  relations: SensorRelation[];
  dataTimeMs: number;
}

const RELATION_END_RE = /^([A-Za-z])-([^-]+)(?:-(.*))?$/;

function parseRelationEnd(text: string): RelationEnd | null {
  const m = RELATION_END_RE.exec(text.trim());
  if (m === null) return null;
  const code = (m[1] ?? '').toUpperCase();
  return {
    relationCode: code,
    relation: lookupCode(RELATION_KINDS, code),
    pointCode: m[2] ?? '',
    deviceName: m[3] === undefined || m[3] === '' ? null : m[3],
  };
}

/**
 * Parses field 23. Never rejects the definition: a group that does not follow the syntax is kept
 * with its raw text and null/empty parts.
 */
export function parseSensorRelations(text: string): SensorRelation[] {
  if (text.trim() === '') return [];
  return text
    .split('◇')
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .map((raw) => {
      const [first, ...rest] = raw.split(':');
      return {
        raw,
        source: parseRelationEnd(first ?? ''),
        targets: rest.map(parseRelationEnd).filter((e): e is RelationEnd => e !== null),
      };
    });
}

const VALUE_TYPE_TABLE: Readonly<Record<string, ValueType>> = Object.fromEntries(
  VALUE_TYPES.map((v) => [v, v]),
);
const CDDY_FIELDS = [
  'pointCode',
  'systemCode',
  'substationCode',
  'sensorTypeCode',
  'valueType',
  'unit',
  'rangeHigh',
  'rangeLow',
  'upperAlarm',
  'upperAlarmRelease',
  'lowerAlarm',
  'lowerAlarmRelease',
  'upperPowerCut',
  'upperPowerRestore',
  'lowerPowerCut',
  'lowerPowerRestore',
  'onText',
  'offText',
  'location',
  'x',
  'y',
  'z',
  'relations',
  'dataTime',
] as const;

export const CDDY_SPEC: RecordSpec<MonitoringSystemHeader, PointDefinition> = {
  headerFields: { min: 7, max: 7 },
  recordFields: exactly(CDDY_FIELDS),
  recordFieldNames: CDDY_FIELDS,
  parseHeader: (r) => ({
    mineCode: r.digits(0, 'mineCode', 12),
    mineName: r.text(1),
    ...readSystemFields(r, 2),
    uploadedAtMs: r.time(6, 'uploadedAt'),
  }),
  parseRecord: (r) => {
    const sensorTypeCode = r.text(3);
    if (!/^\d{4}$/.test(sensorTypeCode)) {
      r.reject('sensorTypeCode', `expected a 4-digit sensor type code, got "${sensorTypeCode}"`);
    }
    const threshold = (i: number): number | null => r.threshold(i, CDDY_FIELDS[i] ?? String(i));
    return {
      pointCode: r.code(0, 'pointCode'),
      systemCode: r.digits(1, 'systemCode', 2),
      substationCode: r.code(2, 'substationCode'),
      sensorTypeCode,
      valueType: r.mapped(4, 'valueType', VALUE_TYPE_TABLE),
      unit: r.text(5),
      rangeHigh: r.optionalNumber(6, 'rangeHigh'),
      rangeLow: r.optionalNumber(7, 'rangeLow'),
      upperAlarm: threshold(8),
      upperAlarmRelease: threshold(9),
      lowerAlarm: threshold(10),
      lowerAlarmRelease: threshold(11),
      upperPowerCut: threshold(12),
      upperPowerRestore: threshold(13),
      lowerPowerCut: threshold(14),
      lowerPowerRestore: threshold(15),
      onText: r.text(16),
      offText: r.text(17),
      location: r.text(18),
      x: r.optionalNumber(19, 'x'),
      y: r.optionalNumber(20, 'y'),
      z: r.optionalNumber(21, 'z'),
      relations: parseSensorRelations(r.text(22)),
      dataTimeMs: r.time(23, 'dataTime'),
    };
  },
};
