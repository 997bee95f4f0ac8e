import { hasPermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import type { AccidentGrade } from '../accidents/accident-grading.ts';
import type { InvestigationState } from '../accidents/investigation-machine.ts';
import { getRiskRanking, type AccidentHistorySource, type RiskDeps } from '../briefing/risk-use-cases.ts';
import type { FactorContribution } from '../briefing/risk-score.ts';
import type { CaseStatus, CaseType, ClosureStatus } from '../closure/closure-types.ts';
import { isOverdue } from '../hazards/hazard-rules.ts';
import type { HazardGrade, HazardState } from '../hazards/hazard-types.ts';
import type { AlarmPriority, AlarmState } from '../monitoring/alarms/alarm-lifecycle.ts';
import type { AlarmRule } from '../monitoring/engine/engine-types.ts';
import type { AlarmScopeFilter, AlarmView } from '../monitoring/monitoring-ports.ts';
import { dateOf } from '../orders/order-rules.ts';
import type { Order, OrderKind, OrderStatus } from '../orders/orders-ports.ts';
import type { Ports } from '../ports.ts';
import { getMine } from '../registry/mine-use-cases.ts';
import { buildCoverage, type CoverageGap } from '../supervision/coverage.ts';
import type { PlanState, VisitorRole } from '../supervision/supervision-types.ts';

/**
 * A mine's 360° view (GET /api/mines/:id/overview): one short summary per module — hazards, orders,
 * supervision, risk, live alarms, closure, accidents, cases — for a mine in the caller's scope. Each
 * section the role may not read is null (the web leaves it out); each lists at most OVERVIEW_ITEMS lines
 * and links to the module's own page for the rest.
 */
export const OVERVIEW_ITEMS = 5;

export interface OverviewHazard {
  id: string;
  title: string;
  grade: HazardGrade;
  state: HazardState;
  dueOn: string | null;
  isOverdue: boolean;
}

export interface OverviewHazards {
  open: number;
  overdue: number;
  openMajor: number;
  /** Open hazards, overdue first, then major, then the nearest due date. */
  items: OverviewHazard[];
}

export interface OverviewOrder {
  id: string;
  number: string;
  kind: OrderKind;
  status: OrderStatus;
  effectiveAt: string;
  /** The evacuation deadline of a stop order, when it has one. */
  evacuateBy: string | null;
}

export interface OverviewVisit {
  id: string;
  startedAt: string;
  visitorName: string;
  visitorRole: VisitorRole;
  wentUnderground: boolean;
  findings: number;
}

export interface OverviewSupervision {
  planState: PlanState | null;
  responsibleName: string | null;
  groupLeaderName: string | null;
  groupSize: number;
  leaderName: string | null;
  /** What the mine lacks of the four (一矿一策、责任人、督导组、包保领导); closed mines have none. */
  gaps: CoverageGap[];
  visits: OverviewVisit[];
}

export interface OverviewRisk {
  score: number;
  /** Its place in the caller's scope (1 = highest score) out of `of` mines. */
  rank: number;
  of: number;
  windowDays: number;
  hasAccidentData: boolean;
  factors: FactorContribution[];
}

export interface OverviewAlarm {
  id: string;
  rule: AlarmRule;
  priority: AlarmPriority;
  state: AlarmState;
  /** Data time the current activation began (epoch ms). */
  atMs: number;
  location: string | null;
  isIncident: boolean;
}

export interface OverviewAlarms {
  open: number;
  unacknowledged: number;
  incidents: number;
  byPriority: Record<AlarmPriority, number>;
  /** Incidents first, then by priority, then the oldest. */
  items: OverviewAlarm[];
}

export interface OverviewClosure {
  id: string;
  status: ClosureStatus;
  stepsVerified: number;
  stepsTotal: number;
  createdAt: string;
}

export interface OverviewAccident {
  id: string;
  occurredAt: string;
  type: string;
  grade: AccidentGrade;
  deaths: number;
  investigationState: InvestigationState;
}

export interface OverviewCase {
  id: string;
  type: CaseType;
  status: CaseStatus;
  summary: string;
  openedAt: string;
}

export interface MineOverview {
  mineId: string;
  asOf: string;
  hazards: OverviewHazards | null;
  orders: { inForce: OverviewOrder[]; scheduled: OverviewOrder[] } | null;
  supervision: OverviewSupervision | null;
  risk: OverviewRisk | null;
  /** Null when the role may not read alarms or no monitoring runs in this deployment. */
  alarms: OverviewAlarms | null;
  /** `current` is the mine's latest closure file, null when it has none. */
  closure: { current: OverviewClosure | null } | null;
  accidents: { total: number; items: OverviewAccident[] } | null;
  cases: { open: number; items: OverviewCase[] } | null;
}

/** What the overview reads from monitoring (the engine or the database), when monitoring runs. */
export interface OverviewMonitoring {
  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]>;
}

