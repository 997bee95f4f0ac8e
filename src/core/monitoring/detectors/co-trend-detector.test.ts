import { describe, expect, it } from 'vitest';
import { detectCoRisingTrend, leastSquaresFit } from './co-trend-detector.ts';

const MIN = 60_000;
const times = Array.from({ length: 31 }, (_, i) => i * MIN);

describe('leastSquaresFit', () => {
  it('recovers a line', () => {
    const fit = leastSquaresFit([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit?.slope).toBeCloseTo(2);
    expect(fit?.intercept).toBeCloseTo(1);
    expect(fit?.r2).toBeCloseTo(1);
  });

  it('needs two distinct x', () => {
    expect(leastSquaresFit([1, 1], [2, 3])).toBeNull();
    expect(leastSquaresFit([1], [2])).toBeNull();
  });
});

describe('detectCoRisingTrend', () => {
  it('warns on CO climbing from 2 to 14 ppm over 30 minutes, below the 24 ppm alarm', () => {
    const co = times.map((_, i) => 2 + i * 0.4 + (i % 3 === 0 ? 0.3 : -0.2));
    const r = detectCoRisingTrend(times, co);
    expect(r.verdict).toBe('rising');
    expect(r.isRising).toBe(true);
    expect(r.slopePpmPerHour).toBeGreaterThan(20);
    expect(r.latestPpm).toBeLessThan(24);
  });

  it('does not warn on a steady background with noise', () => {
    const co = times.map((_, i) => 3 + ((i * 7) % 5) * 0.4);
    expect(detectCoRisingTrend(times, co).isRising).toBe(false);
  });

  it('does not warn on a slow drift below the slope threshold', () => {
    const co = times.map((_, i) => 3 + i * 0.02); // 1.2 ppm/h
    expect(detectCoRisingTrend(times, co).verdict).toBe('not-rising');
  });

  it('calls a positive slope with a poor fit noisy', () => {
    const co = times.map((_, i) => 3 + i * 0.2 + (i % 2 === 0 ? 8 : -8));
    expect(detectCoRisingTrend(times, co).verdict).toBe('noisy');
  });

  it('leaves a point already at the alarm level to the alarm path', () => {
    const co = times.map((_, i) => 10 + i * 0.5);
    expect(detectCoRisingTrend(times, co).verdict).toBe('at-or-above-alarm');
  });

  it('only looks at the window before the latest reading', () => {
    // A rise two hours ago, flat since.
    const t = [...times.map((x) => x - 120 * MIN), ...times];
    const co = [...times.map((_, i) => 2 + i * 0.4), ...times.map(() => 14)];
    expect(detectCoRisingTrend(t, co).verdict).toBe('not-rising');
    expect(detectCoRisingTrend(t, co, { windowMs: 3 * 3_600_000 }).slopePpmPerHour).toBeGreaterThan(0);
  });

  it('needs enough readings', () => {
    expect(detectCoRisingTrend([0, MIN, 2 * MIN], [1, 5, 9]).verdict).toBe('insufficient-data');
  });
});
