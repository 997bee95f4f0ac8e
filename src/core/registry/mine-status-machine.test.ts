import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  MINE_STATUS_TRANSITIONS,
  allowedMineStatusEvents,
  transitionMineStatus,
  type MineStatusEvent,
} from './mine-status-machine.ts';
import { MINE_STATUSES, type MineStatus } from './types.ts';

const now = '2026-12-05T00:00:00.000Z';

const legal: Array<[MineStatus, MineStatusEvent, MineStatus]> = [
  ['construction', 'complete_construction', 'producing'],
  ['producing', 'suspend', 'suspended'],
  ['construction', 'suspend', 'suspended'],
  ['resumption_review', 'suspend', 'suspended'],
  ['suspended', 'apply_resumption', 'resumption_review'],
  ['resumption_review', 'approve_resumption', 'producing'],
  ['resumption_review', 'resume_construction', 'construction'],
  ['resumption_review', 'reject_resumption', 'suspended'],
  ['producing', 'order_closure', 'closing'],
  ['suspended', 'order_closure', 'closing'],
  ['closing', 'complete_closure', 'closed'],
];

describe('mine status machine', () => {
  it.each(legal)('%s --%s--> %s', (from, event, to) => {
    const via = MINE_STATUS_TRANSITIONS.find((t) => t.event === event)?.via;
    const r = transitionMineStatus(from, { event, reason: 'order 2026-01', actorId: 'u1', via }, now);
    expect(r.status).toBe(to);
    expect(r.statusSince).toBe(now);
    expect(r.effects).toEqual([{ kind: 'record-status-change', from, to }]);
  });

  // Every (status, event) pair not in the table must be refused with the stable code.
  const illegal = MINE_STATUSES.flatMap((from) =>
    MINE_STATUS_TRANSITIONS.filter((t) => !t.from.includes(from)).map((t) => [from, t.event] as const),
  );
  it.each(illegal)('refuses %s --%s', (from, event) => {
    expect(() => transitionMineStatus(from, { event, reason: 'some reason', actorId: 'u1' }, now)).toThrow(
      expect.objectContaining({ code: 'MINE_STATUS_TRANSITION_NOT_ALLOWED', kind: 'NotAllowed' }),
    );
  });

  it('the resumption edges are taken only through the resumption acceptance, never as a plain change', () => {
    for (const [from, event] of [
      ['suspended', 'apply_resumption'],
      ['resumption_review', 'approve_resumption'],
      ['resumption_review', 'resume_construction'],
      ['resumption_review', 'reject_resumption'],
    ] as const) {
      expect(() => transitionMineStatus(from, { event, reason: 'shortcut', actorId: 'u' }, now)).toThrow(
        expect.objectContaining({ code: 'MINE_STATUS_NEEDS_PROCESS', kind: 'NotAllowed' }),
      );
    }
  });

  it('a closed mine can take no event at all', () => {
    expect(allowedMineStatusEvents('closed')).toEqual([]);
  });

  it('a closed mine cannot be returned to production', () => {
    for (const event of ['approve_resumption', 'complete_construction'] as const) {
      expect(() => transitionMineStatus('closed', { event, reason: 'try', actorId: 'u' }, now)).toThrow(
        DomainError,
      );
    }
  });

  it('requires a reason', () => {
    expect(() =>
      transitionMineStatus('producing', { event: 'suspend', reason: ' ', actorId: 'u' }, now),
    ).toThrow(expect.objectContaining({ code: 'MINE_STATUS_REASON_REQUIRED' }));
  });

  it('rejects an unknown event with the list of known ones', () => {
    expect(() =>
      transitionMineStatus(
        'producing',
        { event: 'reopen' as MineStatusEvent, reason: 'x y', actorId: 'u' },
        now,
      ),
    ).toThrow(expect.objectContaining({ code: 'MINE_STATUS_EVENT_UNKNOWN' }));
  });
});
