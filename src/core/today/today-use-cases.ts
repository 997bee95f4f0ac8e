import { listAccidents } from '../accidents/accident-use-cases.ts';
import { hasPermission } from '../access/permissions.ts';
import type { Principal, Role } from '../access/types.ts';
import { listDirectives } from '../directives/directive-use-cases.ts';
import { isOverdue } from '../hazards/hazard-rules.ts';
import type { AlarmScopeFilter, AlarmView } from '../monitoring/monitoring-ports.ts';
import { addDays, dateOf } from '../orders/order-rules.ts';
import {
  listGasControlViolations,
  listResumptions,
  type ResumptionDeps,
} from '../orders/resumption-use-cases.ts';
import type { Ports } from '../ports.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import type { MineStatus } from '../registry/types.ts';
import { COVERAGE_GAPS, getCoverage, getVisitKpi } from '../supervision/coverage.ts';

/**
 * "Today": the work list a user opens first — what needs them now, one section per kind of work, each
 * line naming the thing to open. Assembled from the modules' own use cases (so each keeps its scope and
 * permission rules); a section the role may not read is left out, an empty one is kept (all clear).
 */
export type TodayKind =
  | 'critical_alarm'
  | 'accident'
  | 'producing_illegally'
  | 'people_under_order'
  | 'hazard_overdue'
  | 'hazard_due_soon'
  | 'resumption_step'
  | 'resumption_decision_overdue'
  | 'notice_overdue'
  | 'directive_open'
  | 'coverage_gap'
  | 'visit_due';

/** The sections in the order of urgency the list shows them. */
export const TODAY_KINDS: readonly TodayKind[] = [
  'critical_alarm',
  'accident',
  'producing_illegally',
  'people_under_order',
  'hazard_overdue',
  'hazard_due_soon',
  'resumption_step',
  'resumption_decision_overdue',
  'notice_overdue',
  'directive_open',
  'coverage_gap',
  'visit_due',
];

export interface TodayItem {
  kind: TodayKind;
  /** What the line opens: an alarm, accident, hazard, resumption or directive id; a mine id; a gap. */
  ref: string;
  mineId: string | null;
  mineName: string | null;
  mineCode: string | null;
  /** Text from the data (a hazard's or directive's title), never a label. */
  title: string | null;
  /** The date the line is judged against (YYYY-MM-DD), when it has one. */
  dueOn: string | null;
  /** The time the line is about (epoch ms: an alarm's activation, an accident), when it has one. */
  atMs: number | null;
  /** A code the client translates: an alarm rule, a gap, a step, a status, a reason. */
  code: string | null;
  /** How many (mines, people, late recipients) the line stands for, when it counts something. */
  count: number | null;
}

export interface TodaySection {
  kind: TodayKind;
  /** All lines of the kind; `items` holds at most ITEMS_PER_SECTION of them. */
  total: number;
  items: TodayItem[];
}

export interface TodayView {
  asOf: string;
  /** The day the due dates are judged on. */
  today: string;
  sections: TodaySection[];
}

/** What "today" reads from monitoring (the engine or the database), when monitoring runs. */
export interface TodayMonitoring {
  openAlarms(filter: AlarmScopeFilter): Promise<AlarmView[]>;
  undergroundCounts(mineIds: readonly string[]): Promise<Map<string, number>>;
}

export type TodayDeps = Pick<
  Ports,
  'clock' | 'mines' | 'regions' | 'hazards' | 'directives' | 'supervision' | 'accidents'
> &
  ResumptionDeps & { monitoring: TodayMonitoring | null };

export const ITEMS_PER_SECTION = 20;
/** "Due this week": due today or within this many days. */
export const DUE_SOON_DAYS = 7;
/**
 * An accident stays on the list this long after it happened (or a supplement re-graded it), and longer while
 * its reports are late.
 */
