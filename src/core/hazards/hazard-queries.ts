import { hasPermission, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import type { AuditEntry } from '../audit/audit-chain.ts';
import type { Ports } from '../ports.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import { CRITERIA_EDITIONS, findCriteriaItem, gradingEdition } from './criteria.ts';
import type { HazardFilter } from './hazards-ports.ts';
import { dateOf, isOverdue } from './hazard-rules.ts';
import { loadHazard } from './hazard-support.ts';
import { HAZARD_STATES, type Hazard, type HazardGrade, type HazardState } from './hazard-types.ts';

export interface HazardListQuery {
  regionId?: string;
  mineId?: string;
  state?: HazardState;
  grade?: HazardGrade;
  overdue?: boolean;
  /** Only hazards whose title holds this text (the top bar's search). */
  text?: string;
  limit: number;
}

export type HazardView = Hazard & { overdue: boolean };

const view = (h: Hazard, today: string): HazardView => ({ ...h, overdue: isOverdue(h, today) });

async function scopedFilter(
  deps: Pick<Ports, 'regions' | 'mines'>,
  principal: Principal,
  q: Pick<HazardListQuery, 'regionId' | 'mineId'>,
): Promise<HazardFilter> {
  const scope = await scopedMineFilter(deps, principal, q.regionId);
  if (q.mineId !== undefined) {
    // A mine outside the scope gives an empty list, not an error: filters never reveal existence.
    if (scope.mineId !== undefined && scope.mineId !== q.mineId) return { mineId: '\u0000' };
    return { ...scope, mineId: q.mineId };
  }
  return scope;
}

/** Hazards in scope, overdue first, then newest. */
export async function listHazards(
  deps: Pick<Ports, 'regions' | 'mines' | 'hazards' | 'clock'>,
  principal: Principal,
  q: HazardListQuery,
): Promise<{ items: HazardView[] }> {
  requirePermission(principal, 'hazard.read');
  const today = dateOf(deps.clock.nowIso());
  const filter: HazardFilter = {
    ...(await scopedFilter(deps, principal, q)),
    state: q.state,
    grade: q.grade,
    overdueOn: q.overdue ? today : undefined,
    text: q.text,
  };
  const items = (await deps.hazards.list(filter, q.limit)).map((h) => view(h, today));
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.reportedAt.localeCompare(a.reportedAt));
  return { items };
}

/** The board: counts by state (every state, in lifecycle order) with the overdue count first. */
export async function hazardBoard(
  deps: Pick<Ports, 'regions' | 'mines' | 'hazards' | 'clock'>,
  principal: Principal,
  q: Pick<HazardListQuery, 'regionId' | 'mineId'>,
) {
  requirePermission(principal, 'hazard.read');
  const today = dateOf(deps.clock.nowIso());
  const rows = await deps.hazards.countByState(await scopedFilter(deps, principal, q), today);
  const columns = HAZARD_STATES.map((state) => {
    const r = rows.find((x) => x.state === state);
    return { state, total: r?.total ?? 0, overdue: r?.overdue ?? 0 };
  });
  return { overdue: columns.reduce((s, c) => s + c.overdue, 0), columns };
}

export interface TimelineEntry {
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  note: string | null;
  seq: number;
}

/** One hazard with its state history, timeline (from the audit trail), evidence, listings and progress. */
export async function getHazardDetail(
  deps: Pick<Ports, 'hazards' | 'audit' | 'clock'>,
  principal: Principal,
  id: string,
) {
  const h = await loadHazard(deps, principal, 'hazard.read', id);
  const today = dateOf(deps.clock.nowIso());
  const [history, evidence, listings, progress, audit, mineProposals] = await Promise.all([
    deps.hazards.listEvents(id),
    deps.hazards.listEvidence(id),
    deps.hazards.listListings(id),
    deps.hazards.listProgress(id),
    deps.audit.listByTarget('hazard', id),
    // The proposals this hazard raised, for those who decide them (issue 15: they were never shown here).
    hasPermission(principal.role, 'hazard.decide')
      ? deps.hazards.listProposals({ mineId: h.mineId })
      : Promise.resolve([]),
  ]);
  // Oldest first: the timeline reads as the story of the hazard.
  const ordered = [...audit].sort((a, b) => a.seq - b.seq);
  const timeline: TimelineEntry[] = ordered.map((a: AuditEntry) => ({
    at: a.at,
    action: a.action,
    actorId: a.actorId,
    actorName: a.actorName,
    note: noteOf(a.after),
    seq: a.seq,
  }));
  return {
    hazard: view(h, today),
    criterion: findCriteriaItem(h.category) ?? null,
    history,
    timeline,
    evidence,
    listings,
    progress,
    proposals: mineProposals.filter((p) => p.hazardIds.includes(id)),
  };
}

function noteOf(after: unknown): string | null {
  if (after && typeof after === 'object' && 'note' in after) {
    const n = after.note;
    return typeof n === 'string' ? n : null;
  }
  return null;
}

/**
 * The criteria editions, and which one grades a hazard found today: the edition in force, and when its
 * text is not encoded (the 2026 revision), the edition standing in for it — the UI warns on that.
 */
export function listCriteria(deps: Pick<Ports, 'clock'>, principal: Principal) {
  requirePermission(principal, 'hazard.read');
  const today = dateOf(deps.clock.nowIso());
  const g = gradingEdition(today);
  return {
    editions: CRITERIA_EDITIONS,
    grading:
      g === null
        ? null
        : {
            on: today,
            inForce: g.inForce.edition,
            inForceOrder: g.inForce.order,
            inForceFrom: g.inForce.effectiveFrom,
            edition: g.grading.edition,
            order: g.grading.order,
            standIn: g.standIn,
            unconfirmed: g.inForce.unconfirmed ?? [],
          },
  };
}
