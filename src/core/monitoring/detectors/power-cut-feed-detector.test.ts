import { describe, expect, it } from 'vitest';
import { detectPowerCutNotEffective, type TimedValue } from './power-cut-feed-detector.ts';

const S = 1000;
/** A series written as { second: value }, in time order. */
const series = (valueAt: Readonly<Record<number, number>>): TimedValue[] =>
  Object.entries(valueAt).map(([t, value]) => ({ tsMs: Number(t) * S, value }));

/** Methane at a face: 0.4 %, then 1.6 % (≥ the 1.5 cut) from t = 60 s to t = 210 s, then 0.6 %. */
const gas = series({ 0: 0.4, 30: 0.4, 60: 1.6, 90: 1.7, 120: 1.6, 150: 1.6, 180: 1.2, 210: 1.1, 240: 0.6 });
const OPTS = { powerCutAt: 1.5, restoreAt: 1.0 };

describe('detectPowerCutNotEffective', () => {
  it('flags the feed still on after the grace period while methane is at the cut level', () => {
    const feed = series({ 0: 1, 60: 1, 90: 1, 120: 1, 150: 1 });
    expect(detectPowerCutNotEffective(gas, feed, OPTS)).toEqual([
      { cutReachedAtMs: 60 * S, gasValue: 1.6, feedOnAtMs: 120 * S },
    ]);
  });

  it('does not flag a feed that dropped within the grace period', () => {
    const feed = series({ 0: 1, 60: 1, 90: 0, 120: 0, 150: 0, 250: 1 });
    expect(detectPowerCutNotEffective(gas, feed, OPTS)).toEqual([]);
  });

  it('does not flag power restored after the gas fell below the restore level', () => {
    const feed = series({ 90: 0, 240: 1 });
    expect(detectPowerCutNotEffective(gas, feed, OPTS)).toEqual([]);
  });

  it('finds one finding per episode', () => {
    const twice = [...gas, ...series({ 300: 1.8, 330: 1.8, 360: 1.8, 390: 0.2 })];
    const feed = series({ 130: 1, 140: 1, 370: 1 });
    expect(detectPowerCutNotEffective(twice, feed, OPTS).map((f) => f.cutReachedAtMs)).toEqual([
      60 * S,
      300 * S,
    ]);
  });

  it('without a restore level the episode ends below the cut level', () => {
    const feed = series({ 190: 1 });
    expect(detectPowerCutNotEffective(gas, feed, { powerCutAt: 1.5 })).toEqual([]);
    expect(detectPowerCutNotEffective(gas, feed, OPTS)).toHaveLength(1);
  });
});
