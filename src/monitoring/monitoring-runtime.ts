import type { Principal } from '../core/access/types.ts';
import { DomainError, notFound } from '../core/errors.ts';
import type { AlarmEvent } from '../core/monitoring/alarms/alarm-lifecycle.ts';
import { actOnAlarm, alarmAuditEntries } from '../core/monitoring/alarms/alarm-use-cases.ts';
import type { AlarmChange, AlarmRecord, MonitoredMine } from '../core/monitoring/engine/engine-types.ts';
import type { MinuteBucket } from '../core/monitoring/engine/minute-aggregator.ts';
import { monitoredMineOf } from '../core/monitoring/engine/monitored-mine.ts';
import { correlateMines } from '../core/monitoring/correlation/correlate-engine.ts';
import { ReadingBatch } from '../core/monitoring/engine/reading-batch.ts';
import {
  MonitoringEngine,
  type MonitoringEngineOptions,
} from '../core/monitoring/engine/monitoring-engine.ts';
import type { AlarmView } from '../core/monitoring/monitoring-ports.ts';
import type { PointDefinition } from '../core/monitoring/upload-file/point-definition-records.ts';
import type { PersonnelArea, PersonPosition } from '../core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../core/monitoring/upload-file/safety-monitoring-records.ts';
import { loadExemptions } from '../core/monitoring/stopped/stopped-use-cases.ts';
import type { Ports, TelemetryWriter } from '../core/ports.ts';
import type { LiveHub } from './live-hub.ts';
import type { IngestOutcome, MonitoringSink, SinkMine } from './monitoring-sink.ts';
import { SerialQueue } from './serial-queue.ts';

export const MONITORING_ACTOR = { id: 'system:monitoring', name: 'monitoring' } as const;

export type { IngestOutcome } from './monitoring-sink.ts';

type RuntimePorts = Pick<
  Ports,
  'mines' | 'regions' | 'monitoring' | 'stopped' | 'clock' | 'ids' | 'transaction'
>;

/** Which mines this runtime judges (all of them in one process; a worker's partitions in the cluster). */
export type MineScope = (mine: { id: string; code: string }) => boolean;

/**
 * The monitoring pipeline around the pure engine: parse → validate → evaluate → effects. Every call is
 * serialised (one queue), so the engine's state and the database always agree on order; a call
 * resolves only after its readings and alarm changes are durably stored, which is when adapters
 * acknowledge their clients.
 */
export class MonitoringRuntime implements MonitoringSink {
  #engine: MonitoringEngine;
  readonly #engineOptions: MonitoringEngineOptions;
  readonly #ports: RuntimePorts;
  readonly #writer: TelemetryWriter;
  readonly #hub: Pick<LiveHub, 'isWatched' | 'publish'>;
  readonly #regionNames = new Map<string, { name: string; nameEn: string }>();
  readonly #liveReadings = new Map<string, Map<number, { id: number; t: number; v: number; s: number }>>();
  readonly #allocatePointIds: ((n: number) => Promise<number[]>) | null;
  #scope: MineScope = () => true;
  readonly #queue = new SerialQueue();

  constructor(deps: {
    ports: RuntimePorts;
    writer: TelemetryWriter;
    hub: Pick<LiveHub, 'isWatched' | 'publish'>;
    engine: MonitoringEngineOptions;
    /** Allocates ids for new points from the database (needed when several runtimes share one). */
    allocatePointIds?: (n: number) => Promise<number[]>;
    /** The mines judged here (default: all). */
    scope?: MineScope;
  }) {
    this.#ports = deps.ports;
    this.#writer = deps.writer;
    this.#hub = deps.hub;
    this.#engineOptions = deps.engine;
    this.#engine = new MonitoringEngine(deps.engine);
    this.#allocatePointIds = deps.allocatePointIds ?? null;
    if (deps.scope) this.#scope = deps.scope;
  }

