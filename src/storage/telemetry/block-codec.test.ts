import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatRollups,
  decodeBlock,
  decodeRollup,
  decodeRollupInto,
  detectDecimals,
  encodeBlock,
  encodeRollup,
  mergeReadings,
  rollupOf,
  type BlockReadings,
} from './block-codec.ts';

/** Readings sorted by time with unique times, built from the generated parts. */
function readingsOf(start: number, gaps: number[], values: number[], statuses: number[]): BlockReadings {
  const n = Math.min(gaps.length, values.length, statuses.length);
  const ts = new Float64Array(n);
  let t = start;
  for (let i = 0; i < n; i++) {
    t += gaps[i]!;
    ts[i] = t;
  }
  return {
    ts,
    values: Float64Array.from(values.slice(0, n)),
    statuses: Int32Array.from(statuses.slice(0, n)),
  };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

/** A value with a sensor's resolution: an integer count of 10^-d. */
const decimalValue = fc
  .tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([k, d]) => k / 10 ** d);
/** Any double but NaN: huge, tiny, subnormal, ±0, ±Infinity, arbitrary decimals. */
const anyValue = fc.double({ noNaN: true });
const gap = fc.oneof(
  fc.constant(10_000),
  fc.integer({ min: 1, max: 20_000 }),
  fc.constantFrom(1, 9_999, 10_001, 3_600_000),
);
const blockArb = (value: fc.Arbitrary<number>) =>
  fc
    .tuple(
      fc.integer({ min: -1e12, max: 4e12 }),
      fc.array(gap, { minLength: 1, maxLength: 400 }),
      fc.array(value, { minLength: 1, maxLength: 400 }),
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), {
        minLength: 400,
        maxLength: 400,
      }),
    )
    .map(([start, gaps, values, statuses]) => readingsOf(start, gaps, values, statuses));

describe('telemetry block codec', () => {
  it('round-trips every block bit for bit (sensor resolutions and any non-NaN double)', () => {
    fc.assert(
      fc.property(fc.oneof(blockArb(decimalValue), blockArb(anyValue)), (r) => {
        const back = decodeBlock(encodeBlock(r));
        expect(sameBits(back.ts, r.ts)).toBe(true);
        expect(sameBits(back.values, r.values)).toBe(true);
        expect(Array.from(back.statuses)).toEqual(Array.from(r.statuses));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps NaN, -0 and values that are not exact decimals by falling back to float64', () => {
    const r = readingsOf(
      0,
      [1, 1, 1, 1, 1],
      [0.1, -0, Number.NaN, 1 / 3, 0.30000000000000004],
      [0, 0, 0, 0, 0],
    );
    expect(detectDecimals(r.values)).toBe(-1);
    const back = decodeBlock(encodeBlock(r));
    expect(sameBits(back.values, r.values)).toBe(true);
  });

  it('detects the resolution a sensor reports in', () => {
    expect(detectDecimals([0.12, 0.5, 1])).toBe(2);
    expect(detectDecimals([20.5, 21, 19.9])).toBe(1);
    expect(detectDecimals([1, 0, 1])).toBe(0);
    expect(detectDecimals([0.1 + 0.2])).toBe(-1);
  });

  it('costs under a byte per reading for a regular poll of a slowly changing sensor', () => {
    const n = 360;
    const values = Array.from(
      { length: n },
      (_, i) => Math.round((0.3 + 0.05 * Math.sin(i / 30)) * 100) / 100,
    );
    const r = readingsOf(
      1_700_000_000_000,
      new Array<number>(n).fill(10_000),
      values,
      new Array<number>(n).fill(0),
    );
    expect(encodeBlock(r).length / n).toBeLessThan(1);
  });

  it('round-trips the per-minute rollup: counts, minimum and maximum exact, sums to the last bit of the exact sum', () => {
    fc.assert(
      fc.property(
        fc.oneof(blockArb(decimalValue), blockArb(fc.double({ noNaN: true, min: -1e6, max: 1e6 }))),
        (r) => {
          const minutes = rollupOf(r);
          const back = decodeRollup(encodeRollup(minutes, r));
          expect(back.map((m) => [m.minuteMs, m.count, m.min, m.max])).toEqual(
            minutes.map((m) => [m.minuteMs, m.count, m.min, m.max]),
          );
          back.forEach((m, i) => {
            const want = minutes[i]!.sum;
            expect(Math.abs(m.sum - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-12 + 1e-9);
          });
          expect(back.reduce((n, m) => n + m.count, 0)).toBe(r.ts.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('merges late and re-sent readings: the stored reading at a time wins, nothing is counted twice', () => {
    const base = readingsOf(0, [1000, 1000, 1000], [1, 2, 3], [0, 0, 0]);
    const merged = mergeReadings(base, {
      length: 4,
      ts: [2000, 500, 500, 4000],
      values: [99, 0.5, 77, 4],
      statuses: [0, 1, 0, 0],
    });
    expect(Array.from(merged.ts)).toEqual([500, 1000, 2000, 3000, 4000]);
    expect(Array.from(merged.values)).toEqual([0.5, 1, 2, 3, 4]);
    expect(Array.from(merged.statuses)).toEqual([1, 0, 0, 0, 0]);
  });

  it('concatenates hour rollups into a day rollup without changing a minute, at any mix of resolutions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(blockArb(decimalValue), blockArb(fc.double({ noNaN: true, min: -1e6, max: 1e6 }))),
          { minLength: 1, maxLength: 4 },
        ),
        (blocks) => {
          // Each block shifted into its own hour, in order, as a day's windows are.
          const hours = blocks.map((r, h) => {
            const shift = h * 3_600_000 * 1000;
            return encodeRollup(rollupOf({ ...r, ts: r.ts.map((t) => t + shift) }), {
              ...r,
              ts: r.ts.map((t) => t + shift),
            });
          });
          const want = hours.flatMap((b) => decodeRollup(b));
          const day = concatRollups(hours);
          const back = decodeRollup(day);
          expect(back.map((m) => [m.minuteMs, m.count, m.min, m.max])).toEqual(
            want.map((m) => [m.minuteMs, m.count, m.min, m.max]),
          );
          back.forEach((m, i) => {
            const s = want[i]!.sum;
            expect(Math.abs(m.sum - s)).toBeLessThanOrEqual(Math.abs(s) * 1e-12 + 1e-9);
          });
          const cols = { t: [] as number[], v: [] as number[], min: [] as number[], max: [] as number[] };
          decodeRollupInto(day, cols, -Infinity, Infinity);
          expect(cols.t).toEqual(want.map((m) => m.minuteMs));
          expect(cols.min).toEqual(want.map((m) => m.min));
        },
      ),
      { numRuns: 100 },
    );
  });
});
