import type { Ports } from '../ports.ts';
import { verifyAuditChain, type AuditEntry, type AuditVerification } from './audit-chain.ts';

/** Reads the whole log in seq order and checks the chain and the head record. */
export async function verifyAuditLog(deps: Pick<Ports, 'audit'>): Promise<AuditVerification> {
  const head = await deps.audit.head();
  const entries: AuditEntry[] = [];
  for await (const e of deps.audit.iterateAll()) entries.push(e);
  return verifyAuditChain(entries, head);
}
