/**
 * Renders records back into the national upload text format (domain §1.1–§1.3): `;` between
 * fields, `~` after every record, `||` at the end, the header record first, times as
 * `yyyy-MM-dd HH:mm:ss` China Standard Time (UTC+8), file name `<mineCode>_<TYPE>_<yyyyMMddHHmmss>.txt`.
 * The exact inverse of `parseUploadFile` for every type it parses: a rendered file parses back to
 * equal records (times to the second; text fields trimmed; `;`, `~` and `|` inside text replaced by
 * their full-width forms so they cannot break the framing).
 */
import {
  SUBSTATION_POWER_STATES,
  SUBSTATION_RUN_STATES,
  type SubstationPowerState,
  type SubstationRunState,
} from '../../core/monitoring/sensor-code-tables.ts';
import type { InOutFlag } from '../../core/monitoring/upload-file/personnel-records.ts';
import { formatChinaStandardTime } from '../../core/monitoring/upload-file/upload-field-reader.ts';
import type { UploadFileType } from '../../core/monitoring/upload-file/upload-file-name.ts';
import type { UploadRecordByType } from '../../core/monitoring/upload-file/upload-file-parser.ts';
import type { PersonPosition } from '../../core/monitoring/upload-file/personnel-records.ts';
import type {
  AnomalyRecord,
  PointReading,
} from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import type { MineLayout } from './mine-layout.ts';

export interface UploadHeaderInput {
  mineCode: string;
  mineName: string;
  /** 上传时间, epoch ms (written to the second). */
  uploadTimeMs: number;
  /** CDDY and RYXX headers. */
  systemModel?: string;
  systemName?: string;
  manufacturer?: string;
  /** The undocumented date field of CDDY/RYXX headers, as text. */
  certificateDateText?: string;
  /** The undocumented number of the RYXX header (probably the approved maximum underground). */
  headerNumber?: number | null;
}

export interface RenderedUploadFile {
  name: string;
  text: string;
}

type Field = string | number | boolean | null;

const text = (s: string): string =>
  s
    .replace(/;/g, '；')
    .replace(/~/g, '～')
    .replace(/\|/g, '｜')
    .replace(/[\r\n]+/g, ' ');
const num = (n: number | null): string => (n === null || !Number.isFinite(n) ? '' : String(n));
const time = (ms: number | null): string =>
  ms === null || !Number.isFinite(ms) ? '' : formatChinaStandardTime(ms);

function invert<T extends string>(table: Readonly<Record<string, T>>): (value: T) => string {
  const back = new Map(Object.entries(table).map(([code, v]) => [v, code]));
  return (value) => back.get(value) ?? '9';
}
const runCode: (v: SubstationRunState) => string = invert(SUBSTATION_RUN_STATES);
const powerCode: (v: SubstationPowerState) => string = invert(SUBSTATION_POWER_STATES);
const IN_OUT_CODES: Readonly<Record<InOutFlag, string>> = { unspecified: '0', underground: '1', out: '2' };

/** A period's fields (YCBJ, TJSJ), in file order: start, end, maximum and minimum with their times, average. */
const periodFields = (
  r: Pick<
    AnomalyRecord,
    'startMs' | 'endMs' | 'maxValue' | 'maxAtMs' | 'minValue' | 'minAtMs' | 'averageValue'
  >,
): Field[] => [
  time(r.startMs),
  time(r.endMs),
  num(r.maxValue),
  time(r.maxAtMs),
  num(r.minValue),
  time(r.minAtMs),
  num(r.averageValue),
];

