/**
 * The hot path: every reading of every point goes through `evaluate`. State lives in preallocated
 * typed arrays indexed by a dense point index (the caller maps point codes to indexes once), so a
 * reading allocates nothing and costs a few comparisons.
 *
 * Each point has six hysteretic comparators — upper pre-alarm, upper alarm, upper power-cut and the
 * same three for lower limits — plus two status-driven states, fault and calibration:
 * - upper comparator: raised when value ≥ set, cleared when value < reset (reset = the release or
 *   restore threshold, never above set; equal to set when not given). This is the regulation
 *   table's "alarm ≥ / cut ≥ / restore <".
 * - lower comparator: raised when value < set, cleared when value ≥ reset (reset never below set).
 *   Lower limits are stated as "at least", so the limit value itself is compliant.
 * - comparators are independent levels: a jump from normal to above the power-cut level raises
 *   pre-alarm, alarm and power-cut in one reading.
 * - status bits 8/16/32/64/128 (over range, substation fault, not polled, paused, sensor fault)
 *   raise "fault"; bit 4 raises "calibration". While calibrating or faulted (except over-range,
 *   whose value is still meaningful — an over-range methane reading is high methane) the value is
 *   not trusted: levels are held, neither raised nor cleared. A missing value (NaN) is the same.
 * - a reading older than the point's last one is ignored and reported as STALE_READING.
 */

/** Event bits returned by `evaluate`; 0 means nothing changed. Several can be set at once. */
export const EvaluatorEvent = {
  NONE: 0,
  PRE_ALARM_RAISED: 1 << 0,
  PRE_ALARM_CLEARED: 1 << 1,
  ALARM_RAISED: 1 << 2,
  ALARM_CLEARED: 1 << 3,
  POWER_CUT_RAISED: 1 << 4,
  POWER_CUT_CLEARED: 1 << 5,
  LOW_PRE_ALARM_RAISED: 1 << 6,
  LOW_PRE_ALARM_CLEARED: 1 << 7,
  LOW_ALARM_RAISED: 1 << 8,
  LOW_ALARM_CLEARED: 1 << 9,
  LOW_POWER_CUT_RAISED: 1 << 10,
  LOW_POWER_CUT_CLEARED: 1 << 11,
  FAULT_RAISED: 1 << 12,
  FAULT_CLEARED: 1 << 13,
  CALIBRATION_STARTED: 1 << 14,
  CALIBRATION_ENDED: 1 << 15,
  STALE_READING: 1 << 16,
} as const;
export type EvaluatorEventName = Exclude<keyof typeof EvaluatorEvent, 'NONE'>;

/** Names of the event bits in `code`, for logs and tests (not for the hot path). */
export function describeEvaluatorEvents(code: number): EvaluatorEventName[] {
  const names: EvaluatorEventName[] = [];
  for (const [name, bit] of Object.entries(EvaluatorEvent)) {
    if (bit !== 0 && (code & bit) !== 0) names.push(name as EvaluatorEventName);
  }
  return names;
}

/** Per-point state bits (see `stateOf`). Bit k raised ↔ event 1 << 2k, cleared ↔ 1 << (2k + 1). */
export const PointStateBit = {
  PRE_ALARM: 1 << 0,
  ALARM: 1 << 1,
  POWER_CUT: 1 << 2,
  LOW_PRE_ALARM: 1 << 3,
  LOW_ALARM: 1 << 4,
  LOW_POWER_CUT: 1 << 5,
  FAULT: 1 << 6,
  CALIBRATING: 1 << 7,
} as const;

/**
 * Thresholds of one point; null = not set. The field names match the CDDY `PointDefinition`, so a
 * parsed definition can be passed as it is. Pre-alarm levels are optional.
 */
