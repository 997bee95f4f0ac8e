/**
 * A sensor whose value never changes over a window while its neighbours' values do is likely dead,
 * covered, or replaced by a fixed number (domain §1.6: flat-lined values; no coupling between
 * related sensors). Requiring varying neighbours keeps a genuinely quiet mine from being flagged.
 */

export interface FlatLineOptions {
  /** Values within this range count as "not varying" (default 0: exactly equal). */
  tolerance?: number;
  /** Fewer finite samples than this in the target gives `insufficient-data` (default 10). */
  minSamples?: number;
  /** How many neighbours must vary for a flat target to be flagged (default 1). */
  minVaryingNeighbours?: number;
}

export type FlatLineVerdict = 'flat-line' | 'varies' | 'all-flat' | 'insufficient-data';

export interface FlatLineResult {
  verdict: FlatLineVerdict;
  /** True only for 'flat-line'. */
  isFlatLine: boolean;
  targetRange: number | null;
  varyingNeighbours: number;
  neighbourCount: number;
}

function range(values: ArrayLike<number>): { range: number; count: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { range: count === 0 ? 0 : max - min, count };
}

/** Judges one point's values over a window against its neighbours' values over the same window. */
export function detectFlatLine(
  target: ArrayLike<number>,
  neighbours: readonly ArrayLike<number>[],
  options: FlatLineOptions = {},
): FlatLineResult {
  const tolerance = options.tolerance ?? 0;
  const minSamples = options.minSamples ?? 10;
  const minVarying = options.minVaryingNeighbours ?? 1;
  const t = range(target);
  let varyingNeighbours = 0;
  for (const n of neighbours) {
    const r = range(n);
    if (r.count >= 2 && r.range > tolerance) varyingNeighbours++;
  }
  const base = {
    targetRange: t.count === 0 ? null : t.range,
    varyingNeighbours,
    neighbourCount: neighbours.length,
  };
  if (t.count < minSamples) return { verdict: 'insufficient-data', isFlatLine: false, ...base };
  if (t.range > tolerance) return { verdict: 'varies', isFlatLine: false, ...base };
  if (varyingNeighbours < minVarying) return { verdict: 'all-flat', isFlatLine: false, ...base };
  return { verdict: 'flat-line', isFlatLine: true, ...base };
}
