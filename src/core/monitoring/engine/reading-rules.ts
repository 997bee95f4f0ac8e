import { EvaluatorEvent } from '../alarm-evaluator.ts';
import { detectCoRisingTrend } from '../detectors/co-trend-detector.ts';
import type { AlarmBook } from './alarm-book.ts';
import {
  cutRuleOf,
  type AlarmChange,
  type AlarmRule,
  type MonitoredMine,
  type PointRecord,
} from './engine-types.ts';
import type { SwitchRole } from './point-config.ts';

/**
 * The rules applied to each reading, after the evaluator: its level events become alarms, switch points
 * (smoke, belt protections, production signals) are judged by their role, and CO points feed the rising
 * trend early warning. Called by MonitoringEngine.ingestReadings; each call raises or clears alarms
 * idempotently in the alarm book.
 */

/** A CO point's recent samples (a ring buffer, one sample per CO_SAMPLE_MS). */
export interface CoHistory {
  t: Float64Array;
  v: Float64Array;
  n: number;
}

export const CO_WINDOW = 64;
const CO_SAMPLE_MS = 30_000;
/** CO early warning: at least this level (ppm) and this slope (ppm/h), still below the 24 ppm alarm. */
export const CO_TREND_FLOOR_PPM = 8;
export const CO_TREND_MIN_SLOPE_PPM_PER_H = 12;

const TRIP_WORDS = /动作|故障|失效|报警|跳闸|打滑|跑偏|堆煤|撕裂|急停|烟雾/;

/** A protection point reports "tripped/failed" as whichever of 1/0 its texts describe as such (default 1). */
export function isProtectionTripped(value: number, onText: string, offText: string): boolean {
  if (TRIP_WORDS.test(offText) && !TRIP_WORDS.test(onText)) return value === 0;
  return value === 1;
}

/** The evaluator's level events that raise and clear one alarm each, in the order they are applied. */
const LEVEL_ALARMS: ReadonlyArray<{
  raised: number;
  cleared: number;
  rule: AlarmRule;
  message: (what: string, value: number, unit: string) => string;
}> = [
  {
    raised: EvaluatorEvent.ALARM_RAISED,
    cleared: EvaluatorEvent.ALARM_CLEARED,
    rule: 'over_limit',
    message: (what, value, unit) => `Over the limit at ${what}: ${value} ${unit}.`,
  },
  {
    raised: EvaluatorEvent.LOW_ALARM_RAISED,
    cleared: EvaluatorEvent.LOW_ALARM_CLEARED,
    rule: 'low_limit',
    message: (what, value, unit) => `Below the limit at ${what}: ${value} ${unit}.`,
  },
  {
    raised: EvaluatorEvent.PRE_ALARM_RAISED,
    cleared: EvaluatorEvent.PRE_ALARM_CLEARED,
    rule: 'pre_alarm',
    message: (what, value, unit) => `Approaching the limit at ${what}: ${value} ${unit}.`,
  },
  {
    raised: EvaluatorEvent.FAULT_RAISED,
    cleared: EvaluatorEvent.FAULT_CLEARED,
    rule: 'sensor_fault',
    message: (what) => `Sensor fault reported by ${what}.`,
  },
];

export function onEvaluatorEvents(
  alarms: AlarmBook,
  out: AlarmChange[],
  mine: MonitoredMine,
  p: PointRecord,
  ev: number,
  value: number,
  nowMs: number,
) {
  const subject = p.pointCode;
  const base = { mineId: mine.id, subject, pointId: p.id, value };
  const what = `${p.location} (${p.pointCode})`;
  const cutRule = cutRuleOf(p.sensorType);
  if (ev & EvaluatorEvent.POWER_CUT_RAISED || ev & EvaluatorEvent.LOW_POWER_CUT_RAISED) {
    alarms.raise(
      out,
      {
        ...base,
        rule: cutRule,
        message:
          cutRule === 'stop_work_level'
            ? `Stop-work temperature at ${what}: ${value} ${p.unit}.`
            : `Power-cut level reached at ${what}: ${value} ${p.unit}.`,
      },
      nowMs,
    );
  }
  if (ev & EvaluatorEvent.POWER_CUT_CLEARED || ev & EvaluatorEvent.LOW_POWER_CUT_CLEARED) {
    alarms.clear(out, mine.id, cutRule, subject, nowMs, value);
  }
  for (const level of LEVEL_ALARMS) {
    if (ev & level.raised)
      alarms.raise(out, { ...base, rule: level.rule, message: level.message(what, value, p.unit) }, nowMs);
    if (ev & level.cleared) alarms.clear(out, mine.id, level.rule, subject, nowMs, value);
  }
}

