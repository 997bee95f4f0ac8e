import { requirePermission } from '../access/permissions.ts';
import { requireSeparateDuties } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import { transitionPlan, type PlanEvent } from './plan-machine.ts';
import { changeMineSupervision, loadMine, requireText } from './supervision-common.ts';
import type { MinePlan, PlanMeasure } from './supervision-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

export interface PlanInput {
  documentRef: string;
  measures: ReadonlyArray<{ text: string; owner?: string | null; dueOn?: string | null }>;
}

const MAX_MEASURES = 200;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a plan's document reference and measures; InvalidInput SUPERVISION_PLAN_INVALID otherwise. */
export function parsePlanInput(input: PlanInput): { documentRef: string; measures: PlanMeasure[] } {
  const documentRef = requireText(input.documentRef, 'documentRef', 'SUPERVISION_PLAN_INVALID', 200);
  if (input.measures.length > MAX_MEASURES) {
    throw invalidInput('SUPERVISION_PLAN_INVALID', `A plan has at most ${MAX_MEASURES} measures.`);
  }
  const measures = input.measures.map((m, i) => {
    const text = requireText(m.text, `measures.${i}.text`, 'SUPERVISION_PLAN_INVALID', 1000);
    const owner = m.owner?.trim() || null;
    const dueOn = m.dueOn?.trim() || null;
    if (dueOn !== null && (!ISO_DATE.test(dueOn) || Number.isNaN(Date.parse(dueOn)))) {
      throw invalidInput('SUPERVISION_PLAN_INVALID', `measures.${i}.dueOn must be a date YYYY-MM-DD.`, {
        field: `measures.${i}.dueOn`,
      });
    }
    return { text, owner, dueOn };
  });
  return { documentRef, measures };
}

const view = (p: MinePlan | undefined) =>
  p
    ? { state: p.state, documentRef: p.documentRef, measures: p.measures.length, revision: p.revision }
    : null;

/** Starts a mine's plan as a draft (the enterprise's safety officer or a regulator in scope). */
export async function createPlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: PlanInput,
): Promise<MinePlan> {
  return writePlanContent(deps, principal, mineId, input, 'create', (before, now) => {
    if (before) {
      throw conflict('SUPERVISION_PLAN_EXISTS', 'This mine already has a plan; edit it instead.');
    }
    return { mineId, state: 'draft', returnReason: null, revision: 1, createdAt: now };
  });
}

/** Edits a plan's content. Editing a returned or approved plan makes it a draft again. */
export async function updatePlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: PlanInput,
): Promise<MinePlan> {
  return writePlanContent(deps, principal, mineId, input, 'edit', (before, now) => {
    const plan = existingPlan(before);
    const t = transitionPlan(plan.state, { kind: 'edit' }, now);
    return { ...plan, state: t.state, returnReason: t.returnReason, revision: plan.revision + 1 };
  });
}

/** What a plan's content, written anew, leaves unset: it is neither submitted nor decided. */
type PlanBase = Omit<
  MinePlan,
  'documentRef' | 'measures' | 'submittedAt' | 'submittedBy' | 'decidedAt' | 'decidedBy' | 'updatedAt'
>;

/**
 * Writes a plan's content (created or edited): `base` checks the plan as it was (none when new) and
 * gives its state and revision; the plan goes back to not submitted, not decided.
 */
async function writePlanContent(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: PlanInput,
  action: 'create' | 'edit',
  base: (before: MinePlan | undefined, now: string) => PlanBase,
): Promise<MinePlan> {
  requirePermission(principal, 'supervision.plan.write');
  const parsed = parsePlanInput(input);
  return changeMineSupervision(deps, principal, mineId, async (tx, mine, now) => {
    const before = await tx.supervision.getPlan(mine.id);
    const plan: MinePlan = {
      ...base(before, now),
      mineId: mine.id,
      ...parsed,
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      updatedAt: now,
    };
    await tx.supervision.savePlan(plan);
    return {
      result: plan,
      record: planRecord(action, `${plan.state} ${plan.documentRef}`, before, view(plan)),
    };
  });
}

