import { describe, expect, it } from 'vitest';
import { transitionAssessment, type AssessmentEvent } from '../../src/core/expertise/assessment-machine.ts';
import type { AssessmentState } from '../../src/core/expertise/expertise-types.ts';

describe('assessment lifecycle', () => {
  it.each<[AssessmentState, AssessmentEvent, 'capable' | 'not_capable', AssessmentState, unknown[]]>([
    ['signed', 'approve', 'capable', 'approved', [{ kind: 'set-capability', value: true }]],
    ['signed', 'approve', 'not_capable', 'approved', [{ kind: 'set-capability', value: false }]],
    ['signed', 'withdraw', 'capable', 'withdrawn', []],
    ['approved', 'withdraw', 'capable', 'withdrawn', [{ kind: 'clear-capability' }]],
    ['approved', 'expire', 'capable', 'expired', [{ kind: 'clear-capability' }]],
    ['approved', 'supersede', 'capable', 'withdrawn', []],
  ])('%s + %s (%s) → %s', (from, event, conclusion, to, effects) => {
    expect(transitionAssessment(from, event, conclusion)).toEqual({ state: to, effects });
  });

  it.each<[AssessmentState, AssessmentEvent]>([
    ['signed', 'expire'],
    ['approved', 'approve'],
    ['withdrawn', 'approve'],
    ['expired', 'approve'],
    ['withdrawn', 'withdraw'],
  ])('refuses %s + %s', (from, event) => {
    expect(() => transitionAssessment(from, event, 'capable')).toThrow(/cannot be/);
  });
});