export function onSwitch(
  alarms: AlarmBook,
  out: AlarmChange[],
  mine: MonitoredMine,
  p: PointRecord,
  role: SwitchRole,
  value: number,
  stopped: boolean,
  nowMs: number,
) {
  const on = value === 1;
  const base = { mineId: mine.id, subject: p.pointCode, pointId: p.id, value };
  switch (role) {
    case 'smoke':
      if (on)
        alarms.raise(out, { ...base, rule: 'smoke', message: `Smoke detected at ${p.location}.` }, nowMs);
      else alarms.clear(out, mine.id, 'smoke', p.pointCode, nowMs, value);
      return;
    case 'belt_protection': {
      const tripped = isProtectionTripped(value, p.onText, p.offText);
      if (tripped) {
        alarms.raise(
          out,
          {
            ...base,
            rule: 'belt_protection',
            message: `Belt protection tripped or failed: ${p.location} ${p.onText}.`,
          },
          nowMs,
        );
      } else alarms.clear(out, mine.id, 'belt_protection', p.pointCode, nowMs, value);
      return;
    }
    case 'belt_running':
    case 'power_feed':
    case 'equipment':
      // Production signals in a mine under a stop order or closure: the highest priority.
      if (stopped && on) {
        alarms.raise(
          out,
          {
            ...base,
            rule: 'activity_in_stopped_mine',
            subject: '',
            message: `Power on / equipment running in a ${mine.status} mine: ${p.location} (${p.pointCode}).`,
          },
          nowMs,
        );
      }
      return;
    case 'fan':
    case 'other':
      return;
  }
}

export function onCoReading(
  alarms: AlarmBook,
  out: AlarmChange[],
  mine: MonitoredMine,
  p: PointRecord,
  h: CoHistory,
  tsMs: number,
  value: number,
  nowMs: number,
) {
  // One sample per CO_SAMPLE_MS, so the window spans about half an hour whatever the upload rate.
  const lastSlot = (h.n - 1 + CO_WINDOW) % CO_WINDOW;
  if (h.n > 0 && tsMs - h.t[lastSlot]! < CO_SAMPLE_MS) return;
  const slot = h.n % CO_WINDOW;
  h.t[slot] = tsMs;
  h.v[slot] = value;
  h.n++;
  if (h.n < 6) return;
  const size = Math.min(h.n, CO_WINDOW);
  const trend = detectCoRisingTrend(h.t.subarray(0, size), h.v.subarray(0, size), {
    minSlopePpmPerHour: CO_TREND_MIN_SLOPE_PPM_PER_H,
  });
  // A few ppm of drift with production is ordinary; a fire shows a steep rise above background.
  if (trend.isRising && value >= CO_TREND_FLOOR_PPM) {
    alarms.raise(
      out,
      {
        mineId: mine.id,
        rule: 'co_rising',
        subject: p.pointCode,
        pointId: p.id,
        message: `CO rising at ${p.location}: ${value} ppm, +${trend.slopePpmPerHour?.toFixed(1)} ppm/h — possible fire.`,
        value,
      },
      nowMs,
    );
  } else if (trend.verdict === 'not-rising') {
    alarms.clear(out, mine.id, 'co_rising', p.pointCode, nowMs, value);
  }
}
