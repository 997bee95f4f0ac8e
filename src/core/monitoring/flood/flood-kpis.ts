import type { AlarmGroup, AlarmGroupKind, ConsoleGrouping } from './alarm-grouping.ts';

/** A raise in the alarm history (data time). */
export interface RaiseEvent {
  alarmId: string;
  mineId: string;
  mineName: string;
  atMs: number;
}

/** One line of the flood panel: a parent the console shows for many alarms, or a mine's raw burst. */
export interface FloodLine {
  id: string;
  kind: Exclude<AlarmGroupKind, 'incident'>;
  /** The order number or substation code, else ''. */
  label: string;
  mineId: string | null;
  mineName: string | null;
  mineCount: number;
  /** Alarms it stands for (its children, and its parent alarm when it has one). */
  count: number;
  sinceMs: number;
}

export interface FloodKpis {
  /** ISA-18.2 load: raises in the last hour, each parent counted once, for the console's operator. */
  alarmsPerOperatorHour: number;
  /** The same hour counted alarm by alarm, so the reduction shows. */
  rawAlarmsLastHour: number;
  /** Raises in the last 10 minutes (each parent once) and whether that is a flood (≥ 10 per 10 min). */
  alarmsLast10Min: number;
  /** The same 10 minutes counted alarm by alarm. */
  rawAlarmsLast10Min: number;
  isFlood: boolean;
  floods: FloodLine[];
  incidents: number;
}

const FLOOD_RATE_PER_10_MIN = 10;

/**
 * The flood panel and the operator's alarm load on data time. A raise of an alarm that belongs to a
 * parent counts once for the parent, however many children it has; raises of alarms no longer open
 * count one each. A mine whose raises in the last 10 minutes reach the flood rate without an open
 * parent still shows (a burst that has already cleared).
 */
export function floodKpis(
  events: readonly RaiseEvent[],
  grouping: ConsoleGrouping,
  nowMs: number,
): FloodKpis {
  const counted = (sinceMs: number) => {
    const keys = new Set<string>();
    let raw = 0;
    for (const e of events) {
      if (e.atMs < sinceMs || e.atMs > nowMs) continue;
      raw++;
      const g = grouping.groupOf.get(e.alarmId);
      keys.add(g === undefined ? `${e.alarmId}@${e.atMs}` : g);
    }
    return { shown: keys.size, raw };
  };
  const hour = counted(nowMs - 3_600_000);
  const tenMin = counted(nowMs - 600_000);
  const floods: FloodLine[] = grouping.groups
    .filter((g): g is AlarmGroup & { kind: FloodLine['kind'] } => g.kind !== 'incident')
    .map((g) => ({
      id: g.id,
      kind: g.kind,
      label: g.label,
      mineId: g.mineId,
      mineName: g.mineName,
      mineCount: g.mineCount,
      count: g.childIds.length + (g.parentAlarmId === null ? 0 : 1),
      sinceMs: g.sinceMs,
    }));
  const bursting = new Set(floods.filter((f) => f.kind === 'burst').map((f) => f.mineId));
  const perMine = new Map<string, { mineName: string; count: number; sinceMs: number }>();
  for (const e of events) {
    if (e.atMs < nowMs - 600_000 || e.atMs > nowMs || bursting.has(e.mineId)) continue;
    const x = perMine.get(e.mineId) ?? { mineName: e.mineName, count: 0, sinceMs: e.atMs };
    x.count++;
    x.sinceMs = Math.min(x.sinceMs, e.atMs);
    perMine.set(e.mineId, x);
  }
  for (const [mineId, x] of perMine) {
    if (x.count < FLOOD_RATE_PER_10_MIN) continue;
    floods.push({
      id: `burst:${mineId}:${x.sinceMs}`,
      kind: 'burst',
      label: '',
      mineId,
      mineName: x.mineName,
      mineCount: 1,
      count: x.count,
      sinceMs: x.sinceMs,
    });
  }
  return {
    alarmsPerOperatorHour: hour.shown,
    rawAlarmsLastHour: hour.raw,
    alarmsLast10Min: tenMin.shown,
    rawAlarmsLast10Min: tenMin.raw,
    isFlood: tenMin.raw >= FLOOD_RATE_PER_10_MIN,
    floods,
    incidents: grouping.groups.filter((g) => g.kind === 'incident').length,
  };
}
