/**
 * A small seeded pseudo-random source (mulberry32) for the simulator. Same seed, same sequence, on
 * every platform: demo data, scenario replays and benchmarks must be reproducible, so nothing in
 * `sim/` uses Math.random.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, drawn in proportion to its weight; weights must not all be zero. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

/** Creates a seeded random source; `seed` is taken modulo 2^32. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  };

  const weighted = <T>(choices: ReadonlyArray<readonly [T, number]>): T => {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let r = next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point rounding can leave r at a hair above zero: fall back to the last weighted choice.
    const last = choices.findLast(([, w]) => w > 0);
    if (last === undefined) throw new RangeError('weighted() needs a positive total weight');
    return last[0];
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  };

  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted,
    shuffle,
  };
}
