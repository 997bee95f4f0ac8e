import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import type { MineRow, Ports } from '../ports.ts';
import { mineListing, supervisedMines, type MineListing } from '../registry/mine-listing.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import type { CoverageFacts, LastVisit } from './supervision-ports.ts';
import type { PlanState } from './supervision-types.ts';
import { csvField, csvLine } from '../export/safe-cells.ts';
import { presenceSummary, type PresenceSummary } from './presence-use-cases.ts';
import { valueList } from '../value-list.ts';

/** The four things every mine must have (一矿一策、一名责任人、一个督导组、一名包保领导). */
export type CoverageGap = (typeof COVERAGE_GAPS)[number];
export const COVERAGE_GAPS = valueList('plan', 'responsible', 'group', 'leader');

export interface CoverageRow extends MineListing {
  status: string;
  /** The plan's state; only an approved plan closes the "plan" gap. */
  planState: PlanState | null;
  responsibleName: string | null;
  groupLeaderName: string | null;
  groupSize: number;
  leaderUserId: string | null;
  leaderName: string | null;
  gaps: CoverageGap[];
  /** The caller is this mine's leader or in its group ("my mines"). */
  isMine: boolean;
  /** Shifts of the last seven days with people underground and no mine leader (矿领导带班下井). */
  leaderlessShifts: number;
}

export interface DistrictCount {
  regionId: string;
  regionName: string;
  mines: number;
  complete: number;
  missing: Record<CoverageGap, number>;
}

export interface CoverageView {
  rows: CoverageRow[];
  mines: number;
  /** Closed mines are not supervised and are left out; this says how many were. */
  excludedClosed: number;
  complete: number;
  missing: Record<CoverageGap, number>;
  byDistrict: DistrictCount[];
}

const noGaps = (): Record<CoverageGap, number> => ({ plan: 0, responsible: 0, group: 0, leader: 0 });

/** The caller is the mine's leader or in its group ("my mines"). */
function isCallersMine(
  leader: { userId: string } | undefined,
  group: { members: ReadonlyArray<{ userId: string }> } | undefined,
  userId: string,
): boolean {
  return leader?.userId === userId || (group?.members.some((x) => x.userId === userId) ?? false);
}

/**
 * The coverage of a set of mines: per mine which of the four it lacks; closed mines are left out
 * (and counted). Rows: the caller's own mines first, then the mines with most gaps, then by code.
 */
export function buildCoverage(mines: readonly MineRow[], facts: CoverageFacts, userId: string): CoverageView {
  const rows: CoverageRow[] = [];
  const { open, excludedClosed } = supervisedMines(mines);
  for (const m of open) {
    const plan = facts.plans.get(m.id);
    const responsible = facts.responsible.get(m.id);
    const group = facts.groups.get(m.id);
    const leader = facts.leaders.get(m.id);
    const gaps: CoverageGap[] = [];
    if (plan?.state !== 'approved') gaps.push('plan');
    if (!responsible) gaps.push('responsible');
    if (!group || group.members.length === 0) gaps.push('group');
    if (!leader) gaps.push('leader');
    rows.push({
      ...mineListing(m),
      status: m.status,
      planState: plan?.state ?? null,
      responsibleName: responsible?.name ?? null,
      groupLeaderName: group?.members.find((x) => x.isLeader)?.name ?? null,
      groupSize: group?.members.length ?? 0,
      leaderUserId: leader?.userId ?? null,
      leaderName: leader?.name ?? null,
      gaps,
      isMine: isCallersMine(leader, group, userId),
      leaderlessShifts: 0,
    });
  }
  rows.sort(
    (a, b) =>
      Number(b.isMine) - Number(a.isMine) || b.gaps.length - a.gaps.length || a.code.localeCompare(b.code),
  );
  const missing = noGaps();
  const districts = new Map<string, DistrictCount>();
  for (const r of rows) {
    let d = districts.get(r.regionId);
    if (!d) {
      d = { regionId: r.regionId, regionName: r.regionName, mines: 0, complete: 0, missing: noGaps() };
      districts.set(r.regionId, d);
    }
    d.mines++;
    if (r.gaps.length === 0) d.complete++;
    for (const g of r.gaps) {
      d.missing[g]++;
      missing[g]++;
    }
  }
  return {
    rows,
    mines: rows.length,
    excludedClosed,
    complete: rows.filter((r) => r.gaps.length === 0).length,
    missing,
    byDistrict: [...districts.values()].sort((a, b) => a.regionId.localeCompare(b.regionId)),
  };
}

