import { conflict } from '../errors.ts';
import type { AssessmentConclusion, AssessmentState } from './expertise-types.ts';

/**
 * The lifecycle of a gas-control capability assessment. An expert signs it (state `signed`); a regulator
 * approves it, which makes it the registry's evidence; it ends withdrawn, expired, or superseded by a newer
 * approved one. Effects say what happens to the mine's `hasGasControlCapability` flag.
 */
export type AssessmentEvent = 'approve' | 'withdraw' | 'expire' | 'supersede';

export type AssessmentEffect =
  | { kind: 'set-capability'; value: boolean }
  /** The flag loses its evidence: it is cleared. */
  | { kind: 'clear-capability' };

interface Row {
  from: AssessmentState;
  event: AssessmentEvent;
  to: AssessmentState;
  effects: (conclusion: AssessmentConclusion) => AssessmentEffect[];
}

const NONE = (): AssessmentEffect[] => [];

/** The transition table (one row per allowed edge). */
export const ASSESSMENT_TRANSITIONS: readonly Row[] = [
  {
    from: 'signed',
    event: 'approve',
    to: 'approved',
    effects: (c) => [{ kind: 'set-capability', value: c === 'capable' }],
  },
  // A signed assessment a regulator does not accept is withdrawn; the flag was never based on it.
  { from: 'signed', event: 'withdraw', to: 'withdrawn', effects: NONE },
  { from: 'approved', event: 'withdraw', to: 'withdrawn', effects: () => [{ kind: 'clear-capability' }] },
  { from: 'approved', event: 'expire', to: 'expired', effects: () => [{ kind: 'clear-capability' }] },
  // A newer approved assessment takes over as the evidence; its own effect sets the flag.
  { from: 'approved', event: 'supersede', to: 'withdrawn', effects: NONE },
];

/** Pure transition: the next state and the effects on the registry flag, or Conflict when not allowed. */
export function transitionAssessment(
  state: AssessmentState,
  event: AssessmentEvent,
  conclusion: AssessmentConclusion,
): { state: AssessmentState; effects: AssessmentEffect[] } {
  const row = ASSESSMENT_TRANSITIONS.find((r) => r.from === state && r.event === event);
  if (!row) {
    throw conflict(
      'EXPERTISE_ASSESSMENT_TRANSITION_NOT_ALLOWED',
      `An assessment that is ${state} cannot be ${event === 'approve' ? 'approved' : `${event}d`}.`,
      { state, event },
    );
  }
  return { state: row.to, effects: row.effects(conclusion) };
}
