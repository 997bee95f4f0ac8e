import { recordAudit, type AuditedChange } from '../audit/record-audit.ts';
import type { Principal } from '../access/types.ts';
import type { MineRow, Stores } from '../ports.ts';

/**
 * The safety production licence (安全生产许可证) under a stop order: suspended when the order takes a
 * mine out of production (安全生产许可证条例 art. 14; 煤矿安全生产条例 art. 48), restored only when the
 * government head approves the mine's resumption. Neither is a fact a regulator edits: the mine store
 * keeps the suspension apart from the facts a PATCH replaces. Both are audited inside the caller's
 * transaction, naming the order or the resumption that caused them.
 */
export async function suspendLicence(
  tx: Pick<Stores, 'mines' | 'audit'>,
  p: Principal,
  mine: MineRow,
  orderNumber: string,
  now: string,
): Promise<boolean> {
  // A mine under construction holds no licence yet; one already suspended keeps its first order.
  if (mine.licenceNumber === null || mine.licenceSuspension !== null) return false;
  const suspension = { orderNumber, since: now };
  await setSuspension(tx, p, now, mine, suspension, {
    action: 'mine.licence_suspend',
    before: { licenceNumber: mine.licenceNumber, licenceSuspension: null },
    after: { licenceNumber: mine.licenceNumber, licenceSuspension: suspension, via: p.via },
  });
  return true;
}

/** Restores a suspended licence after an approved resumption (`resumptionId` names it in the audit). */
export async function restoreLicence(
  tx: Pick<Stores, 'mines' | 'audit'>,
  p: Principal,
  mineId: string,
  resumptionId: string,
  now: string,
): Promise<void> {
  const mine = await tx.mines.get(mineId);
  if (!mine || mine.licenceSuspension === null) return;
  await setSuspension(tx, p, now, mine, null, {
    action: 'mine.licence_restore',
    before: { licenceSuspension: mine.licenceSuspension },
    after: { licenceSuspension: null, resumptionId, via: p.via },
  });
}

/** Stores a mine's licence suspension (null: lifted) and audits the change on the mine. */
async function setSuspension(
  tx: Pick<Stores, 'mines' | 'audit'>,
  p: Principal,
  now: string,
  mine: MineRow,
  suspension: MineRow['licenceSuspension'],
  change: Pick<AuditedChange, 'action' | 'before' | 'after'>,
): Promise<void> {
  await tx.mines.setLicenceSuspension(mine.id, suspension);
  await recordAudit(tx, p, now, { targetType: 'mine', targetId: mine.id, ...change });
}
