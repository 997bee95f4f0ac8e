/**
 * Record types and layouts of the national personnel-position upload files (rydw): RYQY areas, RYJZ
 * base stations, JZSS station status, RYXX persons, RYSS positions. Field order follows domain
 * reference §1.3 [S2][S3]; code lengths follow [S3]: card = mine code + 5 digits (17), area = mine
 * code + 4 (16), station = area code + 6 (22).
 */
import {
  SUBSTATION_POWER_STATES,
  SUBSTATION_RUN_STATES,
  type SubstationPowerState,
  type SubstationRunState,
} from '../sensor-code-tables.ts';
import { parseChinaStandardTime, type FieldReader } from './upload-field-reader.ts';
import {
  BASIC_HEADER_FIELDS,
  basicRecordSpec,
  exactly,
  parseBasicHeader,
  readSystemFields,
  type BasicHeader,
  type RecordSpec,
} from './upload-record-spec.ts';

export const PERSON_CARD_DIGITS = 17;
export const AREA_CODE_DIGITS = 16;
export const STATION_CODE_DIGITS = 22;

/** RYXX header: `煤矿编码;煤矿名称;<number>;系统型号;系统名称;生产厂家;<date>;上传时间`. */
export interface PersonnelSystemHeader extends BasicHeader {
  /** The undocumented number (e.g. 500); probably the approved maximum underground — unconfirmed. */
  headerNumber: number | null;
  systemModel: string;
  systemName: string;
  manufacturer: string;
  /** The undocumented date, kept as text (probably the safety-mark expiry — unconfirmed). */
  certificateDateText: string;
}

/** RYQY record: an area with its approved headcount (核定人数). */
export interface PersonnelArea {
  /** 区域类型 as written, e.g. "其它区域", "重点区域", "限制区域". */
  areaType: string;
  areaCode: string;
  approvedHeadcount: number;
  areaName: string;
}

/** RYJZ record: a base station. */
export interface BaseStation {
  stationCode: string;
  /** The first 16 digits of the station code. */
  areaCode: string;
  stationName: string;
  /** Three fields the reference parser ignores (fake data: 0;0;0, probably coordinates — unconfirmed). */
  unconfirmedFields: [string, string, string];
  description: string;
}

/** JZSS record: base-station run and power state (same code tables as FZSS). */
export interface BaseStationStatus {
  stationCode: string;
  runState: SubstationRunState;
  powerState: SubstationPowerState;
  dataTimeMs: number;
}

/** RYXX record: a person holding a card. */
export interface Person {
  cardCode: string;
  name: string;
  workType: string;
  /** 职务; null when "未设置" (not set) or empty. */
  position: string | null;
  team: string;
  /** Undocumented date (fake data shows a birth date), kept as text. */
  dateText: string;
  /** Undocumented field, kept as text. */
  unknownText: string;
  isMineLeader: boolean;
  isSpecialWorker: boolean;
}

/** 出入井标志: 1 underground, 2 came out; 0 is allowed but its meaning is unconfirmed. */
export type InOutFlag = 'underground' | 'out' | 'unspecified';
const IN_OUT_FLAGS: Readonly<Record<string, InOutFlag>> = {
  '0': 'unspecified',
  '1': 'underground',
  '2': 'out',
};

export interface TrackPoint {
  stationCode: string;
  atMs: number;
}

/** RYSS record: where one person is (RYSS files are full snapshots). */
export interface PersonPosition {
  cardCode: string;
  name: string;
  inOut: InOutFlag;
  enteredMineAtMs: number | null;
  exitedMineAtMs: number | null;
  /** Null when empty (e.g. someone who has come out). */
  areaCode: string | null;
  enteredAreaAtMs: number | null;
  /** Null when empty. */
  stationCode: string | null;
  enteredStationAtMs: number | null;
  /** 劳动组织方式, e.g. "三八制" (three 8-hour shifts). */
  shiftPattern: string;
  /** Signed distance to the station in metres; null when empty. */
  distanceToStationM: number | null;
  /** 人员工作状态, e.g. "正常". */
  workState: string;
  isMineLeader: boolean;
  isSpecialWorker: boolean;
  /** 行进轨迹, oldest first as written. */
  track: TrackPoint[];
}

const STATION_CODE_RE = new RegExp(`^\\d{${STATION_CODE_DIGITS}}$`);

/** `基站编码&时刻,基站编码&时刻,…`; returns a reason string for the first bad item. */
export function parseTrack(text: string): TrackPoint[] | string {
  if (text.trim() === '') return [];
  const track: TrackPoint[] = [];
  const items = text.split(',');
  for (const [i, item] of items.entries()) {
    const [station = '', time = '', ...more] = item.trim().split('&');
    const atMs = parseChinaStandardTime(time.trim());
    if (more.length > 0 || !STATION_CODE_RE.test(station.trim()) || atMs === null) {
      return `item ${i + 1} "${item}": expected <${STATION_CODE_DIGITS}-digit station code>&<yyyy-MM-dd HH:mm:ss>`;
    }
    track.push({ stationCode: station.trim(), atMs });
  }
  return track;
}

const RYQY_FIELDS = ['areaType', 'areaCode', 'approvedHeadcount', 'areaName'] as const;

export const RYQY_SPEC = basicRecordSpec<PersonnelArea>(RYQY_FIELDS, (r) => ({
  areaType: r.text(0),
  areaCode: r.digits(1, 'areaCode', AREA_CODE_DIGITS),
  approvedHeadcount: r.integer(2, 'approvedHeadcount', 0, 1_000_000),
  areaName: r.text(3),
}));

