import { requirePermission } from '../access/permissions.ts';
import { requireSeparateDuties } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { findCriteriaItem, gradingEdition } from './criteria.ts';
import { transitionHazard, type HazardEvent as LifecycleEvent } from './hazard-lifecycle.ts';
import { lapseProposalsOfClosedHazard, proposeForMajorHazard } from './hazard-proposals.ts';
import { dateOf, requireCompletePlan } from './hazard-rules.ts';
import { actorOf, clean, loadHazard, recordHazardStep } from './hazard-support.ts';
import type { Hazard, HazardGrade, HazardProposal, HazardSource, RectificationPlan } from './hazard-types.ts';
import { linkAlarm } from '../monitoring/alarm-links.ts';
import { joinTransaction } from '../join-transaction.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

export interface ReportHazardInput {
  mineId: string;
  source: HazardSource;
  grade: HazardGrade;
  category: string;
  title: string;
  description: string;
  area?: string | null;
  equipment?: string | null;
  pointCode?: string | null;
  /** The alarm the hazard is reported from (the console's one click); the link is stored and audited. */
  alarmId?: string | null;
}

/** Checks the grade against the criteria edition in force on `today`. */
function checkGrade(grade: HazardGrade, category: string, today: string): void {
  if (category === 'general') {
    if (grade === 'major') {
      throw invalidInput(
        'HAZARD_MAJOR_NEEDS_CRITERION',
        'A major hazard must cite a sub-item of the major-hazard criteria (e.g. "2020-15-8").',
      );
    }
    return;
  }
  // While the edition in force is not encoded (2026), its predecessor's sub-items stand in for it.
  const g = gradingEdition(today);
  const edition = g?.grading ?? null;
  const item = findCriteriaItem(category);
  if (!edition || !item || !edition.items.includes(item)) {
    throw invalidInput(
      'HAZARD_CATEGORY_INVALID',
      `"${category}" is not a sub-item of the criteria in force on ${today}${edition ? ` (${edition.order}${g?.standIn ? `, standing in for ${g.inForce.order}, whose text is not encoded` : ''})` : ''}; use "general" for a general hazard.`,
    );
  }
  if (grade !== 'major') {
    throw invalidInput(
      'HAZARD_GRADE_MISMATCH',
      `"${category}" is a major-hazard criterion, so the hazard is major (${item.source}).`,
    );
  }
}

/** Reports a hazard; a major one proposes suspension (and closure on a repeat within 3 months). */
export async function reportHazard(
  deps: Deps,
  principal: Principal,
  input: ReportHazardInput,
): Promise<{ hazard: Hazard; proposals: HazardProposal[] }> {
  requirePermission(principal, 'hazard.report');
  const now = deps.clock.nowIso();
  const title = clean(input.title);
  if (!title) throw invalidInput('HAZARD_INVALID', 'Give the hazard a title.');
  checkGrade(input.grade, input.category, dateOf(now));
  return deps.transaction(['mines', 'monitoring', 'hazards', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, principal, input.mineId);
    const actor = actorOf(principal);
    const hazard: Hazard = {
      id: deps.ids.next('hz'),
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      source: input.source,
      grade: input.grade,
      category: input.category,
      title,
      description: input.description.trim(),
      area: clean(input.area),
      equipment: clean(input.equipment),
      pointCode: clean(input.pointCode),
      state: 'reported',
      reportedAt: now,
      reportedBy: actor.id,
      reportedByName: actor.name,
      plan: null,
      originalDueDate: null,
      currentDueDate: null,
      escalation: 'none',
      equipmentRunningDays: 0,
      lastEquipmentCheckOn: null,
      closedAt: null,
      updatedAt: now,
    };
    await tx.hazards.insert(hazard);
    await recordHazardStep(deps, tx, {
      hazard,
      before: null,
      kind: 'report',
      actor,
      at: now,
      toState: 'reported',
      details: { source: hazard.source, title: hazard.title, mineName: mine.name },
    });
    await linkAlarm(tx, principal, now, {
      alarmId: input.alarmId,
      kind: 'hazard',
      targetId: hazard.id,
      title: hazard.title,
      mineIds: [mine.id],
    });
    const proposals = await proposeForMajorHazard(deps, tx, { hazard, mine, actor, now });
    return { hazard, proposals };
  });
}

/** Applies one lifecycle step under `permission`, recording it; `change` may alter the hazard first. */
async function step(
  deps: Deps,
  principal: Principal,
  id: string,
  permission: Parameters<typeof loadHazard>[2],
  event: LifecycleEvent,
  note: string | null,
  change?: (h: Hazard, now: string) => Hazard,
): Promise<Hazard> {
  const now = deps.clock.nowIso();
  return deps.transaction(['hazards', 'audit'], async (tx) => {
    const before = await loadHazard(tx, principal, permission, id);
    const result = transitionHazard(before.state, { event, reason: note }, now);
    let after: Hazard = { ...before, state: result.state, updatedAt: now };
    if (change) after = change(after, now);
    for (const effect of result.effects) {
      if (effect.kind === 'close-listing') {
        after = { ...after, closedAt: now };
        const listing = await tx.hazards.activeListing(id);
        if (listing)
          await tx.hazards.updateListing({ ...listing, closedAt: now, closedBy: principal.userId });
      }
    }
    await tx.hazards.update(after);
    await recordHazardStep(deps, tx, {
      hazard: after,
      before,
      kind: event,
      actor: actorOf(principal),
      at: now,
      fromState: before.state,
      toState: after.state,
      note,
    });
    if (after.state === 'closed') await lapseProposalsOfClosedHazard(tx, after, actorOf(principal), now);
    return after;
  });
}

