import type { AlarmRecord, AlarmRule } from './engine-types.ts';

/**
 * The reading each point's levels are restored from: its newest stored reading, unless an active level
 * alarm on the point was stored with a newer peak. Alarm changes are stored before the readings behind
 * them (a process killed between the two keeps the alarm but not its readings), so then the alarm's peak
 * is the newest state known: restoring from the older reading would clear the alarm, and the replayed
 * readings would raise it a second time. With the peak restored, the replayed readings before it are
 * stored but not judged again, and from the peak's own reading on they are judged as usual.
 */
export function restoredLevels(
  last: ReadonlyArray<{ pointId: number; tsMs: number; value: number; status: number }>,
  alarms: Iterable<AlarmRecord>,
): Array<{ pointId: number; tsMs: number; value: number; status: number }> {
  const byPoint = new Map(last.map((r) => [r.pointId, r]));
  for (const a of alarms) {
    if (!a.conditionActive || a.pointId === null || a.peakValue === null || a.peakMs === null) continue;
    if (!RESTORABLE_LEVEL_RULES.has(a.rule)) continue;
    const stored = byPoint.get(a.pointId);
    if (stored && stored.tsMs >= a.peakMs) continue;
    // A millisecond before the peak: the peak's own reading was not stored either, and a reading at the
    // restored time would be taken for one already stored and skipped.
    byPoint.set(a.pointId, { pointId: a.pointId, tsMs: a.peakMs - 1, value: a.peakValue, status: 0 });
  }
  return [...byPoint.values()];
}

/** Level alarms whose peak is a reading's value (power cuts and faults come from status, not value). */
const RESTORABLE_LEVEL_RULES: ReadonlySet<AlarmRule> = new Set(['over_limit', 'low_limit', 'pre_alarm']);
