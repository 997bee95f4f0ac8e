import { describe, expect, it } from 'vitest';
import { REGULATIONS_2016_THRESHOLDS } from '../thresholds/regulations-2016-threshold-table.ts';
import type { AlarmChange, AlarmRecord } from './engine-types.ts';
import { def, MINE, reading, T0 } from './engine.test-helper.ts';
import { MonitoringEngine } from './monitoring-engine.ts';

function engine(): MonitoringEngine {
  const e = new MonitoringEngine({ capacity: 16, thresholds: REGULATIONS_2016_THRESHOLDS });
  e.upsertMine(MINE, T0);
  e.definePoints('m1', [def('CH4-T1', '0001', { unit: '%CH4', upperAlarm: 1, upperPowerCut: 1.5 })], T0);
  return e;
}

const s = (n: number) => T0 + n * 10_000;
const methane = (values: number[], from = 0) => values.map((v, i) => reading('CH4-T1', v, s(from + i)));
const transitions = (changes: AlarmChange[], cause: string) =>
  changes.filter((c) => c.alarm.rule === 'over_limit' && c.cause === cause);

describe('rebuilding an engine whose alarm was stored before the readings behind it', () => {
  it('keeps the alarm and, when the readings are replayed, raises it once and clears it once', () => {
    // The first process: normal readings (stored), then an over-limit reading whose alarm is stored but
    // whose reading is not (killed between the alarm transaction and the readings' COPY).
    const first = engine();
    first.ingestReadings('m1', methane([0.3, 0.3, 0.3]), s(3));
    const raised = first.ingestReadings('m1', methane([1.2], 3), s(4)).changes;
    expect(transitions(raised, 'raised')).toHaveLength(1);
    const stored: AlarmRecord[] = [...first.alarms.values()].map((a) => structuredClone(a));

    // The next owner: the stored alarm and the newest stored reading (the normal one at step 2).
    const next = engine();
    next.loadAlarms(stored);
    const id = next.pointIds()[0]!;
    const restored = next.restoreLastReadings([{ pointId: id, tsMs: s(2), value: 0.3, status: 0 }], s(10));
    expect(transitions(restored, 'cleared')).toEqual([]);

    // The unacknowledged messages come again: steps 0–3 (seen before), then the episode goes on and ends.
    const again = next.ingestReadings('m1', methane([0.3, 0.3, 0.3, 1.2, 1.3, 0.4]), s(10));
    const replay = again.changes;
    // Every reading not stored before is stored now (the peak's own among them).
    const kept = Array.from(again.batch.ts.subarray(0, again.batch.length));
    expect(kept).toEqual(expect.arrayContaining([s(3), s(4), s(5)]));
    expect(transitions(replay, 'raised')).toEqual([]);
    expect(transitions(replay, 'cleared')).toHaveLength(1);
    const alarm = [...next.alarms.values()].find((a) => a.rule === 'over_limit')!;
    expect(alarm.activations).toBe(1);
    expect(alarm.peakValue).toBe(1.3);
  });

  it('still clears an alarm whose stored readings show the level gone', () => {
    const first = engine();
    first.ingestReadings('m1', methane([1.2]), s(1));
    const stored = [...first.alarms.values()].map((a) => structuredClone(a));
    const next = engine();
    next.loadAlarms(stored);
    const id = next.pointIds()[0]!;
    const restored = next.restoreLastReadings([{ pointId: id, tsMs: s(5), value: 0.2, status: 0 }], s(6));
    expect(transitions(restored, 'cleared')).toHaveLength(1);
  });
});