const RYJZ_FIELDS = [
  'stationCode',
  'stationName',
  'unconfirmed1',
  'unconfirmed2',
  'unconfirmed3',
  'description',
];

export const RYJZ_SPEC = basicRecordSpec<BaseStation>(RYJZ_FIELDS, (r) => {
  const stationCode = r.digits(0, 'stationCode', STATION_CODE_DIGITS);
  return {
    stationCode,
    areaCode: stationCode.slice(0, AREA_CODE_DIGITS),
    stationName: r.text(1),
    unconfirmedFields: [r.text(2), r.text(3), r.text(4)],
    description: r.text(5),
  };
});

const JZSS_FIELDS = ['stationCode', 'runState', 'powerState', 'dataTime'] as const;

export const JZSS_SPEC = basicRecordSpec<BaseStationStatus>(JZSS_FIELDS, (r) => ({
  stationCode: r.digits(0, 'stationCode', STATION_CODE_DIGITS),
  runState: r.mapped(1, 'runState', SUBSTATION_RUN_STATES),
  powerState: r.mapped(2, 'powerState', SUBSTATION_POWER_STATES),
  dataTimeMs: r.time(3, 'dataTime'),
}));

const RYXX_FIELDS = [
  'cardCode',
  'name',
  'workType',
  'position',
  'team',
  'date',
  'unknown',
  'isMineLeader',
  'isSpecialWorker',
] as const;

export const RYXX_SPEC: RecordSpec<PersonnelSystemHeader, Person> = {
  headerFields: { min: 8, max: 8 },
  recordFields: exactly(RYXX_FIELDS),
  recordFieldNames: RYXX_FIELDS,
  parseHeader: (r) => ({
    mineCode: r.digits(0, 'mineCode', 12),
    mineName: r.text(1),
    headerNumber: r.optionalNumber(2, 'headerNumber'),
    ...readSystemFields(r, 3),
    uploadedAtMs: r.time(7, 'uploadedAt'),
  }),
  parseRecord: (r) => {
    const position = r.text(3);
    return {
      cardCode: r.digits(0, 'cardCode', PERSON_CARD_DIGITS),
      name: r.requiredText(1, 'name'),
      workType: r.text(2),
      position: position === '' || position === '未设置' ? null : position,
      team: r.text(4),
      dateText: r.text(5),
      unknownText: r.text(6),
      isMineLeader: r.flag(7, 'isMineLeader'),
      isSpecialWorker: r.flag(8, 'isSpecialWorker'),
    };
  },
};

const RYSS_FIELDS = [
  'cardCode',
  'name',
  'inOut',
  'enteredMineAt',
  'exitedMineAt',
  'areaCode',
  'enteredAreaAt',
  'stationCode',
  'enteredStationAt',
  'shiftPattern',
  'distanceToStation',
  'workState',
  'isMineLeader',
  'isSpecialWorker',
  'track',
] as const;

function parseTrackField(r: FieldReader, i: number): TrackPoint[] {
  const track = parseTrack(r.text(i));
  if (typeof track === 'string') {
    r.reject('track', track);
    return [];
  }
  return track;
}

export const RYSS_SPEC = basicRecordSpec<PersonPosition>(RYSS_FIELDS, (r) => ({
  cardCode: r.digits(0, 'cardCode', PERSON_CARD_DIGITS),
  name: r.text(1),
  inOut: r.mapped(2, 'inOut', IN_OUT_FLAGS),
  enteredMineAtMs: r.optionalTime(3, 'enteredMineAt'),
  exitedMineAtMs: r.optionalTime(4, 'exitedMineAt'),
  areaCode: r.optionalDigits(5, 'areaCode', AREA_CODE_DIGITS),
  enteredAreaAtMs: r.optionalTime(6, 'enteredAreaAt'),
  stationCode: r.optionalDigits(7, 'stationCode', STATION_CODE_DIGITS),
  enteredStationAtMs: r.optionalTime(8, 'enteredStationAt'),
  shiftPattern: r.text(9),
  distanceToStationM: r.optionalNumber(10, 'distanceToStation'),
  workState: r.text(11),
  isMineLeader: r.flag(12, 'isMineLeader'),
  isSpecialWorker: r.flag(13, 'isSpecialWorker'),
  track: parseTrackField(r, 14),
}));

/**
 * RYCS (over-time), RYCY (over-capacity), RYXZ (restricted area), RYQJ (distress call) records. Their
 * field lists are not confirmed (domain reference §1.3), so a record is kept as its fields; the first
 * is read as the person's card when it is a 17-digit code. No rule reads them: Redline judges the
 * same conditions from RYSS itself, and these are the mine's own word kept beside it.
 */
export interface PersonnelAlarmFileRecord {
  cardCode: string | null;
  fields: string[];
}

/** At most this many fields a record (a sanity bound; real records have about ten). */
const PERSONNEL_ALARM_MAX_FIELDS = 64;
const CARD_RE = new RegExp(`^\\d{${PERSON_CARD_DIGITS}}$`);

export const PERSONNEL_ALARM_SPEC: RecordSpec<BasicHeader, PersonnelAlarmFileRecord> = {
  headerFields: BASIC_HEADER_FIELDS,
  recordFields: { min: 2, max: PERSONNEL_ALARM_MAX_FIELDS },
  recordFieldNames: ['fields (unconfirmed list)'],
  parseHeader: parseBasicHeader,
  parseRecord: (r) => {
    const fields: string[] = [];
    for (let i = 0; i < r.count; i++) fields.push(r.text(i));
    const first = fields[0] ?? '';
    return { cardCode: CARD_RE.test(first) ? first : null, fields };
  },
};
