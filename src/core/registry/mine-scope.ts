import { isInScope, requirePermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { notFound } from '../errors.ts';
import type { MineRow, Stores } from '../ports.ts';

/**
 * The mine, when it lies in the principal's scope; NotFound MINE_NOT_FOUND when it is missing or outside
 * the scope (existence outside the scope does not leak). The one way a use case loads a mine it acts on.
 */
export async function requireMineInScope(
  stores: Pick<Stores, 'mines'>,
  p: Principal,
  mineId: string,
): Promise<MineRow> {
  const mine = await stores.mines.get(mineId);
  if (!mine || !isInScope(p, { regionPath: mine.regionPath, mineId: mine.id }))
    throw notFound('MINE_NOT_FOUND', `No mine "${mineId}" in your scope.`);
  return mine;
}

/** The mine in the principal's scope, for a principal who holds `permission` (checked first). */
export async function requireMineWith(
  stores: Pick<Stores, 'mines'>,
  p: Principal,
  permission: Permission,
  mineId: string,
): Promise<MineRow> {
  requirePermission(p, permission);
  return requireMineInScope(stores, p, mineId);
}
