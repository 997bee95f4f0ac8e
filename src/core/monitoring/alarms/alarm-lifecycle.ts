import { conflict, invalidInput } from '../../errors.ts';
import { valueList } from '../../value-list.ts';

/**
 * The alarm lifecycle of ISA-18.2 / IEC 62682 as a pure state machine:
 * `transitionAlarm(alarm, event, nowMs) → { alarm, effects }`. Effects are plain data that an adapter
 * carries out (store the transition, push to the live feed, notify the next level of regulator).
 *
 * States (ISA-18.2 names in brackets):
 * - normal [NORM]: condition clear, nothing to acknowledge;
 * - unack_active [UNACK]: condition present, not yet acknowledged;
 * - ack_active [ACKED]: condition present, acknowledged;
 * - rtn_unack [RTNUN]: condition cleared before anyone acknowledged it;
 * - shelved [SHLVD]: hidden from the console by an authorised person for a limited time;
 * - suppressed [DSUPR]: suppressed by design (e.g. a point of a mine under a sealing order);
 * - out_of_service [OOSRV]: removed for maintenance.
 * While shelved, suppressed or out of service the condition is still tracked (`conditionActive`), so
 * the alarm re-enters the right state when it comes back.
 */
export type AlarmState = (typeof ALARM_STATES)[number];
export const ALARM_STATES = valueList(
  'normal',
  'unack_active',
  'ack_active',
  'rtn_unack',
  'shelved',
  'suppressed',
  'out_of_service',
);

export type AlarmPriority = (typeof ALARM_PRIORITIES)[number];
export const ALARM_PRIORITIES = valueList('critical', 'high', 'medium', 'low');

export interface Alarm {
  state: AlarmState;
  priority: AlarmPriority;
  conditionActive: boolean;
  /** When the current activation began (ms, the data's time), null when not active. */
  activeSinceMs: number | null;
  /**
   * When the current activation reached Redline (ms, the receiving clock), null when not active.
   * Escalation counts from here: nobody can acknowledge an alarm before its data arrived, so a late
   * upload does not escalate at once.
   */
  activeSinceReceivedMs: number | null;
  /** When the alarm was last escalated for this activation; null when not yet. */
  escalatedAtMs: number | null;
  /** Escalation level reached in this activation (0 = not escalated). */
  escalationLevel: number;
  shelvedUntilMs: number | null;
  /** The person responsible for the last manual transition (ack, shelve, …). */
  lastActor: string | null;
  lastComment: string | null;
}

export type AlarmEvent =
  | { kind: 'activate'; value?: number }
  | { kind: 'clear' }
  | { kind: 'acknowledge'; actor: string; comment: string }
  | { kind: 'shelve'; actor: string; reason: string; untilMs: number }
  | { kind: 'unshelve'; actor: string }
  | { kind: 'suppress'; reason: string }
  | { kind: 'unsuppress' }
  | { kind: 'remove_from_service'; actor: string; reason: string }
  | { kind: 'return_to_service'; actor: string }
  | { kind: 'tick' };

export type AlarmEffect =
  | { kind: 'state-changed'; from: AlarmState; to: AlarmState; cause: AlarmEvent['kind'] }
  | { kind: 'escalate'; level: number; unacknowledgedForMs: number };

export interface AlarmPolicy {
  /** How long an alarm of this priority may stay unacknowledged before it escalates (ms); null = never. */
  escalateAfterMs: Readonly<Record<AlarmPriority, number | null>>;
  /** The longest a shelve may last (ms): a shelved alarm must not be forgotten. */
  maxShelveMs: number;
  /** The highest escalation level (e.g. county → city → province = 2). */
  maxEscalationLevel: number;
}

export const DEFAULT_ALARM_POLICY: AlarmPolicy = {
  escalateAfterMs: { critical: 60_000, high: 5 * 60_000, medium: 30 * 60_000, low: null },
  maxShelveMs: 8 * 3_600_000,
  maxEscalationLevel: 2,
};

export function newAlarm(priority: AlarmPriority): Alarm {
  return {
    state: 'normal',
    priority,
    conditionActive: false,
    activeSinceMs: null,
    activeSinceReceivedMs: null,
    escalatedAtMs: null,
    escalationLevel: 0,
    shelvedUntilMs: null,
    lastActor: null,
    lastComment: null,
  };
}

const HIDDEN: ReadonlySet<AlarmState> = new Set(['shelved', 'suppressed', 'out_of_service']);

/** The state an alarm returns to when it stops being hidden, from its tracked condition. */
function visibleStateFor(conditionActive: boolean): AlarmState {
  return conditionActive ? 'unack_active' : 'normal';
}

/**
 * `nowMs` is the time of the event — the data's time for activate / clear, the operator's or the
 * clock's time for the others; `receivedMs` is the receiving clock (default `nowMs`), which shelve
 * expiry and escalation run on.
 */
