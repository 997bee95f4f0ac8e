import { conflict } from '../errors.ts';
import type { Directive, DirectiveRecipient, RecipientState } from './directives-ports.ts';
import { valueList } from '../value-list.ts';

/** A recipient mine's read-back lifecycle: unread → read → replied. Pure. */

export type RecipientEvent = 'read' | 'reply';

export type RecipientEffect =
  | { kind: 'record-read'; at: string; isLate: boolean }
  | { kind: 'record-reply'; at: string; isLate: boolean };

interface RecipientTransition {
  event: RecipientEvent;
  from: RecipientState;
  to: RecipientState;
  /** What is recorded; null = nothing changes (reading twice is harmless). */
  records: RecipientEffect['kind'] | null;
}

export const RECIPIENT_TRANSITIONS: readonly RecipientTransition[] = [
  { event: 'read', from: 'unread', to: 'read', records: 'record-read' },
  { event: 'read', from: 'read', to: 'read', records: null },
  { event: 'read', from: 'replied', to: 'replied', records: null },
  { event: 'reply', from: 'read', to: 'replied', records: 'record-reply' },
];

/** Why an event cannot apply to a state, as a stable code. */
const REFUSALS: Readonly<Record<string, { code: string; message: string }>> = {
  'reply:unread': {
    code: 'DIRECTIVE_NOT_READ',
    message: 'Confirm reading the notice before replying to it.',
  },
  'reply:replied': {
    code: 'DIRECTIVE_ALREADY_REPLIED',
    message: 'This mine has replied already; a reply cannot be changed.',
  },
};

/** Applies `event` at `now`; `deadline` decides whether what is recorded is late. */
export function transitionRecipient(
  state: RecipientState,
  event: RecipientEvent,
  now: string,
  deadline: string,
): { state: RecipientState; effects: RecipientEffect[] } {
  const t = RECIPIENT_TRANSITIONS.find((x) => x.event === event && x.from === state);
  if (!t) {
    const refusal = REFUSALS[`${event}:${state}`] ?? {
      code: 'DIRECTIVE_TRANSITION_NOT_ALLOWED',
      message: `A recipient that is "${state}" cannot take "${event}".`,
    };
    throw conflict(refusal.code, refusal.message, { from: state, event });
  }
  const isLate = Date.parse(now) > Date.parse(deadline);
  return { state: t.to, effects: t.records === null ? [] : [{ kind: t.records, at: now, isLate }] };
}

/**
 * What the issuer sees for one mine: done (read, and replied where required) on time or late;
 * outstanding before the deadline; late once the deadline passed without it.
 */
export type RecipientOutcome = (typeof RECIPIENT_OUTCOMES)[number];
export const RECIPIENT_OUTCOMES = valueList('done', 'done_late', 'outstanding', 'late');

export function recipientOutcome(
  d: Pick<Directive, 'deadline' | 'isReplyRequired'>,
  r: Pick<DirectiveRecipient, 'readAt' | 'repliedAt'>,
  now: string,
): RecipientOutcome {
  const doneAt = d.isReplyRequired ? r.repliedAt : r.readAt;
  const deadlineMs = Date.parse(d.deadline);
  if (doneAt !== null) return Date.parse(doneAt) > deadlineMs ? 'done_late' : 'done';
  return Date.parse(now) > deadlineMs ? 'late' : 'outstanding';
}

/** Outcomes that put a mine on the visit list. */
export const isLateOutcome = (o: RecipientOutcome): boolean => o === 'late' || o === 'done_late';