/** The mine sets the five implementations (and, for a major hazard, the whole rectification plan). */
export function assignHazard(
  deps: Deps,
  principal: Principal,
  id: string,
  plan: Partial<RectificationPlan>,
): Promise<Hazard> {
  return deps.transaction(['hazards', 'audit'], async (tx) => {
    const h = await loadHazard(tx, principal, 'hazard.rectify', id);
    requireCompletePlan(h.grade, plan, dateOf(deps.clock.nowIso()));
    const full: RectificationPlan = {
      responsiblePerson: (plan.responsiblePerson ?? '').trim(),
      measures: (plan.measures ?? '').trim(),
      fundsCny: plan.fundsCny ?? null,
      deadline: plan.deadline ?? '',
      contingencyPlan: clean(plan.contingencyPlan),
      objectives: clean(plan.objectives),
      methods: clean(plan.methods),
      materials: clean(plan.materials),
      responsibleBody: clean(plan.responsibleBody),
      requirements: clean(plan.requirements),
      safetyMeasures: clean(plan.safetyMeasures),
    };
    return step(
      { ...deps, transaction: joinTransaction(tx) },
      principal,
      id,
      'hazard.rectify',
      'assign',
      null,
      (a) => ({
        ...a,
        plan: full,
        // The first deadline is the original due date; later ones change only by a regulator's extension.
        originalDueDate: a.originalDueDate ?? full.deadline,
        currentDueDate: a.currentDueDate ?? full.deadline,
      }),
    );
  });
}

export const startRectifying = (deps: Deps, p: Principal, id: string): Promise<Hazard> =>
  step(deps, p, id, 'hazard.rectify', 'start_rectifying', null);

export const submitForVerification = (
  deps: Deps,
  p: Principal,
  id: string,
  note: string | null,
): Promise<Hazard> => step(deps, p, id, 'hazard.rectify', 'submit_for_verification', clean(note));

/** Whoever reported a hazard may not verify it or write it off (separation of duties, audited). */
/**
 * A regulator's verdict on the rectification (`hazard.verify`), never given by the hazard's own
 * reporter (separation of duties).
 */
async function verifierStep(
  deps: Deps,
  p: Principal,
  id: string,
  event: 'reject' | 'verify_and_close',
  note: string | null,
): Promise<Hazard> {
  const h = await deps.transaction(['hazards'], (tx) => loadHazard(tx, p, 'hazard.verify', id));
  await requireSeparateDuties(deps, p, {
    item: 'hazard',
    itemId: id,
    act: 'hazard.verify',
    earlier: [{ actorId: h.reportedBy, act: 'hazard.report' }],
  });
  return step(deps, p, id, 'hazard.verify', event, clean(note));
}

/** A regulator in scope rejects the rectification; the reason is required. */
export function rejectRectification(deps: Deps, p: Principal, id: string, reason: string): Promise<Hazard> {
  return verifierStep(deps, p, id, 'reject', reason);
}

/** A regulator in scope verifies on site and writes the hazard off; an active listing closes with it. */
export function verifyAndClose(deps: Deps, p: Principal, id: string, note: string | null): Promise<Hazard> {
  return verifierStep(deps, p, id, 'verify_and_close', note);
}

/** A regulator moves the current due date; the original stays; the reason is audited. */
export async function extendDueDate(
  deps: Deps,
  principal: Principal,
  id: string,
  input: { newDueDate: string; reason: string },
): Promise<Hazard> {
  const now = deps.clock.nowIso();
  const reason = clean(input.reason);
  if (!reason) throw invalidInput('HAZARD_REASON_REQUIRED', 'An extension needs a reason.');
  return deps.transaction(['hazards', 'audit'], async (tx) => {
    const before = await loadHazard(tx, principal, 'hazard.extend', id);
    if (before.state === 'closed' || before.currentDueDate === null) {
      throw invalidInput(
        'HAZARD_EXTENSION_NOT_ALLOWED',
        'Only an assigned, open hazard has a due date that can be extended.',
      );
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newDueDate) || input.newDueDate <= before.currentDueDate) {
      throw invalidInput(
        'HAZARD_DEADLINE_INVALID',
        `The new due date must be a date after the current one (${before.currentDueDate}).`,
      );
    }
    const after: Hazard = { ...before, currentDueDate: input.newDueDate, updatedAt: now };
    await tx.hazards.update(after);
    await recordHazardStep(deps, tx, {
      hazard: after,
      before,
      kind: 'extend',
      actor: actorOf(principal),
      at: now,
      note: reason,
      details: { from: before.currentDueDate, to: input.newDueDate, original: before.originalDueDate },
    });
    return after;
  });
}
