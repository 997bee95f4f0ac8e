import { isInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound, unavailable } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import { loadMine, requireText } from './supervision-common.ts';
import type { HazardReporter } from './supervision-ports.ts';
import { withUndergroundChecks, type VisitView } from './visit-checks.ts';
import {
  CHECKLIST_RESULTS,
  FINDING_GRADES,
  type ChecklistResult,
  type FindingGrade,
  type SiteVisit,
  type VisitFinding,
} from './supervision-types.ts';

export interface VisitInput {
  mineId: string;
  startedAt: string;
  endedAt: string;
  wentToSite: boolean;
  wentUnderground: boolean;
  checklist: ReadonlyArray<{ item: string; result: string; note?: string | null }>;
  notes?: string;
  findings?: ReadonlyArray<{
    title: string;
    description: string;
    grade: string;
    category?: string | null;
    location?: string | null;
  }>;
}

const MAX_VISIT_MS = 24 * 3_600_000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseTime(value: string, field: string): number {
  const ms = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw invalidInput(
      'SUPERVISION_VISIT_INVALID',
      `${field} must be an ISO-8601 time with a zone, e.g. 2026-12-05T09:00:00+08:00.`,
      {
        field,
      },
    );
  }
  return ms;
}

/** Records a site visit by a leader or a group member, with its checklist and findings. */
export async function recordVisit(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  principal: Principal,
  input: VisitInput,
): Promise<SiteVisit> {
  requirePermission(principal, 'supervision.visit.record');
  const startMs = parseTime(input.startedAt, 'startedAt');
  const endMs = parseTime(input.endedAt, 'endedAt');
  const nowMs = deps.clock.nowMs();
  if (endMs <= startMs) {
    throw invalidInput('SUPERVISION_VISIT_TIMES_INVALID', 'The visit must end after it starts.');
  }
  if (endMs - startMs > MAX_VISIT_MS) {
    throw invalidInput(
      'SUPERVISION_VISIT_TIMES_INVALID',
      'A visit lasts at most 24 hours; record each day separately.',
    );
  }
  if (endMs > nowMs) {
    throw invalidInput(
      'SUPERVISION_VISIT_IN_FUTURE',
      'A visit is recorded after it ends; its end lies in the future.',
    );
  }
  if (input.wentUnderground && !input.wentToSite) {
    throw invalidInput('SUPERVISION_VISIT_INVALID', 'Going underground means going to the site: tick both.', {
      field: 'wentToSite',
    });
  }
  if (input.checklist.length > 200 || (input.findings?.length ?? 0) > 100) {
    throw invalidInput(
      'SUPERVISION_VISIT_INVALID',
      'At most 200 checklist items and 100 findings per visit.',
    );
  }
  const checklist = input.checklist.map((c, i) => {
    if (!CHECKLIST_RESULTS.includes(c.result as ChecklistResult)) {
      throw invalidInput(
        'SUPERVISION_VISIT_INVALID',
        `checklist.${i}.result must be one of ${CHECKLIST_RESULTS.join(', ')}.`,
        {
          field: `checklist.${i}.result`,
        },
      );
    }
    return {
      item: requireText(c.item, `checklist.${i}.item`, 'SUPERVISION_VISIT_INVALID', 300),
      result: c.result as ChecklistResult,
      note: c.note?.trim() || null,
    };
  });
  const notes = (input.notes ?? '').trim();
  if (notes.length > 5000)
    throw invalidInput('SUPERVISION_VISIT_INVALID', 'notes are longer than 5000 characters.');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'supervision', 'audit'], async (tx) => {
    const mine = await loadMine(tx, principal, input.mineId);
    const visitId = deps.ids.next('svv');
    const findings: VisitFinding[] = (input.findings ?? []).map((f, i) => {
      if (!FINDING_GRADES.includes(f.grade as FindingGrade)) {
        throw invalidInput('SUPERVISION_VISIT_INVALID', `findings.${i}.grade must be major or general.`, {
          field: `findings.${i}.grade`,
        });
      }
      return {
        id: deps.ids.next('svf'),
        visitId,
        mineId: mine.id,
        title: requireText(f.title, `findings.${i}.title`, 'SUPERVISION_VISIT_INVALID', 200),
        description: requireText(
          f.description,
          `findings.${i}.description`,
          'SUPERVISION_VISIT_INVALID',
          5000,
        ),
        grade: f.grade as FindingGrade,
        category: f.category?.trim() || 'general',
        location: f.location?.trim() || null,
        status: 'pending_hazard',
        hazardId: null,
        reportedAt: null,
        reportedBy: null,
      };
    });
    const [leader, group] = await Promise.all([
      tx.supervision.getLeader(mine.id),
      tx.supervision.getGroup(mine.id),
    ]);
    const visit: SiteVisit = {
      id: visitId,
      mineId: mine.id,
      visitorId: principal.userId,
      visitorName: principal.displayName,
      visitorRole: principal.role === 'leader' ? 'leader' : 'group_member',
      startedAt: new Date(startMs).toISOString(),
      endedAt: new Date(endMs).toISOString(),
      durationMinutes: Math.round((endMs - startMs) / 60_000),
      wentToSite: input.wentToSite,
      wentUnderground: input.wentUnderground,
      checklist,
      notes,
      byAssigned:
        leader?.userId === principal.userId ||
        (group?.members.some((m) => m.userId === principal.userId) ?? false),
      createdAt: now,
      findings,
    };
    return writeAudited(tx, principal, now, visit, (r) => tx.supervision.insertVisit(r), {
      action: 'supervision.visit.record',
      targetType: 'supervision_visit',
      targetId: visit.id,
      after: {
        mineId: mine.id,
        startedAt: visit.startedAt,
        endedAt: visit.endedAt,
        wentToSite: visit.wentToSite,
        wentUnderground: visit.wentUnderground,
        checklist: checklist.length,
        findings: findings.map((f) => f.id),
      },
    });
  });
}

