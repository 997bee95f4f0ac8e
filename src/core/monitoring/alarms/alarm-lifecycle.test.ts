import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALARM_POLICY,
  newAlarm,
  tickIsDue,
  transitionAlarm,
  type Alarm,
  type AlarmEvent,
  ALARM_STATES,
  type AlarmState,
} from './alarm-lifecycle.ts';

const T0 = 1_800_000_000_000;
const ack: AlarmEvent = { kind: 'acknowledge', actor: 'u1', comment: '已通知矿调度撤人' };

function run(events: Array<[AlarmEvent, number]>, priority: Alarm['priority'] = 'high') {
  let alarm = newAlarm(priority);
  const effects = [];
  for (const [e, t] of events) {
    const r = transitionAlarm(alarm, e, t);
    alarm = r.alarm;
    effects.push(...r.effects);
  }
  return { alarm, effects };
}

describe('alarm lifecycle (ISA-18.2)', () => {
  const cases: Array<[string, AlarmEvent[], AlarmState]> = [
    ['activation is unacknowledged', [{ kind: 'activate' }], 'unack_active'],
    ['acknowledged while active', [{ kind: 'activate' }, ack], 'ack_active'],
    ['acknowledged then cleared returns to normal', [{ kind: 'activate' }, ack, { kind: 'clear' }], 'normal'],
    [
      'cleared before anyone acknowledged it waits for acknowledgement',
      [{ kind: 'activate' }, { kind: 'clear' }],
      'rtn_unack',
    ],
    [
      'returned-unacknowledged then acknowledged is normal',
      [{ kind: 'activate' }, { kind: 'clear' }, ack],
      'normal',
    ],
    [
      're-activation from returned-unacknowledged is unacknowledged again',
      [{ kind: 'activate' }, { kind: 'clear' }, { kind: 'activate' }],
      'unack_active',
    ],
    [
      'suppression by design hides it',
      [{ kind: 'activate' }, { kind: 'suppress', reason: 'sealed area' }],
      'suppressed',
    ],
    [
      'unsuppressed while the condition persists: unacknowledged',
      [{ kind: 'activate' }, { kind: 'suppress', reason: 'x' }, { kind: 'unsuppress' }],
      'unack_active',
    ],
    [
      'unsuppressed after it cleared: normal',
      [{ kind: 'activate' }, { kind: 'suppress', reason: 'x' }, { kind: 'clear' }, { kind: 'unsuppress' }],
      'normal',
    ],
    [
      'out of service',
      [{ kind: 'remove_from_service', actor: 'u', reason: 'sensor replaced' }],
      'out_of_service',
    ],
    [
      'back in service with the condition present',
      [
        { kind: 'remove_from_service', actor: 'u', reason: 'repair' },
        { kind: 'activate' },
        { kind: 'return_to_service', actor: 'u' },
      ],
      'unack_active',
    ],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    expect(run(events.map((e, i) => [e, T0 + i * 1000])).alarm.state).toBe(expected);
  });

  it('records every state change as an effect with its cause', () => {
    const { effects } = run([
      [{ kind: 'activate' }, T0],
      [ack, T0 + 1000],
      [{ kind: 'clear' }, T0 + 2000],
    ]);
    expect(effects).toEqual([
      { kind: 'state-changed', from: 'normal', to: 'unack_active', cause: 'activate' },
      { kind: 'state-changed', from: 'unack_active', to: 'ack_active', cause: 'acknowledge' },
      { kind: 'state-changed', from: 'ack_active', to: 'normal', cause: 'clear' },
    ]);
  });

  it('an acknowledgement needs a comment, and only an unacknowledged alarm can be acknowledged', () => {
    const active = run([[{ kind: 'activate' }, T0]]).alarm;
    expect(() => transitionAlarm(active, { kind: 'acknowledge', actor: 'u', comment: ' ' }, T0)).toThrow(
      expect.objectContaining({ code: 'ALARM_ACK_COMMENT_REQUIRED' }),
    );
    expect(() => transitionAlarm(newAlarm('high'), ack, T0)).toThrow(
      expect.objectContaining({ code: 'ALARM_NOT_UNACKNOWLEDGED' }),
    );
  });

  it('a shelve is timed: it ends by itself and the alarm comes back in the state of its condition', () => {
    const shelved = run([
      [{ kind: 'activate' }, T0],
      [{ kind: 'shelve', actor: 'u', reason: 'calibration in progress', untilMs: T0 + 3_600_000 }, T0 + 1000],
    ]).alarm;
    expect(shelved.state).toBe('shelved');
    expect(transitionAlarm(shelved, { kind: 'tick' }, T0 + 3_599_000).alarm.state).toBe('shelved');
    expect(transitionAlarm(shelved, { kind: 'tick' }, T0 + 3_600_000).alarm.state).toBe('unack_active');
  });

  it('refuses a shelve without reason, in the past, or longer than the policy allows', () => {
    const a = run([[{ kind: 'activate' }, T0]]).alarm;
    expect(() =>
      transitionAlarm(a, { kind: 'shelve', actor: 'u', reason: '', untilMs: T0 + 1000 }, T0),
    ).toThrow(expect.objectContaining({ code: 'ALARM_SHELVE_REASON_REQUIRED' }));
    expect(() =>
      transitionAlarm(a, { kind: 'shelve', actor: 'u', reason: 'ok ok', untilMs: T0 }, T0),
    ).toThrow(expect.objectContaining({ code: 'ALARM_SHELVE_DURATION_INVALID' }));
    expect(() =>
      transitionAlarm(a, { kind: 'shelve', actor: 'u', reason: 'ok ok', untilMs: T0 + 9 * 3_600_000 }, T0),
    ).toThrow(expect.objectContaining({ code: 'ALARM_SHELVE_DURATION_INVALID' }));
  });

  it('escalates an unacknowledged critical alarm once per minute up to the top level, and not after acknowledgement', () => {
    let { alarm } = run([[{ kind: 'activate' }, T0]], 'critical');
    const levels: number[] = [];
    for (const t of [30_000, 60_000, 90_000, 120_000, 300_000]) {
      const r = transitionAlarm(alarm, { kind: 'tick' }, T0 + t);
      alarm = r.alarm;
      for (const e of r.effects) if (e.kind === 'escalate') levels.push(e.level);
    }
    expect(levels).toEqual([1, 2]);

    const acked = run(
      [
        [{ kind: 'activate' }, T0],
        [ack, T0 + 10_000],
      ],
      'critical',
    ).alarm;
    const r = transitionAlarm(acked, { kind: 'tick' }, T0 + 600_000);
    expect(r.effects).toEqual([]);
  });

  it('never escalates a low-priority alarm', () => {
    const a = run([[{ kind: 'activate' }, T0]], 'low').alarm;
    expect(transitionAlarm(a, { kind: 'tick' }, T0 + 86_400_000).effects).toEqual([]);
  });
});

