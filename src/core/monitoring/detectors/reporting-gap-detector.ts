/**
 * Dead or switched-off sensors show up as gaps: a point that should report every `expectedIntervalMs`
 * and has not for more than `gapFactor` intervals. (Product capability 4: gaps while producing are a
 * sign of falsified or dead monitoring; whether the mine was producing is the caller's join.)
 */

export interface ReportingGapOptions {
  /** The point's normal reporting interval (e.g. 30 000 for the usual 30 s upload). */
  expectedIntervalMs: number;
  /** A gap is longer than this many intervals (default 3, tolerating a late or lost file). */
  gapFactor?: number;
  /** When given, the time since the last reading counts too and is reported as ongoing. */
  nowMs?: number;
}

export interface ReportingGap {
  /** Last reading before the gap. */
  fromMs: number;
  /** First reading after the gap, or `nowMs` for an ongoing gap. */
  toMs: number;
  gapMs: number;
  isOngoing: boolean;
}

export const DEFAULT_GAP_FACTOR = 3;

/**
 * True when a point's last reading is more than `gapFactor` × interval before `nowMs`. A point that
 * never reported (`lastTsMs` null) counts as stopped.
 */
export function isPointStopped(
  lastTsMs: number | null,
  nowMs: number,
  expectedIntervalMs: number,
  gapFactor: number = DEFAULT_GAP_FACTOR,
): boolean {
  return lastTsMs === null || nowMs - lastTsMs > gapFactor * expectedIntervalMs;
}

/** Gaps longer than `gapFactor` × interval in a point's reading times (any order; NaN ignored). */
export function findReportingGaps(
  timestampsMs: ArrayLike<number>,
  options: ReportingGapOptions,
): ReportingGap[] {
  const limit = (options.gapFactor ?? DEFAULT_GAP_FACTOR) * options.expectedIntervalMs;
  const ts = Array.from(timestampsMs)
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  const gaps: ReportingGap[] = [];
  for (let i = 1; i < ts.length; i++) {
    const from = ts[i - 1] as number;
    const to = ts[i] as number;
    if (to - from > limit) gaps.push({ fromMs: from, toMs: to, gapMs: to - from, isOngoing: false });
  }
  const last = ts[ts.length - 1];
  if (options.nowMs !== undefined && last !== undefined && options.nowMs - last > limit) {
    gaps.push({ fromMs: last, toMs: options.nowMs, gapMs: options.nowMs - last, isOngoing: true });
  }
  return gaps;
}
