import { isInScope } from '../access/permissions.ts';
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
