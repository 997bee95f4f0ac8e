/**
 * Builds a mine's safety-monitoring points (CDDY definitions) with the thresholds mines set, plus
 * the simulator's description of how each point behaves. Point codes follow the national pattern
 * mine code + system `01` + MN/KG/DT + 4-digit type code + a 3-digit device number (domain §1.4);
 * a substation's code is the code of its own 4001 state point.
 *
 * Settings follow the 2016 Regulations rows for the location (domain §2.1–§2.2); a point chosen as
 * "lax" gets the laxer variant instead (CO alarm 50 ppm, T1 alarm 1.5 / cut 2.0 %, O2 alarm 18.5 %,
 * …) so the platform's mine-setting check has something to find.
 */
import {
  parseSensorRelations,
  type PointDefinition,
} from '../../core/monitoring/upload-file/point-definition-records.ts';
import type { ValueType } from '../../core/monitoring/sensor-code-tables.ts';
import type { SeededRandom } from '../seeded-random.ts';

/** How the simulator drives a point. */
export type PointBehaviour =
  | 'methane'
  | 'co'
  | 'o2'
  | 'co2'
  | 'temperature'
  | 'wind'
  | 'belt-running'
  | 'belt-protection'
  | 'smoke'
  | 'feed'
  | 'main-fan'
  | 'standby-fan'
  | 'local-fan'
  | 'standby-local-fan'
  | 'substation';

/** The simulator's view of one point; `pointSpecs[i]` describes `points[i]`. */
export interface PointSpec {
  pointCode: string;
  behaviour: PointBehaviour;
  /** Typical value in normal operation (analog), or the normal state (switch). */
  nominal: number;
  /** Added at full production (coal cutting): methane at faces, a little CO and heat. */
  productionRise: number;
  /** Points of one group drift together (a face's T0/T1/T2, one belt roadway's sensors). */
  group: string;
  /** Decimal places the mine's system reports. */
  decimals: number;
  /** True when the mine set a laxer-than-regulation threshold on this point. */
  laxSetting: boolean;
}

type Thresholds = Partial<
  Pick<
    PointDefinition,
    | 'upperAlarm'
    | 'upperAlarmRelease'
    | 'upperPowerCut'
    | 'upperPowerRestore'
    | 'lowerAlarm'
    | 'lowerAlarmRelease'
    | 'lowerPowerCut'
    | 'lowerPowerRestore'
  >
>;

const upper = (alarm: number, cut: number | null = null, restore: number | null = cut): Thresholds => ({
  upperAlarm: alarm,
  upperAlarmRelease: alarm,
  upperPowerCut: cut,
  upperPowerRestore: restore,
});
const lower = (alarm: number): Thresholds => ({ lowerAlarm: alarm, lowerAlarmRelease: alarm });

/** Compliant setting and laxer variant per kind of analog point. */
export const SETTINGS = {
  ch4Face: { normal: upper(1.0, 1.5, 1.0), lax: upper(1.5, 2.0, 1.5) },
  ch4Return: { normal: upper(1.0, 1.0, 1.0), lax: upper(1.5, 1.5, 1.5) },
  // Lax beyond the default row's 1.0 too: in a high-gas mine a T3 has no row of its own (art. 498: outburst only).
  ch4Intake: { normal: upper(0.5, 0.5, 0.5), lax: upper(1.5, 1.5, 1.5) },
  ch4MainReturn: { normal: upper(0.75), lax: upper(1.0) },
  co: { normal: upper(24), lax: upper(50) },
  o2: { normal: lower(20), lax: lower(18.5) },
  co2Return: { normal: upper(1.5), lax: upper(2.0) },
  co2MainReturn: { normal: upper(0.75), lax: upper(1.5) },
  tempFace: { normal: upper(26), lax: upper(30) },
  tempChamber: { normal: upper(30), lax: upper(34) },
  tempShaftBottom: { normal: { ...lower(2), ...upper(26) }, lax: { ...lower(0), ...upper(26) } },
  windFace: { normal: { ...upper(4), ...lower(0.25) }, lax: { ...upper(6), ...lower(0.25) } },
  windRoadway: { normal: { ...upper(6), ...lower(0.25) }, lax: { ...upper(8), ...lower(0.25) } },
  windMain: { normal: upper(8), lax: upper(10) },
} as const satisfies Record<string, { normal: Thresholds; lax: Thresholds }>;
export type SettingKind = keyof typeof SETTINGS;

/** Share of threshold-bearing points that get the laxer variant (≈ 3 % of all points). */
export const LAX_SETTING_SHARE = 0.05;

const ANALOG: Readonly<Record<string, { unit: string; range: [number, number]; decimals: number }>> = {
  '0001': { unit: '%CH4', range: [0, 4], decimals: 2 },
  '0002': { unit: 'm/s', range: [0, 15], decimals: 2 },
  '0003': { unit: '℃', range: [0, 100], decimals: 1 },
  '0004': { unit: 'ppm', range: [0, 1000], decimals: 1 },
  '0012': { unit: '%', range: [0, 25], decimals: 1 },
  '0013': { unit: '%', range: [0, 5], decimals: 2 },
};

