/**
 * Records of the national upload files (domain reference §1.2–§1.3) generated with the value the
 * parser must return for them: CDSS real-time values, CDDY point definitions, RYSS personnel
 * positions. Every field is padded with whitespace now and then, as the parser trims every field.
 */
import fc from 'fast-check';
import { RELATION_KINDS, VALUE_TYPES } from '../../src/core/monitoring/sensor-code-tables.ts';
import type {
  PointDefinition,
  RelationEnd,
  SensorRelation,
} from '../../src/core/monitoring/upload-file/point-definition-records.ts';
import type { InOutFlag, PersonPosition } from '../../src/core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../../src/core/monitoring/upload-file/safety-monitoring-records.ts';
import {
  cstInstant,
  decimal,
  digits,
  fieldText,
  formatCst,
  optionalDecimal,
  pad,
  plainCode,
  uploadCode,
  type Decimal,
} from './arbitraries.ts';

export type FuzzFileType = 'CDSS' | 'CDDY' | 'RYSS';
export const FUZZ_FILE_TYPES: readonly FuzzFileType[] = ['CDSS', 'CDDY', 'RYSS'];

export interface RecordByType {
  CDSS: PointReading;
  CDDY: PointDefinition;
  RYSS: PersonPosition;
}

/** A record's fields as written, and what the parser must make of them. */
export interface GeneratedRecord<R> {
  fields: string[];
  expected: R;
}

/** How each field is read, which says what a bad value for it looks like. */
export type FieldKind =
  | 'text'
  | 'code'
  | 'number?'
  | 'threshold'
  | 'status'
  | 'time'
  | 'time?'
  | 'digits2'
  | 'digits17'
  | 'digits16?'
  | 'digits22?'
  | 'sensorType'
  | 'valueType'
  | 'flag'
  | 'inOut'
  | 'track';

const THRESHOLD_NOT_SET = -0.01;
const num = (d: Decimal): number | null => (d.raw === '' ? null : d.value);

// ---- CDSS ---------------------------------------------------------------------------------------

const CDSS_KINDS: FieldKind[] = ['code', 'text', 'text', 'number?', 'text', 'status', 'time'];

const cdssRecord: fc.Arbitrary<GeneratedRecord<PointReading>> = fc
  .record({
    code: uploadCode,
    name: fieldText(),
    location: fieldText(),
    value: optionalDecimal,
    unit: fieldText(6),
    status: fc.integer({ min: 0, max: 0xffff }),
    zeros: fc.constantFrom('', '', '0', '00'),
    at: cstInstant,
  })
  .map((r) => ({
    fields: [r.code, r.name, r.location, r.value.raw, r.unit, `${r.zeros}${r.status}`, formatCst(r.at)],
    expected: {
      pointCode: r.code,
      sensorTypeName: r.name.trim(),
      location: r.location.trim(),
      value: num(r.value),
      unit: r.unit.trim(),
      statusBits: r.status,
      dataTimeMs: r.at,
    },
  }));

// ---- CDDY ---------------------------------------------------------------------------------------

const CDDY_KINDS: FieldKind[] = [
  'code',
  'digits2',
  'code',
  'sensorType',
  'valueType',
  'text',
  'number?',
  'number?',
  ...Array<FieldKind>(8).fill('threshold'),
  'text',
  'text',
  'text',
  'number?',
  'number?',
  'number?',
  'text', // relations never reject a definition
  'time',
];

const RELATION_LETTERS = [...'BGKHZDTbgkhzdtXQ'];

const relationEnd: fc.Arbitrary<{ raw: string; end: RelationEnd }> = fc
  .record({
    letter: fc.constantFrom(...RELATION_LETTERS),
    point: plainCode,
    device: fc.option(
      fc.string({ unit: fc.constantFrom(...'馈电传感器风门ABC123'), minLength: 1, maxLength: 6 }),
      {
        nil: null,
      },
    ),
  })
  .map(({ letter, point, device }) => {
    const code = letter.toUpperCase();
    return {
      raw: `${letter}-${point}${device === null ? '' : `-${device}`}`,
      end: {
        relationCode: code,
        relation: Object.hasOwn(RELATION_KINDS, code)
          ? RELATION_KINDS[code as keyof typeof RELATION_KINDS]
          : null,
        pointCode: point,
        deviceName: device,
      },
    };
  });

const relations: fc.Arbitrary<{ raw: string; expected: SensorRelation[] }> = fc
  .array(fc.tuple(relationEnd, fc.array(relationEnd, { maxLength: 2 })), { maxLength: 3 })
  .map((groups) => {
    const raws = groups.map(([s, ts]) => [s.raw, ...ts.map((t) => t.raw)].join(':'));
    return {
      raw: raws.join('◇'),
      expected: groups.map(([s, ts], i) => ({ raw: raws[i]!, source: s.end, targets: ts.map((t) => t.end) })),
    };
  });

/** A threshold: empty and the -0.01 sentinel both mean "not set". */
const threshold: fc.Arbitrary<{ raw: string; value: number | null }> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom({ raw: '', value: null }, { raw: '-0.01', value: null }) },
  { weight: 3, arbitrary: decimal.filter((d) => d.value !== THRESHOLD_NOT_SET) },
);

