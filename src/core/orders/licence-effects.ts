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
  await tx.mines.setLicenceSuspension(mine.id, suspension);
  await tx.audit.append(
    {
      actorId: p.userId,
      actorName: p.displayName,
      action: 'mine.licence_suspend',
      targetType: 'mine',
      targetId: mine.id,
      before: { licenceNumber: mine.licenceNumber, licenceSuspension: null },
      after: { licenceNumber: mine.licenceNumber, licenceSuspension: suspension, via: p.via },
    },
    now,
  );
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
  await tx.mines.setLicenceSuspension(mine.id, null);
  await tx.audit.append(
    {
      actorId: p.userId,
      actorName: p.displayName,
      action: 'mine.licence_restore',
      targetType: 'mine',
      targetId: mine.id,
      before: { licenceSuspension: mine.licenceSuspension },
      after: { licenceSuspension: null, resumptionId, via: p.via },
    },
    now,
  );
}
