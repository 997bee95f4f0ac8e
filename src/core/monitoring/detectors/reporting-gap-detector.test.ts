import { describe, expect, it } from 'vitest';
import { findReportingGaps, isPointStopped } from './reporting-gap-detector.ts';

const S = 1000;

describe('isPointStopped', () => {
  it.each([
    ['reported one interval ago', 30 * S, false],
    ['exactly three intervals ago is still tolerated', 90 * S, false],
    ['more than three intervals ago', 91 * S, true],
  ])('%s', (_label, age, stopped) => {
    expect(isPointStopped(1_000_000, 1_000_000 + age, 30 * S)).toBe(stopped);
  });

  it('a point that never reported is stopped; the factor is configurable', () => {
    expect(isPointStopped(null, 0, 30 * S)).toBe(true);
    expect(isPointStopped(0, 61 * S, 30 * S, 2)).toBe(true);
  });
});

describe('findReportingGaps', () => {
  it('finds a gap longer than N intervals, in any order, and nothing in a regular series', () => {
    const regular = Array.from({ length: 20 }, (_, i) => i * 30 * S);
    expect(findReportingGaps(regular, { expectedIntervalMs: 30 * S })).toEqual([]);
    const withGap = [0, 30 * S, 60 * S, 400 * S, 430 * S].reverse();
    expect(findReportingGaps(withGap, { expectedIntervalMs: 30 * S })).toEqual([
      { fromMs: 60 * S, toMs: 400 * S, gapMs: 340 * S, isOngoing: false },
    ]);
  });

  it('reports an ongoing gap up to now', () => {
    expect(findReportingGaps([0, 30 * S], { expectedIntervalMs: 30 * S, nowMs: 200 * S })).toEqual([
      { fromMs: 30 * S, toMs: 200 * S, gapMs: 170 * S, isOngoing: true },
    ]);
    expect(findReportingGaps([0, 30 * S], { expectedIntervalMs: 30 * S, nowMs: 100 * S })).toEqual([]);
  });
});
