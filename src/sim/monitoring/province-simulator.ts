/**
 * Simulates the safety-monitoring (CDSS) and personnel-position (RYSS) uploads of a whole province:
 * every `step(nowMs)` is one poll of every point of every producing or construction mine, plus a
 * full personnel snapshot per mine. Other mines (suspended, closing, closed, …) are silent unless a
 * scenario overlay is active on them. Pure and deterministic: the result depends only on (seed, mine
 * list, step time, overlays), never on how many steps were taken before.
 */
import type { PersonPosition } from '../../core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import type { MineStatus } from '../../core/registry/types.ts';
import { layoutMine, type MineLayout, type MineLayoutInput } from './mine-layout.ts';
import {
  createPointRuntime,
  normalValue,
  roundValue,
  statusBits,
  type MineMode,
  type PointRuntime,
} from './point-values.ts';
import {
  buildCrew,
  crewGeometry,
  positionAt,
  shiftsInView,
  type CrewGeometry,
  type CrewMember,
} from './shift-crews.ts';
import {
  hash3,
  hashString,
  productionLevel,
  shiftIndexAt,
  shiftStartMs,
  signedUnit,
  wholeSeconds,
} from './signal.ts';

export interface ProvinceSimulatorOptions {
  mines: readonly MineLayoutInput[];
  seed: number;
  /** Time of step 0, epoch ms. */
  startMs: number;
  /** Time between polls (the usual upload cycle is 30 s). */
  intervalMs: number;
  /** Statuses whose mines report in normal operation (default: producing and construction). */
  reportingStatuses?: readonly MineStatus[];
  /**
   * Statuses whose mines keep their safety monitoring and positioning online without producing
   * ('standby': fans on, no production, nobody underground), e.g. a suspended mine (default: none).
   */
  standbyStatuses?: readonly MineStatus[];
  /** How long people who came out stay in the RYSS snapshot as 'out' (default 1 h). */
  recentExitMs?: number;
}

export interface MineReadings {
  mineCode: string;
  readings: PointReading[];
}

export interface MinePersonnel {
  mineCode: string;
  positions: PersonPosition[];
}

export interface ProvinceStep {
  atMs: number;
  readings: MineReadings[];
  personnel: MinePersonnel[];
}

/**
 * Something layered on a mine from `startMs` on (a scenario). While active, the mine reports even
 * if its status would keep it silent; a mine that does not normally report runs 'dormant' (fans,
 * belts and feeds off, no ventilation) so only what the overlay changes looks alive.
 */
export interface SimulatorOverlay {
  readonly name: string;
  readonly mineCode: string;
  readonly startMs: number;
  /** Replacement value functions by point code, given the time and the normal value. */
  readonly values: ReadonlyMap<string, (tMs: number, normal: number) => number>;
  /** People the overlay puts underground, added to the mine's RYSS snapshot. */
  positions?(tMs: number): PersonPosition[];
}

export interface ProvinceSimulator {
  readonly seed: number;
  readonly startMs: number;
  readonly intervalMs: number;
  /** Layouts of every mine given, by mine code (silent mines too: scenarios need them). */
  readonly layouts: ReadonlyMap<string, MineLayout>;
  /** `startMs + index · intervalMs`. */
  timeOfStep(index: number): number;
  /** Whether the mine uploads at `nowMs` (normally reporting, or an overlay is active). */
  isReporting(mineCode: string, nowMs: number): boolean;
  step(nowMs: number): ProvinceStep;
  /**
   * Follows a status change of the registry: a mine that may no longer produce (a stop order, a
   * closure) stops reporting normal operation — mines obey orders in the demo; scenarios break them.
   */
  setMineStatus(mineCode: string, status: MineStatus): void;
  addOverlay(overlay: SimulatorOverlay): void;
  removeOverlay(overlay: SimulatorOverlay): void;
  overlaysOf(mineCode: string): readonly SimulatorOverlay[];
}

