import type { Principal } from '../access/types.ts';
import { switchRoleOf } from '../monitoring/engine/point-config.ts';
import { isMainsPowered } from '../monitoring/evidence/evidence-records.ts';
import { judgeStoppedPeople, type StoppedExemption } from '../monitoring/stopped/stopped-exemptions.ts';
import { loadExemptions } from '../monitoring/stopped/stopped-use-cases.ts';
import type { MineStatus } from '../registry/types.ts';
import type { Ports } from '../ports.ts';
import { getOrder } from './order-use-cases.ts';
import type { Order } from './orders-ports.ts';

/**
 * Whether a mine under a stop order is really stopped (ADR 0014):
 * - `clear`: nobody underground beyond its approved watch crew (or dismantling crew), nothing producing;
 * - `evacuating`: people or production still there, before the order's evacuation deadline;
 * - `overdue`: still manned or producing after the deadline — critical;
 * - `no_data`: monitoring has reported neither people nor equipment (a silent mine proves nothing).
 */
export type ComplianceState = 'clear' | 'evacuating' | 'overdue' | 'no_data';

export interface MineEvidence {
  status: MineStatus;
  /** The newest people-underground snapshot (data time), or null when none was ever received. */
  snapshotMs: number | null;
  people: ReadonlyArray<{ name: string; areaCode: string | null }>;
  /** The mine's approved watch crews and dismantling windows (evacuations are judged by the deadline). */
  exemptions: readonly StoppedExemption[];
  /** Production signals (equipment, belts) reporting "running", and how many there are. */
  productionOn: number;
  productionPoints: number;
  /** Power feeds reporting "on", and how many there are. */
  powerOn: number;
  powerPoints: number;
  /** Data time of the newest switch reading, or null. */
  switchesMs: number | null;
  /**
   * Substations whose latest FZSS state says AC mains, and how many substations report a state: the
   * mine's own monitoring files saying its underground supply is live (evidence shown beside the
   * switches; it does not change the state on its own).
   */
  mainsFeeds: number;
  feedsKnown: number;
}

export interface MineCompliance {
  state: ComplianceState;
  underground: number;
  /** People beyond the approved crew or outside its areas. */
  beyondCrew: number;
  crewAllowed: number;
  productionOn: number;
  productionPoints: number;
  powerOn: number;
  powerPoints: number;
  mainsFeeds: number;
  feedsKnown: number;
  snapshotMs: number | null;
  /** Evacuation deadline minus now (ms; negative once past), or null for an order without a deadline. */
  timeLeftMs: number | null;
  isCritical: boolean;
}

/** Judges one mine of a stop order at `nowMs` against the order's deadline (pure). */
export function judgeMineCompliance(
  e: MineEvidence,
  deadlineMs: number,
  hasDeadline: boolean,
  nowMs: number,
): MineCompliance {
  const crew = e.exemptions.filter((x) => x.kind !== 'evacuation');
  // The people last reported, against what is allowed now (as the engine re-judges them at an edge).
  const verdict = judgeStoppedPeople(e.status, crew, e.people, nowMs);
  const manned = verdict.uncovered > 0;
  const producing = e.productionOn > 0;
  const past = nowMs >= deadlineMs;
  const state: ComplianceState =
    e.snapshotMs === null && e.switchesMs === null
      ? 'no_data'
      : !manned && !producing
        ? 'clear'
        : past
          ? 'overdue'
          : 'evacuating';
  return {
    state,
    underground: e.people.length,
    beyondCrew: verdict.uncovered,
    crewAllowed: e.people.length - verdict.uncovered,
    productionOn: e.productionOn,
    productionPoints: e.productionPoints,
    powerOn: e.powerOn,
    powerPoints: e.powerPoints,
    mainsFeeds: e.mainsFeeds,
    feedsKnown: e.feedsKnown,
    snapshotMs: e.snapshotMs,
    timeLeftMs: hasDeadline ? deadlineMs - nowMs : null,
    isCritical: state === 'overdue',
  };
}

export interface ComplianceSummary {
  mines: number;
  clear: number;
  evacuating: number;
  overdue: number;
  noData: number;
  /** Every mine clear: nobody beyond a watch crew, nothing producing. */
  isAllClear: boolean;
}