/** Fields of one record, in file order. Strings are text (sanitised); times are pre-formatted. */
const RECORD_FIELDS: { [K in UploadFileType]: (r: UploadRecordByType[K]) => Field[] } = {
  CDDY: (r) => [
    r.pointCode,
    r.systemCode,
    r.substationCode,
    r.sensorTypeCode,
    r.valueType,
    text(r.unit),
    num(r.rangeHigh),
    num(r.rangeLow),
    num(r.upperAlarm),
    num(r.upperAlarmRelease),
    num(r.lowerAlarm),
    num(r.lowerAlarmRelease),
    num(r.upperPowerCut),
    num(r.upperPowerRestore),
    num(r.lowerPowerCut),
    num(r.lowerPowerRestore),
    text(r.onText),
    text(r.offText),
    text(r.location),
    num(r.x),
    num(r.y),
    num(r.z),
    text(r.relations.map((g) => g.raw).join('◇')),
    time(r.dataTimeMs),
  ],
  CDSS: (r) => [
    r.pointCode,
    text(r.sensorTypeName),
    text(r.location),
    num(r.value),
    text(r.unit),
    r.statusBits,
    time(r.dataTimeMs),
  ],
  YCBJ: (r) => [
    r.pointCode,
    text(r.sensorTypeName),
    text(r.location),
    text(r.unit),
    r.anomalyCode,
    ...periodFields(r),
    text(r.cause),
    text(r.measures),
    time(r.enteredAtMs),
    text(r.enteredBy),
    time(r.dataTimeMs),
  ],
  TJSJ: (r) => [
    r.pointCode,
    text(r.sensorTypeName),
    text(r.location),
    text(r.unit),
    ...periodFields(r),
    time(r.dataTimeMs),
  ],
  FZDY: (r) => [
    r.substationCode,
    text(r.location),
    ...r.extraFields.map(text),
    num(r.x),
    num(r.y),
    num(r.z),
    time(r.dataTimeMs),
  ],
  FZSS: (r) => [r.substationCode, runCode(r.runState), powerCode(r.powerState), time(r.dataTimeMs)],
  RYQY: (r) => [text(r.areaType), r.areaCode, r.approvedHeadcount, text(r.areaName)],
  RYJZ: (r) => [r.stationCode, text(r.stationName), ...r.unconfirmedFields.map(text), text(r.description)],
  JZSS: (r) => [r.stationCode, runCode(r.runState), powerCode(r.powerState), time(r.dataTimeMs)],
  RYXX: (r) => [
    r.cardCode,
    text(r.name),
    text(r.workType),
    text(r.position ?? '未设置'),
    text(r.team),
    text(r.dateText),
    text(r.unknownText),
    r.isMineLeader,
    r.isSpecialWorker,
  ],
  RYSS: (r) => [
    r.cardCode,
    text(r.name),
    IN_OUT_CODES[r.inOut],
    time(r.enteredMineAtMs),
    time(r.exitedMineAtMs),
    r.areaCode ?? '',
    time(r.enteredAreaAtMs),
    r.stationCode ?? '',
    time(r.enteredStationAtMs),
    text(r.shiftPattern),
    num(r.distanceToStationM),
    text(r.workState),
    r.isMineLeader,
    r.isSpecialWorker,
    r.track.map((p) => `${p.stationCode}&${formatChinaStandardTime(p.atMs)}`).join(','),
  ],
  RYCS: (r) => r.fields.map(text),
  RYCY: (r) => r.fields.map(text),
  RYXZ: (r) => r.fields.map(text),
  RYQJ: (r) => r.fields.map(text),
};

function headerFields(type: UploadFileType, h: UploadHeaderInput): Field[] {
  const uploaded = time(h.uploadTimeMs);
  const system = [text(h.systemModel ?? 'KJ-SIM'), text(h.systemName ?? ''), text(h.manufacturer ?? '')];
  if (type === 'CDDY') {
    return [h.mineCode, text(h.mineName), ...system, text(h.certificateDateText ?? ''), uploaded];
  }
  if (type === 'RYXX') {
    const s = [system[0] ?? '', text(h.systemName ?? '煤矿井下人员定位系统'), system[2] ?? ''];
    return [
      h.mineCode,
      text(h.mineName),
      num(h.headerNumber ?? null),
      ...s,
      text(h.certificateDateText ?? ''),
      uploaded,
    ];
  }
  return [h.mineCode, text(h.mineName), uploaded];
}

const field = (f: Field): string => (typeof f === 'boolean' ? (f ? '1' : '0') : f === null ? '' : String(f));

/** `<mineCode>_<TYPE>_<yyyyMMddHHmmss>.txt`, the time in China Standard Time. */
export function uploadFileName(mineCode: string, type: UploadFileType, uploadTimeMs: number): string {
  return `${mineCode}_${type}_${formatChinaStandardTime(uploadTimeMs).replace(/[- :]/g, '')}.txt`;
}

/** Renders one upload file of `type` with its header and records. */
export function renderUploadFile<K extends UploadFileType>(
  type: K,
  header: UploadHeaderInput,
  records: readonly UploadRecordByType[K][],
): RenderedUploadFile {
  const render = RECORD_FIELDS[type] as (r: UploadRecordByType[K]) => Field[];
  const parts = [headerFields(type, header).map(field).join(';')];
  for (const r of records) parts.push(render(r).map(field).join(';'));
  return {
    name: uploadFileName(header.mineCode, type, header.uploadTimeMs),
    text: parts.map((p) => `${p}~`).join('') + '||',
  };
}

/**
 * The definition files of a simulated mine: CDDY points, RYQY areas, RYJZ stations, RYXX persons —
 * what a mine uploads at start-up and after changes.
 */
export function renderLayoutFiles(layout: MineLayout, uploadTimeMs: number): RenderedUploadFile[] {
  const header = { mineCode: layout.mineCode, mineName: layout.mineName, uploadTimeMs };
  return [
    renderUploadFile('CDDY', { ...header, systemName: '煤矿安全监控系统' }, layout.points),
    renderUploadFile('RYQY', header, layout.areas),
    renderUploadFile('RYJZ', header, layout.stations),
    renderUploadFile('RYXX', { ...header, headerNumber: layout.approvedMaxUnderground }, layout.persons),
  ];
}

/** The real-time files of one mine for one poll: CDSS readings and the RYSS snapshot. */
export function renderPollFiles(
  mine: { mineCode: string; mineName: string },
  uploadTimeMs: number,
  readings: readonly PointReading[],
  positions: readonly PersonPosition[],
): RenderedUploadFile[] {
  const header = { mineCode: mine.mineCode, mineName: mine.mineName, uploadTimeMs };
  return [renderUploadFile('CDSS', header, readings), renderUploadFile('RYSS', header, positions)];
}