export interface PointThresholds {
  upperAlarm: number | null;
  upperAlarmRelease: number | null;
  upperPowerCut: number | null;
  upperPowerRestore: number | null;
  lowerAlarm: number | null;
  lowerAlarmRelease: number | null;
  lowerPowerCut: number | null;
  lowerPowerRestore: number | null;
  /** Absent: a fraction of the upper alarm (EvaluatorOptions.preAlarmFraction); null: none. */
  upperPreAlarm?: number | null;
  lowerPreAlarm?: number | null;
  /**
   * The regulation words the upper levels "must not exceed" (">"): the limit itself is compliant, so
   * the alarm and power-cut (stop-work) levels raise above it and clear at or below it. Absent/false:
   * "≥" (art. 498's table).
   */
  upperStrict?: boolean;
  /** The lower levels are worded "at most" ("≤"): the limit itself raises. Absent/false: "<". */
  lowerInclusive?: boolean;
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
/** The smallest double above `x` (so `v ≥ nextUp(x)` is exactly `v > x`). */
export function nextUp(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  F64[0] = x;
  U64[0] = x > 0 ? U64[0]! + 1n : U64[0]! - 1n;
  return F64[0];
}

export interface EvaluatorOptions {
  /** Number of point slots; indexes run 0 … capacity − 1. */
  capacity: number;
  /**
   * Upper pre-alarm at this fraction of the upper alarm threshold when a point has no explicit
   * `upperPreAlarm` (default 0.8; null disables). Lower pre-alarms are only explicit: a fraction
   * of e.g. an 18.5 % O2 limit means nothing.
   */
  preAlarmFraction?: number | null;
}

export interface AlarmEvaluator {
  readonly capacity: number;
  /** Sets (or replaces) a point's thresholds. Held levels whose threshold disappears clear on the next reading. */
  configurePoint(index: number, thresholds: PointThresholds): void;
  /** Evaluates one reading; returns EvaluatorEvent bits (0 = nothing changed). */
  evaluate(index: number, value: number, statusBits: number, tsMs: number): number;
  /** PointStateBit bits of a point. */
  stateOf(index: number): number;
  lastValueOf(index: number): number;
  lastTimestampOf(index: number): number;
  /** Forgets a point's state and history (e.g. when its definition is withdrawn). */
  resetPoint(index: number): void;
}

const STATUS_CALIBRATING = 4;
/** Over range, substation fault, not polled, paused, sensor fault. */
const FAULT_STATUS_MASK = 8 | 16 | 32 | 64 | 128;
/** Statuses under which the value is not trusted (over range is still evaluated). */
const UNTRUSTED_STATUS_MASK = STATUS_CALIBRATING | 16 | 32 | 64 | 128;

/** Layout of a point's slice of the threshold array: (set, reset) per comparator. */
const STRIDE = 12;
const UP_PRE = 0;
const UP_ALARM = 2;
const UP_CUT = 4;
const LO_PRE = 6;
const LO_ALARM = 8;
const LO_CUT = 10;

/** Maps newly raised / cleared state bits to event bits. */
const RAISED_EVENTS = new Uint32Array(256);
const CLEARED_EVENTS = new Uint32Array(256);
for (let bits = 0; bits < 256; bits++) {
  for (let k = 0; k < 8; k++) {
    if ((bits & (1 << k)) !== 0) {
      RAISED_EVENTS[bits] = (RAISED_EVENTS[bits] ?? 0) | (1 << (2 * k));
      CLEARED_EVENTS[bits] = (CLEARED_EVENTS[bits] ?? 0) | (1 << (2 * k + 1));
    }
  }
}

const isSet = (n: number | null | undefined): n is number =>
  n !== null && n !== undefined && Number.isFinite(n);

/** Upper (set, reset): reset never above set; an unset level never raises and clears at once. */
function upperPair(set: number | null | undefined, reset: number | null | undefined): [number, number] {
  if (!isSet(set)) return [Number.NaN, Number.POSITIVE_INFINITY];
  return [set, isSet(reset) ? Math.min(reset, set) : set];
}

function lowerPair(set: number | null | undefined, reset: number | null | undefined): [number, number] {
  if (!isSet(set)) return [Number.NaN, Number.NEGATIVE_INFINITY];
  return [set, isSet(reset) ? Math.max(reset, set) : set];
}

/** Creates an evaluator with `capacity` preallocated point slots, all unconfigured. */
export function createEvaluator(options: EvaluatorOptions): AlarmEvaluator {
  const capacity = options.capacity;
  if (!Number.isInteger(capacity) || capacity < 0)
    throw new RangeError(`capacity must be a whole number: ${capacity}`);
  const preAlarmFraction = options.preAlarmFraction === undefined ? 0.8 : options.preAlarmFraction;
  const thresholds = new Float64Array(capacity * STRIDE);
  const state = new Uint8Array(capacity);
  const lastTs = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
  const lastValue = new Float64Array(capacity).fill(Number.NaN);

  function resetThresholds(index: number): void {
    const o = index * STRIDE;
    for (let k = 0; k < STRIDE; k += 2) {
      thresholds[o + k] = Number.NaN;
      thresholds[o + k + 1] = k < LO_PRE ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
  }
  for (let i = 0; i < capacity; i++) resetThresholds(i);

  function checkIndex(index: number): void {
    if (!(index >= 0 && index < capacity && (index | 0) === index)) {
      throw new RangeError(`point index ${index} outside 0…${capacity - 1}`);
    }
  }

  function configurePoint(index: number, t: PointThresholds): void {
    checkIndex(index);
    const o = index * STRIDE;
    // Comparators as worded: "> X" is "≥ nextUp(X)", and its reset at X becomes "< nextUp(X)" (clears
    // at or below X); "≤ X" for a lower level is "< nextUp(X)". Done here, once, off the hot path.
    const up = (x: number | null | undefined) => (t.upperStrict === true && isSet(x) ? nextUp(x) : x);
    const lo = (x: number | null | undefined) => (t.lowerInclusive === true && isSet(x) ? nextUp(x) : x);
    const upReset = (reset: number | null | undefined, set: number | null | undefined) =>
      t.upperStrict === true && isSet(reset) && isSet(set) && reset >= set ? nextUp(reset) : reset;
    const loReset = (reset: number | null | undefined, set: number | null | undefined) =>
      t.lowerInclusive === true && isSet(reset) && isSet(set) && reset <= set ? nextUp(reset) : reset;
    const [alarm, release] = upperPair(up(t.upperAlarm), upReset(t.upperAlarmRelease, t.upperAlarm));
    // Absent (undefined): the default fraction of the alarm level; an explicit null: no pre-alarm.
    let pre = t.upperPreAlarm;
    if (pre === undefined && preAlarmFraction !== null && isSet(t.upperAlarm) && t.upperAlarm > 0)
      pre = t.upperAlarm * preAlarmFraction;
    // The pre-alarm gets the alarm's hysteresis band, so it does not flap around its level.
    const preReset = isSet(pre) ? pre - (alarm - release || 0) : null;
    const pairs: [number, [number, number]][] = [
      [UP_PRE, upperPair(isSet(pre) && !(pre >= alarm) ? pre : null, preReset)],
      [UP_ALARM, [alarm, release]],
      [UP_CUT, upperPair(up(t.upperPowerCut), upReset(t.upperPowerRestore, t.upperPowerCut))],
      [LO_PRE, lowerPair(t.lowerPreAlarm, null)],
      [LO_ALARM, lowerPair(lo(t.lowerAlarm), loReset(t.lowerAlarmRelease, t.lowerAlarm))],
      [LO_CUT, lowerPair(lo(t.lowerPowerCut), loReset(t.lowerPowerRestore, t.lowerPowerCut))],
    ];
    for (const [k, [set, reset]] of pairs) {
      thresholds[o + k] = set;
      thresholds[o + k + 1] = reset;
    }
  }

  function evaluate(index: number, value: number, statusBits: number, tsMs: number): number {
    if (!(index >= 0 && index < capacity && (index | 0) === index)) checkIndex(index);
    if (tsMs < (lastTs[index] as number)) return EvaluatorEvent.STALE_READING;
    lastTs[index] = tsMs;
    const prev = state[index] as number;
    let s = prev;
    s = (statusBits & FAULT_STATUS_MASK) !== 0 ? s | PointStateBit.FAULT : s & ~PointStateBit.FAULT;
    s =
      (statusBits & STATUS_CALIBRATING) !== 0
        ? s | PointStateBit.CALIBRATING
        : s & ~PointStateBit.CALIBRATING;

    if ((statusBits & UNTRUSTED_STATUS_MASK) === 0 && !Number.isNaN(value)) {
      lastValue[index] = value;
      const o = index * STRIDE;
      const t = thresholds;
      if ((s & PointStateBit.PRE_ALARM) !== 0) {
        if (value < (t[o + UP_PRE + 1] as number)) s &= ~PointStateBit.PRE_ALARM;
      } else if (value >= (t[o + UP_PRE] as number)) s |= PointStateBit.PRE_ALARM;
      if ((s & PointStateBit.ALARM) !== 0) {
        if (value < (t[o + UP_ALARM + 1] as number)) s &= ~PointStateBit.ALARM;
      } else if (value >= (t[o + UP_ALARM] as number)) s |= PointStateBit.ALARM;
      if ((s & PointStateBit.POWER_CUT) !== 0) {
        if (value < (t[o + UP_CUT + 1] as number)) s &= ~PointStateBit.POWER_CUT;
      } else if (value >= (t[o + UP_CUT] as number)) s |= PointStateBit.POWER_CUT;
      if ((s & PointStateBit.LOW_PRE_ALARM) !== 0) {
        if (value >= (t[o + LO_PRE + 1] as number)) s &= ~PointStateBit.LOW_PRE_ALARM;
      } else if (value < (t[o + LO_PRE] as number)) s |= PointStateBit.LOW_PRE_ALARM;
      if ((s & PointStateBit.LOW_ALARM) !== 0) {
        if (value >= (t[o + LO_ALARM + 1] as number)) s &= ~PointStateBit.LOW_ALARM;
      } else if (value < (t[o + LO_ALARM] as number)) s |= PointStateBit.LOW_ALARM;
      if ((s & PointStateBit.LOW_POWER_CUT) !== 0) {
        if (value >= (t[o + LO_CUT + 1] as number)) s &= ~PointStateBit.LOW_POWER_CUT;
      } else if (value < (t[o + LO_CUT] as number)) s |= PointStateBit.LOW_POWER_CUT;
    }

    if (s === prev) return EvaluatorEvent.NONE;
    state[index] = s;
    return (RAISED_EVENTS[s & ~prev] as number) | (CLEARED_EVENTS[prev & ~s] as number);
  }

  return {
    capacity,
    configurePoint,
    evaluate,
    stateOf: (index) => {
      checkIndex(index);
      return state[index] as number;
    },
    lastValueOf: (index) => {
      checkIndex(index);
      return lastValue[index] as number;
    },
    lastTimestampOf: (index) => {
      checkIndex(index);
      return lastTs[index] as number;
    },
    resetPoint: (index) => {
      checkIndex(index);
      state[index] = 0;
      lastTs[index] = Number.NEGATIVE_INFINITY;
      lastValue[index] = Number.NaN;
    },
  };
}
