import type { AlarmEvaluator } from '../alarm-evaluator.ts';
import type { AlarmBook } from './alarm-book.ts';
import { mustKeepMonitoring, silentMineMessage } from '../stopped/silent-mine.ts';
import { alarmIdOf, type AlarmChange, type MonitoredMine, type PointRecord } from './engine-types.ts';

/** The engine state the periodic rules read (owned by MonitoringEngine). */
export interface RuleContext {
  points: ReadonlyArray<PointRecord | undefined>;
  evaluator: AlarmEvaluator;
  alarms: AlarmBook;
  pointIds: ReadonlyMap<string, ReadonlyMap<string, number>>;
  mines: ReadonlyMap<string, MonitoredMine>;
  /** Consecutive identical values per analog point; -1 for switch points. */
  sameCount: Int32Array;
}

/** How long power may take to go off after the power-cut level is reached (one upload cycle). */
const POWER_CUT_GRACE_MS = 30_000;
/** Unchanged uploads before an analog point counts as flat-lined (about 30 min at 30 s). */
export const FLAT_READINGS = 60;

/**
 * Silence noticed on the receiving clock (nothing arrives, so the data has no time to offer) but dated
 * in data time, when the silence began to count: a producing mine's point silent past
 * `pointSilentAfterMs` (point_silent, cleared once it reports again), and a mine of any status but
 * closed without data past `mineSilentAfterMs` (one mine_data_stopped for the outage, not one alarm per
 * point).
 */
export function judgeSilence(
  ctx: RuleContext,
  out: AlarmChange[],
  nowMs: number,
  opts: { lastDataMs: ReadonlyMap<string, number>; pointSilentAfterMs: number; mineSilentAfterMs: number },
): void {
  const silentAfter = opts.pointSilentAfterMs;
  const mineSilentAfter = opts.mineSilentAfterMs;
  for (const p of ctx.points) {
    if (!p || p.withdrawn) continue;
    const mine = ctx.mines.get(p.mineId);
    if (!mine || mine.status !== 'producing') continue;
    const last = ctx.evaluator.lastTimestampOf(p.id);
    if (!Number.isFinite(last) || last <= 0) continue;
    // When the whole mine is silent, that is one outage (mine_data_stopped), not one alarm per point.
    const mineSilent = nowMs - (opts.lastDataMs.get(mine.id) ?? last) > mineSilentAfter;
    if (nowMs - last > silentAfter && !mineSilent) {
      ctx.alarms.raise(
        out,
        {
          mineId: mine.id,
          rule: 'point_silent',
          subject: p.pointCode,
          pointId: p.id,
          message: `No data from ${p.location} (${p.pointCode}) for ${Math.round((nowMs - last) / 60_000)} min.`,
          value: null,
        },
        last + silentAfter,
      );
    } else if (nowMs - last <= silentAfter)
      ctx.alarms.clear(out, mine.id, 'point_silent', p.pointCode, last, null);
  }
  for (const [mineId, last] of opts.lastDataMs) {
    const mine = ctx.mines.get(mineId);
    if (mine !== undefined && mustKeepMonitoring(mine.status) && nowMs - last > mineSilentAfter) {
      ctx.alarms.raise(
        out,
        {
          mineId,
          rule: 'mine_data_stopped',
          subject: '',
          pointId: null,
          message: silentMineMessage(mine, Math.round((nowMs - last) / 60_000)),
          value: null,
        },
        last + mineSilentAfter,
      );
    }
  }
}

/**
 * Power-cut ineffective: a point has been at its power-cut level for longer than the grace time while a
 * feed sensor it cuts (CDDY relation D) still reports power on.
 */
export function judgePowerCuts(ctx: RuleContext, out: AlarmChange[]): void {
  for (const p of ctx.points) {
    if (!p || p.powerCutFeedCodes.length === 0) continue;
    const cut = ctx.alarms.get(alarmIdOf(p.mineId, 'power_cut_level', p.pointCode));
    const since = cut?.conditionActive ? cut.activeSinceMs : null;
    let live: string | null = null;
    // Judged wholly in data time: the feed's own report, dated after the grace, says power is on.
    let liveAt = 0;
    let newest = ctx.evaluator.lastTimestampOf(p.id);
    const byCode = ctx.pointIds.get(p.mineId);
    for (const code of p.powerCutFeedCodes) {
      const feed = byCode?.get(code);
      if (feed === undefined) continue;
      const t = ctx.evaluator.lastTimestampOf(feed);
      if (t > newest) newest = t;
      if (since !== null && ctx.evaluator.lastValueOf(feed) === 1 && t >= since + POWER_CUT_GRACE_MS) {
        live = code;
        liveAt = t;
      }
    }
    if (live !== null) {
      ctx.alarms.raise(
        out,
        {
          mineId: p.mineId,
          rule: 'power_cut_ineffective',
          subject: p.pointCode,
          pointId: p.id,
          message: `Power-cut level at ${p.location} (${p.pointCode}) but feed ${live} still reports power on.`,
          value: ctx.evaluator.lastValueOf(p.id),
        },
        liveAt,
      );
    } else if (Number.isFinite(newest)) {
      ctx.alarms.clear(out, p.mineId, 'power_cut_ineffective', p.pointCode, newest, null);
    }
  }
}

/**
 * What a steady value means per sensor type (platform policy from the sensors' physics, not
 * regulation). Underground air is often steady at the sensor's resolution: fresh-air O2 reads
 * 20.8–20.9 % for hours, CO and CO2 sit at zero, ventilation air and rock temperature barely move.
 * Such a steady reading is normal and never a flat-line finding; a methane point frozen at a reading
 * above its resolution while other methane points of the mine vary is.
 * `judged: false` — a steady value of this type is never evidence on its own (it still counts towards
 * a producing mine whose analog points are all frozen).
 */
