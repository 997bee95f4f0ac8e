import { isInScope, requireInScope, requirePermission } from '../core/access/permissions.ts';
import type { Principal } from '../core/access/types.ts';
import { notFound } from '../core/errors.ts';
import type { AlarmEvent } from '../core/monitoring/alarms/alarm-lifecycle.ts';
import type { MonitoredMine, PointRecord } from '../core/monitoring/engine/engine-types.ts';
import type { AlarmScopeFilter, AlarmView } from '../core/monitoring/monitoring-ports.ts';
import type { MineRow, Ports } from '../core/ports.ts';
import {
  countByArea,
  type MinePersonnel,
  type MonitoringCommands,
  type MonitoringView,
} from './monitoring-view.ts';

/** How long a mine read from the registry is reused. */
const MINE_CACHE_MS = 5_000;
/** Beyond this many cached mines the cache starts over (a province has tens of thousands). */
const MINE_CACHE_MAX = 50_000;

const monitoredMine = (m: MineRow): MonitoredMine => ({
  id: m.id,
  code: m.code,
  name: m.name,
  status: m.status,
  approvedMaxUnderground: m.approvedMaxUnderground,
  gasClass: m.gasClass,
  regionPath: m.regionPath,
  hasGasControlCapability: m.hasGasControlCapability,
});

/**
 * The view of an API server that runs no engine (the distributed mode): every answer comes from the
 * database the workers write — alarms with their history, points, readings, personnel snapshots — and
 * the two commands go through `commands` to the worker that owns the mine.
 *
 * Alarms, people and readings are read fresh on every request (indexed queries, one mine or one scope
 * at a time). Mines are cached for a few seconds: the registry changes rarely, and a change made
 * through this server (which calls `refreshMine`) drops its entry at once; another server's copy is
 * at most MINE_CACHE_MS old.
 */
export class StoredMonitoringView implements MonitoringView {
  readonly #ports: Pick<Ports, 'mines' | 'monitoring'>;
  readonly #commands: MonitoringCommands;
  readonly #nowMs: () => number;
  readonly #mines = new Map<string, { mine: MonitoredMine; atMs: number }>();

  constructor(deps: {
    ports: Pick<Ports, 'mines' | 'monitoring'>;
    commands: MonitoringCommands;
    /** A monotonic clock for the cache (the business clock may stand still in tests). */
    nowMs?: () => number;
  }) {
    this.#ports = deps.ports;
    this.#commands = deps.commands;
    this.#nowMs = deps.nowMs ?? (() => performance.now());
  }

  #remember(mine: MonitoredMine): MonitoredMine {
    if (this.#mines.size >= MINE_CACHE_MAX) this.#mines.clear();
    this.#mines.set(mine.id, { mine, atMs: this.#nowMs() });
    return mine;
  }

  async mine(id: string): Promise<MonitoredMine | undefined> {
    const hit = this.#mines.get(id);
    if (hit && this.#nowMs() - hit.atMs < MINE_CACHE_MS) return hit.mine;
    const row = await this.#ports.mines.get(id);
    if (!row) {
      this.#mines.delete(id);
      return undefined;
    }
    return this.#remember(monitoredMine(row));
  }

  async mineByCode(code: string): Promise<MonitoredMine | undefined> {
    const row = await this.#ports.mines.getByCode(code);
    return row && this.#remember(monitoredMine(row));
  }

  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]> {
    return this.#ports.monitoring.alarmViews({ ...filter, openOnly: true });
  }

  countMinesWithAlarms(filter: AlarmScopeFilter): Promise<number> {
    return this.#ports.monitoring.countMinesWithAlarms(filter);
  }

  alarms(ids: readonly string[]): Promise<AlarmView[]> {
    return this.#ports.monitoring.alarmViews({ ids });
  }

  point(id: number): Promise<PointRecord | undefined> {
    return this.#ports.monitoring.getPoint(id);
  }

  async pointId(mineId: string, pointCode: string): Promise<number | undefined> {
    return (await this.#ports.monitoring.pointByCode(mineId, pointCode))?.id;
  }

  async lastValue(pointId: number): Promise<number | null> {
    return (await this.#ports.monitoring.lastReadings([pointId])).get(pointId)?.value ?? null;
  }

  async personnel(mineId: string): Promise<MinePersonnel> {
    const [areas, { snapshotMs, people }] = await Promise.all([
      this.#ports.monitoring.areasOfMine(mineId),
      this.#ports.monitoring.peopleOfMine(mineId),
    ]);
    return { snapshotMs, people, areas: countByArea(areas, people) };
  }

  undergroundCounts(mineIds: readonly string[]): Promise<Map<string, number>> {
    return this.#ports.monitoring.countPeople(mineIds);
  }

  async scopePredicate(principal: Principal): Promise<(mineId: string) => boolean> {
    if (principal.scope.kind === 'mine') {
      const own = principal.scope.mineId;
      return (mineId) => mineId === own;
    }
    const { items } = await this.#ports.mines.search(
      { regionPath: principal.scopePath ?? '\u0000' },
      { offset: 0, limit: 1_000_000, sort: 'code', desc: false },
    );
    const visible = new Set(
      items.filter((m) => isInScope(principal, { regionPath: m.regionPath, mineId: m.id })).map((m) => m.id),
    );
    return (mineId) => visible.has(mineId);
  }

  async act(
    principal: Principal,
    alarmId: string,
    event: AlarmEvent,
    comment: string | null,
  ): Promise<AlarmView> {
    requirePermission(principal, 'alarm.act');
    const alarm = await this.#ports.monitoring.getAlarm(alarmId);
    const mine = alarm && (await this.mine(alarm.mineId));
    if (!alarm || !mine) throw notFound('ALARM_NOT_FOUND', `No alarm "${alarmId}" in your scope.`);
    requireInScope(principal, { regionPath: mine.regionPath, mineId: mine.id }, 'ALARM', alarmId);
    const record = await this.#commands.act({
      mineId: mine.id,
      alarmId,
      event,
      comment,
      actor: { id: principal.userId, name: principal.displayName },
    });
    const [stored] = await this.#ports.monitoring.alarmViews({ ids: [alarmId] });
    if (!stored) throw notFound('ALARM_NOT_FOUND', `No alarm "${alarmId}" in your scope.`);
    // The state as the owner answered (a later change may already be stored); names from the database.
    return { ...stored, ...record };
  }

  async refreshMine(mineId: string): Promise<void> {
    this.#mines.delete(mineId);
    await this.#commands.refreshMine(mineId);
  }
}
