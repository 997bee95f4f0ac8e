import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { PLAN_STATES, type PlanState } from './supervision-types.ts';
import { transitionPlan, type PlanEvent } from './plan-machine.ts';

const NOW = '2026-12-05T08:00:00.000Z';
const events: Record<PlanEvent['kind'], PlanEvent> = {
  edit: { kind: 'edit' },
  submit: { kind: 'submit', measureCount: 2 },
  approve: { kind: 'approve' },
  return: { kind: 'return', reason: '措施不具体' },
};

/** Every (state, event) cell: the expected next state, or null when the transition is refused. */
const TABLE: Array<[PlanState, PlanEvent['kind'], PlanState | null]> = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['draft', 'approve', null],
  ['draft', 'return', null],
  ['submitted', 'edit', null],
  ['submitted', 'submit', null],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['approved', 'edit', 'draft'],
  ['approved', 'submit', null],
  ['approved', 'approve', null],
  ['approved', 'return', null],
  ['returned', 'edit', 'draft'],
  ['returned', 'submit', null],
  ['returned', 'approve', null],
  ['returned', 'return', null],
];

describe('plan lifecycle table', () => {
  it('covers every state × event', () => {
    expect(TABLE).toHaveLength(PLAN_STATES.length * Object.keys(events).length);
  });

  for (const [from, kind, to] of TABLE) {
    it(`${from} --${kind}--> ${to ?? 'refused'}`, () => {
      if (to === null) {
        let code = '';
        try {
          transitionPlan(from, events[kind], NOW);
        } catch (e) {
          code = isDomainError(e) ? e.code : 'other';
        }
        expect(code).toBe('SUPERVISION_PLAN_TRANSITION_NOT_ALLOWED');
      } else {
        const t = transitionPlan(from, events[kind], NOW);
        expect(t.state).toBe(to);
        expect(t.at).toBe(NOW);
      }
    });
  }

  it('a returned plan carries the reason; an edit clears it', () => {
    const r = transitionPlan('submitted', { kind: 'return', reason: '  缺资金安排 ' }, NOW);
    expect(r.returnReason).toBe('缺资金安排');
    expect(r.effects).toEqual([{ kind: 'plan-returned', reason: '缺资金安排' }]);
    expect(transitionPlan('returned', { kind: 'edit' }, NOW).returnReason).toBeNull();
  });

  it('editing an approved plan withdraws the approval', () => {
    expect(transitionPlan('approved', { kind: 'edit' }, NOW).effects).toEqual([
      { kind: 'approval-withdrawn' },
    ]);
  });

  it('refuses an empty submit and a return without a reason', () => {
    expect(() => transitionPlan('draft', { kind: 'submit', measureCount: 0 }, NOW)).toThrow(
      /at least one measure/,
    );
    expect(() => transitionPlan('submitted', { kind: 'return', reason: ' ' }, NOW)).toThrow(/why/);
  });
});
