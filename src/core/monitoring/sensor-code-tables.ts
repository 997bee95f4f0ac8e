/**
 * Code tables of the national safety-monitoring upload format (MT/T 1201.1-2023 annex B, as
 * implemented by the code cited in the domain reference §1.2 [S5][S7]). Plain data: a new edition of
 * the standard is a new table, not new branches.
 */

import { valueList } from '../value-list.ts';

/** 数值类型: MN analog, KG switch, LJ cumulative, DT multi-state. */
export type ValueType = (typeof VALUE_TYPES)[number];
export const VALUE_TYPES = valueList('MN', 'KG', 'LJ', 'DT');

export interface SensorTypeInfo {
  nameZh: string;
  nameEn: string;
  valueType: ValueType;
}

/**
 * The sensor type codes the platform reasons about (thresholds, detection rules). The full code
 * range (0001–0053 analog, 1001–1015 switch, 3001–3005 cumulative, 4001–4002 state) is accepted by
 * the parser; codes missing here are simply "not known to the rules".
 */
export const SENSOR_TYPES: Readonly<Record<string, SensorTypeInfo>> = {
  '0001': { nameZh: '环境瓦斯', nameEn: 'methane', valueType: 'MN' },
  '0002': { nameZh: '风速', nameEn: 'wind speed', valueType: 'MN' },
  '0003': { nameZh: '环境温度', nameEn: 'ambient temperature', valueType: 'MN' },
  '0004': { nameZh: '一氧化碳', nameEn: 'carbon monoxide', valueType: 'MN' },
  '0005': { nameZh: '风压', nameEn: 'air pressure', valueType: 'MN' },
  '0006': { nameZh: '负压', nameEn: 'negative pressure', valueType: 'MN' },
  '0009': { nameZh: '硫化氢', nameEn: 'hydrogen sulphide', valueType: 'MN' },
  '0011': { nameZh: '高低浓瓦斯', nameEn: 'high/low-range methane', valueType: 'MN' },
  '0012': { nameZh: '氧气', nameEn: 'oxygen', valueType: 'MN' },
  '0013': { nameZh: '二氧化碳', nameEn: 'carbon dioxide', valueType: 'MN' },
  '0014': { nameZh: '粉尘', nameEn: 'dust', valueType: 'MN' },
  '0041': { nameZh: '二氧化氮', nameEn: 'nitrogen dioxide', valueType: 'MN' },
  '0042': { nameZh: '二氧化硫', nameEn: 'sulphur dioxide', valueType: 'MN' },
  '0043': { nameZh: '激光甲烷', nameEn: 'laser methane', valueType: 'MN' },
  '0044': { nameZh: '氨气', nameEn: 'ammonia', valueType: 'MN' },
  '1001': { nameZh: '局部通风机', nameEn: 'local fan', valueType: 'KG' },
  '1002': { nameZh: '风门', nameEn: 'air door', valueType: 'KG' },
  '1003': { nameZh: '风筒', nameEn: 'duct', valueType: 'KG' },
  '1004': { nameZh: '设备开停', nameEn: 'equipment on/off', valueType: 'KG' },
  '1008': { nameZh: '烟雾', nameEn: 'smoke', valueType: 'KG' },
  '1009': { nameZh: '断电器', nameEn: 'power-cut relay', valueType: 'KG' },
  '1010': { nameZh: '主要通风机', nameEn: 'main fan', valueType: 'KG' },
  '1011': { nameZh: '馈电', nameEn: 'feed sensor', valueType: 'KG' },
  '4001': { nameZh: '分站', nameEn: 'substation', valueType: 'DT' },
  '4002': { nameZh: '电源', nameEn: 'power supply', valueType: 'DT' },
};

/** 测点状态 bits (powers of two, ORed — that they combine is unconfirmed, the codes suggest it) [S7]. */
export const POINT_STATUS = {
  normal: 0,
  alarm: 1,
  powerCut: 2,
  calibrating: 4,
  overRange: 8,
  substationFault: 16,
  notPolled: 32,
  paused: 64,
  sensorFault: 128,
} as const;
export type PointStatusFlag = Exclude<keyof typeof POINT_STATUS, 'normal'>;

/** Names of the status bits set in `bits`, lowest bit first (unknown high bits are reported as `bit<n>`). */
export function describePointStatus(bits: number): string[] {
  const names: string[] = [];
  for (const [name, bit] of Object.entries(POINT_STATUS)) {
    if (bit !== 0 && (bits & bit) !== 0) names.push(name);
  }
  for (let n = 8; n < 31; n++) if ((bits & (1 << n)) !== 0) names.push(`bit${n}`);
  return names;
}

/** YCBJ 异常类型 [S7]. */
export const ANOMALY_TYPES = {
  '001': 'over-limit-alarm',
  '002': 'power-cut-alarm',
  '003': 'feed-anomaly',
  '004': 'sensor-disconnected',
  '005': 'substation-power-loss',
  '006': 'substation-unreachable',
  '007': 'calibration',
  '008': 'over-range',
  '009': 'upper-pre-warning',
  '010': 'lower-pre-warning',
} as const;
export type AnomalyKind = (typeof ANOMALY_TYPES)[keyof typeof ANOMALY_TYPES];

/** FZSS 运行状态 (表B.8) [S7]. */
export const SUBSTATION_RUN_STATES = {
  '0': 'communicating',
  '1': 'communication-interrupted',
  '2': 'fault',
  '9': 'unknown',
} as const;
export type SubstationRunState = (typeof SUBSTATION_RUN_STATES)[keyof typeof SUBSTATION_RUN_STATES];

/** FZSS 供电状态 (表B.9) [S7]. */
export const SUBSTATION_POWER_STATES = {
  '0': 'dc-battery',
  '1': 'ac',
  '2': 'power-fault',
  '9': 'unknown',
} as const;
export type SubstationPowerState = (typeof SUBSTATION_POWER_STATES)[keyof typeof SUBSTATION_POWER_STATES];

/** 传感器关联关系 codes (表B.7) [S7]. */
export const RELATION_KINDS = {
  B: 'interlock',
  G: 'linked-air-door',
  K: 'control',
  H: 'protection',
  Z: 'main-backup',
  D: 'power-cut',
  T: 'regulation',
} as const;
export type RelationKind = (typeof RELATION_KINDS)[keyof typeof RELATION_KINDS];

/** Looks a code up in one of the `as const` tables above without widening to `any`. */
export function lookupCode<T extends Readonly<Record<string, string>>>(
  table: T,
  code: string,
): T[keyof T] | null {
  return Object.hasOwn(table, code) ? (table[code as keyof T] ?? null) : null;
}
