import { requireInScope, requirePermission } from '../../access/permissions.ts';
import type { Principal } from '../../access/types.ts';
import type { AuditEventInput } from '../../audit/audit-chain.ts';
import { invalidInput, notFound } from '../../errors.ts';
import type { AlarmChange } from '../engine/engine-types.ts';
import type { AlarmView } from '../monitoring-ports.ts';
import type { AlarmEvent } from './alarm-lifecycle.ts';

/** Who an alarm change is recorded under: an operator, or the monitoring system itself. */
export interface AlarmActor {
  id: string;
  name: string;
}

/** What acting on an alarm needs from the process that holds it (the engine, or the owning worker). */
export interface AlarmActionPorts {
  /** The mine of the alarm (for the scope check), or undefined when no such alarm is known. */
  mineOfAlarm(alarmId: string): Promise<{ id: string; regionPath: string } | undefined>;
  /** Applies the event to the alarm and stores the outcome with its audit entries; the alarm afterwards. */
  apply(input: {
    actor: AlarmActor;
    mineId: string;
    alarmId: string;
    event: AlarmEvent;
    comment: string | null;
  }): Promise<AlarmView>;
}

/**
 * An operator acknowledges, shelves, unshelves, takes out of service or returns to service an alarm.
 * Permission `alarm.act` and the scope are checked here; an alarm out of scope reads as ALARM_NOT_FOUND,
 * so its existence does not leak.
 */
export async function actOnAlarm(
  ports: AlarmActionPorts,
  principal: Principal,
  alarmId: string,
  event: AlarmEvent,
  comment: string | null,
): Promise<AlarmView> {
  requirePermission(principal, 'alarm.act');
  const mine = await ports.mineOfAlarm(alarmId);
  if (!mine) throw notFound('ALARM_NOT_FOUND', `No alarm "${alarmId}" in your scope.`);
  requireInScope(principal, { regionPath: mine.regionPath, mineId: mine.id }, 'ALARM', alarmId);
  return ports.apply({
    actor: { id: principal.userId, name: principal.displayName },
    mineId: mine.id,
    alarmId,
    event,
    comment,
  });
}

/** Validates a shelve duration given in minutes. */
export function shelveUntil(nowMs: number, minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) {
    throw invalidInput('ALARM_SHELVE_DURATION_INVALID', 'A shelve lasts 1 to 480 minutes.');
  }
  return nowMs + minutes * 60_000;
}

/**
 * The audit entries of alarm changes: one per effect — a state change with the rule, mine, value and
 * comment, or an escalation with its level — recorded under `actor`.
 */
export function alarmAuditEntries(changes: readonly AlarmChange[], actor: AlarmActor): AuditEventInput[] {
  return changes.flatMap((c) =>
    c.effects.map((e) => ({
      actorId: actor.id,
      actorName: actor.name,
      action: e.kind === 'escalate' ? 'alarm.escalate' : `alarm.${c.cause}`,
      targetType: 'alarm',
      targetId: c.alarm.id,
      before: e.kind === 'state-changed' ? { state: e.from } : null,
      after:
        e.kind === 'state-changed'
          ? {
              state: e.to,
              rule: c.alarm.rule,
              mineId: c.alarm.mineId,
              value: c.alarm.value,
              comment: c.comment,
            }
          : { escalationLevel: e.level, unacknowledgedForMs: e.unacknowledgedForMs },
    })),
  );
}
