/**
 * How a simulated point's value evolves. Each point gets a "personality" from the seed (offset,
 * noise level, drift), points of a group share a slow drift (a face's T0/T1/T2 move together, as
 * real coupled sensors do), methane/CO/temperature rise with production, wind speed steps when the
 * ventilation is adjusted (about every few days per roadway). All values are pure functions of
 * (seed, time): no i.i.d. draws inside a band, the pattern fake-data generators show (domain §1.6).
 */
import { POINT_STATUS, SENSOR_TYPES } from '../../core/monitoring/sensor-code-tables.ts';
import type { PointDefinition } from '../../core/monitoring/upload-file/point-definition-records.ts';
import type { PointBehaviour, PointSpec } from './layout-points.ts';
import { hash3, hashString, noise, signedUnit, unit, valueNoise } from './signal.ts';

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * Whether the mine is working normally, stopped under an order with its safety monitoring and
 * ventilation running ('standby': fans on, feeds and belts off, nobody underground), or shut down
 * (a closed mine brought to life by a scenario).
 */
export type MineMode = 'operating' | 'standby' | 'dormant';

export interface PointRuntime {
  definition: PointDefinition;
  spec: PointSpec;
  /** 传感器类型名称 written in CDSS. */
  sensorTypeName: string;
  key: number;
  groupKey: number;
  /** Personality: fixed offset, own drift, group drift, white noise (value units). */
  base: number;
  drift: number;
  groupDrift: number;
  sigma: number;
  /** Seconds this point is polled before the upload time (distinct timestamps per point). */
  pollLagMs: number;
  scale: number;
  lo: number;
  hi: number;
}

const EXTRA_TYPE_NAMES: Readonly<Record<string, string>> = { '1005': '开关', '1014': '控制量' };

/** Per-behaviour personality ranges and the normal-operation clamp. */
interface Profile {
  offset: number;
  drift: number;
  group: number;
  sigma: number;
  lo: number;
  hi: number;
}
const PROFILES: Partial<Record<PointBehaviour, (nominal: number) => Profile>> = {
  methane: (n) => ({
    offset: 0.08 * n,
    drift: 0.015 + 0.05 * n,
    group: 0.02 + 0.1 * n,
    sigma: 0.004 + 0.02 * n,
    lo: 0,
    hi: 0.9,
  }),
  co: () => ({ offset: 0.4, drift: 0.4, group: 0.5, sigma: 0.12, lo: 0, hi: 8 }),
  o2: () => ({ offset: 0.02, drift: 0.02, group: 0.03, sigma: 0.01, lo: 20.6, hi: 20.9 }),
  co2: (n) => ({ offset: 0.1 * n, drift: 0.01, group: 0.02, sigma: 0.004, lo: 0.02, hi: 0.45 }),
  temperature: () => ({ offset: 0.4, drift: 0.25, group: 0.5, sigma: 0.04, lo: 18, hi: 25.8 }),
  wind: () => ({ offset: 0.04, drift: 0.02, group: 0.02, sigma: 0.012, lo: 0, hi: 14 }),
};

export function createPointRuntime(
  definition: PointDefinition,
  spec: PointSpec,
  mineKey: number,
  index: number,
  intervalMs: number,
): PointRuntime {
  const key = hash3(mineKey, hashString(definition.pointCode), index);
  const r = (j: number): number => signedUnit(hash3(key, j, 0x5eed));
  const profile = PROFILES[spec.behaviour]?.(spec.nominal);
  const maxLagS = Math.max(0, Math.min(9, Math.floor(intervalMs / 1000) - 1));
  return {
    definition,
    spec,
    sensorTypeName:
      SENSOR_TYPES[definition.sensorTypeCode]?.nameZh ?? EXTRA_TYPE_NAMES[definition.sensorTypeCode] ?? '',
    key,
    groupKey: hash3(mineKey, hashString(spec.group), 0x67),
    base:
      spec.behaviour === 'wind'
        ? spec.nominal * (1 + (profile?.offset ?? 0) * r(1))
        : spec.nominal + (profile?.offset ?? 0) * r(1),
    drift: (profile?.drift ?? 0) * (0.7 + 0.3 * Math.abs(r(2))),
    groupDrift: (profile?.group ?? 0) * (0.7 + 0.3 * Math.abs(r(3))),
    sigma: (profile?.sigma ?? 0) * (0.6 + 0.4 * Math.abs(r(4))),
    pollLagMs: Math.floor(unit(hash3(key, 5)) * (maxLagS + 1)) * 1000,
    scale: 10 ** spec.decimals,
    lo: profile?.lo ?? 0,
    hi: profile?.hi ?? 1,
  };
}