export const RECENT_ACCIDENT_DAYS = 7;
const DAY_MS = 86_400_000;
/** Who is shown how many mines their leaders and groups have not visited. */
const OVERSEES_VISITS: readonly Role[] = [
  'province_regulator',
  'city_regulator',
  'county_regulator',
  'mine_safety_bureau',
  'government_head',
];
/** Statuses in which nobody may work underground. */
const STOPPED: readonly MineStatus[] = ['suspended', 'closing', 'closed'];

const line = (kind: TodayKind, fields: Partial<Omit<TodayItem, 'kind'>> & { ref: string }): TodayItem => ({
  kind,
  mineId: null,
  mineName: null,
  mineCode: null,
  title: null,
  dueOn: null,
  atMs: null,
  code: null,
  count: null,
  ...fields,
});

type Lines = Partial<Record<TodayKind, TodayItem[]>>;

async function alarmLines(deps: TodayDeps, p: Principal, out: Lines): Promise<void> {
  if (!deps.monitoring || !hasPermission(p.role, 'alarm.read')) return;
  const filter =
    p.scope.kind === 'mine' ? { mineId: p.scope.mineId } : { regionPath: p.scopePath ?? '\u0000' };
  const alarms = await deps.monitoring.openAlarms(filter);
  const assigned = p.assignedMineIds;
  out.critical_alarm = alarms
    .filter((a) => assigned === undefined || assigned.includes(a.mineId))
    .filter((a) => a.priority === 'critical' && (a.state === 'unack_active' || a.state === 'rtn_unack'))
    .sort((a, b) => (a.activeSinceMs ?? a.updatedMs) - (b.activeSinceMs ?? b.updatedMs))
    .map((a) =>
      line('critical_alarm', {
        ref: a.id,
        mineId: a.mineId,
        mineName: a.mineName,
        mineCode: a.mineCode,
        atMs: a.activeSinceMs ?? a.updatedMs,
        code: a.rule,
      }),
    );
}

async function accidentLines(deps: TodayDeps, p: Principal, today: string, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'accident.read')) return;
  const { accidents } = await listAccidents(deps, p, { limit: 200 });
  const sinceMs = deps.clock.nowMs() - RECENT_ACCIDENT_DAYS * DAY_MS;
  out.accident = accidents
    .filter((a) => a.investigationState !== 'closed')
    .map((a) => {
      // A re-grade is news for a week (its page shows the reports the new grade owes, late or not).
      const reason =
        a.regradedAt !== null && Date.parse(a.regradedAt) >= sinceMs
          ? 'regraded'
          : a.hasLateReport
            ? 'late_report'
            : a.investigationDueOn < today
              ? 'investigation_overdue'
              : Date.parse(a.occurredAt) >= sinceMs
                ? 'recent'
                : null;
      return { a, reason };
    })
    .filter((x) => x.reason !== null)
    .map(({ a, reason }) =>
      line('accident', {
        ref: a.id,
        mineId: a.mineId,
        mineName: a.mineName,
        atMs: Date.parse(a.occurredAt),
        dueOn: a.investigationDueOn,
        code: reason,
        count: a.deaths,
      }),
    );
}

async function mineLines(deps: TodayDeps, p: Principal, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'order.read')) return;
  const gas = await listGasControlViolations(deps, p, undefined);
  out.producing_illegally = gas.items
    .filter((m) => m.producingIllegally)
    .map((m) =>
      line('producing_illegally', {
        ref: m.mineId,
        mineId: m.mineId,
        mineName: m.name,
        mineCode: m.code,
        code: m.gasClass,
      }),
    );
  if (!deps.monitoring) return;
  const scope = await scopedMineFilter(deps, p, undefined);
  const page = { offset: 0, limit: 100_000, sort: 'code' as const, desc: false };
  const stopped = (
    await Promise.all(STOPPED.map((status) => deps.mines.search({ ...scope, status }, page)))
  ).flatMap((x) => x.items);
  const people = await deps.monitoring.undergroundCounts(stopped.map((m) => m.id));
  out.people_under_order = stopped
    .filter((m) => (people.get(m.id) ?? 0) > 0)
    .map((m) =>
      line('people_under_order', {
        ref: m.id,
        mineId: m.id,
        mineName: m.name,
        mineCode: m.code,
        code: m.status,
        count: people.get(m.id) ?? 0,
      }),
    );
}

