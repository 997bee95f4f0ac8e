import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import {
  MINE_STATUSES,
  SMALL_MINE_CAPACITY_T_PER_YEAR,
  type MineStatus,
  type Region,
} from '../registry/types.ts';
import { summarisePopulation, type PopulationHistory } from '../closure/population-history.ts';
import { buildCoverage, type CoverageGap } from '../supervision/coverage.ts';
import type { BriefingMineFilter, HazardPeriodCounts } from './briefing-ports.ts';
import { rankMines, type AccidentHistorySource, type RiskRow } from './risk-use-cases.ts';

const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 3_600_000;
/** The instant a China Standard Time day (YYYY-MM-DD) starts. */
const cstDayStartMs = (day: string) => Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS;
/** The China Standard Time day (YYYY-MM-DD) an instant falls on. */
const cstDayOf = (ms: number) => new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
/** The longest period one briefing covers. */
export const MAX_BRIEFING_DAYS = 3 * 366;

export interface BriefingPeriod {
  /** YYYY-MM-DD, inclusive (China Standard Time days: a day runs from 00:00 to 24:00 UTC+8). */
  from: string;
  to: string;
}

export interface ClosureTargetProgress {
  regionName: string;
  deadline: string;
  minesToClose: number;
  closed: number;
  inProgress: number;
}

export interface AccidentFigures {
  accidents: number;
  deaths: number;
}

/** One figure of the period beside the same figure of the period of equal length just before it. */
export interface PeriodChange {
  current: number;
  previous: number;
}

export interface Briefing {
  region: { id: string; name: string; nameEn: string; level: string };
  period: BriefingPeriod;
  generatedAt: string;
  /** What changed since the previous briefing: the period of equal length ending the day before `from`. */
  changes: {
    previousPeriod: BriefingPeriod;
    hazardsFound: PeriodChange;
    majorHazardsFound: PeriodChange;
    hazardsClosed: PeriodChange;
    alarms: PeriodChange;
    visits: PeriodChange;
    enteredClosing: PeriodChange;
    closed: PeriodChange;
  };
  mines: { total: number; byStatus: Record<MineStatus, number>; small: number; smallNotClosed: number };
  closure: {
    /** Mines that entered `closing` / `closed` in the period (the registry's status history). */
    enteredClosing: number;
    closed: number;
    /** Targets of the closure programme in the region; null when the programme holds none. */
    targets: ClosureTargetProgress[] | null;
    /**
     * The region's mine population year by year from the reference data, with the mines that
     * disappeared (net) between years; null when none is held.
     */
    history: PopulationHistory | null;
  };
  hazards: HazardPeriodCounts;
  alarms: { total: number; byRule: Array<{ rule: string; priority: string; raised: number }> };
  supervision: {
    mines: number;
    complete: number;
    missing: Record<CoverageGap, number>;
    visits: number;
    minesVisited: number;
    underground: number;
  };
  /** Null when no accident register exists ("no accident data"), never invented zeros. */
  accidents: { current: AccidentFigures; previousYear: AccidentFigures } | null;
  topRisk: RiskRow[];
}

export type BriefingDeps = Pick<
  Ports,
  'mines' | 'regions' | 'supervision' | 'briefing' | 'clock' | 'closure' | 'accidents'
>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Checks the period: real dates, from ≤ to, at most MAX_BRIEFING_DAYS long. */
export function validatePeriod(p: BriefingPeriod): { fromIso: string; toIso: string } {
  if (!isRealDate(p.from) || !isRealDate(p.to)) {
    throw invalidInput('BRIEFING_PERIOD_INVALID', 'The period needs real dates as YYYY-MM-DD.', { ...p });
  }
  const fromMs = cstDayStartMs(p.from);
  const toMs = cstDayStartMs(p.to) + DAY_MS;
  if (toMs <= fromMs) {
    throw invalidInput('BRIEFING_PERIOD_INVALID', `The period ends (${p.to}) before it starts (${p.from}).`, {
      ...p,
    });
  }
  if ((toMs - fromMs) / DAY_MS > MAX_BRIEFING_DAYS) {
    throw invalidInput('BRIEFING_PERIOD_INVALID', `A briefing covers at most ${MAX_BRIEFING_DAYS} days.`, {
      ...p,
    });
  }
  return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}