export function transitionAlarm(
  alarm: Alarm,
  event: AlarmEvent,
  nowMs: number,
  policy: AlarmPolicy = DEFAULT_ALARM_POLICY,
  receivedMs: number = nowMs,
): { alarm: Alarm; effects: AlarmEffect[] } {
  const next: Alarm = { ...alarm };
  const effects: AlarmEffect[] = [];
  const moveTo = (to: AlarmState) => {
    if (to !== next.state) effects.push({ kind: 'state-changed', from: next.state, to, cause: event.kind });
    next.state = to;
  };

  switch (event.kind) {
    case 'activate': {
      if (!next.conditionActive) {
        next.conditionActive = true;
        next.activeSinceMs = nowMs;
        next.activeSinceReceivedMs = receivedMs;
        next.escalatedAtMs = null;
        next.escalationLevel = 0;
      }
      if (next.state === 'normal' || next.state === 'rtn_unack') moveTo('unack_active');
      break;
    }
    case 'clear': {
      next.conditionActive = false;
      next.activeSinceMs = null;
      next.activeSinceReceivedMs = null;
      if (next.state === 'ack_active') moveTo('normal');
      else if (next.state === 'unack_active') moveTo('rtn_unack');
      break;
    }
    case 'acknowledge': {
      requireComment(event.comment, 'ALARM_ACK_COMMENT_REQUIRED', 'An acknowledgement needs a comment.');
      if (next.state === 'unack_active') moveTo('ack_active');
      else if (next.state === 'rtn_unack') moveTo('normal');
      else
        throw conflict('ALARM_NOT_UNACKNOWLEDGED', `An alarm that is ${next.state} cannot be acknowledged.`);
      next.lastActor = event.actor;
      next.lastComment = event.comment.trim();
      break;
    }
    case 'shelve': {
      requireComment(event.reason, 'ALARM_SHELVE_REASON_REQUIRED', 'Shelving needs a reason.');
      if (HIDDEN.has(next.state)) {
        throw conflict('ALARM_ALREADY_HIDDEN', `An alarm that is ${next.state} cannot be shelved.`);
      }
      if (event.untilMs <= nowMs || event.untilMs - nowMs > policy.maxShelveMs) {
        throw conflict(
          'ALARM_SHELVE_DURATION_INVALID',
          `A shelve lasts more than 0 and at most ${policy.maxShelveMs / 3_600_000} h.`,
        );
      }
      next.shelvedUntilMs = event.untilMs;
      next.lastActor = event.actor;
      next.lastComment = event.reason.trim();
      moveTo('shelved');
      break;
    }
    case 'unshelve': {
      if (next.state !== 'shelved') throw conflict('ALARM_NOT_SHELVED', 'The alarm is not shelved.');
      next.shelvedUntilMs = null;
      next.lastActor = event.actor;
      moveTo(visibleStateFor(next.conditionActive));
      break;
    }
    case 'suppress': {
      if (next.state !== 'out_of_service') {
        next.shelvedUntilMs = null;
        next.lastComment = event.reason;
        moveTo('suppressed');
      }
      break;
    }
    case 'unsuppress': {
      if (next.state === 'suppressed') moveTo(visibleStateFor(next.conditionActive));
      break;
    }
    case 'remove_from_service': {
      requireComment(
        event.reason,
        'ALARM_OOS_REASON_REQUIRED',
        'Removing an alarm from service needs a reason.',
      );
      next.shelvedUntilMs = null;
      next.lastActor = event.actor;
      next.lastComment = event.reason.trim();
      moveTo('out_of_service');
      break;
    }
    case 'return_to_service': {
      if (next.state !== 'out_of_service') {
        throw conflict('ALARM_NOT_OUT_OF_SERVICE', 'The alarm is not out of service.');
      }
      next.lastActor = event.actor;
      moveTo(visibleStateFor(next.conditionActive));
      break;
    }
    case 'tick': {
      if (next.state === 'shelved' && next.shelvedUntilMs !== null && receivedMs >= next.shelvedUntilMs) {
        next.shelvedUntilMs = null;
        moveTo(visibleStateFor(next.conditionActive));
      }
      break;
    }
  }

  // Escalation: an active alarm nobody has acknowledged goes up one level per elapsed period.
  // Counted on the receiving clock from when the activation arrived (stored alarms from before the
  // receipt time was kept fall back to the data time).
  const after = policy.escalateAfterMs[next.priority];
  const since = next.activeSinceReceivedMs ?? next.activeSinceMs;
  if (
    next.state === 'unack_active' &&
    after !== null &&
    since !== null &&
    next.escalationLevel < policy.maxEscalationLevel
  ) {
    const due = Math.floor((receivedMs - since) / after);
    if (due > next.escalationLevel) {
      next.escalationLevel = Math.min(due, policy.maxEscalationLevel);
      next.escalatedAtMs = receivedMs;
      effects.push({
        kind: 'escalate',
        level: next.escalationLevel,
        unacknowledgedForMs: receivedMs - since,
      });
    }
  }
  return { alarm: next, effects };
}

/**
 * Whether the clock's `tick` can change this alarm at `receivedMs`: a shelve that has run out, or an
 * unacknowledged active alarm due one more escalation level. The same conditions as `transitionAlarm`'s
 * tick, so a caller may skip the others (most alarms, every second) without changing any outcome.
 */
export function tickIsDue(
  alarm: Alarm,
  receivedMs: number,
  policy: AlarmPolicy = DEFAULT_ALARM_POLICY,
): boolean {
  if (alarm.state === 'shelved') return alarm.shelvedUntilMs !== null && receivedMs >= alarm.shelvedUntilMs;
  if (alarm.state !== 'unack_active') return false;
  const after = policy.escalateAfterMs[alarm.priority];
  const since = alarm.activeSinceReceivedMs ?? alarm.activeSinceMs;
  if (after === null || since === null || alarm.escalationLevel >= policy.maxEscalationLevel) return false;
  return Math.floor((receivedMs - since) / after) > alarm.escalationLevel;
}

function requireComment(text: string, code: string, message: string): void {
  if (text.trim().length < 2) throw invalidInput(code, message);
}
