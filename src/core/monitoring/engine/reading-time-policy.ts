/**
 * The timestamp policy for readings (issue 12 and 13): the data's own time drives every rule, so a
 * reading's time must be believable. A reading dated beyond `now + futureSkewMs` (a gateway clock
 * running ahead, or generated data stamped in advance) or before `now − maxAgeMs` (older than the raw
 * retention: it could never be stored long enough to be judged against its neighbours) is refused with
 * a reason. A reading received more than `lateAfterMs` after its time is accepted and counted as late.
 *
 * All three values are platform policy, not regulation: configurable (REDLINE_READING_FUTURE_SKEW_S,
 * REDLINE_RAW_RETENTION_DAYS, REDLINE_READING_LATE_AFTER_S) and shown as such.
 */
export interface ReadingTimePolicy {
  /** How far ahead of the receiving clock a reading may be dated (clock skew allowance). */
  futureSkewMs: number;
  /** How far back a reading may be dated (the raw-readings retention). */
  maxAgeMs: number;
  /** A reading received later than this after its own time counts as late (still judged). */
  lateAfterMs: number;
}

/** Platform defaults: 5 min skew, 100 days back (the default raw retention), late after 5 min. */
export const DEFAULT_READING_TIME_POLICY: ReadingTimePolicy = {
  futureSkewMs: 5 * 60_000,
  maxAgeMs: 100 * 86_400_000,
  lateAfterMs: 5 * 60_000,
};

export type ReadingTimeVerdict = 'ok' | 'late' | 'future' | 'too_old';

/** Judges one reading's time against the receiving clock. Allocation-free (hot path). */
export function judgeReadingTime(
  dataTimeMs: number,
  receivedMs: number,
  policy: ReadingTimePolicy,
): ReadingTimeVerdict {
  if (!Number.isFinite(dataTimeMs)) return 'too_old';
  if (dataTimeMs > receivedMs + policy.futureSkewMs) return 'future';
  if (dataTimeMs < receivedMs - policy.maxAgeMs) return 'too_old';
  return receivedMs - dataTimeMs > policy.lateAfterMs ? 'late' : 'ok';
}

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/** The rejection reason a door reports for a refused reading time. */
export function readingTimeReason(
  verdict: 'future' | 'too_old',
  dataTimeMs: number,
  receivedMs: number,
  policy: ReadingTimePolicy,
): string {
  return verdict === 'future'
    ? `READING_TIME_IN_FUTURE: data time ${iso(dataTimeMs)} is more than ${policy.futureSkewMs / 1000} s ahead of the receiving clock (${iso(receivedMs)}); check the gateway's clock`
    : `READING_TIME_TOO_OLD: data time ${iso(dataTimeMs)} is older than the raw retention (${Math.round(policy.maxAgeMs / 86_400_000)} days before ${iso(receivedMs)})`;
}
