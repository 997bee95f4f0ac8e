/**
 * Fake-data generators stamp every point of a file with the same time (domain §1.6: the 2025
 * generator writes "now + 5 s" on every CDSS record). Real hosts poll points one after another, so a
 * file where every one of many points carries one identical timestamp is suspicious.
 */

export interface IdenticalTimestampOptions {
  /** Files with fewer distinct points are not judged (default 5). */
  minPoints?: number;
}

export interface IdenticalTimestampResult {
  isSuspicious: boolean;
  pointCount: number;
  distinctTimestamps: number;
  /** The one timestamp all readings share, when they do. */
  sharedTimeMs: number | null;
}

/** Judges the readings of one file (CDSS records or anything with pointCode and dataTimeMs). */
export function detectIdenticalTimestamps(
  readings: readonly { pointCode: string; dataTimeMs: number }[],
  options: IdenticalTimestampOptions = {},
): IdenticalTimestampResult {
  const minPoints = options.minPoints ?? 5;
  const points = new Set<string>();
  const times = new Set<number>();
  for (const r of readings) {
    points.add(r.pointCode);
    times.add(r.dataTimeMs);
  }
  const shared = times.size === 1 ? ([...times][0] ?? null) : null;
  return {
    isSuspicious: shared !== null && points.size >= minPoints,
    pointCount: points.size,
    distinctTimestamps: times.size,
    sharedTimeMs: shared,
  };
}
