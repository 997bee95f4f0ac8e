import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  describeEvaluatorEvents,
  EvaluatorEvent as E,
  PointStateBit,
  type PointThresholds,
} from './alarm-evaluator.ts';
import { NO_THRESHOLDS, stricterThresholds, thresholdsFromRegulationRows } from './evaluator-thresholds.ts';
import { REGULATIONS_2016_THRESHOLDS } from './thresholds/regulations-2016-threshold-table.ts';

/** Methane at a face T1: alarm 1.0 (release 0.9), cut 1.5, restore below 1.0. */
const T1: PointThresholds = {
  ...NO_THRESHOLDS,
  upperAlarm: 1.0,
  upperAlarmRelease: 0.9,
  upperPowerCut: 1.5,
  upperPowerRestore: 1.0,
};
/** Oxygen: alarm below 18.5, release at 19.0. */
const O2: PointThresholds = { ...NO_THRESHOLDS, lowerAlarm: 18.5, lowerAlarmRelease: 19.0 };

type Step = [value: number, status: number, events: number];

/** Feeds readings 10 s apart and checks the events of each. */
function run(thresholds: PointThresholds, steps: readonly Step[], preAlarmFraction?: number | null): void {
  const ev = createEvaluator({
    capacity: 4,
    ...(preAlarmFraction === undefined ? {} : { preAlarmFraction }),
  });
  ev.configurePoint(2, thresholds);
  steps.forEach(([value, status, expected], i) => {
    const got = ev.evaluate(2, value, status, 1_000_000 + i * 10_000);
    expect(describeEvaluatorEvents(got), `step ${i}: value ${value}, status ${status}`).toEqual(
      describeEvaluatorEvents(expected),
    );
  });
}

describe('upper limits with hysteresis', () => {
  it('raises pre-alarm, alarm and power-cut in turn and clears them at their release/restore levels', () => {
    run(T1, [
      [0.5, 0, E.NONE],
      [0.8, 0, E.PRE_ALARM_RAISED], // default pre-alarm at 0.8 × 1.0
      [1.0, 0, E.ALARM_RAISED], // "alarm ≥"
      [1.2, 0, E.NONE],
      [1.5, 0, E.POWER_CUT_RAISED], // "cut ≥"
      [1.2, 0, E.NONE], // power stays cut until below 1.0
      [0.95, 0, E.POWER_CUT_CLEARED], // below restore; alarm held until below release 0.9
      [0.9, 0, E.NONE],
      [0.89, 0, E.ALARM_CLEARED],
      [0.75, 0, E.NONE], // pre-alarm keeps the alarm's 0.1 band: clears below 0.7
      [0.69, 0, E.PRE_ALARM_CLEARED],
    ]);
  });

  it('a jump past the power-cut level raises every level in one reading, and a drop clears them all', () => {
    run(T1, [
      [0.1, 0, E.NONE],
      [2.0, 0, E.PRE_ALARM_RAISED | E.ALARM_RAISED | E.POWER_CUT_RAISED],
      [0.1, 0, E.PRE_ALARM_CLEARED | E.ALARM_CLEARED | E.POWER_CUT_CLEARED],
    ]);
  });

  it('without a release threshold the alarm clears just below the alarm level', () => {
    run({ ...NO_THRESHOLDS, upperAlarm: 24 }, [
      [24, 0, E.PRE_ALARM_RAISED | E.ALARM_RAISED],
      [23.99, 0, E.ALARM_CLEARED],
    ]);
  });

  it('a release threshold above the alarm threshold is clamped, so the alarm does not flap', () => {
    run(
      { ...NO_THRESHOLDS, upperAlarm: 1.0, upperAlarmRelease: 1.2 },
      [
        [1.1, 0, E.ALARM_RAISED],
        [1.1, 0, E.NONE],
        [0.99, 0, E.ALARM_CLEARED],
      ],
      null,
    );
  });

  it('an explicit pre-alarm level wins; preAlarmFraction null disables the default', () => {
    run({ ...T1, upperPreAlarm: 0.5 }, [[0.6, 0, E.PRE_ALARM_RAISED]]);
    run(T1, [[0.95, 0, E.NONE]], null);
  });
});

describe('lower limits', () => {
  it('raise below the level and clear at the release level', () => {
    run(O2, [
      [20.9, 0, E.NONE],
      [18.5, 0, E.NONE], // "at least 18.5" is compliant
      [18.4, 0, E.LOW_ALARM_RAISED],
      [18.8, 0, E.NONE],
      [19.0, 0, E.LOW_ALARM_CLEARED],
    ]);
  });

  it('lower pre-alarm and power-cut levels', () => {
    run({ ...O2, lowerPreAlarm: 19.5, lowerPowerCut: 17, lowerPowerRestore: 18 }, [
      [19.4, 0, E.LOW_PRE_ALARM_RAISED],
      [16.9, 0, E.LOW_ALARM_RAISED | E.LOW_POWER_CUT_RAISED],
      [17.5, 0, E.NONE],
      [18.0, 0, E.LOW_POWER_CUT_CLEARED],
      [20, 0, E.LOW_ALARM_CLEARED | E.LOW_PRE_ALARM_CLEARED],
    ]);
  });
});