/** Visits in the caller's scope (optionally one region or one mine): visits to the caller's mines first, newest first. */
export async function listVisits(
  deps: Pick<Ports, 'mines' | 'regions' | 'supervision'>,
  principal: Principal,
  q: { regionId?: string; mineId?: string; limit?: number },
): Promise<{ items: VisitView[] }> {
  requirePermission(principal, 'supervision.read');
  const limit = q.limit ?? 200;
  if (q.mineId !== undefined) {
    const mine = await loadMine(deps, principal, q.mineId);
    const visits = await deps.supervision.listVisits({ mineId: mine.id }, limit);
    return { items: await withUndergroundChecks(deps, visits) };
  }
  const filter = await scopedMineFilter(deps, principal, q.regionId);
  const scope = { regionPath: filter.regionPath, mineId: filter.mineId, mineIds: filter.mineIds };
  const items = await withUndergroundChecks(deps, await deps.supervision.listVisits(scope, limit));
  const facts = await deps.supervision.coverageFacts(scope);
  const mine = (mineId: string) =>
    facts.leaders.get(mineId)?.userId === principal.userId ||
    (facts.groups.get(mineId)?.members.some((m) => m.userId === principal.userId) ?? false);
  items.sort(
    (a, b) => Number(mine(b.mineId)) - Number(mine(a.mineId)) || b.startedAt.localeCompare(a.startedAt),
  );
  return { items };
}

/** One visit, when its mine is in the caller's scope. */
export async function getVisit(
  deps: Pick<Ports, 'mines' | 'supervision'>,
  principal: Principal,
  id: string,
): Promise<VisitView> {
  requirePermission(principal, 'supervision.read');
  const visit = await deps.supervision.getVisit(id);
  const mine = visit && (await deps.mines.get(visit.mineId));
  if (!visit || !mine || !isInScope(principal, { regionPath: mine.regionPath, mineId: mine.id })) {
    throw notFound('SUPERVISION_VISIT_NOT_FOUND', `No visit "${id}" in your scope.`);
  }
  const [view] = await withUndergroundChecks(deps, [visit]);
  return view!;
}

/**
 * Turns a visit's finding into a hazard in one step through the hazards module. Without a hazards
 * reporter the finding stays `pending_hazard` and the call answers Unavailable (no hazard id is made up).
 * The hazard is reported in the hazards module's own transaction; the finding is then marked in ours.
 */
export async function reportFindingAsHazard(
  deps: Pick<Ports, 'clock' | 'transaction' | 'supervision' | 'mines'> & { hazards: HazardReporter | null },
  principal: Principal,
  findingId: string,
): Promise<{ finding: VisitFinding; hazardId: string }> {
  requirePermission(principal, 'supervision.finding.report');
  const loadPending = async (stores: Pick<Ports, 'supervision' | 'mines'>) => {
    const finding = await stores.supervision.getFinding(findingId);
    const mine = finding && (await stores.mines.get(finding.mineId));
    if (!finding || !mine || !isInScope(principal, { regionPath: mine.regionPath, mineId: mine.id })) {
      throw notFound('SUPERVISION_FINDING_NOT_FOUND', `No finding "${findingId}" in your scope.`);
    }
    if (finding.status === 'reported') {
      throw conflict(
        'SUPERVISION_FINDING_ALREADY_REPORTED',
        `This finding is already hazard ${finding.hazardId ?? ''}.`,
        {
          hazardId: finding.hazardId,
        },
      );
    }
    return finding;
  };
  const finding = await loadPending(deps);
  if (deps.hazards === null) {
    throw unavailable(
      'SUPERVISION_HAZARD_REPORTING_UNAVAILABLE',
      'Hazard reporting is not available; the finding stays pending and can be reported later.',
    );
  }
  const { id: hazardId } = await deps.hazards.report(principal, {
    mineId: finding.mineId,
    title: finding.title,
    description: finding.description,
    source: 'inspection',
    grade: finding.grade,
    category: finding.category,
    location: finding.location,
    sourceRef: { visitId: finding.visitId, findingId: finding.id },
  });
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'supervision', 'audit'], async (tx) => {
    const before = await loadPending(tx);
    const after: VisitFinding = {
      ...before,
      status: 'reported',
      hazardId,
      reportedAt: now,
      reportedBy: principal.userId,
    };
    await writeAudited(tx, principal, now, after, (r) => tx.supervision.updateFinding(r), {
      action: 'supervision.finding.report',
      targetType: 'supervision_visit',
      targetId: before.visitId,
      before: { findingId: before.id, status: before.status },
      after: { findingId: before.id, status: after.status, hazardId },
    });
    return { finding: after, hazardId };
  });
}
