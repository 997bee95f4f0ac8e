import { conflict, invalidInput } from '../errors.ts';
import type { PlanState } from './supervision-types.ts';

/**
 * The plan lifecycle (一矿一策), as a table:
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                  │return(reason)
 *     └──edit── returned ◀┘         approved ──edit──▶ draft (a revision loses the approval)
 * Editing a draft keeps it a draft; editing a returned or approved plan makes it a draft again.
 */
export type PlanEvent =
  | { kind: 'edit' }
  | { kind: 'submit'; measureCount: number }
  | { kind: 'approve' }
  | { kind: 'return'; reason: string };

export type PlanEffect =
  | { kind: 'plan-submitted' }
  | { kind: 'plan-approved' }
  | { kind: 'plan-returned'; reason: string }
  | { kind: 'approval-withdrawn' };

export interface PlanTransition {
  state: PlanState;
  returnReason: string | null;
  effects: PlanEffect[];
  at: string;
}

/** From-state → to-state for each event; a missing cell is a transition that is not allowed. */
export const PLAN_TRANSITIONS: Readonly<Record<PlanEvent['kind'], Partial<Record<PlanState, PlanState>>>> = {
  edit: { draft: 'draft', returned: 'draft', approved: 'draft' },
  submit: { draft: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
};

export function transitionPlan(state: PlanState, event: PlanEvent, now: string): PlanTransition {
  const to = PLAN_TRANSITIONS[event.kind][state];
  if (to === undefined) {
    throw conflict(
      'SUPERVISION_PLAN_TRANSITION_NOT_ALLOWED',
      `A plan in state "${state}" cannot be ${pastTense(event.kind)}.`,
      { from: state, event: event.kind },
    );
  }
  switch (event.kind) {
    case 'edit':
      return {
        state: to,
        returnReason: null,
        effects: state === 'approved' ? [{ kind: 'approval-withdrawn' }] : [],
        at: now,
      };
    case 'submit':
      if (event.measureCount < 1) {
        throw invalidInput(
          'SUPERVISION_PLAN_EMPTY',
          'A plan needs at least one measure before it is submitted.',
        );
      }
      return { state: to, returnReason: null, effects: [{ kind: 'plan-submitted' }], at: now };
    case 'approve':
      return { state: to, returnReason: null, effects: [{ kind: 'plan-approved' }], at: now };
    case 'return': {
      const reason = event.reason.trim();
      if (reason === '') {
        throw invalidInput('SUPERVISION_PLAN_RETURN_REASON_REQUIRED', 'Say why the plan is returned.');
      }
      return { state: to, returnReason: reason, effects: [{ kind: 'plan-returned', reason }], at: now };
    }
  }
}

function pastTense(kind: PlanEvent['kind']): string {
  switch (kind) {
    case 'edit':
      return 'edited';
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'return':
      return 'returned';
  }
}
