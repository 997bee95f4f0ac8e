import { requirePermission } from '../access/permissions.ts';
import { mineListing, type MineListing } from '../registry/mine-listing.ts';
import type { Principal } from '../access/types.ts';
import type { MineRow, Ports } from '../ports.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../registry/types.ts';
import type { CoverageFacts, LastVisit } from '../supervision/supervision-ports.ts';
import type { BriefingMineFilter } from './briefing-ports.ts';
import { RISK_FACTORS_2026, type RiskFactorDef, type RiskFactorId } from './risk-factors.ts';
import type { AlarmScopeFilter, AlarmView } from '../monitoring/monitoring-ports.ts';
import {
  compareRisk,
  scoreMine,
  type FactorContribution,
  type LiveIncident,
  type RiskUrgency,
} from './risk-score.ts';

const DAY_MS = 86_400_000;
/** The alarm history window of the score. */
export const RISK_WINDOW_DAYS = 30;

/** Accidents per mine in a period, when an accident register exists (null otherwise: "no accident data"). */
export interface AccidentHistorySource {
  accidentsByMine(filter: BriefingMineFilter, fromIso: string, toIso: string): Promise<Map<string, number>>;
}

/** The alarms open now (the monitoring engine or the database), when monitoring runs. */
export interface LiveAlarmSource {
  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]>;
}

/** What is happening at each mine now: incidents in progress and critical alarms nobody acknowledged. */
export interface LiveRisk {
  incidents: LiveIncident[];
  unacknowledgedCritical: number;
}

const ACTIVE_STATES: ReadonlySet<string> = new Set(['unack_active', 'ack_active']);
const UNACKNOWLEDGED_STATES: ReadonlySet<string> = new Set(['unack_active', 'rtn_unack']);

/** Groups open alarms into each mine's live risk (pure): active incident_* alarms, unacknowledged critical ones. */
export function liveRiskByMine(alarms: readonly AlarmView[]): Map<string, LiveRisk> {
  const out = new Map<string, LiveRisk>();
  const of = (mineId: string) => {
    let r = out.get(mineId);
    if (!r) out.set(mineId, (r = { incidents: [], unacknowledgedCritical: 0 }));
    return r;
  };
  for (const a of alarms) {
    if (a.rule.startsWith('incident_')) {
      if (ACTIVE_STATES.has(a.state))
        of(a.mineId).incidents.push({ alarmId: a.id, rule: a.rule, sinceMs: a.activeSinceMs });
    } else if (a.priority === 'critical' && UNACKNOWLEDGED_STATES.has(a.state)) {
      of(a.mineId).unacknowledgedCritical++;
    }
  }
  return out;
}

export interface RiskRow extends MineListing {
  status: string;
  rank: number;
  score: number;
  factors: FactorContribution[];
  /** What puts the mine above the points order (an incident in progress, unacknowledged critical alarms). */
  urgency: RiskUrgency;
  /** The incidents in progress at the mine, named in the explanation. */
  incidents: LiveIncident[];
  lastVisitAt: string | null;
}

export interface RiskRanking {
  asOf: string;
  windowDays: number;
  /** False when no accident register exists: the accident factor then shows "no data", never zero. */
  hasAccidentData: boolean;
  factors: readonly RiskFactorDef[];
  items: RiskRow[];
}

export type RiskDeps = Pick<Ports, 'mines' | 'regions' | 'supervision' | 'briefing' | 'clock'> & {
  /** Open alarms now; absent or null where monitoring does not run (the live factors then add nothing). */
  liveAlarms?: LiveAlarmSource | null;
};

/** The latest visit to each mine by anyone (leader or group) in the list. */
export function latestVisitByMine(visits: readonly LastVisit[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const v of visits) {
    const cur = last.get(v.mineId);
    if (cur === undefined || v.lastStartedAt > cur) last.set(v.mineId, v.lastStartedAt);
  }
  return last;
}

