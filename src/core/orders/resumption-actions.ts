import { hasPermission } from '../access/permissions.ts';
import { conflictingDuty } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import type { Resumption, SignOff } from './orders-ports.ts';
import type { ChecklistItemResult, ChecklistItemRule } from './resumption-checklist.ts';

/**
 * What the viewing user may do on an application now — the same rules the sign and decide use cases
 * enforce, judged ahead so that the page offers only the buttons that would succeed (issue 15: every
 * signer's button used to show).
 */
export interface ResumptionActions {
  /** The chain step this user may sign now (its turn, their role, not barred by separation of duties). */
  sign: string | null;
  /** The user may approve now (the decision is the current step and theirs). */
  approve: boolean;
  /** The user may refuse the application (the department, the bureau or the government head). */
  reject: boolean;
  /** The step is the user's, but the automatic checks must pass first (the department head's signature). */
  waitingForChecks: boolean;
}

export const NO_ACTIONS: ResumptionActions = {
  sign: null,
  approve: false,
  reject: false,
  waitingForChecks: false,
};

/** The acts already done on the application, as the separation-of-duties rule reads them. */
export function resumptionActs(r: Resumption, signOffs: readonly SignOff[]) {
  return [
    { actorId: r.appliedById, act: 'resumption.apply' },
    ...signOffs.map((x) => ({ actorId: x.signerId, act: 'resumption.sign' })),
  ];
}

export function resumptionActionsFor(
  p: Principal,
  r: Resumption,
  signOffs: readonly SignOff[],
  step: ChecklistItemRule | null,
  checklist: readonly ChecklistItemResult[],
): ResumptionActions {
  if (r.status !== 'pending') return NO_ACTIONS;
  const earlier = resumptionActs(r, signOffs);
  const free = (act: string) =>
    conflictingDuty(p, { item: 'resumption', itemId: r.id, act, earlier }) === null;
  const mayDecide = hasPermission(p.role, 'resumption.decide') && free('resumption.decide');
  const mine = step !== null && step.check.how !== 'auto' && step.check.roles.includes(p.role);
  const checksPass = checklist.every((c) => c.how !== 'auto' || c.done);
  const signable =
    mine && step.check.how === 'sign' && hasPermission(p.role, 'resumption.sign') && free('resumption.sign');
  // The department head certifies the acceptance: not before the automatic checks pass.
  const blocked = signable && step.id === 'department_head' && !checksPass;
  return {
    sign: signable && !blocked ? step.id : null,
    approve: mine && step.check.how === 'decide' && mayDecide,
    reject: mayDecide,
    waitingForChecks: blocked,
  };
}
