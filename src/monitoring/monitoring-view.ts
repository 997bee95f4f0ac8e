import { isInScope } from '../core/access/permissions.ts';
import type { Principal } from '../core/access/types.ts';
import type { AlarmEvent } from '../core/monitoring/alarms/alarm-lifecycle.ts';
import type { AlarmRecord, MonitoredMine, PointRecord } from '../core/monitoring/engine/engine-types.ts';
import type { PersonUnderground } from '../core/monitoring/engine/personnel-rules.ts';
import type { AlarmScopeFilter, AlarmView } from '../core/monitoring/monitoring-ports.ts';
import type { PersonnelArea } from '../core/monitoring/upload-file/personnel-records.ts';
import type { MonitoringRuntime } from './monitoring-runtime.ts';

/** A personnel area with how many people are in it now. */
export interface PersonnelAreaCount {
  areaCode: string;
  areaName: string;
  areaType: string;
  approved: number;
  count: number;
}

/** A mine's people underground: the snapshot time, the people (by card code) and the areas (by code). */
export interface MinePersonnel {
  snapshotMs: number | null;
  people: PersonUnderground[];
  areas: PersonnelAreaCount[];
}

/**
 * What the HTTP routes read of monitoring, and the two commands they send. The embedded mode answers
 * from the in-process engine; the distributed mode from the database the workers write, with the
 * commands going to the worker that owns the mine. Both answer the same for the same state.
 */
export interface MonitoringView {
  /** A mine as monitoring knows it (registry facts that matter for alarms and scope). */
  mine(id: string): Promise<MonitoredMine | undefined>;
  mineByCode(code: string): Promise<MonitoredMine | undefined>;
  /**
   * The alarms of the mines in the filter that are not back to normal, ordered by id. The filter
   * comes from the caller's scope; the route still checks each alarm's region against the caller.
   */
  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]>;
  /** How many mines in the filter have an alarm record in any state (the KPIs' per-mine basis). */
  countMinesWithAlarms(filter: AlarmScopeFilter): Promise<number>;
  /** Alarms by id, whatever their state; unknown ids are left out. */
  alarms(ids: readonly string[]): Promise<AlarmView[]>;
  point(id: number): Promise<PointRecord | undefined>;
  pointId(mineId: string, pointCode: string): Promise<number | undefined>;
  /** The newest value of a point, or null before its first reading. */
  lastValue(pointId: number): Promise<number | null>;
  personnel(mineId: string): Promise<MinePersonnel>;
  /** People underground per mine for the mines given (a mine with nobody may be left out). */
  undergroundCounts(mineIds: readonly string[]): Promise<Map<string, number>>;
  /** A synchronous "may this principal see the mine?" for callers that cannot wait per mine. */
  scopePredicate(principal: Principal): Promise<(mineId: string) => boolean>;
  /**
   * An operator acknowledges, shelves, unshelves or takes an alarm out of service. Permission
   * `alarm.act` and the scope are checked here; an alarm out of scope reads as ALARM_NOT_FOUND.
   */
  act(principal: Principal, alarmId: string, event: AlarmEvent, comment: string | null): Promise<AlarmView>;
  /** The registry changed a mine (status, approved headcount): monitoring re-reads and re-judges it. */
  refreshMine(mineId: string): Promise<void>;
}

/**
 * How an API server without the engine sends the two commands to the process that owns the mine's
 * alarms (over NATS request/reply in the distributed mode). Each resolves once the outcome is stored.
 */
export interface MonitoringCommands {
  act(input: {
    mineId: string;
    alarmId: string;
    event: AlarmEvent;
    comment: string | null;
    actor: { id: string; name: string };
  }): Promise<AlarmRecord>;
  refreshMine(mineId: string): Promise<void>;
}

/** The commands carried out by a runtime in this process (tests; the worker side of the channel). */
export function runtimeCommands(runtime: MonitoringRuntime): MonitoringCommands {
  return {
    act: (input) => runtime.actAs(input.actor, input.alarmId, input.event, input.comment),
    refreshMine: (mineId) => runtime.refreshMine(mineId),
  };
}