async function hazardLines(deps: TodayDeps, p: Principal, today: string, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'hazard.read')) return;
  const scope = await scopedMineFilter(deps, p, undefined);
  const open = await deps.hazards.list({ ...scope, openOnly: true }, 5000);
  const soon = addDays(today, DUE_SOON_DAYS);
  const byDue = (a: TodayItem, b: TodayItem) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '');
  const toLine = (kind: TodayKind) => (h: (typeof open)[number]) =>
    line(kind, {
      ref: h.id,
      mineId: h.mineId,
      mineName: h.mineName,
      title: h.title,
      dueOn: h.currentDueDate,
      code: h.grade,
    });
  out.hazard_overdue = open
    .filter((h) => isOverdue(h, today))
    .map(toLine('hazard_overdue'))
    .sort(byDue);
  out.hazard_due_soon = open
    .filter((h) => h.currentDueDate !== null && h.currentDueDate >= today && h.currentDueDate <= soon)
    .map(toLine('hazard_due_soon'))
    .sort(byDue);
}

async function resumptionLines(deps: TodayDeps, p: Principal, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'order.read')) return;
  const all = await listResumptions(deps, p);
  const of = (r: (typeof all)[number]) => ({
    ref: r.id,
    mineId: r.mineId,
    mineName: r.mineName,
    mineCode: r.mineCode,
  });
  const pending = all.filter((r) => r.status === 'pending');
  out.resumption_step = pending
    .filter((r) => r.currentStep !== null && r.currentStep.roles.includes(p.role))
    .map((r) =>
      line('resumption_step', { ...of(r), code: r.currentStep?.id ?? null, dueOn: r.decision.dueOn }),
    );
  out.resumption_decision_overdue = pending
    .filter((r) => r.decision.overdue)
    .map((r) => line('resumption_decision_overdue', { ...of(r), dueOn: r.decision.dueOn }));
  out.notice_overdue = all
    .filter(
      (r) => r.status === 'approved' && r.notice !== null && r.notice.late && r.notice.recordedOn === null,
    )
    .map((r) => line('notice_overdue', { ...of(r), dueOn: r.notice?.dueOn ?? null }));
}

async function directiveLines(deps: TodayDeps, p: Principal, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'directive.read')) return;
  const list = await listDirectives(deps, p);
  // A mine answers its own; everyone else sees the notices with mines late in their scope.
  const isMine = p.scope.kind === 'mine';
  out.directive_open = list
    .filter((d) => (isMine ? d.progress.outstanding + d.progress.late > 0 : d.progress.late > 0))
    .map((d) =>
      line('directive_open', {
        ref: d.id,
        title: d.title,
        dueOn: dateOf(d.deadline),
        code: d.progress.late > 0 ? 'late' : 'outstanding',
        count: isMine ? null : d.progress.late,
      }),
    )
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
}