describe('tickIsDue (the engine skips the clock tick for alarms it cannot change)', () => {
  const STATES = ALARM_STATES;
  it('agrees with transitionAlarm: when it says no, the tick changes nothing; when yes, it does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.constantFrom<Alarm['priority']>('critical', 'high', 'medium', 'low'),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 4 * 3_600_000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 4 * 3_600_000 }), { nil: null }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 9 * 3_600_000 }), { nil: null }),
        fc.integer({ min: 0, max: 9 * 3_600_000 }),
        (state, priority, active, since, sinceReceived, level, shelvedFor, elapsed) => {
          const alarm: Alarm = {
            ...newAlarm(priority),
            state,
            conditionActive: active,
            activeSinceMs: since === null ? null : T0 - since,
            activeSinceReceivedMs: sinceReceived === null ? null : T0 - sinceReceived,
            escalationLevel: level,
            shelvedUntilMs: shelvedFor === null ? null : T0 + shelvedFor,
          };
          const now = T0 + elapsed;
          const r = transitionAlarm(alarm, { kind: 'tick' }, now, DEFAULT_ALARM_POLICY, now);
          const changed = r.effects.length > 0 || JSON.stringify(r.alarm) !== JSON.stringify(alarm);
          expect(tickIsDue(alarm, now, DEFAULT_ALARM_POLICY)).toBe(changed);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