/** Scores and ranks the given mines as of `nowIso` (highest score first, then by code). */
export async function rankMines(
  deps: RiskDeps,
  mines: readonly MineRow[],
  filter: BriefingMineFilter,
  accidents: AccidentHistorySource | null,
): Promise<{ ranking: RiskRanking; visits: LastVisit[] }> {
  const nowIso = deps.clock.nowIso();
  const nowMs = Date.parse(nowIso);
  const today = nowIso.slice(0, 10);
  const [hazards, alarms, visits, accidentMap, open] = await Promise.all([
    deps.briefing.hazardCountsByMine(filter, today),
    deps.briefing.alarmCountsByMine(filter, nowMs - RISK_WINDOW_DAYS * DAY_MS, nowMs + 1),
    deps.supervision.lastVisits(filter),
    accidents?.accidentsByMine(filter, new Date(nowMs - 3 * 365 * DAY_MS).toISOString(), nowIso) ?? null,
    deps.liveAlarms?.openAlarms(filter) ?? [],
  ]);
  const live = liveRiskByMine(open);
  const hz = new Map(hazards.map((h) => [h.mineId, h]));
  const al = new Map(alarms.map((a) => [a.mineId, a]));
  const last = latestVisitByMine(visits);
  const rows = mines.map((m) => {
    const h = hz.get(m.id);
    const a = al.get(m.id);
    const lastVisitAt = last.get(m.id) ?? null;
    const now = live.get(m.id);
    const { score, factors, urgency, incidents } = scoreMine({
      liveIncidents: now?.incidents ?? [],
      unacknowledgedCritical: now?.unacknowledgedCritical ?? 0,
      openHazards: h?.open ?? 0,
      openMajorHazards: h?.openMajor ?? 0,
      overdueHazards: h?.overdue ?? 0,
      alarmsCritical30d: a?.critical ?? 0,
      alarmsHigh30d: a?.high ?? 0,
      alarmsMedium30d: a?.medium ?? 0,
      dataGaps30d: a?.dataGaps ?? 0,
      gasClass: m.gasClass,
      isSmall: m.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR,
      daysSinceVisit:
        lastVisitAt === null ? null : Math.max(0, Math.floor((nowMs - Date.parse(lastVisitAt)) / DAY_MS)),
      accidents3y: accidentMap === null ? null : (accidentMap.get(m.id) ?? 0),
      status: m.status,
    });
    return {
      ...mineListing(m),
      status: m.status,
      rank: 0,
      score,
      factors,
      urgency,
      incidents,
      lastVisitAt,
    };
  });
  rows.sort(compareRisk);
  rows.forEach((r, i) => (r.rank = i + 1));
  return {
    ranking: {
      asOf: nowIso,
      windowDays: RISK_WINDOW_DAYS,
      hasAccidentData: accidentMap !== null,
      factors: RISK_FACTORS_2026,
      items: rows,
    },
    visits,
  };
}

async function scopedMines(deps: RiskDeps, principal: Principal, regionId: string | undefined) {
  const f = await scopedMineFilter(deps, principal, regionId);
  const page = await deps.mines.search(f, { offset: 0, limit: 1_000_000, sort: 'code', desc: false });
  const filter: BriefingMineFilter = { regionPath: f.regionPath, mineId: f.mineId };
  return { mines: page.items, filter };
}

/** GET /api/briefing/risk: every mine in the caller's scope (or a region inside it), ranked. */
export async function getRiskRanking(
  deps: RiskDeps,
  principal: Principal,
  q: { regionId?: string; limit?: number },
  accidents: AccidentHistorySource | null = null,
): Promise<RiskRanking & { total: number }> {
  requirePermission(principal, 'risk.read');
  const { mines, filter } = await scopedMines(deps, principal, q.regionId);
  const { ranking } = await rankMines(deps, mines, filter, accidents);
  return { ...ranking, total: ranking.items.length, items: ranking.items.slice(0, q.limit ?? 1000) };
}

export interface NextVisit {
  mineId: string;
  code: string;
  name: string;
  regionName: string;
  rank: number;
  score: number;
  /** The visitor's own (leader) or the group's latest visit; null when never. */
  lastVisitAt: string | null;
  daysSinceVisit: number | null;
  /** The factors that add most, largest first (at most three, only those above zero). */
  topFactors: Array<{ id: RiskFactorId; points: number }>;
}