export type AnalogType = '0001' | '0002' | '0003' | '0004' | '0012' | '0013';

const NO_THRESHOLDS: Required<Thresholds> = {
  upperAlarm: null,
  upperAlarmRelease: null,
  upperPowerCut: null,
  upperPowerRestore: null,
  lowerAlarm: null,
  lowerAlarmRelease: null,
  lowerPowerCut: null,
  lowerPowerRestore: null,
};

/** What a point's kind sets in its definition; the rest is the substation's, the place's and the time's. */
type PointFields = Pick<
  PointDefinition,
  'unit' | 'rangeHigh' | 'rangeLow' | 'onText' | 'offText' | 'relations'
> &
  Thresholds;

/** Collects points for one mine; device numbers run 001, 002, … in creation order. */
export class PointCollector {
  readonly points: PointDefinition[] = [];
  readonly specs: PointSpec[] = [];
  substationCode = '';
  readonly #mineCode: string;
  readonly #random: SeededRandom;
  readonly #definedAtMs: number;
  #origin: [number, number, number] = [0, 0, -300];
  #group = '';

  constructor(mineCode: string, random: SeededRandom, definedAtMs: number) {
    this.#mineCode = mineCode;
    this.#random = random;
    this.#definedAtMs = definedAtMs;
  }

  #code(valueType: ValueType, type: string): string {
    const n = String(this.points.length + 1).padStart(3, '0');
    return `${this.#mineCode}01${valueType}${type}${n}`;
  }

  #coordinates(): [number, number, number] {
    const [x, y, z] = this.#origin;
    const r = this.#random;
    return [Math.round(x + r.between(-120, 120)), Math.round(y + r.between(-120, 120)), Math.round(z)];
  }

  /**
   * Defines a point of the current substation, placed near its origin, and how the simulator drives
   * it (`spec`): `fields` are what its kind sets (unit, range, texts, thresholds, relations).
   */
  #define(
    valueType: ValueType,
    sensorTypeCode: string,
    location: string,
    fields: PointFields,
    spec: Omit<PointSpec, 'pointCode'>,
  ): string {
    const [x, y, z] = this.#coordinates();
    const definition: PointDefinition = {
      pointCode: this.#code(valueType, sensorTypeCode),
      systemCode: '01',
      substationCode: this.substationCode,
      sensorTypeCode,
      valueType,
      ...NO_THRESHOLDS,
      ...fields,
      location,
      x,
      y,
      z,
      dataTimeMs: this.#definedAtMs,
    };
    this.points.push(definition);
    this.specs.push({ pointCode: definition.pointCode, ...spec });
    return definition.pointCode;
  }

  /**
   * Starts a new substation (its 4001 state point) near `origin`; later points hang off it and
   * belong to `group` (points of a group drift together in the simulator).
   */
  substation(location: string, origin: [number, number, number], group: string): string {
    this.#origin = origin;
    this.#group = group;
    const code = this.#code('DT', '4001');
    this.substationCode = code;
    return this.#define(
      'DT',
      '4001',
      `${location} 分站`,
      { unit: '', rangeHigh: null, rangeLow: null, onText: '正常', offText: '故障', relations: [] },
      { behaviour: 'substation', nominal: 1, productionRise: 0, group: code, decimals: 0, laxSetting: false },
    );
  }

  /** An analog point; `rise` is added at full production, `relations` is raw 传感器关联关系 text. */
  analog(
    type: AnalogType,
    behaviour: PointBehaviour,
    location: string,
    setting: SettingKind,
    nominal: number,
    rise = 0,
    relations = '',
  ): string {
    const info = ANALOG[type];
    if (info === undefined) throw new Error(`no analog settings for sensor type ${type}`);
    const settings = SETTINGS[setting];
    const laxSetting = this.#random.chance(LAX_SETTING_SHARE);
    return this.#define(
      'MN',
      type,
      location,
      {
        unit: info.unit,
        rangeHigh: info.range[1],
        rangeLow: info.range[0],
        ...(laxSetting ? settings.lax : settings.normal),
        onText: '',
        offText: '',
        relations: parseSensorRelations(relations),
      },
      { behaviour, nominal, productionRise: rise, group: this.#group, decimals: info.decimals, laxSetting },
    );
  }

  /** A switch point (0/1); `nominal` is its normal state. */
  switchPoint(
    type: string,
    behaviour: PointBehaviour,
    location: string,
    onText: string,
    offText: string,
    nominal: 0 | 1,
  ): string {
    return this.#define(
      'KG',
      type,
      location,
      { unit: '', rangeHigh: null, rangeLow: null, onText, offText, relations: [] },
      { behaviour, nominal, productionRise: 0, group: this.#group, decimals: 0, laxSetting: false },
    );
  }
}