export interface CoverageQuery {
  regionId?: string;
  /** Only mines lacking this one. */
  gap?: CoverageGap;
  /** Only the caller's own mines (as leader or group member). */
  onlyMine?: boolean;
  /** Leave out the positioning checks (the Today list needs only the gaps). */
  withoutPresence?: boolean;
}

/** The coverage view with what the positioning data says (null when left out). */
export type CoverageReport = CoverageView & { presence: PresenceSummary | null };

async function minesInScope(
  deps: Pick<Ports, 'mines' | 'regions'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<{
  mines: MineRow[];
  filter: { regionPath?: string; mineId?: string; mineIds?: readonly string[] };
}> {
  const filter = await scopedMineFilter(deps, principal, regionId);
  const page = await deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'code', desc: false });
  return {
    mines: page.items,
    filter: { regionPath: filter.regionPath, mineId: filter.mineId, mineIds: filter.mineIds },
  };
}

/**
 * The coverage view of the caller's scope, or of a region inside it, with what the positioning data says
 * over the last seven days: unconfirmed "went underground" claims and shifts without a mine leader
 * underground (each row's `leaderlessShifts`).
 */
export async function getCoverage(
  deps: Pick<Ports, 'mines' | 'regions' | 'supervision' | 'clock'>,
  principal: Principal,
  q: CoverageQuery,
): Promise<CoverageReport> {
  requirePermission(principal, 'supervision.read');
  const { mines, filter } = await minesInScope(deps, principal, q.regionId);
  const facts = await deps.supervision.coverageFacts(filter);
  const view = buildCoverage(mines, facts, principal.userId);
  const presence = q.withoutPresence ? null : await presenceSummary(deps, mines, filter);
  const rows = view.rows
    .filter((r) => (q.gap === undefined || r.gaps.includes(q.gap)) && (!q.onlyMine || r.isMine))
    .map((r) => ({ ...r, leaderlessShifts: presence?.leaderlessShifts[r.mineId] ?? 0 }));
  return { ...view, rows, presence };
}

/** The coverage rows as RFC 4180 CSV (header first), one line per mine. */
export function coverageCsv(view: CoverageView): string {
  const header = [
    'code',
    'name',
    'district',
    'status',
    'plan_state',
    'responsible',
    'group_leader',
    'group_size',
    'leader',
    'gaps',
  ];
  const lines = view.rows.map((r) =>
    [
      r.code,
      r.name,
      r.regionName,
      r.status,
      r.planState,
      r.responsibleName,
      r.groupLeaderName,
      r.groupSize,
      r.leaderName,
      r.gaps.join(' '),
    ]
      .map(csvField)
      .join(','),
  );
  return [csvLine(header), ...lines].join('\r\n') + '\r\n';
}

export interface KpiRow extends MineListing {
  /** Null when the mine has no leader (then it is overdue by definition). */
  leaderName: string | null;
  lastLeaderVisitAt: string | null;
  lastGroupVisitAt: string | null;
  leaderOverdue: boolean;
  groupOverdue: boolean;
  isMine: boolean;
}

export interface KpiView {
  asOf: string;
  leaderDays: number;
  groupDays: number;
  mines: number;
  excludedClosed: number;
  leaderOverdue: number;
  groupOverdue: number;
  byDistrict: Array<{
    regionId: string;
    regionName: string;
    mines: number;
    leaderOverdue: number;
    groupOverdue: number;
  }>;
  /** Mines overdue on either count: the caller's first, then by code. */
  overdue: KpiRow[];
}

const DAY_MS = 86_400_000;

/**
 * Which mines their leader has not visited within `leaderDays`, or their group within `groupDays`
 * (a mine without a leader or a group counts as not visited).
 */