/**
 * Ventilation level of a roadway: on about one day in three the air is re-regulated at a random
 * hour, stepping the wind speed to a new level within ±12 % of nominal.
 */
export function ventilationLevel(groupKey: number, tMs: number): number {
  const day = Math.floor((tMs + CST_OFFSET_MS) / DAY_MS);
  for (let i = 0; i < 10; i++) {
    const d = day - i;
    if (unit(hash3(groupKey, d, 3)) >= 0.35) continue;
    const changeAt = d * DAY_MS - CST_OFFSET_MS + (6 + 12 * unit(hash3(groupKey, d, 4))) * 3_600_000;
    if (i > 0 || tMs >= changeAt) return 0.88 + 0.24 * unit(hash3(groupKey, d, 2));
  }
  return 1;
}

/** The value a point reads at `tMs` in normal operation (or dormant, for a shut-down mine). */
export function normalValue(p: PointRuntime, tMs: number, production: number, mode: MineMode): number {
  const { spec } = p;
  const operating = mode === 'operating';
  switch (spec.behaviour) {
    case 'belt-running':
      if (!operating || production < 0.5) return 0;
      // Now and then a belt stops for a few minutes (a fault, a blocked chute).
      return unit(hash3(p.key, Math.floor(tMs / (20 * MIN_MS)), 7)) < 0.03 ? 0 : 1;
    case 'feed':
      return operating ? 1 : 0;
    case 'main-fan':
    case 'local-fan':
      return mode !== 'dormant' ? 1 : 0;
    case 'standby-fan':
    case 'standby-local-fan':
    case 'belt-protection':
    case 'smoke':
      return 0;
    case 'substation':
      return 1;
    case 'wind': {
      const level = mode !== 'dormant' ? ventilationLevel(p.groupKey, tMs) : 0.06;
      const wobble =
        1 +
        p.groupDrift * valueNoise(p.groupKey, tMs, 30 * MIN_MS) +
        p.sigma * noise(hash3(p.key, tMs / 1000));
      return p.base * level * wobble;
    }
    case 'methane':
    case 'co':
    case 'o2':
    case 'co2':
    case 'temperature': {
      const v =
        p.base +
        p.groupDrift * valueNoise(p.groupKey, tMs, 25 * MIN_MS) +
        p.drift * valueNoise(p.key, tMs, 9 * MIN_MS) +
        (operating ? spec.productionRise * production : 0) +
        p.sigma * noise(hash3(p.key, tMs / 1000));
      return Math.min(p.hi, Math.max(p.lo, v));
    }
  }
}

/** Rounds to the point's reporting resolution. */
export const roundValue = (p: PointRuntime, v: number): number => Math.round(v * p.scale) / p.scale;

/** 测点状态 bits for a value against the mine's own settings (what the mine's host would report). */
export function statusBits(p: PointRuntime, v: number): number {
  const d = p.definition;
  if (d.valueType !== 'MN') {
    const b = p.spec.behaviour;
    return (b === 'smoke' || b === 'belt-protection') && v === 1 ? POINT_STATUS.alarm : POINT_STATUS.normal;
  }
  let bits = 0;
  if ((d.upperAlarm !== null && v >= d.upperAlarm) || (d.lowerAlarm !== null && v < d.lowerAlarm)) {
    bits |= POINT_STATUS.alarm;
  }
  if (d.upperPowerCut !== null && v >= d.upperPowerCut) bits |= POINT_STATUS.powerCut;
  if (d.rangeHigh !== null && v > d.rangeHigh) bits |= POINT_STATUS.overRange;
  return bits;
}