export type OverviewDeps = RiskDeps &
  Pick<Ports, 'hazards' | 'orders' | 'closure' | 'accidents'> & {
    monitoring: OverviewMonitoring | null;
    accidentHistory: AccidentHistorySource | null;
  };

const PRIORITY_ORDER: readonly AlarmPriority[] = ['critical', 'high', 'medium', 'low'];
const isIncidentRule = (rule: string) => rule.startsWith('incident_');

async function hazardsOf(deps: OverviewDeps, mineId: string, today: string): Promise<OverviewHazards> {
  const open = await deps.hazards.list({ mineId, openOnly: true }, 5000);
  const rows = open.map((h) => ({
    id: h.id,
    title: h.title,
    grade: h.grade,
    state: h.state,
    dueOn: h.currentDueDate,
    isOverdue: isOverdue(h, today),
  }));
  rows.sort(
    (a, b) =>
      Number(b.isOverdue) - Number(a.isOverdue) ||
      Number(b.grade === 'major') - Number(a.grade === 'major') ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
  return {
    open: rows.length,
    overdue: rows.filter((r) => r.isOverdue).length,
    openMajor: rows.filter((r) => r.grade === 'major').length,
    items: rows.slice(0, OVERVIEW_ITEMS),
  };
}

async function ordersOf(
  deps: OverviewDeps,
  mine: { id: string; regionPath: string },
): Promise<NonNullable<MineOverview['orders']>> {
  const view = (o: Order): OverviewOrder => ({
    id: o.id,
    number: o.number,
    kind: o.kind,
    status: o.status,
    effectiveAt: o.effectiveAt,
    evacuateBy: o.evacuateBy,
  });
  // An order is over the mine when it names it or covers the region the mine lies in (whether or not it
  // changed the mine's status: an order naming a mine already stopped stays in force over it).
  const covers = (o: Order) =>
    o.regionId === null ? o.mineIds.includes(mine.id) : mine.regionPath.startsWith(o.regionPath);
  const [inForce, scheduled] = await Promise.all(
    (['in_force', 'scheduled'] as const).map(async (status) =>
      (await deps.orders.listOrders({ status }, 2000)).filter(covers).map(view),
    ),
  );
  const byTime = (a: OverviewOrder, b: OverviewOrder) => b.effectiveAt.localeCompare(a.effectiveAt);
  return { inForce: (inForce ?? []).sort(byTime), scheduled: (scheduled ?? []).sort(byTime) };
}

async function supervisionOf(
  deps: OverviewDeps,
  p: Principal,
  mine: Parameters<typeof buildCoverage>[0][number],
): Promise<OverviewSupervision> {
  const [facts, visits] = await Promise.all([
    deps.supervision.coverageFacts({ mineId: mine.id }),
    deps.supervision.listVisits({ mineId: mine.id }, OVERVIEW_ITEMS),
  ]);
  const row = buildCoverage([mine], facts, p.userId).rows[0];
  return {
    planState: row?.planState ?? facts.plans.get(mine.id)?.state ?? null,
    responsibleName: row?.responsibleName ?? null,
    groupLeaderName: row?.groupLeaderName ?? null,
    groupSize: row?.groupSize ?? 0,
    leaderName: row?.leaderName ?? null,
    gaps: row?.gaps ?? [],
    visits: visits
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, OVERVIEW_ITEMS)
      .map((v) => ({
        id: v.id,
        startedAt: v.startedAt,
        visitorName: v.visitorName,
        visitorRole: v.visitorRole,
        wentUnderground: v.wentUnderground,
        findings: v.findings.length,
      })),
  };
}

