import type { PointReading } from '../upload-file/safety-monitoring-records.ts';

/** Keys below this are exact integers in a double, so (time, index) packs into one sortable number. */
const EXACT = 2 ** 53;

/**
 * Null when the readings are already in data-time order; otherwise their indexes in that order,
 * stable (equal times keep their upload order). A poll's points report with their own small lags, so
 * most uploads need it: with whole-millisecond times the order is one numeric sort of packed keys
 * `(time − earliest) · n + index` in a Float64Array (no comparator calls, no per-reading allocation);
 * other times (fractions, non-finite, spans too wide to pack) take the general comparator sort.
 */
export function timeOrder(readings: readonly PointReading[]): ArrayLike<number> | null {
  const n = readings.length;
  let sorted = true;
  let packable = true;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = readings[i]!.dataTimeMs;
    if (i > 0 && t < readings[i - 1]!.dataTimeMs) sorted = false;
    if (!Number.isInteger(t)) packable = false;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (sorted) return null;
  if (packable && (max - min + 1) * n < EXACT) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (readings[i]!.dataTimeMs - min) * n + i;
    keys.sort();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = keys[k]! % n;
    return order;
  }
  const order = Array.from(readings, (_, i) => i);
  order.sort((a, b) => readings[a]!.dataTimeMs - readings[b]!.dataTimeMs || a - b);
  return order;
}

/** Whether every reading carries the first one's time (a cheap pre-check for the tampering detector). */
export function allSameTime(readings: readonly PointReading[]): boolean {
  const t = readings[0]!.dataTimeMs;
  for (let i = 1; i < readings.length; i++) if (readings[i]!.dataTimeMs !== t) return false;
  return true;
}
