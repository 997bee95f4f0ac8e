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

/**
 * Writes a record (`write`: its store's insert, update or save) and audits the change, in the caller's
 * transaction: the audit entry's `after` is the record itself unless the change names what to show.
 * Returns the record.
 */
export async function writeAudited<R>(
  tx: Pick<Stores, 'audit'>,
  actor: Pick<Principal, 'userId' | 'displayName'> | AuditActor,
  at: string,
  record: R,
  write: (record: R) => Promise<unknown>,
  change: AuditedChange,
): Promise<R> {
  await write(record);
  await recordAudit(tx, actor, at, { after: record, ...change });
  return record;
}

/** The three fields naming who did an act and when, e.g. `recordedById`, `recordedByName`, `recordedAt`. */
export type ActStamp<A extends string> = Record<`${A}ById` | `${A}ByName` | `${A}At`, string>;

/** Who did `act` and when, as a record stores it: `actStamp('created', p, now)`. */
export function actStamp<A extends string>(
  act: A,
  p: Pick<Principal, 'userId' | 'displayName'>,
  at: string,
): ActStamp<A> {
  return { [`${act}ById`]: p.userId, [`${act}ByName`]: p.displayName, [`${act}At`]: at } as ActStamp<A>;
}