export function buildKpi(
  mines: readonly MineRow[],
  facts: CoverageFacts,
  visits: readonly LastVisit[],
  opts: { now: string; leaderDays: number; groupDays: number; userId: string },
): KpiView {
  const nowMs = Date.parse(opts.now);
  const last = new Map<string, string>();
  for (const v of visits) last.set(`${v.mineId}|${v.visitorId}`, v.lastStartedAt);
  const latest = (a: string | null, b: string | undefined) =>
    b !== undefined && (a === null || b > a) ? b : a;
  const rows: KpiRow[] = [];
  const { open, excludedClosed } = supervisedMines(mines);
  for (const m of open) {
    const leader = facts.leaders.get(m.id);
    const group = facts.groups.get(m.id);
    const lastLeader = leader ? (last.get(`${m.id}|${leader.userId}`) ?? null) : null;
    let lastGroup: string | null = null;
    for (const member of group?.members ?? [])
      lastGroup = latest(lastGroup, last.get(`${m.id}|${member.userId}`));
    const within = (at: string | null, days: number) =>
      at !== null && nowMs - Date.parse(at) <= days * DAY_MS;
    rows.push({
      ...mineListing(m),
      leaderName: leader?.name ?? null,
      lastLeaderVisitAt: lastLeader,
      lastGroupVisitAt: lastGroup,
      leaderOverdue: !within(lastLeader, opts.leaderDays),
      groupOverdue: !within(lastGroup, opts.groupDays),
      isMine: isCallersMine(leader, group, opts.userId),
    });
  }
  const districts = new Map<string, KpiView['byDistrict'][number]>();
  for (const r of rows) {
    const d = districts.get(r.regionId) ?? {
      regionId: r.regionId,
      regionName: r.regionName,
      mines: 0,
      leaderOverdue: 0,
      groupOverdue: 0,
    };
    d.mines++;
    if (r.leaderOverdue) d.leaderOverdue++;
    if (r.groupOverdue) d.groupOverdue++;
    districts.set(r.regionId, d);
  }
  return {
    asOf: opts.now,
    leaderDays: opts.leaderDays,
    groupDays: opts.groupDays,
    mines: rows.length,
    excludedClosed,
    leaderOverdue: rows.filter((r) => r.leaderOverdue).length,
    groupOverdue: rows.filter((r) => r.groupOverdue).length,
    byDistrict: [...districts.values()].sort((a, b) => a.regionId.localeCompare(b.regionId)),
    overdue: rows
      .filter((r) => r.leaderOverdue || r.groupOverdue)
      .sort((a, b) => Number(b.isMine) - Number(a.isMine) || a.code.localeCompare(b.code)),
  };
}

export const DEFAULT_LEADER_DAYS = 30;
export const DEFAULT_GROUP_DAYS = 14;

/** The visit KPI of the caller's scope, or of a region inside it. */
export async function getVisitKpi(
  deps: Pick<Ports, 'mines' | 'regions' | 'supervision' | 'clock'>,
  principal: Principal,
  q: { regionId?: string; leaderDays?: number; groupDays?: number },
): Promise<KpiView> {
  requirePermission(principal, 'supervision.read');
  const leaderDays = q.leaderDays ?? DEFAULT_LEADER_DAYS;
  const groupDays = q.groupDays ?? DEFAULT_GROUP_DAYS;
  for (const [name, v] of [
    ['leaderDays', leaderDays],
    ['groupDays', groupDays],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 366) {
      throw invalidInput(
        'SUPERVISION_KPI_DAYS_INVALID',
        `${name} must be a whole number of days from 1 to 366.`,
        { field: name },
      );
    }
  }
  const { mines, filter } = await minesInScope(deps, principal, q.regionId);
  const [facts, visits] = await Promise.all([
    deps.supervision.coverageFacts(filter),
    deps.supervision.lastVisits(filter),
  ]);
  return buildKpi(mines, facts, visits, {
    now: deps.clock.nowIso(),
    leaderDays,
    groupDays,
    userId: principal.userId,
  });
}
