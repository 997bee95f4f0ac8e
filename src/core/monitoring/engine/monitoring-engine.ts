import { notFound } from '../../errors.ts';
import { createEvaluator, EvaluatorEvent, PointStateBit, type AlarmEvaluator } from '../alarm-evaluator.ts';
import { DEFAULT_ALARM_POLICY, type AlarmEvent, type AlarmPolicy } from '../alarms/alarm-lifecycle.ts';
import { detectIdenticalTimestamps } from '../detectors/identical-timestamp-detector.ts';
import type { ThresholdTable } from '../thresholds/threshold-table.ts';
import type { PointDefinition } from '../upload-file/point-definition-records.ts';
import type { PointReading } from '../upload-file/safety-monitoring-records.ts';
import { AlarmBook } from './alarm-book.ts';
import {
  type AlarmChange,
  type AlarmRecord,
  type AlarmRule,
  type MonitoredMine,
  type PointRecord,
  MUST_BE_EMPTY_STATUSES,
  STOPPED_STATUSES,
} from './engine-types.ts';
import { MinuteAggregator, type MinuteBucket } from './minute-aggregator.ts';
import { judgeFlatLines, judgePowerCuts } from './periodic-rules.ts';
import { PersonnelRules } from './personnel-rules.ts';
import { CO_WINDOW, onCoReading, onEvaluatorEvents, onSwitch, type CoHistory } from './reading-rules.ts';
import { configurePoint, isCoSensor, switchRoleOf, type SwitchRole } from './point-config.ts';
import { ReadingBatch } from './reading-batch.ts';

export interface MonitoringEngineOptions {
  /** Point slots (the evaluator's capacity); ids must stay below it. */
  capacity: number;
  thresholds: ThresholdTable;
  policy?: AlarmPolicy;
  /** A point silent for longer than this (ms) raises point_silent (default 5 min). */
  pointSilentAfterMs?: number;
  /** A producing mine without any data for longer than this raises mine_data_stopped (default 5 min). */
  mineSilentAfterMs?: number;
  /** Underground longer than this raises overtime_underground (default 12 h). */
  overtimeAfterMs?: number;
}

export interface ReadingsResult {
  batch: ReadingBatch;
  rejected: Array<{ index: number; pointCode: string; reason: string }>;
  changes: AlarmChange[];
  flushedMinutes: MinuteBucket[];
}

/** Statuses in which nobody may be underground and nothing may produce (the Diaoshuidong rule). */
const STOPPED = STOPPED_STATUSES;
const EMPTY_MINES = MUST_BE_EMPTY_STATUSES;

/** Alarms that only mean something while a mine produces (suppressed by design otherwise). */
const PRODUCTION_ONLY_RULES: ReadonlySet<AlarmRule> = new Set(['point_silent', 'mine_data_stopped']);
/** The alarms that mirror an evaluator level of a point (kept in step on rebuild). */
const LEVEL_RULES: ReadonlyArray<readonly [AlarmRule, number]> = [
  ['power_cut_level', PointStateBit.POWER_CUT | PointStateBit.LOW_POWER_CUT],
  ['over_limit', PointStateBit.ALARM],
  ['low_limit', PointStateBit.LOW_ALARM],
  ['pre_alarm', PointStateBit.PRE_ALARM],
  ['sensor_fault', PointStateBit.FAULT],
];

/**
 * The monitoring engine: per-point thresholds and evaluator state, the alarm book and the rules.
 * Pure and synchronous (time comes in as arguments); the runtime in src/ingest persists what it
 * returns before acknowledging the data.
 */
export class MonitoringEngine {
  readonly #opts: Required<Omit<MonitoringEngineOptions, 'policy'>> & { policy: AlarmPolicy };
  readonly #evaluator: AlarmEvaluator;
  readonly #mines = new Map<string, MonitoredMine>();
  readonly #mineIdByCode = new Map<string, string>();
  readonly #points: Array<PointRecord | undefined> = [];
  readonly #roles: Array<SwitchRole | undefined> = [];
  readonly #pointIds = new Map<string, Map<string, number>>();
  readonly #lastDataMs = new Map<string, number>();
  readonly #coHistory = new Map<number, CoHistory>();
  readonly #aggregator: MinuteAggregator;
  /** Consecutive identical values per analog point (flat-line detection); -1 for switch points. */
  readonly #sameCount: Int32Array;
  readonly alarms: AlarmBook;
  readonly personnel: PersonnelRules;
  #nextPointId = 1;

