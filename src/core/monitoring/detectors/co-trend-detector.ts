/**
 * Early fire warning: carbon monoxide rising steadily while still below the 24 ppm alarm (the
 * Songzao belt fire produced CO long before anyone acted). A least-squares line through the last
 * `windowMs` of readings; a clear positive slope with a good fit is a warning.
 */

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination, 0…1 (1 when the values are all equal and the slope is 0). */
  r2: number;
}

/** Ordinary least squares y = slope·x + intercept; null with fewer than two distinct x. */
export function leastSquaresFit(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2 };
}

export interface CoTrendOptions {
  /** Look-back window ending at the latest reading (default 30 min). */
  windowMs?: number;
  /** Fewer readings in the window gives 'insufficient-data' (default 6). */
  minSamples?: number;
  /** Slope that counts as rising (default 6 ppm/h, i.e. 3 ppm in 30 minutes). */
  minSlopePpmPerHour?: number;
  /** Fit quality below this is 'noisy' (default 0.6). */
  minR2?: number;
  /** The CO alarm level; at or above it the alarm path owns the point (default 24 ppm). */
  alarmPpm?: number;
}

export type CoTrendVerdict = 'rising' | 'not-rising' | 'noisy' | 'insufficient-data' | 'at-or-above-alarm';

export interface CoTrendResult {
  verdict: CoTrendVerdict;
  /** True only for 'rising'. */
  isRising: boolean;
  slopePpmPerHour: number | null;
  r2: number | null;
  samples: number;
  latestPpm: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Judges a CO series (times ascending, values in ppm; non-finite values skipped). The result
 * explains itself through `verdict`, slope and fit.
 */
export function detectCoRisingTrend(
  timesMs: ArrayLike<number>,
  valuesPpm: ArrayLike<number>,
  options: CoTrendOptions = {},
): CoTrendResult {
  const windowMs = options.windowMs ?? 30 * 60_000;
  const minSamples = options.minSamples ?? 6;
  const minSlope = options.minSlopePpmPerHour ?? 6;
  const minR2 = options.minR2 ?? 0.6;
  const alarmPpm = options.alarmPpm ?? 24;

  const n = Math.min(timesMs.length, valuesPpm.length);
  let latestT = Number.NEGATIVE_INFINITY;
  let latestV: number | null = null;
  for (let i = 0; i < n; i++) {
    const t = timesMs[i] as number;
    const v = valuesPpm[i] as number;
    if (Number.isFinite(t) && Number.isFinite(v) && t >= latestT) {
      latestT = t;
      latestV = v;
    }
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = timesMs[i] as number;
    const v = valuesPpm[i] as number;
    if (Number.isFinite(t) && Number.isFinite(v) && t >= latestT - windowMs) {
      xs.push((t - latestT) / HOUR_MS);
      ys.push(v);
    }
  }
  const base = { samples: xs.length, latestPpm: latestV };
  const fit = xs.length >= minSamples ? leastSquaresFit(xs, ys) : null;
  if (fit === null)
    return { verdict: 'insufficient-data', isRising: false, slopePpmPerHour: null, r2: null, ...base };
  const measured = { slopePpmPerHour: fit.slope, r2: fit.r2, ...base };
  if (latestV !== null && latestV >= alarmPpm)
    return { verdict: 'at-or-above-alarm', isRising: false, ...measured };
  if (fit.slope < minSlope) return { verdict: 'not-rising', isRising: false, ...measured };
  if (fit.r2 < minR2) return { verdict: 'noisy', isRising: false, ...measured };
  return { verdict: 'rising', isRising: true, ...measured };
}