/** Counts people per area against the areas' approved headcounts. */
export function countByArea(
  areas: readonly PersonnelArea[],
  people: readonly PersonUnderground[],
): PersonnelAreaCount[] {
  const counts = new Map<string, number>();
  for (const p of people) {
    if (p.areaCode !== null) counts.set(p.areaCode, (counts.get(p.areaCode) ?? 0) + 1);
  }
  return areas.map((a) => ({
    areaCode: a.areaCode,
    areaName: a.areaName,
    areaType: a.areaType,
    approved: a.approvedHeadcount,
    count: counts.get(a.areaCode) ?? 0,
  }));
}

const byCode =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The view of the embedded mode: the runtime's engine in this process. */
export class EmbeddedMonitoringView implements MonitoringView {
  readonly #runtime: MonitoringRuntime;

  constructor(runtime: MonitoringRuntime) {
    this.#runtime = runtime;
  }

  mine(id: string): Promise<MonitoredMine | undefined> {
    return Promise.resolve(this.#runtime.engine.mine(id));
  }

  mineByCode(code: string): Promise<MonitoredMine | undefined> {
    return Promise.resolve(this.#runtime.engine.mineByCode(code));
  }

  #inFilter(a: AlarmRecord, filter: AlarmScopeFilter): boolean {
    const mine = this.#runtime.engine.mine(a.mineId);
    if (!mine) return false;
    if (filter.mineId !== undefined && a.mineId !== filter.mineId) return false;
    return filter.regionPath === undefined || mine.regionPath.startsWith(filter.regionPath);
  }

  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]> {
    const out: AlarmView[] = [];
    for (const a of this.#runtime.engine.alarms.values()) {
      if ((a.state !== 'normal' || a.conditionActive) && this.#inFilter(a, filter)) {
        out.push(this.#runtime.viewOf(a));
      }
    }
    return Promise.resolve(out.sort(byCode((a) => a.id)));
  }

  countMinesWithAlarms(filter: AlarmScopeFilter): Promise<number> {
    const mines = new Set<string>();
    for (const a of this.#runtime.engine.alarms.values()) if (this.#inFilter(a, filter)) mines.add(a.mineId);
    return Promise.resolve(mines.size);
  }

  alarms(ids: readonly string[]): Promise<AlarmView[]> {
    const out: AlarmView[] = [];
    for (const id of ids) {
      const a = this.#runtime.engine.alarms.get(id);
      if (a && this.#runtime.engine.mine(a.mineId)) out.push(this.#runtime.viewOf(a));
    }
    return Promise.resolve(out);
  }

  point(id: number): Promise<PointRecord | undefined> {
    return Promise.resolve(this.#runtime.engine.point(id));
  }

  pointId(mineId: string, pointCode: string): Promise<number | undefined> {
    return Promise.resolve(this.#runtime.engine.pointId(mineId, pointCode));
  }

  lastValue(pointId: number): Promise<number | null> {
    return Promise.resolve(this.#runtime.engine.lastValue(pointId));
  }

  personnel(mineId: string): Promise<MinePersonnel> {
    const rules = this.#runtime.engine.personnel;
    const people = [...rules.underground(mineId)].sort(byCode((p) => p.cardCode));
    const areas = rules.areas(mineId).sort(byCode((a) => a.areaCode));
    return Promise.resolve({
      snapshotMs: rules.snapshotMs(mineId),
      people,
      areas: countByArea(areas, people),
    });
  }

  undergroundCounts(mineIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const id of mineIds) {
      const n = this.#runtime.engine.personnel.underground(id).length;
      if (n > 0) out.set(id, n);
    }
    return Promise.resolve(out);
  }

  scopePredicate(principal: Principal): Promise<(mineId: string) => boolean> {
    return Promise.resolve((mineId) => {
      const mine = this.#runtime.engine.mine(mineId);
      return mine !== undefined && isInScope(principal, { regionPath: mine.regionPath, mineId: mine.id });
    });
  }

  act(principal: Principal, alarmId: string, event: AlarmEvent, comment: string | null): Promise<AlarmView> {
    return this.#runtime.act(principal, alarmId, event, comment);
  }

  refreshMine(mineId: string): Promise<void> {
    return this.#runtime.refreshMine(mineId);
  }
}