  constructor(options: MonitoringEngineOptions) {
    this.#opts = {
      pointSilentAfterMs: 5 * 60_000,
      mineSilentAfterMs: 5 * 60_000,
      overtimeAfterMs: 12 * 3_600_000,
      policy: DEFAULT_ALARM_POLICY,
      ...options,
    };
    this.#evaluator = createEvaluator({ capacity: options.capacity });
    this.#aggregator = new MinuteAggregator(options.capacity);
    this.#sameCount = new Int32Array(options.capacity).fill(-1);
    this.alarms = new AlarmBook(this.#opts.policy);
    this.personnel = new PersonnelRules(this.alarms, this.#opts.overtimeAfterMs);
  }

  // ---- mines -------------------------------------------------------------------------------------

  /** Adds or updates a mine. A status change re-judges what is already known (people underground). */
  upsertMine(mine: MonitoredMine, nowMs: number): AlarmChange[] {
    const before = this.#mines.get(mine.id);
    this.#mines.set(mine.id, mine);
    this.#mineIdByCode.set(mine.code, mine.id);
    const out: AlarmChange[] = [];
    if (before && before.status !== mine.status) {
      this.personnel.rejudge(out, mine, nowMs);
      this.#suppressByDesign(out, mine, nowMs);
    }
    return out;
  }

  /**
   * Suppression by design (ISA-18.2): silence and data-gap alarms are meant for producing mines; while a
   * mine is not producing they are suppressed, and they come back when it produces again.
   */
  #suppressByDesign(out: AlarmChange[], mine: MonitoredMine, nowMs: number): void {
    const producing = mine.status === 'producing';
    for (const a of [...this.alarms.values()]) {
      if (a.mineId !== mine.id || !PRODUCTION_ONLY_RULES.has(a.rule)) continue;
      if (!producing && a.state !== 'suppressed' && a.state !== 'out_of_service') {
        this.alarms.act(out, a.id, { kind: 'suppress', reason: `mine is ${mine.status}` }, nowMs, null, null);
      } else if (producing && a.state === 'suppressed') {
        this.alarms.act(out, a.id, { kind: 'unsuppress' }, nowMs, null, null);
      }
    }
  }

  mineByCode(code: string): MonitoredMine | undefined {
    const id = this.#mineIdByCode.get(code);
    return id === undefined ? undefined : this.#mines.get(id);
  }

  mine(id: string): MonitoredMine | undefined {
    return this.#mines.get(id);
  }

  // ---- points ------------------------------------------------------------------------------------

  /** Loads stored points (at start-up). */
  loadPoints(points: readonly PointRecord[]): void {
    for (const p of points) this.#install(p);
  }

  /** The codes among `codes` that this mine has no point for yet (they need new ids). */
  newPointCodes(mineId: string, codes: readonly string[]): string[] {
    const known = this.#pointIds.get(mineId);
    return [...new Set(codes)].filter((c) => known?.get(c) === undefined);
  }

