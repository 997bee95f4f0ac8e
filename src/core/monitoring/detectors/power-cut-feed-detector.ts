/**
 * Methane at the power-cut level must de-energise the area automatically (Regulations art. 498
 * table). The feed sensor (type 1011) on the controlled switch reports whether the load side still
 * has voltage. Gas at or above the cut level while the feed sensor still says "on" after a grace
 * period means the power-cut did not work, or the interlock was bypassed.
 */

export interface TimedValue {
  tsMs: number;
  value: number;
}

export interface PowerCutFeedOptions {
  /** The gas point's power-cut level (≥ starts an episode). */
  powerCutAt: number;
  /** The episode ends when the gas falls below this (default: powerCutAt). */
  restoreAt?: number;
  /**
   * Time allowed for the breaker to trip and the feed sensor to report it (default 60 s: two of the
   * usual 30 s upload cycles).
   */
  graceMs?: number;
  /** Feed value meaning "voltage on the load side" (default 1, per the 1011 code table). */
  feedOnValue?: number;
}

export interface PowerCutNotEffective {
  /** When the gas first reached the cut level in this episode. */
  cutReachedAtMs: number;
  /** The gas value that started the episode. */
  gasValue: number;
  /** The first feed reading after the grace period that still showed power on. */
  feedOnAtMs: number;
}

/**
 * Finds power-cut episodes of a gas point during which its feed sensor still reported power after
 * the grace period. Both series in time order. One finding per episode.
 */
export function detectPowerCutNotEffective(
  gas: readonly TimedValue[],
  feed: readonly TimedValue[],
  options: PowerCutFeedOptions,
): PowerCutNotEffective[] {
  const restoreAt = Math.min(options.restoreAt ?? options.powerCutAt, options.powerCutAt);
  const graceMs = options.graceMs ?? 60_000;
  const onValue = options.feedOnValue ?? 1;
  const findings: PowerCutNotEffective[] = [];
  let f = 0;
  let i = 0;
  while (i < gas.length) {
    const start = gas[i];
    if (start === undefined || !(start.value >= options.powerCutAt)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < gas.length && !((gas[j] as TimedValue).value < restoreAt)) j++;
    const endMs = j < gas.length ? (gas[j] as TimedValue).tsMs : Number.POSITIVE_INFINITY;
    const from = start.tsMs + graceMs;
    while (f < feed.length && (feed[f] as TimedValue).tsMs < from) f++;
    for (let k = f; k < feed.length; k++) {
      const r = feed[k] as TimedValue;
      if (r.tsMs >= endMs) break;
      if (r.value === onValue) {
        findings.push({ cutReachedAtMs: start.tsMs, gasValue: start.value, feedOnAtMs: r.tsMs });
        break;
      }
    }
    i = j;
  }
  return findings;
}
