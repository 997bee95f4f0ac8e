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
  cutRuleOf,
  MUST_BE_EMPTY_STATUSES,
  STOPPED_STATUSES,
  PointAlarmIds,
} from './engine-types.ts';
import { MinuteAggregator, type MinuteBucket } from './minute-aggregator.ts';
import { judgeFlatLines, judgePowerCuts, judgeSilence } from './periodic-rules.ts';
import { PersonnelRules } from './personnel-rules.ts';
import { CO_WINDOW, onCoReading, onEvaluatorEvents, onSwitch, type CoHistory } from './reading-rules.ts';
import { configurePoint, isCoSensor, switchRoleOf, type SwitchRole } from './point-config.ts';
import { ReadingBatch } from './reading-batch.ts';
import { allSameTime, timeOrder } from './reading-order.ts';
import { UploadPointIds } from './upload-point-ids.ts';
import { restoredLevels } from './restored-levels.ts';
import { isPowerAllowedAt } from '../stopped/stopped-exemptions.ts';
import { judgeExemptionEdges } from '../stopped/exemption-edges.ts';
import { mustKeepMonitoring, silentMineMessage } from '../stopped/silent-mine.ts';
import {
  DEFAULT_READING_TIME_POLICY,
  judgeReadingTime,
  readingTimeReason,
  type ReadingTimePolicy,
} from './reading-time-policy.ts';

export interface MonitoringEngineOptions {
  /** Point slots (the evaluator's capacity); ids must stay below it. */
  capacity: number;
  thresholds: ThresholdTable;
  policy?: AlarmPolicy;
  /** A point silent for longer than this (ms) raises point_silent (default 5 min). */
  pointSilentAfterMs?: number;
  /** A mine (any status but closed) without any data for longer than this raises mine_data_stopped (default 5 min). */
  mineSilentAfterMs?: number;
  /** Underground longer than this raises overtime_underground (default 12 h). */
  overtimeAfterMs?: number;
  /** Which reading times are believable (platform policy, default DEFAULT_READING_TIME_POLICY). */
  readingTime?: ReadingTimePolicy;
  /** Platform policy, not regulation: a gas pre-alarm at this fraction of the alarm level (default 0.8). */
  preAlarmFraction?: number;
}

export interface ReadingsResult {
  batch: ReadingBatch;
  rejected: Array<{ index: number; pointCode: string; reason: string }>;
  /**
   * Accepted readings that came late: received more than the policy's lateAfterMs after their own
   * time, or older than the point's newest reading (stored for the record, not judged).
   */
  late: number;
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

/** Level bits whose alarms carry a value worth tracking (not fault or calibration). */
const HELD_LEVELS =
  PointStateBit.PRE_ALARM |
  PointStateBit.ALARM |
  PointStateBit.POWER_CUT |
  PointStateBit.LOW_ALARM |
  PointStateBit.LOW_POWER_CUT;

/**
 * The monitoring engine: per-point thresholds and evaluator state, the alarm book and the rules.
 * Pure and synchronous (time comes in as arguments); the runtime in src/ingest persists what it
 * returns before acknowledging the data.
 */
/** How often the point sweeps run (receiving clock); see `tick`. */
export const SWEEP_EVERY_MS = 5_000;

export class MonitoringEngine {
  readonly #opts: Required<Omit<MonitoringEngineOptions, 'policy'>> & { policy: AlarmPolicy };
  readonly #evaluator: AlarmEvaluator;
  readonly #mines = new Map<string, MonitoredMine>();
  readonly #mineIdByCode = new Map<string, string>();
  readonly #points: Array<PointRecord | undefined> = [];
  readonly #roles: Array<SwitchRole | undefined> = [];
  readonly #pointIds = new Map<string, Map<string, number>>();
  readonly #uploadIds = new UploadPointIds();
  readonly #lastDataMs = new Map<string, number>();
  readonly #coHistory = new Map<number, CoHistory>();
  readonly #aggregator: MinuteAggregator;
  /** Consecutive identical values per analog point (flat-line detection); -1 for switch points. */
  readonly #sameCount: Int32Array;
  readonly #alarmIds = new PointAlarmIds();
  /** Points that cut power through a feed sensor (CDDY relation D): the only ones the power-cut rule reads. */
  readonly #cutPoints = new Set<number>();
  /** When the point sweeps (silence, flat lines) last ran, on the receiving clock. */
  #lastSweepMs = Number.NEGATIVE_INFINITY;
  readonly alarms: AlarmBook;
  readonly personnel: PersonnelRules;
  #nextPointId = 1;

