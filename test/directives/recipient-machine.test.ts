import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.ts';
import type { RecipientState } from '../../src/core/directives/directives-ports.ts';
import {
  recipientOutcome,
  transitionRecipient,
  type RecipientEvent,
  type RecipientOutcome,
} from '../../src/core/directives/recipient-machine.ts';

const DEADLINE = '2026-12-10T00:00:00.000Z';
const BEFORE = '2026-12-09T12:00:00.000Z';
const AFTER = '2026-12-10T00:00:01.000Z';

describe('recipient read-back transitions', () => {
  const cases: Array<{
    from: RecipientState;
    event: RecipientEvent;
    now: string;
    to: RecipientState | { error: string };
    records: string | null;
    isLate?: boolean;
  }> = [
    { from: 'unread', event: 'read', now: BEFORE, to: 'read', records: 'record-read', isLate: false },
    { from: 'unread', event: 'read', now: AFTER, to: 'read', records: 'record-read', isLate: true },
    { from: 'read', event: 'read', now: BEFORE, to: 'read', records: null },
    { from: 'replied', event: 'read', now: AFTER, to: 'replied', records: null },
    { from: 'read', event: 'reply', now: BEFORE, to: 'replied', records: 'record-reply', isLate: false },
    { from: 'read', event: 'reply', now: AFTER, to: 'replied', records: 'record-reply', isLate: true },
    { from: 'unread', event: 'reply', now: BEFORE, to: { error: 'DIRECTIVE_NOT_READ' }, records: null },
    {
      from: 'replied',
      event: 'reply',
      now: BEFORE,
      to: { error: 'DIRECTIVE_ALREADY_REPLIED' },
      records: null,
    },
  ];
  for (const c of cases) {
    it(`${c.from} + ${c.event} at ${c.now === BEFORE ? 'before' : 'after'} the deadline → ${JSON.stringify(c.to)}`, () => {
      if (typeof c.to === 'object') {
        let code = '';
        try {
          transitionRecipient(c.from, c.event, c.now, DEADLINE);
        } catch (e) {
          code = isDomainError(e) ? `${e.kind}:${e.code}` : String(e);
        }
        expect(code).toBe(`Conflict:${c.to.error}`);
        return;
      }
      const t = transitionRecipient(c.from, c.event, c.now, DEADLINE);
      expect(t.state).toBe(c.to);
      expect(t.effects.map((e) => e.kind)).toEqual(c.records === null ? [] : [c.records]);
      if (c.records !== null) expect(t.effects[0]?.isLate).toBe(c.isLate);
    });
  }
});

describe('recipient outcome in the issuer view', () => {
  const cases: Array<{
    isReplyRequired: boolean;
    readAt: string | null;
    repliedAt: string | null;
    now: string;
    outcome: RecipientOutcome;
  }> = [
    { isReplyRequired: true, readAt: null, repliedAt: null, now: BEFORE, outcome: 'outstanding' },
    { isReplyRequired: true, readAt: BEFORE, repliedAt: null, now: BEFORE, outcome: 'outstanding' },
    { isReplyRequired: true, readAt: BEFORE, repliedAt: null, now: AFTER, outcome: 'late' },
    { isReplyRequired: true, readAt: null, repliedAt: null, now: AFTER, outcome: 'late' },
    { isReplyRequired: true, readAt: BEFORE, repliedAt: BEFORE, now: AFTER, outcome: 'done' },
    { isReplyRequired: true, readAt: BEFORE, repliedAt: AFTER, now: AFTER, outcome: 'done_late' },
    { isReplyRequired: false, readAt: BEFORE, repliedAt: null, now: AFTER, outcome: 'done' },
    { isReplyRequired: false, readAt: AFTER, repliedAt: null, now: AFTER, outcome: 'done_late' },
    { isReplyRequired: false, readAt: null, repliedAt: null, now: AFTER, outcome: 'late' },
    { isReplyRequired: false, readAt: null, repliedAt: null, now: DEADLINE, outcome: 'outstanding' },
  ];
  for (const c of cases) {
    it(`reply ${c.isReplyRequired ? 'required' : 'optional'}, read ${c.readAt ?? '-'}, replied ${c.repliedAt ?? '-'}, now ${c.now} → ${c.outcome}`, () => {
      expect(recipientOutcome({ deadline: DEADLINE, isReplyRequired: c.isReplyRequired }, c, c.now)).toBe(
        c.outcome,
      );
    });
  }
});