export const DEFAULT_REPORTING_STATUSES: readonly MineStatus[] = ['producing', 'construction'];
const DEFAULT_RECENT_EXIT_MS = 3_600_000;
const PREBUILD_WINDOW_MS = 3_600_000;

interface MineRuntime {
  layout: MineLayout;
  key: number;
  /** Minutes by which this mine's production windows are shifted (mines do not start in lockstep). */
  productionOffsetMin: number;
  normallyReporting: boolean;
  /** Reports standby monitoring (stopped under an order, not shut down). */
  standby: boolean;
  points: PointRuntime[];
  geometry: CrewGeometry;
  crews: Map<number, CrewMember[]>;
  overlays: SimulatorOverlay[];
}

function activeOverlays(m: MineRuntime, nowMs: number): SimulatorOverlay[] {
  return m.overlays.length === 0 ? m.overlays : m.overlays.filter((o) => nowMs >= o.startMs);
}

function pollMine(
  m: MineRuntime,
  nowMs: number,
  mode: MineMode,
  overlays: readonly SimulatorOverlay[],
): PointReading[] {
  const uploadMs = wholeSeconds(nowMs);
  const production = mode === 'operating' ? productionLevel(uploadMs, m.productionOffsetMin) : 0;
  const readings: PointReading[] = new Array<PointReading>(m.points.length);
  for (let i = 0; i < m.points.length; i++) {
    const p = m.points[i] as PointRuntime;
    const t = uploadMs - p.pollLagMs;
    let v = normalValue(p, t, production, mode);
    for (const o of overlays) {
      const f = o.values.get(p.definition.pointCode);
      if (f !== undefined) v = f(t, v);
    }
    v = roundValue(p, v);
    readings[i] = {
      pointCode: p.definition.pointCode,
      sensorTypeName: p.sensorTypeName,
      location: p.definition.location,
      value: v,
      unit: p.definition.unit,
      statusBits: statusBits(p, v),
      dataTimeMs: t,
    };
  }
  return readings;
}

function crewsInView(m: MineRuntime, nowMs: number, recentExitMs: number): CrewMember[][] {
  const { from, to } = shiftsInView(nowMs, recentExitMs);
  for (const k of [...m.crews.keys()]) if (k < from - 1 || k > to + 1) m.crews.delete(k);
  const out: CrewMember[][] = [];
  for (let k = from; k <= to; k++) {
    let crew = m.crews.get(k);
    if (crew === undefined) {
      crew = buildCrew(m.layout, m.geometry, m.key, k);
      m.crews.set(k, crew);
    }
    out.push(crew);
  }
  return out;
}

function snapshotMine(
  m: MineRuntime,
  nowMs: number,
  mode: MineMode,
  overlays: readonly SimulatorOverlay[],
  recentExitMs: number,
): PersonPosition[] {
  const positions: PersonPosition[] = [];
  if (mode === 'operating') {
    for (const crew of crewsInView(m, nowMs, recentExitMs)) {
      for (const member of crew) {
        const p = positionAt(m.layout, member, nowMs, recentExitMs);
        if (p !== null) positions.push(p);
      }
    }
  }
  for (const o of overlays) if (o.positions !== undefined) positions.push(...o.positions(nowMs));
  return positions;
}

/**
 * Builds the next shift's crews a few mines per step during the hour before the shift change, so
 * no single step pays for every mine's crew at once (crews are pure, so when they are built does
 * not change any result).
 */
function prebuildNextShift(mines: readonly MineRuntime[], nowMs: number, intervalMs: number): void {
  const next = shiftIndexAt(nowMs) + 1;
  const lead = shiftStartMs(next) - nowMs;
  if (lead > PREBUILD_WINDOW_MS) return;
  const budget = Math.max(1, Math.ceil((mines.length * intervalMs) / (PREBUILD_WINDOW_MS / 2)));
  let built = 0;
  for (const m of mines) {
    if (!m.normallyReporting || m.crews.has(next)) continue;
    m.crews.set(next, buildCrew(m.layout, m.geometry, m.key, next));
    if (++built >= budget) return;
  }
}

