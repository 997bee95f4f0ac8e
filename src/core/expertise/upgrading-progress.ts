import type { ProgressRecord } from './expertise-types.ts';

/** One step of a region's progress: the totals after the records of `on`. */
export interface ProgressPoint {
  on: string;
  mines: number;
  mechanisedFaces: number;
  intelligentFaces: number;
  remoteMonitoringMines: number;
}

/**
 * Region totals over time: on every date a record changes, each mine counts with its latest record up to
 * that date (a later record replaces an earlier one; it does not add to it). Pure.
 */
export function progressOverTime(records: readonly ProgressRecord[]): ProgressPoint[] {
  const ordered = [...records].sort(
    (a, b) =>
      a.recordedOn.localeCompare(b.recordedOn) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
  const latest = new Map<string, ProgressRecord>();
  const points: ProgressPoint[] = [];
  for (const r of ordered) {
    latest.set(r.mineId, r);
    let mech = 0;
    let intel = 0;
    let remote = 0;
    for (const x of latest.values()) {
      mech += x.mechanisedFaces;
      intel += x.intelligentFaces;
      if (x.remoteMonitoring) remote += 1;
    }
    const point = {
      on: r.recordedOn,
      mines: latest.size,
      mechanisedFaces: mech,
      intelligentFaces: intel,
      remoteMonitoringMines: remote,
    };
    if (points[points.length - 1]?.on === r.recordedOn) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}
