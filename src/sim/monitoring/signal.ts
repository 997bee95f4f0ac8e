/**
 * Stateless deterministic signal helpers for the monitoring simulator: integer hashing, smooth value
 * noise and the shift clock. Everything is a pure function of (seed, time), so a reading at any time
 * is the same whatever order or spacing the steps are taken in, and no state has to be stepped.
 */

const HOUR_MS = 3_600_000;
/** China Standard Time: fixed UTC+8 (no daylight saving since 1991). */
const CST_OFFSET_MS = 8 * HOUR_MS;
/** 三八制: three 8-hour shifts starting 0:00, 8:00 and 16:00 China Standard Time. */
export const SHIFT_MS = 8 * HOUR_MS;
export const SHIFT_PATTERN = '三八制';

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed unsigned 32-bit hash of up to three integers. */
export function hash3(a: number, b: number, c = 0): number {
  let h = fmix((a ^ 0x9e3779b9) >>> 0);
  h = fmix((Math.imul(h, 0x27d4eb2d) ^ b) >>> 0);
  return fmix((Math.imul(h, 0x165667b1) ^ c) >>> 0);
}

/** FNV-1a of a string (mine codes, point codes) as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** [0, 1) from a hash. */
export const unit = (h: number): number => h / 4294967296;
/** [-1, 1) from a hash. */
export const signedUnit = (h: number): number => (h / 4294967296) * 2 - 1;

/**
 * Zero-mean, unit-variance, triangular-shaped noise from one hash (its two 16-bit halves): cheaper
 * than Box–Muller and bounded (|x| ≤ √6), which keeps "normal operation" provably inside its band.
 */
export function noise(h: number): number {
  const a = (h & 0xffff) / 65536;
  const b = (h >>> 16) / 65536;
  return (a + b - 1) * 2.449489742783178;
}

/**
 * Smooth value noise in [-1, 1]: random knots every `periodMs`, eased between. Two series with the
 * same key move together, which is how sensors of one roadway are coupled.
 */
export function valueNoise(key: number, tMs: number, periodMs: number): number {
  const x = tMs / periodMs;
  const k = Math.floor(x);
  const f = x - k;
  const e = f * f * (3 - 2 * f);
  const a = signedUnit(hash3(key, k));
  const b = signedUnit(hash3(key, k + 1));
  return a + (b - a) * e;
}

/** Hour of day in China Standard Time, fractional (0 ≤ h < 24). */
export function cstHourOfDay(tMs: number): number {
  const h = ((tMs + CST_OFFSET_MS) / HOUR_MS) % 24;
  return h < 0 ? h + 24 : h;
}

/**
 * Index of the 8-hour shift containing `tMs`. Shift starts fall on 0:00/8:00/16:00 CST, which are
 * 16:00/0:00/8:00 UTC, so the index is simply floor(t / 8 h).
 */
export const shiftIndexAt = (tMs: number): number => Math.floor(tMs / SHIFT_MS);
export const shiftStartMs = (index: number): number => index * SHIFT_MS;

/** Which shift of the day an index is: 0 夜班 (0:00), 1 早班 (8:00), 2 中班 (16:00). */
export function shiftOfDay(index: number): 0 | 1 | 2 {
  // index·8 h UTC ≡ 0, 8, 16 h UTC for index mod 3 = 0, 1, 2, i.e. 8:00, 16:00, 0:00 CST.
  const m = ((index % 3) + 3) % 3;
  return m === 0 ? 1 : m === 1 ? 2 : 0;
}

export const SHIFT_NAMES = ['夜班', '早班', '中班'] as const;

/**
 * Production intensity 0…1 for a mine at `tMs`: coal is cut in the 早班 and 中班 (roughly 0:40 after
 * the shift start until 0:30 before its end, with 20-minute ramps, shifted per mine by
 * `offsetMin`); the 夜班 is for maintenance. Drives methane rises at faces and the belts.
 */
export function productionLevel(tMs: number, offsetMin: number): number {
  const h = cstHourOfDay(tMs - offsetMin * 60_000);
  const window = (start: number, end: number): number => {
    if (h <= start || h >= end) return 0;
    const ramp = 1 / 3;
    return Math.min(1, (h - start) / ramp, (end - h) / ramp);
  };
  return Math.max(window(8.6, 15.6), window(16.6, 23.6));
}

/** Floors epoch ms to whole seconds: the upload files carry seconds only. */
export const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
