import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { DomainError, invalidInput } from '../errors.ts';
import type { Ports } from '../ports.ts';
import {
  setContactLeader,
  setResponsiblePerson,
  setSupervisionGroup,
  type GroupInput,
  type ResponsibleInput,
} from './assignment-use-cases.ts';
import { createPlan, type PlanInput } from './plan-use-cases.ts';
import type { AssignableUser } from './supervision-types.ts';

/** At most this many mines in one bulk assignment (a province's mines fit). */
export const MAX_BULK_MINES = 1000;

export interface BulkAssignmentInput {
  mineIds: readonly string[];
  /** A plan drafted for each mine that has none yet (a mine with a plan keeps it: `SUPERVISION_PLAN_EXISTS`). */
  planTemplate?: PlanInput;
  responsible?: ResponsibleInput;
  group?: GroupInput;
  leaderUserId?: string;
}

export type BulkPart = 'plan' | 'responsible' | 'group' | 'leader';

/** What happened to one part of one mine: done, or the error code that refused it. */
export interface BulkPartResult {
  part: BulkPart;
  ok: boolean;
  code: string | null;
}

export interface BulkMineResult {
  mineId: string;
  parts: BulkPartResult[];
}

export interface BulkAssignmentResult {
  mines: BulkMineResult[];
  /** Parts done, and parts refused, over all mines. */
  done: number;
  refused: number;
}

/**
 * Assigns a plan template, a responsible person, a group and a leader to many mines in one action. Each
 * mine's part runs through the single-mine use case (its permission, scope, checks, transaction and audit
 * entry), so the audit trail holds one entry per mine and part, and a refusal for one mine (out of scope,
 * closed, already planned) is reported as a value without stopping the others. Errors that are not a
 * domain refusal (a broken database) propagate.
 */
export async function bulkAssign(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  principal: Principal,
  input: BulkAssignmentInput,
): Promise<BulkAssignmentResult> {
  requirePermission(principal, 'supervision.assign');
  if (input.planTemplate) requirePermission(principal, 'supervision.plan.write');
  if (input.responsible) requirePermission(principal, 'supervision.responsible.set');
  const mineIds = [...new Set(input.mineIds)];
  if (mineIds.length === 0 || mineIds.length > MAX_BULK_MINES) {
    throw invalidInput('SUPERVISION_BULK_INVALID', `Choose between 1 and ${MAX_BULK_MINES} mines.`, {
      field: 'mineIds',
    });
  }
  const steps: Array<[BulkPart, (mineId: string) => Promise<unknown>]> = [];
  const { planTemplate, responsible, group, leaderUserId } = input;
  if (planTemplate) steps.push(['plan', (id) => createPlan(deps, principal, id, planTemplate)]);
  if (responsible)
    steps.push(['responsible', (id) => setResponsiblePerson(deps, principal, id, responsible)]);
  if (group) steps.push(['group', (id) => setSupervisionGroup(deps, principal, id, group)]);
  if (leaderUserId !== undefined)
    steps.push(['leader', (id) => setContactLeader(deps, principal, id, leaderUserId)]);
  if (steps.length === 0) {
    throw invalidInput('SUPERVISION_BULK_INVALID', 'Choose at least one thing to assign.', {
      field: 'parts',
    });
  }
  const result: BulkAssignmentResult = { mines: [], done: 0, refused: 0 };
  for (const mineId of mineIds) {
    const parts: BulkPartResult[] = [];
    for (const [part, run] of steps) {
      try {
        await run(mineId);
        parts.push({ part, ok: true, code: null });
        result.done++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        parts.push({ part, ok: false, code: e.code });
        result.refused++;
      }
    }
    result.mines.push({ mineId, parts });
  }
  return result;
}

/**
 * The leaders and group members a regulator may choose from for a bulk assignment: those whose region lies
 * within the regulator's or contains it (each mine's own check still refuses a user whose region misses it).
 */
export async function listBulkCandidates(
  deps: Pick<Ports, 'supervision'>,
  principal: Principal,
): Promise<{ leaders: AssignableUser[]; groupMembers: AssignableUser[] }> {
  requirePermission(principal, 'supervision.assign');
  const mine = principal.scopePath;
  const users = (await deps.supervision.listAssignableUsers(['leader', 'group_member'])).filter(
    (u) =>
      !u.disabled &&
      u.scopePath !== null &&
      mine !== null &&
      (u.scopePath.startsWith(mine) || mine.startsWith(u.scopePath)),
  );
  return {
    leaders: users.filter((u) => u.role === 'leader'),
    groupMembers: users.filter((u) => u.role === 'group_member'),
  };
}
