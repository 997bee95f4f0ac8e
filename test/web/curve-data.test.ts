import { describe, expect, it } from 'vitest';
import { curveOf, lastSample, withLiveSample } from '../../web/src/monitoring/curve/curve-data.ts';

/** A point's curve as drawn (web/src/monitoring/curve/curve-data.ts): gaps break the line, live readings extend it. */
const MIN = 60_000;

describe('a curve from the series endpoint', () => {
  it('breaks the line where raw readings are more than two minutes apart, and counts only real samples', () => {
    const curve = curveOf({
      resolution: 'raw',
      t: [0, 10_000, 10_000 + 3 * MIN],
      v: [1, 2, 3],
      min: null,
      max: null,
    });
    expect(curve.t).toEqual([0, 10_000, 10_001, 10_000 + 3 * MIN]);
    expect(curve.v).toEqual([1, 2, null, 3]);
    expect(curve.min).toEqual([null, null, null, null]);
    expect(curve.samples).toBe(3);
  });

  it('keeps a minute aggregate’s min and max for the band, and tolerates a missing minute but not three', () => {
    const curve = curveOf({
      resolution: '1m',
      t: [0, 2 * MIN, 6 * MIN],
      v: [0.2, 0.3, 0.4],
      min: [0.1, 0.2, 0.3],
      max: [0.3, 0.5, 0.6],
    });
    expect(curve.v).toEqual([0.2, 0.3, null, 0.4]);
    expect(curve.min).toEqual([0.1, 0.2, null, 0.3]);
    expect(curve.max).toEqual([0.3, 0.5, null, 0.6]);
    expect(lastSample(curve)).toEqual({ t: 6 * MIN, v: 0.4 });
  });
});

describe('a live reading on a curve', () => {
  const raw = curveOf({ resolution: 'raw', t: [0, 2_000, 4_000], v: [1, 2, 3], min: null, max: null });

  it('is appended when newer than the last sample; older samples than the window drop off', () => {
    const next = withLiveSample(raw, { t: 6_000, v: 4, s: 0 }, 1_000);
    expect(next.t).toEqual([2_000, 4_000, 6_000]);
    expect(next.v).toEqual([2, 3, 4]);
    expect(next.samples).toBe(3);
    expect(raw.t).toEqual([0, 2_000, 4_000]); // the curve shown is not changed in place
  });

  it('is ignored when the curve already has it, and on a curve of aggregates (reloaded instead)', () => {
    expect(withLiveSample(raw, { t: 4_000, v: 9, s: 0 }, 0)).toBe(raw);
    const minutes = curveOf({ resolution: '1m', t: [0], v: [1], min: [1], max: [1] });
    expect(withLiveSample(minutes, { t: MIN, v: 2, s: 0 }, 0)).toBe(minutes);
  });

  it('after a silence breaks the line before it', () => {
    const next = withLiveSample(raw, { t: 4_000 + 5 * MIN, v: 5, s: 0 }, 0);
    expect(next.v).toEqual([1, 2, 3, null, 5]);
    expect(next.samples).toBe(4);
  });
});
