import { describe, expect, it } from 'vitest';
import { detectIdenticalTimestamps } from './identical-timestamp-detector.ts';

const T = Date.UTC(2026, 8, 23, 2, 13, 19);
const readings = (times: readonly number[]) => times.map((t, i) => ({ pointCode: `P${i}`, dataTimeMs: t }));

describe('detectIdenticalTimestamps', () => {
  it('flags a file where every point carries the same time', () => {
    expect(detectIdenticalTimestamps(readings([T, T, T, T, T, T]))).toEqual({
      isSuspicious: true,
      pointCount: 6,
      distinctTimestamps: 1,
      sharedTimeMs: T,
    });
  });

  it('does not flag points polled one after another', () => {
    const r = detectIdenticalTimestamps(readings([T, T, T + 1000, T + 2000, T + 2000, T + 3000]));
    expect([r.isSuspicious, r.distinctTimestamps, r.sharedTimeMs]).toEqual([false, 4, null]);
  });

  it('does not judge files with too few points', () => {
    expect(detectIdenticalTimestamps(readings([T, T, T])).isSuspicious).toBe(false);
    expect(detectIdenticalTimestamps(readings([T, T, T]), { minPoints: 3 }).isSuspicious).toBe(true);
    expect(detectIdenticalTimestamps([]).isSuspicious).toBe(false);
  });
});