export function summariseCompliance(rows: ReadonlyArray<{ state: ComplianceState }>): ComplianceSummary {
  const n = (s: ComplianceState) => rows.filter((r) => r.state === s).length;
  return {
    mines: rows.length,
    clear: n('clear'),
    evacuating: n('evacuating'),
    overdue: n('overdue'),
    noData: n('no_data'),
    isAllClear: rows.length > 0 && n('clear') === rows.length,
  };
}

export interface OrderComplianceView {
  order: Pick<Order, 'id' | 'number' | 'kind' | 'status' | 'effectiveAt' | 'evacuateBy'>;
  /** The deadline judged against: evacuateBy, or the effective time for an order without one. */
  deadline: string;
  nowMs: number;
  summary: ComplianceSummary;
  mines: Array<MineCompliance & { mineId: string; mineCode: string; mineName: string; status: MineStatus }>;
}

const PRODUCTION_ROLES = new Set(['equipment', 'belt_running']);

/** The evidence monitoring holds for one mine: people, production signals, power feeds (from storage). */
async function evidenceOf(
  deps: Pick<Ports, 'monitoring' | 'stopped'>,
  mineId: string,
  status: MineStatus,
): Promise<MineEvidence> {
  const { snapshotMs, people } = await deps.monitoring.peopleOfMine(mineId);
  const points = (await deps.monitoring.pointsOfMine(mineId)).filter(
    (p) => !p.withdrawn && p.valueType === 'KG',
  );
  const roles = new Map(points.map((p) => [p.id, switchRoleOf(p)]));
  const last =
    roles.size > 0
      ? await deps.monitoring.lastReadings([...roles.keys()])
      : new Map<number, { tsMs: number; value: number }>();
  const e: MineEvidence = {
    status,
    snapshotMs,
    people,
    exemptions: (await loadExemptions(deps, mineId)).get(mineId) ?? [],
    productionOn: 0,
    productionPoints: 0,
    powerOn: 0,
    powerPoints: 0,
    switchesMs: null,
    mainsFeeds: 0,
    feedsKnown: 0,
  };
  for (const f of await deps.monitoring.feedStates([mineId])) {
    if (f.powerState === null) continue;
    e.feedsKnown++;
    if (isMainsPowered(f)) e.mainsFeeds++;
  }
  for (const [id, role] of roles) {
    const r = last.get(id);
    const on = r?.value === 1;
    if (r && (e.switchesMs === null || r.tsMs > e.switchesMs)) e.switchesMs = r.tsMs;
    if (PRODUCTION_ROLES.has(role)) {
      e.productionPoints++;
      if (on) e.productionOn++;
    } else if (role === 'power_feed') {
      e.powerPoints++;
      if (on) e.powerOn++;
    }
  }
  return e;
}

/**
 * The compliance view of an order: for every mine it stopped (in the caller's scope), the people still
 * underground, production signals, power state and time left; overdue (critical) only for mines still
 * manned or producing after the evacuation deadline.
 */
export async function getOrderCompliance(
  deps: Pick<Ports, 'orders' | 'mines' | 'monitoring' | 'stopped' | 'clock'>,
  p: Principal,
  id: string,
): Promise<OrderComplianceView> {
  const { order, mines } = await getOrder(deps, p, id);
  const nowMs = deps.clock.nowMs();
  const deadline = order.evacuateBy ?? order.effectiveAt;
  const deadlineMs = Date.parse(deadline);
  const rows: OrderComplianceView['mines'] = [];
  for (const m of mines) {
    if (m.outcome !== 'affected' || m.liftedAt !== null) continue;
    const mine = await deps.mines.get(m.mineId);
    if (!mine) continue;
    const judged = judgeMineCompliance(
      await evidenceOf(deps, mine.id, mine.status),
      deadlineMs,
      order.evacuateBy !== null,
      nowMs,
    );
    rows.push({ ...judged, mineId: mine.id, mineCode: mine.code, mineName: mine.name, status: mine.status });
  }
  const rank: Record<ComplianceState, number> = { overdue: 0, evacuating: 1, no_data: 2, clear: 3 };
  rows.sort(
    (a, b) =>
      rank[a.state] - rank[b.state] || b.beyondCrew - a.beyondCrew || a.mineCode.localeCompare(b.mineCode),
  );
  return {
    order: {
      id: order.id,
      number: order.number,
      kind: order.kind,
      status: order.status,
      effectiveAt: order.effectiveAt,
      evacuateBy: order.evacuateBy,
    },
    deadline,
    nowMs,
    summary: summariseCompliance(rows),
    mines: rows,
  };
}