/** The record of a change to a mine's plan. */
function planRecord(action: string, summary: string, before: MinePlan | undefined, after: unknown) {
  return { kind: 'plan' as const, action: `plan.${action}`, summary, before: view(before), after };
}

function existingPlan(plan: MinePlan | undefined): MinePlan {
  if (!plan) throw notFound('SUPERVISION_PLAN_NOT_FOUND', 'This mine has no plan yet.');
  return plan;
}

async function requirePlan(tx: Pick<Stores, 'supervision'>, mineId: string): Promise<MinePlan> {
  return existingPlan(await tx.supervision.getPlan(mineId));
}

/** Removes a draft plan (a submitted or decided plan stays on record). */
export async function deletePlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
): Promise<{ deleted: true }> {
  requirePermission(principal, 'supervision.plan.write');
  return changeMineSupervision(
    deps,
    principal,
    mineId,
    async (tx, mine) => {
      const before = await requirePlan(tx, mine.id);
      if (before.state !== 'draft') {
        throw conflict(
          'SUPERVISION_PLAN_NOT_DRAFT',
          `Only a draft plan can be deleted; this one is "${before.state}".`,
        );
      }
      await tx.supervision.deletePlan(mine.id);
      return { result: { deleted: true as const }, record: planRecord('delete', 'deleted', before, null) };
    },
    { allowClosed: true },
  );
}

type Decision = 'submit' | 'approve' | 'return';

/** Who wrote the plan's current revision: plan writes since its last approval or return (audit trail). */
async function planAuthors(deps: Deps, mineId: string): Promise<Array<{ actorId: string; act: string }>> {
  const entries = await deps.transaction(['audit'], (tx) => tx.audit.listByTarget('mine', mineId));
  const plan = entries.filter((e) => e.action.startsWith('supervision.plan.')).sort((a, b) => a.seq - b.seq);
  let from = 0;
  // A decision or a deletion ends a revision; a creation starts a new plan.
  plan.forEach((e, i) => {
    if (['approve', 'return', 'delete'].some((x) => e.action === `supervision.plan.${x}`)) from = i + 1;
    if (e.action === 'supervision.plan.create') from = i;
  });
  return plan
    .slice(from)
    .filter((e) => ['create', 'edit', 'submit'].some((x) => e.action === `supervision.plan.${x}`))
    .map((e) => ({ actorId: e.actorId, act: 'supervision.plan.write' }));
}

/** Submit (writers), approve or return (regulators whose scope covers the mine). */
export async function decidePlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
  decision: Decision,
  reason?: string,
): Promise<MinePlan> {
  requirePermission(principal, decision === 'submit' ? 'supervision.plan.write' : 'supervision.plan.approve');
  if (decision !== 'submit') {
    // Whoever drafted, edited or submitted this revision of the plan may not approve or return it.
    await deps.transaction(['mines'], async (tx) => {
      await loadMine(tx, principal, mineId);
    });
    await requireSeparateDuties(deps, principal, {
      item: 'supervision_plan',
      itemId: mineId,
      act: 'supervision.plan.approve',
      earlier: await planAuthors(deps, mineId),
    });
  }
  return changeMineSupervision(deps, principal, mineId, async (tx, mine, now) => {
    const before = await requirePlan(tx, mine.id);
    const event: PlanEvent =
      decision === 'submit'
        ? { kind: 'submit', measureCount: before.measures.length }
        : decision === 'approve'
          ? { kind: 'approve' }
          : { kind: 'return', reason: reason ?? '' };
    const t = transitionPlan(before.state, event, now);
    const after: MinePlan = {
      ...before,
      state: t.state,
      returnReason: t.returnReason,
      revision: before.revision + 1,
      updatedAt: now,
      ...(decision === 'submit'
        ? { submittedAt: now, submittedBy: principal.userId, decidedAt: null, decidedBy: null }
        : { decidedAt: now, decidedBy: principal.userId }),
    };
    await tx.supervision.savePlan(after);
    const summary = t.returnReason ? `${after.state}: ${t.returnReason}` : after.state;
    return {
      result: after,
      record: planRecord(decision, summary, before, { ...view(after), returnReason: after.returnReason }),
    };
  });
}