describe('status bits', () => {
  it('a sensor fault is raised and cleared, and its value is not trusted', () => {
    run(T1, [
      [5.0, 128, E.FAULT_RAISED],
      [5.0, 128, E.NONE],
      [0.1, 0, E.FAULT_CLEARED],
    ]);
  });

  it('a fault holds an alarm that was already raised instead of clearing it', () => {
    run(T1, [
      [1.2, 0, E.PRE_ALARM_RAISED | E.ALARM_RAISED],
      [0.0, 32, E.FAULT_RAISED],
      [1.1, 0, E.FAULT_CLEARED],
      [0.1, 0, E.PRE_ALARM_CLEARED | E.ALARM_CLEARED],
    ]);
  });

  it('calibration suspends evaluation', () => {
    run(T1, [
      [2.0, 4, E.CALIBRATION_STARTED],
      [0.1, 0, E.CALIBRATION_ENDED],
    ]);
  });

  it('over range is a fault but the value is still evaluated (over-range methane is high methane)', () => {
    run(T1, [[4.0, 8, E.FAULT_RAISED | E.PRE_ALARM_RAISED | E.ALARM_RAISED | E.POWER_CUT_RAISED]]);
  });

  it('the device alarm/power-cut bits alone change nothing', () => {
    run(T1, [[0.1, 1 | 2, E.NONE]]);
  });
});

describe('evaluator bookkeeping', () => {
  it('ignores a reading older than the last one', () => {
    const ev = createEvaluator({ capacity: 1 });
    ev.configurePoint(0, T1);
    expect(ev.evaluate(0, 1.2, 0, 2000)).toBe(E.PRE_ALARM_RAISED | E.ALARM_RAISED);
    expect(ev.evaluate(0, 0.1, 0, 1000)).toBe(E.STALE_READING);
    expect(ev.stateOf(0)).toBe(PointStateBit.PRE_ALARM | PointStateBit.ALARM);
    expect([ev.lastValueOf(0), ev.lastTimestampOf(0)]).toEqual([1.2, 2000]);
    expect(ev.evaluate(0, 1.3, 0, 2000)).toBe(E.NONE); // same time is not stale
  });

  it('a missing value (NaN) changes nothing; an unconfigured point never alarms', () => {
    const ev = createEvaluator({ capacity: 2 });
    ev.configurePoint(0, T1);
    expect(ev.evaluate(0, Number.NaN, 0, 1)).toBe(E.NONE);
    expect(ev.evaluate(1, 1e9, 0, 1)).toBe(E.NONE);
    expect(ev.evaluate(1, -1e9, 0, 2)).toBe(E.NONE);
  });

  it('removing a threshold clears the level it held on the next reading', () => {
    const ev = createEvaluator({ capacity: 1, preAlarmFraction: null });
    ev.configurePoint(0, T1);
    expect(ev.evaluate(0, 1.6, 0, 1)).toBe(E.ALARM_RAISED | E.POWER_CUT_RAISED);
    ev.configurePoint(0, { ...T1, upperPowerCut: null, upperPowerRestore: null });
    expect(ev.evaluate(0, 1.6, 0, 2)).toBe(E.POWER_CUT_CLEARED);
  });

  it('resetPoint forgets state and history', () => {
    const ev = createEvaluator({ capacity: 1 });
    ev.configurePoint(0, T1);
    ev.evaluate(0, 2, 0, 5);
    ev.resetPoint(0);
    expect([ev.stateOf(0), ev.lastTimestampOf(0)]).toEqual([0, Number.NEGATIVE_INFINITY]);
    expect(ev.evaluate(0, 2, 0, 1)).toBe(E.PRE_ALARM_RAISED | E.ALARM_RAISED | E.POWER_CUT_RAISED);
  });

  it('an index outside the slots is a programmer error', () => {
    const ev = createEvaluator({ capacity: 3 });
    expect(() => ev.evaluate(3, 0, 0, 0)).toThrow(RangeError);
    expect(() => ev.evaluate(-1, 0, 0, 0)).toThrow(RangeError);
    expect(() => ev.evaluate(1.5, 0, 0, 0)).toThrow(RangeError);
    expect(() => ev.configurePoint(7, T1)).toThrow(RangeError);
  });
});

describe('evaluator thresholds', () => {
  const row = (id: string) => REGULATIONS_2016_THRESHOLDS.rows.filter((r) => r.id === id);

  it('regulation rows become thresholds in the point unit', () => {
    expect(thresholdsFromRegulationRows(row('0004/general/upper'), '%')).toMatchObject({
      upperAlarm: 0.0024,
    });
    expect(thresholdsFromRegulationRows(row('0004/general/upper'), 'ppm')).toMatchObject({ upperAlarm: 24 });
    expect(thresholdsFromRegulationRows(row('0004/general/upper'), 'm/s')).toBeNull();
    const wind = REGULATIONS_2016_THRESHOLDS.rows.filter((r) => r.id.startsWith('0002/trolley-roadway/'));
    expect(thresholdsFromRegulationRows(wind, 'm/s')).toMatchObject({ upperAlarm: 8, lowerAlarm: 1 });
  });

  it('a mine laxer than the regulation is held to the regulation; a stricter mine keeps its own', () => {
    const reg = thresholdsFromRegulationRows(row('0001/face-t1/upper'), '%CH4') ?? NO_THRESHOLDS;
    const lax = {
      ...NO_THRESHOLDS,
      upperAlarm: 1.2,
      upperAlarmRelease: 1.1,
      upperPowerCut: 2.0,
      upperPowerRestore: 1.5,
    };
    expect(stricterThresholds(lax, reg)).toMatchObject({
      upperAlarm: 1.0,
      upperAlarmRelease: 1.0,
      upperPowerCut: 1.5,
      upperPowerRestore: 1.0,
    });
    const strict = {
      ...NO_THRESHOLDS,
      upperAlarm: 0.8,
      upperAlarmRelease: 0.7,
      upperPowerCut: 1.2,
      upperPowerRestore: 0.8,
    };
    expect(stricterThresholds(strict, reg)).toMatchObject(strict);
    const o2 = stricterThresholds(O2, { ...NO_THRESHOLDS, lowerAlarm: 20 });
    expect([o2.lowerAlarm, o2.lowerAlarmRelease]).toEqual([20, 20]);
  });
});
