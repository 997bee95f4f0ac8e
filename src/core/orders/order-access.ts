import { requirePermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { notFound } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import type { Order } from './orders-ports.ts';

/** For a mine-scoped principal: its mine's region path (loaded once per request). */
export async function mineScopePath(stores: Pick<Stores, 'mines'>, p: Principal): Promise<string | null> {
  if (p.scope.kind !== 'mine') return null;
  return (await stores.mines.get(p.scope.mineId))?.regionPath ?? null;
}

/**
 * An order is visible to region users when it lies in their region or covers it (a province order
 * that stops their county), and to a mine's users when it names or covers their mine.
 */
export function isOrderVisible(p: Principal, order: Order, minePath: string | null): boolean {
  if (p.scope.kind === 'mine') {
    if (order.mineIds.includes(p.scope.mineId)) return true;
    return order.regionId !== null && minePath !== null && minePath.startsWith(order.regionPath);
  }
  const s = p.scopePath;
  if (s === null) return false;
  const inRegion =
    order.regionPath.startsWith(s) || (order.regionId !== null && s.startsWith(order.regionPath));
  // Leaders and group members: a region's order in their region, a mine's order only for a mine of theirs.
  const assigned = p.assignedMineIds;
  if (!inRegion || assigned === undefined || order.regionId !== null) return inRegion;
  return order.mineIds.some((id) => assigned.includes(id));
}

export async function requireRegionInScope(stores: Pick<Ports, 'regions'>, p: Principal, regionId: string) {
  const region = await stores.regions.get(regionId);
  if (!region || p.scopePath === null || !region.path.startsWith(p.scopePath)) {
    throw notFound('REGION_NOT_FOUND', `No region "${regionId}" in your scope.`);
  }
  return region;
}

export function requireAll(p: Principal, ...perms: Permission[]): void {
  for (const x of perms) requirePermission(p, x);
}

/** The longest common prefix of region paths, cut at a path separator. */
export function commonPath(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  let prefix = paths[0] ?? '/';
  for (const p of paths)
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix || '/';
}