  constructor(options: MonitoringEngineOptions) {
    this.#opts = {
      pointSilentAfterMs: 5 * 60_000,
      mineSilentAfterMs: 5 * 60_000,
      overtimeAfterMs: 12 * 3_600_000,
      policy: DEFAULT_ALARM_POLICY,
      readingTime: DEFAULT_READING_TIME_POLICY,
      preAlarmFraction: 0.8,
      ...options,
    };
    this.#evaluator = createEvaluator({
      capacity: options.capacity,
      preAlarmFraction: this.#opts.preAlarmFraction,
    });
    this.#aggregator = new MinuteAggregator(options.capacity);
    this.#sameCount = new Int32Array(options.capacity).fill(-1);
    this.alarms = new AlarmBook(this.#opts.policy);
    this.personnel = new PersonnelRules(this.alarms, this.#opts.overtimeAfterMs);
  }

  // ---- mines -------------------------------------------------------------------------------------

  /** Adds or updates a mine. A status change re-judges what is already known (people underground). */
  upsertMine(mine: MonitoredMine, nowMs: number): AlarmChange[] {
    this.alarms.receivedAt(nowMs);
    const before = this.#mines.get(mine.id);
    this.#mines.set(mine.id, mine);
    this.#mineIdByCode.set(mine.code, mine.id);
    const out: AlarmChange[] = [];
    if (before && before.status !== mine.status) {
      this.personnel.rejudge(out, mine, nowMs);
      this.#suppressByDesign(out, mine, nowMs);
    } else if (before && before.exemptions !== mine.exemptions) this.personnel.rejudge(out, mine, nowMs);
    return out;
  }

  /**
   * Suppression by design (ISA-18.2): silence and data-gap alarms are meant for producing mines; while a
   * mine is not producing they are suppressed, and they come back when it produces again.
   */
  #suppressByDesign(out: AlarmChange[], mine: MonitoredMine, nowMs: number): void {
    for (const a of [...this.alarms.values()]) {
      if (a.mineId !== mine.id || !PRODUCTION_ONLY_RULES.has(a.rule)) continue;
      // A mine's own silence matters whatever its status but closed (ADR 0014); a point's only in production.
      const producing =
        a.rule === 'mine_data_stopped' ? mustKeepMonitoring(mine.status) : mine.status === 'producing';
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

  /** A mine's points with their switch role and newest reading (read by the correlators). */
  pointsOf(
    mineId: string,
  ): Array<{ point: PointRecord; role: SwitchRole | null; value: number; tsMs: number }> {
    const out = [];
    for (const id of this.#pointIds.get(mineId)?.values() ?? []) {
      const point = this.#points[id];
      const tsMs = this.#evaluator.lastTimestampOf(id);
      if (point && !point.withdrawn && Number.isFinite(tsMs) && tsMs > 0)
        out.push({ point, role: this.#roles[id] ?? null, value: this.#evaluator.lastValueOf(id), tsMs });
    }
    return out;
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
    if (p.powerCutFeedCodes.length > 0) this.#cutPoints.add(p.id);
    else this.#cutPoints.delete(p.id);
    this.#uploadIds.forget(p.mineId);
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
    this.alarms.receivedAt(nowMs);
    const byCode = this.#pointIds.get(mineId);
    const batch = new ReadingBatch(readings.length);
    const rejected: ReadingsResult['rejected'] = [];
    const changes: AlarmChange[] = [];
    const flushed: MinuteBucket[] = [];
    const stopped = STOPPED.has(mine.status);
    const mustBeEmpty = EMPTY_MINES.has(mine.status);
    const producing = mine.status === 'producing';
    const timePolicy = this.#opts.readingTime;
    const silentAfter = this.#opts.pointSilentAfterMs;
    // The mine's newest data time before this upload: a point's gap that the whole mine shared is the
    // mine's outage (one mine_data_stopped), not one point_silent per point.
    const mineLastBefore = this.#lastDataMs.get(mineId) ?? Number.NEGATIVE_INFINITY;
    // An upload is judged in the order of its data times (a buffered file or a batch of several
    // minutes may list them in any order); the sort only happens when they are out of order.
    const order = timeOrder(readings);
    const ids = this.#uploadIds.resolve(mineId, readings, byCode);
    let latest = 0;
    let earliest = Number.POSITIVE_INFINITY;
    let late = 0;
    for (let k = 0; k < readings.length; k++) {
      const i = order === null ? k : order[k]!;
      const r = readings[i]!;
      const id = ids[i]!;
      if (id < 0) {
        rejected.push({
          index: i,
          pointCode: r.pointCode,
          reason: 'unknown point: send its definition (CDDY) first',
        });
        continue;
      }
      const t = r.dataTimeMs;
      const verdict = judgeReadingTime(t, nowMs, timePolicy);
      if (verdict === 'future' || verdict === 'too_old') {
        rejected.push({
          index: i,
          pointCode: r.pointCode,
          reason: readingTimeReason(verdict, t, nowMs, timePolicy),
        });
        continue;
      }
      // The same point and time again (a re-sent file, a redelivered message): already stored, skip.
      const prevTs = this.#evaluator.lastTimestampOf(id);
      if (t === prevTs) continue;
      if (verdict === 'late') late++;
      const value = r.value ?? Number.NaN;
      const prev = this.#evaluator.lastValueOf(id);
      const ev = this.#evaluator.evaluate(id, value, r.statusBits, t);
      if ((ev & EvaluatorEvent.STALE_READING) !== 0) {
        // Late data (an older reading arriving after a newer one — a gateway's retry, two paths) is kept
        // for the record but not judged: alarms follow the newest state of a point.
        if (verdict !== 'late') late++;
        if (Number.isFinite(value)) batch.push(id, t, value, r.statusBits);
        continue;
      }
      const p = this.#points[id]!;
      // A gap in the point's own history, seen from the data (an upload that arrives late, or a
      // point that came back): silent from prevTs + silentAfter until this reading.
      if (producing && t - prevTs > silentAfter && prevTs > 0 && mineLastBefore - prevTs >= silentAfter) {
        this.#pointGap(changes, mine, p, prevTs, t);
      }
      if (Number.isFinite(value)) {
        const same = this.#sameCount[id]!;
        if (same >= 0) this.#sameCount[id] = value === prev ? same + 1 : 0;
        batch.push(id, t, value, r.statusBits);
        this.#aggregator.add(id, t, value, flushed);
      }
      if (t > latest) latest = t;
      if (t < earliest) earliest = t;
      if (ev !== 0) onEvaluatorEvents(this.alarms, changes, mine, p, ev, value, t);
      else if (Number.isFinite(value)) {
        // A level still held: keep the alarm's current value and its peak (rare, so the id strings
        // built here stay off the common path).
        const st = this.#evaluator.stateOf(id) & HELD_LEVELS;
        if (st !== 0) this.#trackPeaks(changes, mineId, p, st, value, t);
      }
      // An approved dismantling window or an evacuation deadline covers powered equipment (data time).
      const powerAllowed = stopped && isPowerAllowedAt(mine.status, mine.exemptions, t);
      const role = this.#roles[id];
      if (role !== undefined)
        onSwitch(this.alarms, changes, mine, p, role, value, stopped && !powerAllowed, t);
      if (mustBeEmpty && !powerAllowed) {
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
          t,
        );
      }
      const co = this.#coHistory.get(id);
      if (co !== undefined && Number.isFinite(value))
        onCoReading(this.alarms, changes, mine, p, co, t, value, t);
    }
    if (latest > 0) {
      // The mine's own gap, seen from the data: nothing from it between its last upload and this one.
      const mineSilentAfter = this.#opts.mineSilentAfterMs;
      if (
        mustKeepMonitoring(mine.status) &&
        mineLastBefore > 0 &&
        earliest - mineLastBefore > mineSilentAfter
      ) {
        this.#mineGap(changes, mine, mineLastBefore, earliest);
      }
      this.#lastDataMs.set(mineId, Math.max(latest, mineLastBefore));
      this.alarms.clear(changes, mineId, 'mine_data_stopped', '', earliest, null);
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
        readings[0]!.dataTimeMs,
      );
    }
    return { batch, rejected, late, changes, flushedMinutes: flushed };
  }

  #trackPeaks(
    out: AlarmChange[],
    mineId: string,
    p: PointRecord,
    state: number,
    value: number,
    atMs: number,
  ): void {
    for (const [rule, bits] of LEVEL_RULES) {
      if ((state & bits) === 0) continue;
      const r = rule === 'power_cut_level' ? cutRuleOf(p.sensorType) : rule;
      this.alarms.track(out, mineId, r, p.pointCode, value, atMs);
    }
  }

  /** A point's gap found in its uploaded history: raised when the silence began, cleared when it ended. */
  #pointGap(out: AlarmChange[], mine: MonitoredMine, p: PointRecord, fromMs: number, toMs: number): void {
    if (!this.alarms.isActive(mine.id, 'point_silent', p.pointCode)) {
      this.alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'point_silent',
          subject: p.pointCode,
          pointId: p.id,
          message: `No data from ${p.location} (${p.pointCode}) for ${Math.round((toMs - fromMs) / 60_000)} min.`,
          value: null,
        },
        fromMs + this.#opts.pointSilentAfterMs,
      );
    }
    this.alarms.clear(out, mine.id, 'point_silent', p.pointCode, toMs, null);
  }

  /** The mine's gap found in its uploaded history (one alarm for the outage, not one per point). */
  #mineGap(out: AlarmChange[], mine: MonitoredMine, fromMs: number, toMs: number): void {
    if (this.alarms.isActive(mine.id, 'mine_data_stopped', '')) return; // the clock already saw it
    this.alarms.raise(
      out,
      {
        mineId: mine.id,
        rule: 'mine_data_stopped',
        subject: '',
        pointId: null,
        message: silentMineMessage(mine, Math.round((toMs - fromMs) / 60_000)),
        value: null,
      },
      fromMs + this.#opts.mineSilentAfterMs,
    );
  }

  // ---- time ----------------------------------------------------------------------------------------

  /**
   * Periodic rules: silent points and mines, power cuts that did not cut, flat lines, timed shelves,
   * escalation. Silence is noticed on the receiving clock (`nowMs`: nothing arrives, so the data has no
   * time to offer) but dated in data time — when the silence began to count, the last reading plus the
   * allowed interval. The other rules are dated by the readings they judge; shelves and escalation run
   * on the receiving clock.
   */
  tick(nowMs: number): AlarmChange[] {
    this.alarms.receivedAt(nowMs);
    const out: AlarmChange[] = [];
    const ctx = {
      points: this.#points,
      cutPoints: this.#cutPoints,
      evaluator: this.#evaluator,
      alarms: this.alarms,
      pointIds: this.#pointIds,
      mines: this.#mines,
      sameCount: this.#sameCount,
      ids: this.#alarmIds,
    };
    // The sweeps over every point (minutes-long silence, half-hour flat lines) run every few seconds, not
    // every tick: a province's 100,000+ points cost tens of ms a sweep. Their alarms are dated in data
    // time either way; only when they are noticed moves, by at most SWEEP_EVERY_MS.
    if (nowMs - this.#lastSweepMs >= SWEEP_EVERY_MS || nowMs < this.#lastSweepMs) {
      this.#lastSweepMs = nowMs;
      judgeSilence(ctx, out, nowMs, {
        lastDataMs: this.#lastDataMs,
        pointSilentAfterMs: this.#opts.pointSilentAfterMs,
        mineSilentAfterMs: this.#opts.mineSilentAfterMs,
      });
      judgeFlatLines(ctx, out);
    }
    judgePowerCuts(ctx, out);
    judgeExemptionEdges(this.#mines.values(), this.personnel, out, nowMs);
    this.alarms.tickAll(out, nowMs);
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
    this.alarms.receivedAt(nowMs);
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
    this.alarms.receivedAt(nowMs);
    for (const r of restoredLevels(last, this.alarms.values())) {
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
      const ts = this.#evaluator.lastTimestampOf(p.id);
      const at = Number.isFinite(ts) ? ts : nowMs;
      for (const [levelRule, bits] of LEVEL_RULES) {
        const rule = levelRule === 'power_cut_level' ? cutRuleOf(p.sensorType) : levelRule;
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
            at,
          );
        } else if (!held && active) this.alarms.clear(out, p.mineId, rule, p.pointCode, at, value);
      }
    }
    return out;
  }

  loadAlarms(alarms: Iterable<AlarmRecord>): void {
    this.alarms.load(alarms);
  }
}
