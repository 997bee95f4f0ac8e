import { invalidInput, notAllowed } from '../errors.ts';
import type { MineStatus } from './types.ts';

/**
 * The mine status lifecycle as data. A status changes only through one of these events; each
 * needs a reason and an actor. Orders and acceptances (capabilities 2, 7, 8) are the callers.
 */
export type MineStatusEvent =
  | 'complete_construction'
  | 'suspend'
  | 'apply_resumption'
  | 'approve_resumption'
  | 'resume_construction'
  | 'reject_resumption'
  | 'order_closure'
  | 'complete_closure';

export interface MineStatusTransitionRule {
  event: MineStatusEvent;
  from: readonly MineStatus[];
  to: MineStatus;
  /** Why this edge exists, for the UI and the docs. */
  meaning: string;
  /**
   * The process that alone may take this edge (ADR 0009): a plain status transition naming this event
   * is refused with MINE_STATUS_NEEDS_PROCESS.
   */
  via?: 'resumption';
}

export const MINE_STATUS_TRANSITIONS: readonly MineStatusTransitionRule[] = [
  {
    event: 'complete_construction',
    from: ['construction'],
    to: 'producing',
    meaning: 'Construction accepted; the mine may produce.',
  },
  {
    event: 'suspend',
    from: ['construction', 'producing', 'resumption_review'],
    to: 'suspended',
    meaning: 'Stop-work or rectification order (2024 Regulation art. 48).',
  },
  {
    event: 'apply_resumption',
    from: ['suspended'],
    to: 'resumption_review',
    meaning: 'The mine applied for resumption acceptance; decision due within 20 days.',
    via: 'resumption',
  },
  {
    event: 'approve_resumption',
    from: ['resumption_review'],
    to: 'producing',
    meaning: 'Resumption acceptance passed.',
    via: 'resumption',
  },
  {
    event: 'resume_construction',
    from: ['resumption_review'],
    to: 'construction',
    meaning:
      'Resumption acceptance passed for a mine suspended during construction: it builds again until its completion acceptance.',
    via: 'resumption',
  },
  {
    event: 'reject_resumption',
    from: ['resumption_review'],
    to: 'suspended',
    meaning: 'Resumption acceptance failed; the mine stays suspended.',
    via: 'resumption',
  },
  {
    event: 'order_closure',
    from: ['construction', 'producing', 'suspended', 'resumption_review'],
    to: 'closing',
    meaning: 'Entered the closure-and-exit programme (2024 Regulation art. 70).',
  },
  {
    event: 'complete_closure',
    from: ['closing'],
    to: 'closed',
    meaning: 'Every closure step verified.',
  },
];

export const MINE_STATUS_EVENTS: readonly MineStatusEvent[] = MINE_STATUS_TRANSITIONS.map((t) => t.event);

export interface MineStatusTransitionInput {
  event: MineStatusEvent;
  /** The process taking the edge, for edges only a process may take. */
  via?: 'resumption';
  reason: string;
  basis?: string | null;
  actorId: string;
}

export type MineStatusEffect = { kind: 'record-status-change'; from: MineStatus; to: MineStatus };

export interface MineStatusTransitionResult {
  status: MineStatus;
  statusSince: string;
  effects: MineStatusEffect[];
}

/** Events allowed from a status, in table order. */
export function allowedMineStatusEvents(status: MineStatus): MineStatusEvent[] {
  return MINE_STATUS_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.event);
}

/**
 * Pure transition of the mine status machine. Throws a DomainError when the event is unknown, the
 * reason is missing, or the edge is not in the table.
 */
export function transitionMineStatus(
  current: MineStatus,
  input: MineStatusTransitionInput,
  now: string,
): MineStatusTransitionResult {
  const rule = MINE_STATUS_TRANSITIONS.find((t) => t.event === input.event);
  if (!rule) {
    throw invalidInput('MINE_STATUS_EVENT_UNKNOWN', `Unknown status event "${String(input.event)}".`, {
      allowed: MINE_STATUS_EVENTS,
    });
  }
  if (input.reason.trim().length < 2) {
    throw invalidInput('MINE_STATUS_REASON_REQUIRED', 'A status change needs a reason.');
  }
  if (!rule.from.includes(current)) {
    throw notAllowed(
      'MINE_STATUS_TRANSITION_NOT_ALLOWED',
      `A mine that is "${current}" cannot take the event "${input.event}" (allowed from ${rule.from.join(', ')}).`,
      { from: current, event: input.event, allowedEvents: allowedMineStatusEvents(current) },
    );
  }
  if (rule.via !== undefined && input.via !== rule.via) {
    throw notAllowed(
      'MINE_STATUS_NEEDS_PROCESS',
      `"${input.event}" is taken only through the ${rule.via} acceptance (复产验收: apply, inspections, sign-offs, approval), not as a plain status change.`,
      { event: input.event, process: rule.via },
    );
  }
  return {
    status: rule.to,
    statusSince: now,
    effects: [{ kind: 'record-status-change', from: current, to: rule.to }],
  };
}