  /**
   * Applies CDDY definitions; returns the points to store (new or changed). A new point takes the next
   * id of `newIds` when given (ids allocated by the database, so that several engines — the workers of
   * the distributed mode — never hand out the same id), otherwise the engine's own next id.
   */
  definePoints(
    mineId: string,
    defs: readonly PointDefinition[],
    nowMs: number,
    newIds?: readonly number[],
  ): PointRecord[] {
    const mine = this.#mines.get(mineId);
    if (!mine) throw notFound('MINE_NOT_FOUND', `No mine "${mineId}".`);
    const out: PointRecord[] = [];
    let nextGiven = 0;
    for (const def of defs) {
      const existing = this.#pointIds.get(mineId)?.get(def.pointCode);
      const id = existing ?? (newIds ? newIds[nextGiven++] : this.#nextPointId);
      if (id === undefined) throw new Error('definePoints: fewer new ids than new point codes.');
      if (id >= this.#opts.capacity) {
        throw new Error(`Point capacity ${this.#opts.capacity} exhausted; raise REDLINE_POINT_CAPACITY.`);
      }
      const record = configurePoint(def, {
        id,
        mineId,
        gasClass: mine.gasClass,
        table: this.#opts.thresholds,
        nowMs,
      });
      this.#install(record);
      out.push(record);
    }
    return out;
  }

  /** Ids of every known point. */
  pointIds(): number[] {
    const out: number[] = [];
    for (const p of this.#points) if (p) out.push(p.id);
    return out;
  }

  point(id: number): PointRecord | undefined {
    return this.#points[id];
  }

  pointId(mineId: string, pointCode: string): number | undefined {
    return this.#pointIds.get(mineId)?.get(pointCode);
  }

  /** The last value evaluated for a point, or null before its first reading (read by the hazards module). */
  lastValue(pointId: number): number | null {
    if (this.#points[pointId] === undefined) return null;
    const v = this.#evaluator.lastValueOf(pointId);
    return Number.isFinite(this.#evaluator.lastTimestampOf(pointId)) && !Number.isNaN(v) ? v : null;
  }

  #install(p: PointRecord): void {
    this.#points[p.id] = p;
    this.#roles[p.id] = p.valueType === 'KG' ? switchRoleOf(p) : undefined;
    let byCode = this.#pointIds.get(p.mineId);
    if (!byCode) {
      byCode = new Map();
      this.#pointIds.set(p.mineId, byCode);
    }
    byCode.set(p.pointCode, p.id);
    if (p.id >= this.#nextPointId) this.#nextPointId = p.id + 1;
    this.#evaluator.configurePoint(p.id, p.effectiveThresholds);
    this.#sameCount[p.id] = p.valueType === 'MN' ? 0 : -1;
    if (isCoSensor(p.sensorType) && !this.#coHistory.has(p.id)) {
      this.#coHistory.set(p.id, { t: new Float64Array(CO_WINDOW), v: new Float64Array(CO_WINDOW), n: 0 });
    }
  }

  // ---- readings (the hot path) ---------------------------------------------------------------------

  /**
   * Evaluates one mine's readings. Unknown points are rejected with a reason; the accepted readings are
   * returned as a columnar batch for the telemetry writer, with the alarm changes they caused.
   */
  ingestReadings(mineId: string, readings: readonly PointReading[], nowMs: number): ReadingsResult {
    const mine = this.#mines.get(mineId);
    if (!mine) throw notFound('MINE_NOT_FOUND', `No mine "${mineId}".`);
    const byCode = this.#pointIds.get(mineId);
    const batch = new ReadingBatch(readings.length);
    const rejected: ReadingsResult['rejected'] = [];
    const changes: AlarmChange[] = [];
    const flushed: MinuteBucket[] = [];
    const stopped = STOPPED.has(mine.status);
    const mustBeEmpty = EMPTY_MINES.has(mine.status);
    let latest = 0;
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i]!;
      const id = byCode?.get(r.pointCode);
      if (id === undefined) {
        rejected.push({
          index: i,
          pointCode: r.pointCode,
          reason: 'unknown point: send its definition (CDDY) first',
        });
        continue;
      }
      // The same point and time again (a re-sent file, a redelivered message): already stored, skip.
      if (r.dataTimeMs === this.#evaluator.lastTimestampOf(id)) continue;
      const value = r.value ?? Number.NaN;
      const prev = this.#evaluator.lastValueOf(id);
      const ev = this.#evaluator.evaluate(id, value, r.statusBits, r.dataTimeMs);
      if ((ev & EvaluatorEvent.STALE_READING) !== 0) {
        // Late data (an older reading arriving after a newer one — a gateway's retry, two paths) is kept
        // for the record but not judged: alarms follow the newest state of a point.
        if (Number.isFinite(value)) batch.push(id, r.dataTimeMs, value, r.statusBits);
        continue;
      }
      if (Number.isFinite(value)) {
        const same = this.#sameCount[id]!;
        if (same >= 0) this.#sameCount[id] = value === prev ? same + 1 : 0;
        batch.push(id, r.dataTimeMs, value, r.statusBits);
        this.#aggregator.add(id, r.dataTimeMs, value, flushed);
      }
      if (r.dataTimeMs > latest) latest = r.dataTimeMs;
      if (ev !== 0) onEvaluatorEvents(this.alarms, changes, mine, this.#points[id]!, ev, value, nowMs);
      const role = this.#roles[id];
      if (role !== undefined)
        onSwitch(this.alarms, changes, mine, this.#points[id]!, role, value, stopped, nowMs);
      if (mustBeEmpty) {
        this.alarms.raise(
          changes,
          {
            mineId,
            rule: 'activity_in_stopped_mine',
            subject: '',
            pointId: id,
            message: `Monitoring data from a ${mine.status} mine (point ${r.pointCode}).`,
            value,
          },
          nowMs,
        );
      }
      const co = this.#coHistory.get(id);
      if (co !== undefined && Number.isFinite(value))
        onCoReading(this.alarms, changes, mine, this.#points[id]!, co, r.dataTimeMs, value, nowMs);
    }
    if (latest > 0) {
      this.#lastDataMs.set(mineId, Math.max(latest, this.#lastDataMs.get(mineId) ?? 0));
      this.alarms.clear(changes, mineId, 'mine_data_stopped', '', nowMs, null);
    }
    // Cheap pre-check (no allocation) before the full identical-timestamp test.
    const stamp =
      readings.length >= 20 && allSameTime(readings)
        ? detectIdenticalTimestamps(readings, { minPoints: 20 })
        : null;
    if (stamp?.isSuspicious) {
      this.alarms.raise(
        changes,
        {
          mineId,
          rule: 'suspected_tampering',
          subject: 'identical-timestamps',
          pointId: null,
          message: `All ${stamp.pointCount} points carry the same time: generated data suspected (domain §1.6).`,
          value: null,
        },
        nowMs,
      );
    }
    return { batch, rejected, changes, flushedMinutes: flushed };
  }

  // ---- time ----------------------------------------------------------------------------------------

  /** Periodic rules: silent points and mines, timed shelves, escalation. */
  tick(nowMs: number): AlarmChange[] {
    const out: AlarmChange[] = [];
    for (const p of this.#points) {
      if (!p || p.withdrawn) continue;
      const mine = this.#mines.get(p.mineId);
      if (!mine || mine.status !== 'producing') continue;
      const last = this.#evaluator.lastTimestampOf(p.id);
      if (!Number.isFinite(last) || last <= 0) continue;
      if (nowMs - last > this.#opts.pointSilentAfterMs) {
        this.alarms.raise(
          out,
          {
            mineId: mine.id,
            rule: 'point_silent',
            subject: p.pointCode,
            pointId: p.id,
            message: `No data from ${p.location} (${p.pointCode}) for ${Math.round((nowMs - last) / 60_000)} min.`,
            value: null,
          },
          nowMs,
        );
      } else this.alarms.clear(out, mine.id, 'point_silent', p.pointCode, nowMs, null);
    }
    for (const [mineId, last] of this.#lastDataMs) {
      const mine = this.#mines.get(mineId);
      if (mine?.status === 'producing' && nowMs - last > this.#opts.mineSilentAfterMs) {
        this.alarms.raise(
          out,
          {
            mineId,
            rule: 'mine_data_stopped',
            subject: '',
            pointId: null,
            message: `The producing mine ${mine.name} has sent no monitoring data for ${Math.round((nowMs - last) / 60_000)} min.`,
            value: null,
          },
          nowMs,
        );
      }
    }
    const ctx = {
      points: this.#points,
      evaluator: this.#evaluator,
      alarms: this.alarms,
      pointIds: this.#pointIds,
      mines: this.#mines,
      sameCount: this.#sameCount,
    };
    judgePowerCuts(ctx, out, nowMs);
    judgeFlatLines(ctx, out, nowMs);
    this.personnel.tick(out, nowMs, (id) => this.#mines.get(id));
    for (const a of [...this.alarms.values()]) {
      if (a.state !== 'normal') this.alarms.act(out, a.id, { kind: 'tick' }, nowMs, null, null);
    }
    return out;
  }

  /** An operator's action on an alarm (acknowledge, shelve, …). */
  act(
    alarmId: string,
    event: AlarmEvent,
    nowMs: number,
    actor: string,
    comment: string | null,
  ): AlarmChange[] {
    const out: AlarmChange[] = [];
    if (!this.alarms.act(out, alarmId, event, nowMs, actor, comment)) {
      throw notFound('ALARM_NOT_FOUND', `No alarm "${alarmId}".`);
    }
    return out;
  }

  /**
   * Rebuild support: feeds each point's newest stored reading to the evaluator (re-establishing its
   * levels without raising anything), then makes the level alarms agree with the evaluator: an alarm
   * whose level is no longer held clears, a held level without its alarm raises.
   */
  restoreLastReadings(
    last: ReadonlyArray<{ pointId: number; tsMs: number; value: number; status: number }>,
    nowMs: number,
  ): AlarmChange[] {
    for (const r of last) {
      if (!this.#points[r.pointId]) continue;
      this.#evaluator.evaluate(r.pointId, r.value, r.status, r.tsMs);
      this.#lastDataMs.set(
        this.#points[r.pointId]!.mineId,
        Math.max(r.tsMs, this.#lastDataMs.get(this.#points[r.pointId]!.mineId) ?? 0),
      );
    }
    const out: AlarmChange[] = [];
    for (const p of this.#points) {
      if (!p) continue;
      const state = this.#evaluator.stateOf(p.id);
      const value = this.#evaluator.lastValueOf(p.id);
      const mine = this.#mines.get(p.mineId);
      if (!mine) continue;
      for (const [rule, bits] of LEVEL_RULES) {
        const held = (state & bits) !== 0;
        const active = this.alarms.isActive(p.mineId, rule, p.pointCode);
        if (held && !active) {
          this.alarms.raise(
            out,
            {
              mineId: p.mineId,
              rule,
              subject: p.pointCode,
              pointId: p.id,
              message: `${rule} at ${p.location} (${p.pointCode}): ${value} ${p.unit}.`,
              value,
            },
            nowMs,
          );
        } else if (!held && active) this.alarms.clear(out, p.mineId, rule, p.pointCode, nowMs, value);
      }
    }
    return out;
  }

  loadAlarms(alarms: Iterable<AlarmRecord>): void {
    this.alarms.load(alarms);
  }
}

function allSameTime(readings: readonly PointReading[]): boolean {
  const t = readings[0]!.dataTimeMs;
  for (let i = 1; i < readings.length; i++) if (readings[i]!.dataTimeMs !== t) return false;
  return true;
}