/** The period of equal length that ends the day before `p` starts (for "what changed since"). */
export function previousPeriod(p: BriefingPeriod): BriefingPeriod {
  const fromMs = cstDayStartMs(p.from);
  const days = Math.round((cstDayStartMs(p.to) - fromMs) / DAY_MS) + 1;
  return { from: cstDayOf(fromMs - days * DAY_MS), to: cstDayOf(fromMs - DAY_MS) };
}

/** The accident register, when the accidents module provides one (its store lists by region and period). */
function accidentRegister(deps: Pick<Ports, 'accidents'>) {
  const store = deps.accidents as Partial<Ports['accidents']>;
  return typeof store.list === 'function' ? (store as Ports['accidents']) : null;
}

/** Accidents per mine for the risk score, read from the accident register (null without one). */
export function accidentHistoryOf(deps: Pick<Ports, 'accidents'>): AccidentHistorySource | null {
  const register = accidentRegister(deps);
  if (!register) return null;
  return {
    async accidentsByMine(filter, fromIso, toIso) {
      const rows = await register.list({ ...filter, reference: false, fromIso, toIso }, 1_000_000);
      const byMine = new Map<string, number>();
      for (const a of rows) if (a.mineId !== null) byMine.set(a.mineId, (byMine.get(a.mineId) ?? 0) + 1);
      return byMine;
    },
  };
}

async function accidentFigures(
  deps: Pick<Ports, 'accidents'>,
  filter: BriefingMineFilter,
  fromIso: string,
  toIso: string,
): Promise<Briefing['accidents']> {
  const register = accidentRegister(deps);
  if (!register) return null;
  const yearBefore = (iso: string) => {
    const d = new Date(iso);
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    return d.toISOString();
  };
  // The register's bounds are inclusive; the period's end is exclusive, so stop 1 ms before it.
  const sum = async (f: string, t: string): Promise<AccidentFigures> => {
    const rows = await register.list(
      { ...filter, reference: false, fromIso: f, toIso: new Date(Date.parse(t) - 1).toISOString() },
      1_000_000,
    );
    return { accidents: rows.length, deaths: rows.reduce((s, a) => s + a.deaths, 0) };
  };
  const [current, previousYear] = await Promise.all([
    sum(fromIso, toIso),
    sum(yearBefore(fromIso), yearBefore(toIso)),
  ]);
  return { current, previousYear };
}

async function populationHistory(
  deps: Pick<Ports, 'closure'>,
  region: Region,
): Promise<PopulationHistory | null> {
  const store = deps.closure as Partial<Ports['closure']>;
  if (typeof store.listPopulationYears !== 'function') return null;
  const rows = await store.listPopulationYears(region.path);
  return rows.length === 0 ? null : summarisePopulation(rows);
}

async function closureTargets(
  deps: Pick<Ports, 'closure'>,
  region: Region,
): Promise<ClosureTargetProgress[] | null> {
  const store = deps.closure as Partial<Ports['closure']>;
  if (typeof store.listTargets !== 'function' || typeof store.listClosures !== 'function') return null;
  const [targets, closures] = await Promise.all([
    store.listTargets(region.path),
    store.listClosures({ regionPath: region.path }),
  ]);
  if (targets.length === 0) return null;
  return targets.map((t) => {
    const mine = closures.filter((c) => c.regionPath.startsWith(t.regionPath));
    return {
      regionName: t.regionName,
      deadline: t.deadline,
      minesToClose: t.minesToClose,
      closed: mine.filter((c) => c.status === 'closed').length,
      inProgress: mine.filter((c) => c.status === 'in_progress').length,
    };
  });
}

/**
 * The briefing of a region for a period (no access check: the CLI runs it as the operator; the HTTP
 * route goes through `getBriefing`). Risk and open/overdue figures are as of the clock's today.
 */