export const FLAT_LINE_PROFILES: Readonly<
  Record<string, { judged: boolean; steadyIsNormal: (v: number) => boolean; why: string }>
> = {
  '0001': {
    judged: true,
    steadyIsNormal: (v) => v <= 0.02,
    why: 'CH4 at or below 0.02 % (resolution 0.01 %): fresh air',
  },
  '0011': { judged: true, steadyIsNormal: (v) => v <= 0.02, why: 'as methane' },
  '0043': { judged: true, steadyIsNormal: (v) => v <= 0.02, why: 'as methane' },
  '0004': { judged: true, steadyIsNormal: (v) => v <= 1, why: 'CO at 0–1 ppm (resolution 1 ppm): fresh air' },
  '0012': {
    judged: true,
    steadyIsNormal: (v) => v >= 19.5 && v <= 21.5,
    why: 'O2 near 20.9 % (resolution 0.1 %): fresh air is steady',
  },
  '0013': { judged: true, steadyIsNormal: (v) => v <= 0.1, why: 'CO2 near zero (resolution 0.01 %)' },
  '0002': {
    judged: false,
    steadyIsNormal: () => true,
    why: 'steady ventilation, still air (resolution 0.1 m/s)',
  },
  '0003': {
    judged: false,
    steadyIsNormal: () => true,
    why: 'rock and air temperature change slowly (resolution 0.1 ℃)',
  },
};
const DEFAULT_FLAT_PROFILE = {
  judged: true,
  steadyIsNormal: (v: number) => v === 0,
  why: 'zero is a resting value',
};

/**
 * Flat lines (domain §1.6): an analog point whose value has not changed for FLAT_READINGS uploads
 * while another point of the same type at the mine varies, or a producing mine whose analog points
 * are all frozen — data that looks generated or replayed, for a regulator to review.
 */
export function judgeFlatLines(ctx: RuleContext, out: AlarmChange[]): void {
  const byMine = new Map<
    string,
    Map<string, { flat: PointRecord[]; steadyNormal: number; varying: number; total: number }>
  >();
  // Each mine's newest data time among its analog points: when a whole-mine verdict is dated.
  const newest = new Map<string, number>();
  for (const p of ctx.points) {
    if (!p || p.withdrawn || ctx.sameCount[p.id]! < 0) continue;
    const ts = ctx.evaluator.lastTimestampOf(p.id);
    if (Number.isFinite(ts) && ts > (newest.get(p.mineId) ?? 0)) newest.set(p.mineId, ts);
    let types = byMine.get(p.mineId);
    if (!types) {
      types = new Map();
      byMine.set(p.mineId, types);
    }
    let g = types.get(p.sensorType);
    if (!g) {
      g = { flat: [], steadyNormal: 0, varying: 0, total: 0 };
      types.set(p.sensorType, g);
    }
    const same = ctx.sameCount[p.id]!;
    g.total++;
    const profile = FLAT_LINE_PROFILES[p.sensorType] ?? DEFAULT_FLAT_PROFILE;
    if (same >= FLAT_READINGS) {
      // Steady where steady is normal: counted as frozen for the whole-mine rule, never flagged alone.
      if (profile.judged && !profile.steadyIsNormal(ctx.evaluator.lastValueOf(p.id))) g.flat.push(p);
      else g.steadyNormal++;
    } else if (same < 3) g.varying++;
  }
  for (const [mineId, types] of byMine) {
    let analog = 0;
    let frozen = 0;
    for (const g of types.values()) {
      analog += g.total;
      frozen += g.flat.length + g.steadyNormal;
    }
    const mine = ctx.mines.get(mineId);
    const allFrozen = mine?.status === 'producing' && analog >= 5 && frozen === analog;
    const subjectAll = 'flat-line:all';
    const mineAt = newest.get(mineId) ?? 0;
    if (allFrozen) {
      ctx.alarms.raise(
        out,
        {
          mineId,
          rule: 'suspected_tampering',
          subject: subjectAll,
          pointId: null,
          message: `All ${analog} analog points of a producing mine have sent unchanged values for ${FLAT_READINGS}+ uploads.`,
          value: null,
        },
        mineAt,
      );
    } else ctx.alarms.clear(out, mineId, 'suspected_tampering', subjectAll, mineAt, null);
    for (const g of types.values()) {
      if (allFrozen || g.varying === 0) continue;
      for (const p of g.flat) {
        ctx.alarms.raise(
          out,
          {
            mineId,
            rule: 'suspected_tampering',
            subject: `flat-line:${p.pointCode}`,
            pointId: p.id,
            message: `${p.location} (${p.pointCode}) has not changed for ${ctx.sameCount[p.id]} uploads while its neighbours vary.`,
            value: ctx.evaluator.lastValueOf(p.id),
          },
          ctx.evaluator.lastTimestampOf(p.id),
        );
      }
    }
  }
  // A flat-lined point that moves again clears its alarm.
  for (const a of ctx.alarms.values()) {
    if (a.rule !== 'suspected_tampering' || !a.conditionActive || a.pointId === null) continue;
    if (a.subject.startsWith('flat-line:') && ctx.sameCount[a.pointId]! < FLAT_READINGS) {
      ctx.alarms.clear(
        out,
        a.mineId,
        'suspected_tampering',
        a.subject,
        ctx.evaluator.lastTimestampOf(a.pointId),
        null,
      );
    }
  }
}