export function createProvinceSimulator(options: ProvinceSimulatorOptions): ProvinceSimulator {
  const { seed, startMs, intervalMs } = options;
  if (!(intervalMs > 0)) throw new RangeError('intervalMs must be positive');
  const reporting = new Set(options.reportingStatuses ?? DEFAULT_REPORTING_STATUSES);
  const standby = new Set(options.standbyStatuses ?? []);
  const recentExitMs = options.recentExitMs ?? DEFAULT_RECENT_EXIT_MS;
  const layouts = new Map<string, MineLayout>();
  const mines: MineRuntime[] = [];
  const byCode = new Map<string, MineRuntime>();
  for (const mine of options.mines) {
    if (byCode.has(mine.code)) throw new Error(`mine ${mine.code} is listed twice`);
    const layout = layoutMine(mine, seed, { definedAtMs: wholeSeconds(startMs) });
    const key = hash3(seed, hashString(mine.code), 0x51);
    const runtime: MineRuntime = {
      layout,
      key,
      productionOffsetMin: Math.round(15 * signedUnit(hash3(key, 1))),
      normallyReporting: reporting.has(mine.status),
      standby: standby.has(mine.status),
      points: layout.points.map((d, i) =>
        createPointRuntime(d, layout.pointSpecs[i] ?? missing(d.pointCode), key, i, intervalMs),
      ),
      geometry: crewGeometry(layout),
      crews: new Map(),
      overlays: [],
    };
    layouts.set(mine.code, layout);
    mines.push(runtime);
    byCode.set(mine.code, runtime);
  }

  const runtimeOf = (mineCode: string): MineRuntime => {
    const m = byCode.get(mineCode);
    if (m === undefined) throw new Error(`mine ${mineCode} is not simulated`);
    return m;
  };

  return {
    seed,
    startMs,
    intervalMs,
    layouts,
    timeOfStep: (index) => startMs + index * intervalMs,
    setMineStatus: (mineCode, status) => {
      const m = runtimeOf(mineCode);
      m.normallyReporting = reporting.has(status);
      m.standby = standby.has(status);
      m.layout.status = status;
    },
    isReporting: (mineCode, nowMs) => {
      const m = runtimeOf(mineCode);
      return m.normallyReporting || m.standby || activeOverlays(m, nowMs).length > 0;
    },
    step(nowMs) {
      const readings: MineReadings[] = [];
      const personnel: MinePersonnel[] = [];
      for (const m of mines) {
        const overlays = activeOverlays(m, nowMs);
        if (!m.normallyReporting && !m.standby && overlays.length === 0) continue;
        const mode: MineMode = m.normallyReporting ? 'operating' : m.standby ? 'standby' : 'dormant';
        const mineCode = m.layout.mineCode;
        readings.push({ mineCode, readings: pollMine(m, nowMs, mode, overlays) });
        personnel.push({ mineCode, positions: snapshotMine(m, nowMs, mode, overlays, recentExitMs) });
      }
      prebuildNextShift(mines, nowMs, intervalMs);
      return { atMs: nowMs, readings, personnel };
    },
    addOverlay(overlay) {
      const m = runtimeOf(overlay.mineCode);
      if (!m.overlays.includes(overlay)) m.overlays.push(overlay);
    },
    removeOverlay(overlay) {
      const m = runtimeOf(overlay.mineCode);
      m.overlays = m.overlays.filter((o) => o !== overlay);
    },
    overlaysOf: (mineCode) => [...runtimeOf(mineCode).overlays],
  };
}

function missing(pointCode: string): never {
  throw new Error(`layout has no spec for point ${pointCode}`);
}
