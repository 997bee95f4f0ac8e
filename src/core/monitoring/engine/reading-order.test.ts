import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PointReading } from '../upload-file/safety-monitoring-records.ts';
import { timeOrder } from './reading-order.ts';

const reading = (dataTimeMs: number): PointReading => ({
  pointCode: 'P1',
  sensorTypeName: '',
  location: '',
  value: 0,
  unit: '',
  statusBits: 0,
  dataTimeMs,
});

/** The order by data time, ties in upload order (what the engine judges by). */
const byTimeThenUpload = (times: readonly number[]) =>
  times
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.i);

describe('timeOrder', () => {
  it('answers null for an upload already in time order', () => {
    expect(timeOrder([1000, 1000, 2000].map(reading))).toBeNull();
  });

  it('orders a poll by data time, equal times keeping their upload order, whatever the times', () => {
    const t0 = Date.parse('2026-12-05T02:00:00Z');
    const time = fc.oneof(
      fc.integer({ min: -5_000, max: 5_000 }).map((d) => t0 + d),
      fc.constantFrom(t0, t0 + 0.5, -t0, 0, 8.64e15, -8.64e15),
    );
    fc.assert(
      fc.property(fc.array(time, { minLength: 2, maxLength: 200 }), (times) => {
        const order = timeOrder(times.map(reading));
        const expected = byTimeThenUpload(times);
        if (order === null) expect(expected).toEqual(times.map((_, i) => i));
        else expect(Array.from(order)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
