import { newAlarm, transitionAlarm, type AlarmEvent, type AlarmPolicy } from '../alarms/alarm-lifecycle.ts';
import {
  ALARM_RULE_PRIORITY,
  alarmIdOf,
  type AlarmChange,
  type AlarmRecord,
  type AlarmRule,
} from './engine-types.ts';

/**
 * All alarms the engine holds, keyed by condition. `raise` and `clear` are idempotent: raising an
 * alarm whose condition is already active only refreshes its value, so rules can be evaluated on
 * every batch without producing repeated transitions.
 */
export class AlarmBook {
  readonly #alarms = new Map<string, AlarmRecord>();
  readonly #policy: AlarmPolicy;

  constructor(policy: AlarmPolicy) {
    this.#policy = policy;
  }

  load(alarms: Iterable<AlarmRecord>): void {
    for (const a of alarms) this.#alarms.set(a.id, a);
  }

  get(id: string): AlarmRecord | undefined {
    return this.#alarms.get(id);
  }

  values(): IterableIterator<AlarmRecord> {
    return this.#alarms.values();
  }

  isActive(mineId: string, rule: AlarmRule, subject: string): boolean {
    return this.#alarms.get(alarmIdOf(mineId, rule, subject))?.conditionActive === true;
  }

  raise(
    out: AlarmChange[],
    p: {
      mineId: string;
      rule: AlarmRule;
      subject: string;
      pointId: number | null;
      message: string;
      value: number | null;
    },
    nowMs: number,
  ): void {
    const id = alarmIdOf(p.mineId, p.rule, p.subject);
    let a = this.#alarms.get(id);
    if (a?.conditionActive) {
      a.value = p.value;
      a.message = p.message;
      return;
    }
    if (!a) {
      a = {
        ...newAlarm(ALARM_RULE_PRIORITY[p.rule]),
        id,
        mineId: p.mineId,
        pointId: p.pointId,
        subject: p.subject,
        rule: p.rule,
        message: p.message,
        value: p.value,
        firstRaisedMs: nowMs,
        updatedMs: nowMs,
        activations: 0,
      };
    }
    a.message = p.message;
    a.value = p.value;
    a.activations++;
    this.#apply(out, a, { kind: 'activate' }, nowMs, 'raised', null, null);
  }

  clear(
    out: AlarmChange[],
    mineId: string,
    rule: AlarmRule,
    subject: string,
    nowMs: number,
    value: number | null,
  ): void {
    const a = this.#alarms.get(alarmIdOf(mineId, rule, subject));
    if (!a?.conditionActive) return;
    a.value = value;
    this.#apply(out, a, { kind: 'clear' }, nowMs, 'cleared', null, null);
  }

  /** An operator's or the clock's event on an existing alarm. Throws DomainErrors from the lifecycle. */
  act(
    out: AlarmChange[],
    id: string,
    event: AlarmEvent,
    nowMs: number,
    actor: string | null,
    comment: string | null,
  ): AlarmRecord | undefined {
    const a = this.#alarms.get(id);
    if (!a) return undefined;
    this.#apply(out, a, event, nowMs, event.kind, actor, comment);
    return this.#alarms.get(id);
  }

  #apply(
    out: AlarmChange[],
    a: AlarmRecord,
    event: AlarmEvent,
    nowMs: number,
    cause: string,
    actor: string | null,
    comment: string | null,
  ): void {
    const r = transitionAlarm(a, event, nowMs, this.#policy);
    const next: AlarmRecord = { ...a, ...r.alarm, updatedMs: r.effects.length > 0 ? nowMs : a.updatedMs };
    this.#alarms.set(a.id, next);
    if (r.effects.length > 0)
      out.push({ alarm: next, effects: r.effects, cause, actor, comment, atMs: nowMs });
  }
}