async function supervisionLines(deps: TodayDeps, p: Principal, out: Lines): Promise<void> {
  if (!hasPermission(p.role, 'supervision.read')) return;
  const coverage = await getCoverage(deps, p, { withoutPresence: true });
  if (p.scope.kind === 'mine') {
    // The mine closes its own plan and responsible person; groups and leaders are assigned above it.
    const row = coverage.rows[0];
    out.coverage_gap = (row?.gaps ?? [])
      .filter((gap) => gap === 'plan' || gap === 'responsible')
      .map((gap) =>
        line('coverage_gap', {
          ref: gap,
          mineId: row?.mineId ?? null,
          mineName: row?.name ?? null,
          code: gap,
        }),
      );
    return;
  }
  // Gaps are closed by whoever assigns (the regulators); leaders and groups see their own visits due.
  const isLeaderOrGroup = p.role === 'leader' || p.role === 'group_member';
  if (!isLeaderOrGroup && !OVERSEES_VISITS.includes(p.role)) return;
  if (hasPermission(p.role, 'supervision.assign'))
    out.coverage_gap = COVERAGE_GAPS.filter((gap) => coverage.missing[gap] > 0).map((gap) =>
      line('coverage_gap', { ref: gap, code: gap, count: coverage.missing[gap] }),
    );
  const kpi = await getVisitKpi(deps, p, {});
  if (isLeaderOrGroup) {
    // Their own mines, on their own count (a leader's 30 days, a group's 14).
    const isDue = (r: (typeof kpi.overdue)[number]) =>
      p.role === 'leader' ? r.leaderOverdue : r.groupOverdue;
    out.visit_due = kpi.overdue
      .filter((r) => r.isMine && isDue(r))
      .map((r) =>
        line('visit_due', {
          ref: r.mineId,
          mineId: r.mineId,
          mineName: r.name,
          mineCode: r.code,
          code: p.role === 'leader' ? 'leader' : 'group',
          dueOn:
            dateOf(p.role === 'leader' ? (r.lastLeaderVisitAt ?? '') : (r.lastGroupVisitAt ?? '')) || null,
        }),
      );
    return;
  }
  out.visit_due = [
    ...(kpi.leaderOverdue > 0
      ? [line('visit_due', { ref: 'leader', code: 'leader', count: kpi.leaderOverdue })]
      : []),
    ...(kpi.groupOverdue > 0
      ? [line('visit_due', { ref: 'group', code: 'group', count: kpi.groupOverdue })]
      : []),
  ];
}

/** Which sections each builder fills, so a caller wanting a few kinds runs only their builders. */
const BUILDERS: ReadonlyArray<{
  kinds: readonly TodayKind[];
  run: (deps: TodayDeps, p: Principal, today: string, out: Lines) => Promise<void>;
}> = [
  { kinds: ['critical_alarm'], run: (d, p, _t, o) => alarmLines(d, p, o) },
  { kinds: ['accident'], run: accidentLines },
  { kinds: ['producing_illegally', 'people_under_order'], run: (d, p, _t, o) => mineLines(d, p, o) },
  { kinds: ['hazard_overdue', 'hazard_due_soon'], run: hazardLines },
  {
    kinds: ['resumption_step', 'resumption_decision_overdue', 'notice_overdue'],
    run: (d, p, _t, o) => resumptionLines(d, p, o),
  },
  { kinds: ['directive_open'], run: (d, p, _t, o) => directiveLines(d, p, o) },
  { kinds: ['coverage_gap', 'visit_due'], run: (d, p, _t, o) => supervisionLines(d, p, o) },
];

/**
 * The caller's work list for today, in their scope; with `only`, just those sections (the
 * notification bell reads the overdue ones this way).
 */
export async function getToday(
  deps: TodayDeps,
  p: Principal,
  only: readonly TodayKind[] = TODAY_KINDS,
): Promise<TodayView> {
  const asOf = deps.clock.nowIso();
  const today = dateOf(asOf);
  const out: Lines = {};
  await Promise.all(
    BUILDERS.filter((b) => b.kinds.some((k) => only.includes(k))).map((b) => b.run(deps, p, today, out)),
  );
  const sections = TODAY_KINDS.flatMap((kind): TodaySection[] => {
    const items = out[kind];
    if (items === undefined || !only.includes(kind)) return [];
    return [{ kind, total: items.length, items: items.slice(0, ITEMS_PER_SECTION) }];
  });
  return { asOf, today, sections };
}