export interface VisitList {
  kind: 'leader' | 'group_member';
  userId: string;
  name: string;
  mines: NextVisit[];
}

export interface NextVisitsView {
  asOf: string;
  leaders: VisitList[];
  groupMembers: VisitList[];
}

/**
 * "Where to go next": for each leader and each group member, their assigned mines (closed mines left
 * out), highest risk first, then longest since the last visit (never visited first).
 */
export function buildNextVisits(
  ranking: RiskRanking,
  facts: CoverageFacts,
  visits: readonly LastVisit[],
): NextVisitsView {
  const nowMs = Date.parse(ranking.asOf);
  const byVisitor = new Map<string, string>();
  for (const v of visits) byVisitor.set(`${v.mineId}|${v.visitorId}`, v.lastStartedAt);
  const rowOf = new Map(ranking.items.map((r) => [r.mineId, r]));
  const lists = new Map<string, VisitList>();
  const add = (
    kind: VisitList['kind'],
    userId: string,
    name: string,
    mineId: string,
    last: string | null,
  ) => {
    const r = rowOf.get(mineId);
    if (!r || r.status === 'closed') return;
    const key = `${kind}|${userId}`;
    let list = lists.get(key);
    if (!list) {
      list = { kind, userId, name, mines: [] };
      lists.set(key, list);
    }
    list.mines.push({
      mineId,
      code: r.code,
      name: r.name,
      regionName: r.regionName,
      rank: r.rank,
      score: r.score,
      lastVisitAt: last,
      daysSinceVisit: last === null ? null : Math.max(0, Math.floor((nowMs - Date.parse(last)) / DAY_MS)),
      topFactors: r.factors
        .filter((f) => f.points > 0)
        .sort((a, b) => b.points - a.points)
        .slice(0, 3)
        .map((f) => ({ id: f.id, points: f.points })),
    });
  };
  for (const [mineId, leader] of facts.leaders) {
    add('leader', leader.userId, leader.name, mineId, byVisitor.get(`${mineId}|${leader.userId}`) ?? null);
  }
  for (const [mineId, group] of facts.groups) {
    let groupLast: string | null = null;
    for (const m of group.members) {
      const t = byVisitor.get(`${mineId}|${m.userId}`);
      if (t !== undefined && (groupLast === null || t > groupLast)) groupLast = t;
    }
    for (const m of group.members) add('group_member', m.userId, m.name, mineId, groupLast);
  }
  const never = Number.POSITIVE_INFINITY;
  for (const list of lists.values()) {
    list.mines.sort(
      (a, b) =>
        b.score - a.score ||
        (b.daysSinceVisit ?? never) - (a.daysSinceVisit ?? never) ||
        a.code.localeCompare(b.code),
    );
  }
  const sorted = (kind: VisitList['kind']) =>
    [...lists.values()].filter((l) => l.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
  return { asOf: ranking.asOf, leaders: sorted('leader'), groupMembers: sorted('group_member') };
}

/** GET /api/briefing/next-visits: the visit lists of every leader and group member in scope. */
export async function getNextVisits(
  deps: RiskDeps,
  principal: Principal,
  q: { regionId?: string; onlyMine?: boolean },
  accidents: AccidentHistorySource | null = null,
): Promise<NextVisitsView> {
  requirePermission(principal, 'risk.read');
  const { mines, filter } = await scopedMines(deps, principal, q.regionId);
  const [{ ranking, visits }, facts] = await Promise.all([
    rankMines(deps, mines, filter, accidents),
    deps.supervision.coverageFacts(filter),
  ]);
  const view = buildNextVisits(ranking, facts, visits);
  if (!q.onlyMine) return view;
  const mine = (l: VisitList) => l.userId === principal.userId;
  return { ...view, leaders: view.leaders.filter(mine), groupMembers: view.groupMembers.filter(mine) };
}