export async function buildBriefing(
  deps: BriefingDeps,
  region: Region,
  period: BriefingPeriod,
): Promise<Briefing> {
  const { fromIso, toIso } = validatePeriod(period);
  const filter: BriefingMineFilter = { regionPath: region.path };
  const today = cstDayOf(deps.clock.nowMs());
  const page = await deps.mines.search(filter, { offset: 0, limit: 1_000_000, sort: 'code', desc: false });
  const mines = page.items;
  const accidents = accidentHistoryOf(deps);
  const prev = previousPeriod(period);
  const { fromIso: prevFromIso, toIso: prevToIso } = validatePeriod(prev);
  const [before, hazards, byRule, entries, visits, facts, risk, targets, accidentYoY, history] =
    await Promise.all([
      Promise.all([
        deps.briefing.hazardPeriod(filter, prevFromIso, prevToIso, today),
        deps.briefing.alarmsByRule(filter, Date.parse(prevFromIso), Date.parse(prevToIso)),
        deps.briefing.statusEntries(filter, prevFromIso, prevToIso),
        deps.briefing.visitsInPeriod(filter, prevFromIso, prevToIso),
      ]),
      deps.briefing.hazardPeriod(filter, fromIso, toIso, today),
      deps.briefing.alarmsByRule(filter, Date.parse(fromIso), Date.parse(toIso)),
      deps.briefing.statusEntries(filter, fromIso, toIso),
      deps.briefing.visitsInPeriod(filter, fromIso, toIso),
      deps.supervision.coverageFacts(filter),
      rankMines(deps, mines, filter, accidents),
      closureTargets(deps, region),
      accidentFigures(deps, filter, fromIso, toIso),
      populationHistory(deps, region),
    ]);
  const byStatus = Object.fromEntries(MINE_STATUSES.map((s) => [s, 0])) as Record<MineStatus, number>;
  for (const m of mines) byStatus[m.status]++;
  const small = mines.filter((m) => m.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR);
  const coverage = buildCoverage(mines, facts, '');
  const entered = (s: string, list = entries) => list.find((e) => e.toStatus === s)?.mines ?? 0;
  const [hazardsBefore, byRuleBefore, entriesBefore, visitsBefore] = before;
  const alarmTotal = (rows: typeof byRule) => rows.reduce((s, r) => s + r.raised, 0);
  const change = (current: number, previous: number): PeriodChange => ({ current, previous });
  return {
    region: { id: region.id, name: region.name, nameEn: region.nameEn, level: region.level },
    period: { from: period.from, to: period.to },
    generatedAt: deps.clock.nowIso(),
    changes: {
      previousPeriod: prev,
      hazardsFound: change(hazards.found, hazardsBefore.found),
      majorHazardsFound: change(hazards.majorFound, hazardsBefore.majorFound),
      hazardsClosed: change(hazards.closed, hazardsBefore.closed),
      alarms: change(alarmTotal(byRule), alarmTotal(byRuleBefore)),
      visits: change(visits.visits, visitsBefore.visits),
      enteredClosing: change(entered('closing'), entered('closing', entriesBefore)),
      closed: change(entered('closed'), entered('closed', entriesBefore)),
    },
    mines: {
      total: mines.length,
      byStatus,
      small: small.length,
      smallNotClosed: small.filter((m) => m.status !== 'closed').length,
    },
    closure: { enteredClosing: entered('closing'), closed: entered('closed'), targets, history },
    hazards,
    alarms: { total: alarmTotal(byRule), byRule },
    supervision: {
      mines: coverage.mines,
      complete: coverage.complete,
      missing: coverage.missing,
      ...visits,
    },
    accidents: accidentYoY,
    topRisk: risk.ranking.items.slice(0, 10),
  };
}

/** The briefing of a region inside the caller's scope (default: the scope's own region). */
export async function getBriefing(
  deps: BriefingDeps,
  principal: Principal,
  q: { regionId?: string } & BriefingPeriod,
): Promise<Briefing> {
  requirePermission(principal, 'briefing.read');
  validatePeriod(q);
  const regionId = q.regionId ?? (principal.scope.kind === 'region' ? principal.scope.regionId : undefined);
  const region = regionId === undefined ? undefined : await deps.regions.get(regionId);
  if (!region || !principal.scopePath || !region.path.startsWith(principal.scopePath)) {
    throw notFound('REGION_NOT_FOUND', `No region "${regionId ?? ''}" in your scope.`);
  }
  return buildBriefing(deps, region, q);
}

/** For the CLI: the briefing of a region by id, no principal (the operator has the database). */
export async function buildBriefingForRegion(
  deps: BriefingDeps,
  regionId: string,
  period: BriefingPeriod,
): Promise<Briefing> {
  const region = await deps.regions.get(regionId);
  if (!region) throw notFound('REGION_NOT_FOUND', `No region "${regionId}".`);
  return buildBriefing(deps, region, period);
}
