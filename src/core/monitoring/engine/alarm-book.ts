import {
  newAlarm,
  tickIsDue,
  transitionAlarm,
  type AlarmEvent,
  type AlarmPolicy,
} from '../alarms/alarm-lifecycle.ts';
import {
  ALARM_RULE_PRIORITY,
  alarmIdOf,
  type AlarmChange,
  type AlarmRecord,
  type AlarmRule,
  type EvidenceItem,
} from './engine-types.ts';

/**
 * All alarms the engine holds, keyed by condition. `raise` and `clear` are idempotent: raising an
 * alarm whose condition is already active only refreshes its value, so rules can be evaluated on
 * every batch without producing repeated transitions.
 */
export class AlarmBook {
  readonly #alarms = new Map<string, AlarmRecord>();
  readonly #policy: AlarmPolicy;
  #receivedMs = 0;

  constructor(policy: AlarmPolicy) {
    this.#policy = policy;
  }

  /**
   * Sets the receiving clock for the changes that follow (each engine entry point calls it once):
   * raise and clear take the data's time as an argument, and the receipt time is kept beside it.
   */
  receivedAt(receivedMs: number): void {
    this.#receivedMs = receivedMs;
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
      /** A correlation incident's evidence (kept current while it is active). */
      evidence?: EvidenceItem[];
    },
    atMs: number,
  ): void {
    const id = alarmIdOf(p.mineId, p.rule, p.subject);
    let a = this.#alarms.get(id);
    if (a?.conditionActive) {
      a.value = p.value;
      a.message = p.message;
      if (p.evidence !== undefined) a.evidence = p.evidence;
      if (p.value !== null && isWorse(p.rule, p.value, a.peakValue)) {
        a.peakValue = p.value;
        a.peakMs = atMs;
      }
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
        peakValue: null,
        peakMs: null,
        firstRaisedMs: atMs,
        updatedMs: atMs,
        receivedMs: this.#receivedMs,
        activations: 0,
      };
    }
    a.message = p.message;
    a.value = p.value;
    if (p.evidence !== undefined) a.evidence = p.evidence;
    a.peakValue = p.value;
    a.peakMs = p.value === null ? null : atMs;
    a.activations++;
    this.#apply(out, a, { kind: 'activate' }, atMs, 'raised', null, null);
  }

  /**
   * A new value for an active condition without a transition (a level still held). When it is worse
   * than the activation's peak, the alarm takes it as its value and peak and a change without effects
   * is emitted, so the stored alarm keeps the peak too (no history row, no audit entry).
   */
  track(
    out: AlarmChange[],
    mineId: string,
    rule: AlarmRule,
    subject: string,
    value: number,
    atMs: number,
  ): void {
    const a = this.#alarms.get(alarmIdOf(mineId, rule, subject));
    if (!a?.conditionActive || !isWorse(rule, value, a.peakValue)) return;
    const next: AlarmRecord = { ...a, value, peakValue: value, peakMs: atMs };
    this.#alarms.set(a.id, next);
    out.push({
      alarm: next,
      effects: [],
      cause: 'peak',
      actor: null,
      comment: null,
      atMs,
      receivedMs: this.#receivedMs,
    });
  }

  /**
   * New evidence for an active incident (a fire sign joined, a reading moved on): stored with the
   * alarm as a change without effects (no history row, no audit entry), like a new peak.
   */
  updateEvidence(out: AlarmChange[], id: string, evidence: EvidenceItem[], atMs: number): void {
    const a = this.#alarms.get(id);
    if (!a?.conditionActive || JSON.stringify(a.evidence ?? null) === JSON.stringify(evidence)) return;
    const next: AlarmRecord = { ...a, evidence };
    this.#alarms.set(a.id, next);
    out.push({
      alarm: next,
      effects: [],
      cause: 'evidence',
      actor: null,
      comment: null,
      atMs,
      receivedMs: this.#receivedMs,
    });
  }

  clear(
    out: AlarmChange[],
    mineId: string,
    rule: AlarmRule,
    subject: string,
    atMs: number,
    value: number | null,
  ): void {
    this.clearId(out, alarmIdOf(mineId, rule, subject), atMs, value);
  }

  /** `clear` by the alarm's id (callers that keep ids, such as the periodic sweep). */
  clearId(out: AlarmChange[], id: string, atMs: number, value: number | null): void {
    const a = this.#alarms.get(id);
    if (!a?.conditionActive) return;
    a.value = value;
    // Data that arrives late can end a condition at a time before the one it was raised at (a silence
    // judged on the receiving clock, then the buffered readings): it ends no earlier than it began.
    const at = a.activeSinceMs !== null && atMs < a.activeSinceMs ? a.activeSinceMs : atMs;
    this.#apply(out, a, { kind: 'clear' }, at, 'cleared', null, null);
  }

  /**
   * The clock's tick on every alarm it can change (shelves run out, escalations due); the others are
   * left alone, so a province's standing alarms cost nothing per second.
   */
  tickAll(out: AlarmChange[], nowMs: number): void {
    const due: string[] = [];
    for (const a of this.#alarms.values()) if (tickIsDue(a, this.#receivedMs, this.#policy)) due.push(a.id);
    for (const id of due) this.act(out, id, { kind: 'tick' }, nowMs, null, null);
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
    const received = this.#receivedMs;
    const r = transitionAlarm(a, event, nowMs, this.#policy, received);
    // An escalation is the clock's doing, not a change of the condition: it leaves the data time alone.
    const changed = r.effects.some((e) => e.kind === 'state-changed');
    const next: AlarmRecord = {
      ...a,
      ...r.alarm,
      updatedMs: changed ? nowMs : a.updatedMs,
      receivedMs: r.effects.length > 0 ? received : a.receivedMs,
    };
    this.#alarms.set(a.id, next);
    if (r.effects.length > 0) {
      const at = changed ? nowMs : received;
      out.push({ alarm: next, effects: r.effects, cause, actor, comment, atMs: at, receivedMs: received });
    }
  }
}

/** Whether `value` is worse than the peak so far: lower for a lower limit, higher for everything else. */
function isWorse(rule: AlarmRule, value: number, peak: number | null): boolean {
  if (peak === null || !Number.isFinite(value)) return peak === null && Number.isFinite(value);
  return rule === 'low_limit' ? value < peak : value > peak;
}