async function riskOf(deps: OverviewDeps, p: Principal, mineId: string): Promise<OverviewRisk | null> {
  // The mine's place in the caller's own ranking (the briefing's risk page), not a score of its own.
  const ranking = await getRiskRanking(deps, p, { limit: 100_000 }, deps.accidentHistory);
  const row = ranking.items.find((r) => r.mineId === mineId);
  if (!row) return null;
  return {
    score: row.score,
    rank: row.rank,
    of: ranking.total,
    windowDays: ranking.windowDays,
    hasAccidentData: ranking.hasAccidentData,
    factors: row.factors,
  };
}

async function alarmsOf(monitoring: OverviewMonitoring, mineId: string): Promise<OverviewAlarms> {
  const open = (await monitoring.openAlarms({ mineId })).filter((a) => a.mineId === mineId);
  const byPriority: Record<AlarmPriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const a of open) byPriority[a.priority]++;
  const rows = open.map((a) => ({
    id: a.id,
    rule: a.rule,
    priority: a.priority,
    state: a.state,
    atMs: a.activeSinceMs ?? a.updatedMs,
    location: a.location,
    isIncident: isIncidentRule(a.rule),
  }));
  rows.sort(
    (a, b) =>
      Number(b.isIncident) - Number(a.isIncident) ||
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) ||
      a.atMs - b.atMs,
  );
  return {
    open: rows.length,
    unacknowledged: open.filter((a) => a.state === 'unack_active' || a.state === 'rtn_unack').length,
    incidents: rows.filter((r) => r.isIncident).length,
    byPriority,
    items: rows.slice(0, OVERVIEW_ITEMS),
  };
}

async function closureOf(deps: OverviewDeps, mineId: string): Promise<OverviewClosure | null> {
  const all = await deps.closure.listClosures({ mineId });
  const c = all.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!c) return null;
  const steps = await deps.closure.listSteps(c.id);
  return {
    id: c.id,
    status: c.status,
    stepsVerified: steps.filter((s) => s.state === 'verified').length,
    stepsTotal: steps.length,
    createdAt: c.createdAt,
  };
}

async function accidentsOf(deps: OverviewDeps, mineId: string): Promise<MineOverview['accidents']> {
  const filter = { mineId, reference: false };
  const [rows, total] = await Promise.all([
    deps.accidents.list(filter, OVERVIEW_ITEMS),
    deps.accidents.count(filter),
  ]);
  return {
    total,
    items: rows.map((a) => ({
      id: a.id,
      occurredAt: a.occurredAt,
      type: a.type,
      grade: a.grade,
      deaths: a.deaths,
      investigationState: a.investigationState,
    })),
  };
}

async function casesOf(deps: OverviewDeps, mineId: string): Promise<MineOverview['cases']> {
  const all = (await deps.closure.listCases({ mineId })).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const open = all.filter((c) => c.status !== 'closed');
  return {
    open: open.length,
    items: [...open, ...all.filter((c) => c.status === 'closed')].slice(0, OVERVIEW_ITEMS).map((c) => ({
      id: c.id,
      type: c.type,
      status: c.status,
      summary: c.summary,
      openedAt: c.openedAt,
    })),
  };
}

/** The 360° view of one mine in the caller's scope (NotFound outside it, as every mine read). */
export async function getMineOverview(
  deps: OverviewDeps,
  p: Principal,
  mineId: string,
): Promise<MineOverview> {
  const mine = await getMine(deps, p, mineId);
  const asOf = deps.clock.nowIso();
  const today = dateOf(asOf);
  const may = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(p.role, permission);
  const [hazards, orders, supervision, risk, alarms, closure, accidents, cases] = await Promise.all([
    may('hazard.read') ? hazardsOf(deps, mine.id, today) : null,
    may('order.read') ? ordersOf(deps, mine) : null,
    may('supervision.read') ? supervisionOf(deps, p, mine) : null,
    may('risk.read') ? riskOf(deps, p, mine.id) : null,
    may('alarm.read') && deps.monitoring ? alarmsOf(deps.monitoring, mine.id) : null,
    may('closure.read') ? closureOf(deps, mine.id).then((current) => ({ current })) : null,
    may('accident.read') ? accidentsOf(deps, mine.id) : null,
    may('case.read') ? casesOf(deps, mine.id) : null,
  ]);
  return { mineId: mine.id, asOf, hazards, orders, supervision, risk, alarms, closure, accidents, cases };
}
