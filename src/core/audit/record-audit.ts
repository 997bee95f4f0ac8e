import type { Principal } from '../access/types.ts';
import type { Stores } from '../ports.ts';
import type { AuditEntry } from './audit-chain.ts';

/** One change as the audit trail records it; a missing `before` or `after` is recorded as null. */
export interface AuditedChange {
  /** `<module>.<verb>`, e.g. `mine.update`, `hazard.verify`. */
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Who acted, as the hazard and account modules carry it. */
export interface AuditActor {
  id: string;
  name: string;
}

/**
 * Records a change in the audit trail: who (the principal), what (the change) and when (`at`); the
 * credential is added by the store. Call inside the transaction that makes the change.
 */
export function recordAudit(
  tx: Pick<Stores, 'audit'>,
  actor: Pick<Principal, 'userId' | 'displayName'> | AuditActor,
  at: string,
  change: AuditedChange,
): Promise<AuditEntry> {
  return tx.audit.append(
    {
      actorId: 'userId' in actor ? actor.userId : actor.id,
      actorName: 'userId' in actor ? actor.displayName : actor.name,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      before: change.before ?? null,
      after: change.after ?? null,
    },
    at,
  );
}