  /**
   * Changes the mines judged here and rebuilds the engine from what is stored (a worker that gained or
   * lost partitions). Runs in the queue, after the calls already waiting.
   */
  rescope(scope: MineScope): Promise<{ waitedMs: number; rebuildMs: number }> {
    const asked = performance.now();
    return this.#serial(async () => {
      const started = performance.now();
      this.#scope = scope;
      await this.#rebuild();
      return { waitedMs: Math.round(started - asked), rebuildMs: Math.round(performance.now() - started) };
    }, true);
  }

  /** The engine in use (replaced by a rebuilt one after a failed write). */
  get engine(): MonitoringEngine {
    return this.#engine;
  }

  /** Loads mines, points, alarms, areas and people into the engine. */
  async start(): Promise<void> {
    for (const r of await this.#ports.regions.list())
      this.#regionNames.set(r.id, { name: r.name, nameEn: r.nameEn });
    // The engine starts from what is stored — each point's newest reading included, so a batch re-sent
    // after a restart is recognised and skipped. (Per-minute rollups are computed from the stored raw
    // readings, so no minute is left open by a stop.)
    await this.#rebuild();
  }

  async #load(engine: MonitoringEngine): Promise<void> {
    const now = this.#ports.clock.nowMs();
    const { items } = await this.#ports.mines.search(
      {},
      { offset: 0, limit: 1_000_000, sort: 'code', desc: false },
    );
    const exemptions = await loadExemptions(this.#ports);
    for (const m of items) {
      engine.upsertMine(monitoredMineOf(m, exemptions.get(m.id)), now);
    }
    const mine = (mineId: string) => engine.mine(mineId);
    const owned = (mineId: string) => {
      const m = mine(mineId);
      return m !== undefined && this.#scope(m);
    };
    engine.loadPoints((await this.#ports.monitoring.loadPoints()).filter((p) => owned(p.mineId)));
    engine.loadAlarms((await this.#ports.monitoring.loadAlarms()).filter((a) => owned(a.mineId)));
    const areas = new Map<string, PersonnelArea[]>();
    for (const a of await this.#ports.monitoring.loadAreas()) {
      if (!owned(a.mineId)) continue;
      const list = areas.get(a.mineId) ?? [];
      list.push(a);
      areas.set(a.mineId, list);
    }
    for (const [mineId, list] of areas) engine.personnel.defineAreas(mineId, list);
    for (const p of await this.#ports.monitoring.loadPeople())
      if (owned(p.mineId)) engine.personnel.restore(p.mineId, p.people, p.snapshotMs);
  }

  /**
   * After a failed write the engine may hold state the database lacks (an alarm it believes raised, a
   * level it believes reached). It is rebuilt from what is stored — points, alarms, people and each
   * point's newest stored reading — so that the client's retry is judged afresh and its alarm is not lost.
   */
  async #rebuild(): Promise<void> {
    const engine = new MonitoringEngine(this.#engineOptions);
    await this.#load(engine);
    const last = [...(await this.#ports.monitoring.lastReadings(engine.pointIds()))].map(([pointId, r]) => ({
      pointId,
      ...r,
    }));
    const changes = engine.restoreLastReadings(last, this.#ports.clock.nowMs());
    this.#engine = engine;
    this.#liveReadings.clear();
    await this.#persistChanges(changes);
  }

  /** Runs a mutating step; if storing its outcome fails, rebuilds the engine and rethrows. */
  #guarded<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    return this.#serial(async () => {
      try {
        return await work();
      } catch (e) {
        if (e instanceof DomainError) throw e; // refused input: nothing was applied
        await this.#rebuild().catch(() => undefined); // the next call retries the rebuild path
        throw e;
      }
    }, urgent);
  }

  /** The one queue (serial-queue.ts): an urgent call goes ahead of the calls waiting. */
  #serial<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    return this.#queue.run(work, urgent);
  }

  /** Calls waiting in the queue (not counting the one running). */
  get queueDepth(): number {
    return this.#queue.depth;
  }

  mineByCode(code: string): SinkMine | undefined {
    return this.engine.mineByCode(code);
  }

  #mine(code: string): MonitoredMine {
    const mine = this.engine.mineByCode(code);
    if (!mine) throw notFound('MINE_NOT_FOUND', `No mine with the code ${code} is registered.`);
    if (!this.#scope(mine)) {
      throw new Error(`Mine ${code} is not judged by this runtime (its partition moved); retry.`);
    }
    return mine;
  }

  /** Re-reads a mine from the registry (after a status change) and re-judges it. */
  refreshMine(mineId: string): Promise<void> {
    return this.#guarded(async () => {
      const m = await this.#ports.mines.get(mineId);
      if (!m) return;
      const exemptions = (await loadExemptions(this.#ports, mineId)).get(mineId);
      const changes = this.engine.upsertMine(monitoredMineOf(m, exemptions), this.#ports.clock.nowMs());
      changes.push(...correlateMines(this.engine, [m.id], this.#ports.clock.nowMs(), changes));
      await this.#persistChanges(changes);
    });
  }

  definePoints(mineCode: string, defs: readonly PointDefinition[]): Promise<IngestOutcome> {
    return this.#guarded(async () => {
      const mine = this.#mine(mineCode);
      const fresh = this.engine.newPointCodes(
        mine.id,
        defs.map((d) => d.pointCode),
      );
      const ids =
        this.#allocatePointIds && fresh.length > 0 ? await this.#allocatePointIds(fresh.length) : undefined;
      const points = this.engine.definePoints(mine.id, defs, this.#ports.clock.nowMs(), ids);
      await this.#ports.monitoring.upsertPoints(points);
      return { mineCode, accepted: points.length, rejected: [], alarmsChanged: 0 };
    });
  }

  defineAreas(mineCode: string, areas: readonly PersonnelArea[]): Promise<IngestOutcome> {
    return this.#guarded(async () => {
      const mine = this.#mine(mineCode);
      this.engine.personnel.defineAreas(mine.id, areas);
      await this.#ports.monitoring.replaceAreas(mine.id, areas);
      return { mineCode, accepted: areas.length, rejected: [], alarmsChanged: 0 };
    });
  }

  async ingestReadings(mineCode: string, readings: readonly PointReading[]): Promise<IngestOutcome> {
    const [out] = await this.ingestReadingsMany([{ mineCode, readings }]);
    if (out instanceof DomainError) throw out;
    return out!;
  }

  /**
   * Several mines' readings at once — a worker's run of stream messages: judged in order, their alarm
   * changes stored in one transaction, their readings in one telemetry write. An unknown mine refuses
   * only its own item (its DomainError is returned in its place).
   */
  ingestReadingsMany(
    items: ReadonlyArray<{ mineCode: string; readings: readonly PointReading[] }>,
  ): Promise<Array<IngestOutcome | DomainError>> {
    return this.#guarded(async () => {
      const now = this.#ports.clock.nowMs();
      const out: Array<IngestOutcome | DomainError> = [];
      const changes: AlarmChange[] = [];
      const batches: ReadingBatch[] = [];
      const minutes: MinuteBucket[] = [];
      const watched: Array<[string, ReadingBatch]> = [];
      const touched: string[] = [];
      for (const item of items) {
        let mine: MonitoredMine;
        try {
          mine = this.#mine(item.mineCode);
        } catch (e) {
          if (e instanceof DomainError) {
            out.push(e);
            continue;
          }
          throw e;
        }
        const r = this.engine.ingestReadings(mine.id, item.readings, now);
        touched.push(mine.id);
        for (const c of r.changes) changes.push(c);
        for (const m of r.flushedMinutes) minutes.push(m);
        batches.push(r.batch);
        if (this.#hub.isWatched(mine.id)) watched.push([mine.id, r.batch]);
        out.push({
          mineCode: item.mineCode,
          accepted: r.batch.length,
          rejected: r.rejected,
          alarmsChanged: r.changes.filter((c) => c.effects.length > 0).length,
          late: r.late,
        });
      }
      // Incidents within the poll that completed their evidence (ADR 0012).
      changes.push(...correlateMines(this.engine, touched, now, changes));
      // Alarms first: should the readings' write fail after them, the retry re-judges the readings and
      // finds the alarm already raised (never doubled); the other order could lose a raise that only an
      // edge (a trend, a switch) makes.
      await this.#persistChanges(changes);
      if (batches.length > 0) await this.#writer.write(ReadingBatch.concat(batches), minutes);
      for (const [mineId, batch] of watched) this.#collectLive(mineId, batch);
      return out;
    });
  }

  ingestPersonnel(
    mineCode: string,
    positions: readonly PersonPosition[],
    snapshotMs: number,
  ): Promise<IngestOutcome> {
    return this.#guarded(async () => {
      const mine = this.#mine(mineCode);
      const changes = this.engine.personnel.ingest(mine, positions, snapshotMs, this.#ports.clock.nowMs());
      changes.push(...correlateMines(this.engine, [mine.id], this.#ports.clock.nowMs(), changes));
      const people = this.engine.personnel.underground(mine.id);
      // Alarms first: the Diaoshuidong alarm must not wait behind the snapshot write.
      await this.#persistChanges(changes);
      await this.#ports.monitoring.replacePeople(mine.id, people, snapshotMs);
      if (this.#hub.isWatched(mine.id)) {
        this.#hub.publish({
          kind: 'personnel',
          mineId: mine.id,
          regionPath: mine.regionPath,
          underground: people.length,
          areas: this.personnelAreas(mine.id),
        });
      }
      return { mineCode, accepted: positions.length, rejected: [], alarmsChanged: changes.length };
    });
  }

  personnelAreas(mineId: string) {
    const counts = new Map<string, number>();
    for (const p of this.engine.personnel.underground(mineId)) {
      if (p.areaCode !== null) counts.set(p.areaCode, (counts.get(p.areaCode) ?? 0) + 1);
    }
    return this.engine.personnel.areas(mineId).map((a) => ({
      areaCode: a.areaCode,
      areaName: a.areaName,
      areaType: a.areaType,
      approved: a.approvedHeadcount,
      count: counts.get(a.areaCode) ?? 0,
    }));
  }

  /**
   * Retention (regulation: real-time values kept at least 3 months, statistics at least 2 years):
   * deletes what is older than the configured periods. Runs outside the ingest queue's hot calls.
   */
  purgeOld(rawDays: number, aggregateDays: number): Promise<number> {
    return this.#serial(async () => {
      const now = this.#ports.clock.nowMs();
      const ids = this.#engine.pointIds();
      return this.#ports.monitoring.purgeOld(
        ids,
        now - rawDays * 86_400_000,
        now - aggregateDays * 86_400_000,
      );
    });
  }

  /** Periodic rules and the live readings flush; call about once a second. */
  tick(): Promise<number> {
    return this.#guarded(async () => {
      const changes = this.engine.tick(this.#ports.clock.nowMs());
      const mines = new Set(changes.map((c) => c.alarm.mineId));
      changes.push(...correlateMines(this.engine, mines, this.#ports.clock.nowMs(), changes));
      await this.#persistChanges(changes);
      this.#flushLive();
      return changes.length;
    });
  }

  /** An operator acknowledges, shelves or unshelves an alarm (the checks: core/monitoring's actOnAlarm). */
  act(principal: Principal, alarmId: string, event: AlarmEvent, comment: string | null): Promise<AlarmView> {
    return actOnAlarm(
      {
        mineOfAlarm: (id) => {
          const alarm = this.engine.alarms.get(id);
          return Promise.resolve(alarm && this.engine.mine(alarm.mineId));
        },
        apply: async (a) => this.viewOf(await this.actAs(a.actor, a.alarmId, a.event, a.comment)),
      },
      principal,
      alarmId,
      event,
      comment,
    );
  }

  /**
   * An operator's action without the principal checks, which the caller has made (an API server that
   * sends the command to the worker owning the mine). Resolves with the alarm as stored afterwards.
   */
  actAs(
    actor: { id: string; name: string },
    alarmId: string,
    event: AlarmEvent,
    comment: string | null,
  ): Promise<AlarmRecord> {
    return this.#guarded(async () => {
      const changes = this.engine.act(alarmId, event, this.#ports.clock.nowMs(), actor.name, comment);
      await this.#persistChanges(changes, actor);
      return { ...this.engine.alarms.get(alarmId)! };
    }, true);
  }

  viewOf(a: AlarmChange['alarm']): AlarmView {
    const mine = this.engine.mine(a.mineId);
    const countyId = mine?.regionPath.split('/').filter(Boolean).at(-1) ?? '';
    const region = this.#regionNames.get(countyId);
    const point = a.pointId === null ? undefined : this.engine.point(a.pointId);
    return {
      ...a,
      evidence: a.evidence ?? null,
      mineName: mine?.name ?? a.mineId,
      mineCode: mine?.code ?? '',
      regionName: region?.name ?? '',
      regionNameEn: region?.nameEn ?? '',
      regionPath: mine?.regionPath ?? '',
      sensorType: point?.sensorType ?? null,
      location: point?.location ?? null,
      unit: point?.unit ?? null,
      substationCode: point?.substationCode ?? null,
    };
  }

  async #persistChanges(
    changes: readonly AlarmChange[],
    actor: { id: string; name: string } = MONITORING_ACTOR,
  ) {
    if (changes.length === 0) return;
    const at = this.#ports.clock.nowIso();
    const entries = alarmAuditEntries(changes, actor);
    await this.#ports.transaction(['monitoring', 'audit'], async (tx) => {
      await tx.monitoring.saveAlarmChanges(changes, () => this.#ports.ids.next('ae'));
      // The audit chain's head last and in one go: its lock is held for the shortest time (several
      // workers append to one chain).
      if (entries.length > 0) await tx.audit.appendMany(entries, at);
    });
    for (const c of changes) {
      const mine = this.engine.mine(c.alarm.mineId);
      if (mine)
        this.#hub.publish({
          kind: 'alarm',
          mineId: mine.id,
          regionPath: mine.regionPath,
          alarm: this.viewOf(c.alarm),
        });
    }
  }

  #collectLive(
    mineId: string,
    batch: {
      length: number;
      pointIds: Int32Array;
      ts: Float64Array;
      values: Float64Array;
      statuses: Int32Array;
    },
  ) {
    let m = this.#liveReadings.get(mineId);
    if (!m) {
      m = new Map();
      this.#liveReadings.set(mineId, m);
    }
    for (let i = 0; i < batch.length; i++) {
      const id = batch.pointIds[i]!;
      m.set(id, { id, t: batch.ts[i]!, v: batch.values[i]!, s: batch.statuses[i]! });
    }
  }

  #flushLive() {
    for (const [mineId, points] of this.#liveReadings) {
      const mine = this.engine.mine(mineId);
      if (mine && points.size > 0) {
        this.#hub.publish({
          kind: 'readings',
          mineId,
          regionPath: mine.regionPath,
          points: [...points.values()],
        });
      }
    }
    this.#liveReadings.clear();
  }
}