const cddyRecord: fc.Arbitrary<GeneratedRecord<PointDefinition>> = fc
  .record({
    point: uploadCode,
    system: digits(2),
    substation: uploadCode,
    sensorType: digits(4),
    valueType: fc.constantFrom(...VALUE_TYPES),
    unit: fieldText(6),
    rangeHigh: optionalDecimal,
    rangeLow: optionalDecimal,
    thresholds: fc.array(threshold, { minLength: 8, maxLength: 8 }),
    onText: fieldText(6),
    offText: fieldText(6),
    location: fieldText(),
    xyz: fc.array(optionalDecimal, { minLength: 3, maxLength: 3 }),
    relations,
    at: cstInstant,
  })
  .map((r) => {
    const t = r.thresholds.map((x) => x.value);
    const [x, y, z] = r.xyz as [Decimal, Decimal, Decimal];
    return {
      fields: [
        r.point,
        r.system,
        r.substation,
        r.sensorType,
        r.valueType,
        r.unit,
        r.rangeHigh.raw,
        r.rangeLow.raw,
        ...r.thresholds.map((x) => x.raw),
        r.onText,
        r.offText,
        r.location,
        x.raw,
        y.raw,
        z.raw,
        r.relations.raw,
        formatCst(r.at),
      ],
      expected: {
        pointCode: r.point,
        systemCode: r.system,
        substationCode: r.substation,
        sensorTypeCode: r.sensorType,
        valueType: r.valueType,
        unit: r.unit.trim(),
        rangeHigh: num(r.rangeHigh),
        rangeLow: num(r.rangeLow),
        upperAlarm: t[0]!,
        upperAlarmRelease: t[1]!,
        lowerAlarm: t[2]!,
        lowerAlarmRelease: t[3]!,
        upperPowerCut: t[4]!,
        upperPowerRestore: t[5]!,
        lowerPowerCut: t[6]!,
        lowerPowerRestore: t[7]!,
        onText: r.onText.trim(),
        offText: r.offText.trim(),
        location: r.location.trim(),
        x: num(x),
        y: num(y),
        z: num(z),
        relations: r.relations.expected,
        dataTimeMs: r.at,
      },
    };
  });

// ---- RYSS ---------------------------------------------------------------------------------------

const RYSS_KINDS: FieldKind[] = [
  'digits17',
  'text',
  'inOut',
  'time?',
  'time?',
  'digits16?',
  'time?',
  'digits22?',
  'time?',
  'text',
  'number?',
  'text',
  'flag',
  'flag',
  'track',
];

const IN_OUT: Record<string, InOutFlag> = { '0': 'unspecified', '1': 'underground', '2': 'out' };
const optionalTime = fc.option(cstInstant, { nil: null });
const optionalDigits = (n: number) => fc.option(digits(n), { nil: null });

const ryssRecord: fc.Arbitrary<GeneratedRecord<PersonPosition>> = fc
  .record({
    card: digits(17),
    name: fieldText(8),
    inOut: fc.constantFrom('0', '1', '2'),
    enteredMine: optionalTime,
    exitedMine: optionalTime,
    area: optionalDigits(16),
    enteredArea: optionalTime,
    station: optionalDigits(22),
    enteredStation: optionalTime,
    shift: fieldText(6),
    distance: optionalDecimal,
    work: fieldText(6),
    leader: fc.boolean(),
    special: fc.boolean(),
    track: fc.array(fc.tuple(digits(22), cstInstant), { maxLength: 4 }),
    trackSeparator: fc.constantFrom(',', ', '),
  })
  .map((r) => {
    const time = (ms: number | null) => (ms === null ? '' : formatCst(ms));
    return {
      fields: [
        r.card,
        r.name,
        r.inOut,
        time(r.enteredMine),
        time(r.exitedMine),
        r.area ?? '',
        time(r.enteredArea),
        r.station ?? '',
        time(r.enteredStation),
        r.shift,
        r.distance.raw,
        r.work,
        r.leader ? '1' : '0',
        r.special ? '1' : '0',
        r.track.map(([s, at]) => `${s}&${formatCst(at)}`).join(r.trackSeparator),
      ],
      expected: {
        cardCode: r.card,
        name: r.name.trim(),
        inOut: IN_OUT[r.inOut]!,
        enteredMineAtMs: r.enteredMine,
        exitedMineAtMs: r.exitedMine,
        areaCode: r.area,
        enteredAreaAtMs: r.enteredArea,
        stationCode: r.station,
        enteredStationAtMs: r.enteredStation,
        shiftPattern: r.shift.trim(),
        distanceToStationM: num(r.distance),
        workState: r.work.trim(),
        isMineLeader: r.leader,
        isSpecialWorker: r.special,
        track: r.track.map(([stationCode, atMs]) => ({ stationCode, atMs })),
      },
    };
  });

// ---- per type ---------------------------------------------------------------------------------------

const RECORDS: { [K in FuzzFileType]: fc.Arbitrary<GeneratedRecord<RecordByType[K]>> } = {
  CDSS: cdssRecord,
  CDDY: cddyRecord,
  RYSS: ryssRecord,
};
/** How each field of each type is read, in field order. */
export const FIELD_KINDS: Record<FuzzFileType, FieldKind[]> = {
  CDSS: CDSS_KINDS,
  CDDY: CDDY_KINDS,
  RYSS: RYSS_KINDS,
};

/** A valid record of `type`, with whitespace around its fields (the parser trims every field). */
export function validRecord<K extends FuzzFileType>(type: K): fc.Arbitrary<GeneratedRecord<RecordByType[K]>> {
  const n = FIELD_KINDS[type].length;
  return fc
    .tuple(
      RECORDS[type] as fc.Arbitrary<GeneratedRecord<RecordByType[K]>>,
      fc.array(fc.tuple(pad, pad), { minLength: n, maxLength: n }),
    )
    .map(([rec, pads]) => ({ ...rec, fields: rec.fields.map((f, i) => `${pads[i]![0]}${f}${pads[i]![1]}`) }));
}
