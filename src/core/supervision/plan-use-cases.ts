import { requirePermission } from '../access/permissions.ts';
import { requireSeparateDuties } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { transitionPlan, type PlanEvent } from './plan-machine.ts';
import { loadMine, recordChange, requireNotClosed, requireText } from './supervision-common.ts';
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
  requirePermission(principal, 'supervision.plan.write');
  const parsed = parsePlanInput(input);
  const now = deps.clock.nowIso();
  return deps.transaction(async (tx) => {
    const mine = await loadMine(tx, principal, mineId);
    requireNotClosed(mine);
    if (await tx.supervision.getPlan(mine.id)) {
      throw conflict('SUPERVISION_PLAN_EXISTS', 'This mine already has a plan; edit it instead.');
    }
    const plan: MinePlan = {
      mineId: mine.id,
      ...parsed,
      state: 'draft',
      returnReason: null,
      revision: 1,
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.supervision.savePlan(plan);
    await recordChange(
      tx,
      deps,
      principal,
      {
        mineId: mine.id,
        kind: 'plan',
        action: 'plan.create',
        summary: `draft ${plan.documentRef}`,
        before: null,
        after: view(plan),
      },
      now,
    );
    return plan;
  });
}

async function requirePlan(
  tx: Parameters<Parameters<Deps['transaction']>[0]>[0],
  mineId: string,
): Promise<MinePlan> {
  const plan = await tx.supervision.getPlan(mineId);
  if (!plan) throw notFound('SUPERVISION_PLAN_NOT_FOUND', 'This mine has no plan yet.');
  return plan;
}

/** Edits a plan's content. Editing a returned or approved plan makes it a draft again. */
export async function updatePlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: PlanInput,
): Promise<MinePlan> {
  requirePermission(principal, 'supervision.plan.write');
  const parsed = parsePlanInput(input);
  const now = deps.clock.nowIso();
  return deps.transaction(async (tx) => {
    const mine = await loadMine(tx, principal, mineId);
    requireNotClosed(mine);
    const before = await requirePlan(tx, mine.id);
    const t = transitionPlan(before.state, { kind: 'edit' }, now);
    const after: MinePlan = {
      ...before,
      ...parsed,
      state: t.state,
      returnReason: t.returnReason,
      revision: before.revision + 1,
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      updatedAt: now,
    };
    await tx.supervision.savePlan(after);
    await recordChange(
      tx,
      deps,
      principal,
      {
        mineId: mine.id,
        kind: 'plan',
        action: 'plan.edit',
        summary: `${after.state} ${after.documentRef}`,
        before: view(before),
        after: view(after),
      },
      now,
    );
    return after;
  });
}

/** Removes a draft plan (a submitted or decided plan stays on record). */
export async function deletePlan(
  deps: Deps,
  principal: Principal,
  mineId: string,
): Promise<{ deleted: true }> {
  requirePermission(principal, 'supervision.plan.write');
  const now = deps.clock.nowIso();
  return deps.transaction(async (tx) => {
    const mine = await loadMine(tx, principal, mineId);
    const before = await requirePlan(tx, mine.id);
    if (before.state !== 'draft') {
      throw conflict(
        'SUPERVISION_PLAN_NOT_DRAFT',
        `Only a draft plan can be deleted; this one is "${before.state}".`,
      );
    }
    await tx.supervision.deletePlan(mine.id);
    await recordChange(
      tx,
      deps,
      principal,
      {
        mineId: mine.id,
        kind: 'plan',
        action: 'plan.delete',
        summary: 'deleted',
        before: view(before),
        after: null,
      },
      now,
    );
    return { deleted: true };
  });
}

type Decision = 'submit' | 'approve' | 'return';

/** Who wrote the plan's current revision: plan writes since its last approval or return (audit trail). */
async function planAuthors(deps: Deps, mineId: string): Promise<Array<{ actorId: string; act: string }>> {
  const entries = await deps.transaction((tx) => tx.audit.listByTarget('mine', mineId));
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
    await deps.transaction(async (tx) => {
      await loadMine(tx, principal, mineId);
    });
    await requireSeparateDuties(deps, principal, {
      item: 'supervision_plan',
      itemId: mineId,
      act: 'supervision.plan.approve',
      earlier: await planAuthors(deps, mineId),
    });
  }
  const now = deps.clock.nowIso();
  return deps.transaction(async (tx) => {
    const mine = await loadMine(tx, principal, mineId);
    requireNotClosed(mine);
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
    await recordChange(
      tx,
      deps,
      principal,
      {
        mineId: mine.id,
        kind: 'plan',
        action: `plan.${decision}`,
        summary: t.returnReason ? `${after.state}: ${t.returnReason}` : after.state,
        before: view(before),
        after: { ...view(after), returnReason: after.returnReason },
      },
      now,
    );
    return after;
  });
}
