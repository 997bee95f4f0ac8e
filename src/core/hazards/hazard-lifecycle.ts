import { conflict, invalidInput } from '../errors.ts';
import type { HazardState } from './hazard-types.ts';

/**
 * The hazard lifecycle as a pure table: reported → assigned → rectifying → awaiting_verification →
 * closed, and awaiting_verification → rectifying when the regulator rejects the rectification.
 * Who may fire an event is decided by the use cases (permissions and scope), not here.
 */
export type HazardEvent =
  'assign' | 'start_rectifying' | 'submit_for_verification' | 'reject' | 'verify_and_close';

export interface HazardTransitionRule {
  event: HazardEvent;
  from: readonly HazardState[];
  to: HazardState;
  /** True when the event needs a written reason. */
  needsReason: boolean;
  meaning: string;
}

export const HAZARD_TRANSITIONS: readonly HazardTransitionRule[] = [
  {
    event: 'assign',
    from: ['reported', 'assigned'],
    to: 'assigned',
    needsReason: false,
    meaning: 'Five implementations set.',
  },
  {
    event: 'start_rectifying',
    from: ['assigned'],
    to: 'rectifying',
    needsReason: false,
    meaning: 'Rectification under way.',
  },
  {
    event: 'submit_for_verification',
    from: ['rectifying'],
    to: 'awaiting_verification',
    needsReason: false,
    meaning: 'The mine applies for re-check.',
  },
  {
    event: 'reject',
    from: ['awaiting_verification'],
    to: 'rectifying',
    needsReason: true,
    meaning: 'Re-check failed.',
  },
  {
    event: 'verify_and_close',
    from: ['awaiting_verification'],
    to: 'closed',
    needsReason: false,
    meaning: 'Verified on site and written off (核销).',
  },
];

export type HazardEffect =
  { kind: 'record-event'; from: HazardState; to: HazardState } | { kind: 'close-listing' };

export interface HazardTransitionResult {
  state: HazardState;
  effects: HazardEffect[];
}

/** Applies `event` to `state`; throws Conflict for an edge the table lacks, InvalidInput for a missing reason. */
export function transitionHazard(
  state: HazardState,
  input: { event: HazardEvent; reason?: string | null },
  _now: string,
): HazardTransitionResult {
  const rule = HAZARD_TRANSITIONS.find((r) => r.event === input.event);
  if (!rule || !rule.from.includes(state)) {
    throw conflict(
      'HAZARD_TRANSITION_NOT_ALLOWED',
      `A hazard in state "${state}" cannot take the step "${input.event}".`,
      { state, event: input.event },
    );
  }
  if (rule.needsReason && (input.reason ?? '').trim() === '') {
    throw invalidInput('HAZARD_REASON_REQUIRED', `The step "${input.event}" needs a reason.`);
  }
  const effects: HazardEffect[] = [{ kind: 'record-event', from: state, to: rule.to }];
  if (rule.to === 'closed') effects.push({ kind: 'close-listing' });
  return { state: rule.to, effects };
}
