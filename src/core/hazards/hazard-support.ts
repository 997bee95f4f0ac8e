import { requireInScope, requirePermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notFound } from '../errors.ts';
import type { Ports, Stores, TxStores } from '../ports.ts';
import type { Hazard, HazardEvent, HazardState } from './hazard-types.ts';

/** Helpers the hazards use cases share: scoped loading, the actor, history and audit writing. */

export interface Actor {
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system:hazards', name: 'hazard review' };

export const actorOf = (p: Principal): Actor => ({ id: p.userId, name: p.displayName });

/** The hazard, when the principal has `permission` and the hazard's mine is in scope (else 403 / 404). */
export async function loadHazard(
  stores: Pick<Stores, 'hazards'>,
  principal: Principal,
  permission: Permission,
  id: string,
): Promise<Hazard> {
  requirePermission(principal, permission);
  const h = await stores.hazards.get(id);
  if (!h) throw notFound('HAZARD_NOT_FOUND', `No hazard "${id}" in your scope.`);
  requireInScope(principal, { regionPath: h.regionPath, mineId: h.mineId }, 'HAZARD', id);
  return h;
}

/** The audit view of a hazard: what a reader of the trail needs. */
export function hazardAuditView(h: Hazard): Record<string, unknown> {
  return {
    state: h.state,
    grade: h.grade,
    category: h.category,
    mineId: h.mineId,
    originalDueDate: h.originalDueDate,
    currentDueDate: h.currentDueDate,
    escalation: h.escalation,
    plan: h.plan,
  };
}

export interface RecordInput {
  hazard: Hazard;
  before: Hazard | null;
  kind: string;
  actor: Actor;
  at: string;
  fromState?: HazardState | null;
  toState?: HazardState | null;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

/** Writes one history row and its audit entry (call inside the transaction that made the change). */
export async function recordHazardStep(
  deps: Pick<Ports, 'ids'>,
  tx: Pick<Stores, 'hazards' | 'audit'>,
  r: RecordInput,
): Promise<HazardEvent> {
  const event: HazardEvent = {
    id: deps.ids.next('hze'),
    hazardId: r.hazard.id,
    at: r.at,
    kind: r.kind,
    fromState: r.fromState ?? null,
    toState: r.toState ?? null,
    actorId: r.actor.id,
    actorName: r.actor.name,
    note: r.note ?? null,
    details: r.details ?? null,
  };
  await tx.hazards.insertEvent(event);
  await recordAudit(tx, r.actor, r.at, {
    action: `hazard.${r.kind}`,
    targetType: 'hazard',
    targetId: r.hazard.id,
    before: r.before ? hazardAuditView(r.before) : null,
    after: { ...hazardAuditView(r.hazard), note: event.note, ...(r.details ? { details: r.details } : {}) },
  });
  return event;
}

/** Trims a string; empty becomes null. */
export const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** What `recordBesideHazard`'s work stored: the use case's answer and the step it adds to the history. */
export interface StepBeside<T> {
  result: T;
  step: Pick<RecordInput, 'kind' | 'note' | 'details'>;
}

/** A `recordBesideHazard` write's answer: `result`, added to the history as a `kind` step. */
export function besideStep<T>(
  result: T,
  kind: string,
  note: string | null,
  details?: Record<string, unknown>,
): StepBeside<T> {
  return { result, step: { kind, note, details } };
}

/**
 * A record kept beside a hazard without changing its state (evidence, a supervision listing, a
 * progress report), in one transaction: the hazard loaded with `permission` in scope, `write` stores
 * the record, and its step is written to the hazard's history and the audit.
 */
export function recordBesideHazard<T>(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  principal: Principal,
  permission: Permission,
  hazardId: string,
  write: (tx: TxStores<'hazards' | 'audit'>, h: Hazard, now: string) => Promise<StepBeside<T>>,
): Promise<T> {
  const now = deps.clock.nowIso();
  return deps.transaction(['hazards', 'audit'], async (tx) => {
    const h = await loadHazard(tx, principal, permission, hazardId);
    const { result, step } = await write(tx, h, now);
    await recordHazardStep(deps, tx, { hazard: h, before: h, actor: actorOf(principal), at: now, ...step });
    return result;
  });
}
