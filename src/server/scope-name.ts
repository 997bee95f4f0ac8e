import type { Scope } from '../core/access/types.ts';
import type { Ports } from '../core/ports.ts';

/** Human names for a scope ("岩东区" / "Yandong District", or a mine's name), for the UI header. */
export async function describeScope(
  ports: Pick<Ports, 'regions' | 'mines'>,
  scope: Scope,
): Promise<{ scopeName: string; scopeNameEn: string }> {
  if (scope.kind === 'region') {
    const r = await ports.regions.get(scope.regionId);
    return { scopeName: r?.name ?? scope.regionId, scopeNameEn: r?.nameEn ?? scope.regionId };
  }
  const name = (await ports.mines.get(scope.mineId))?.name ?? scope.mineId;
  return { scopeName: name, scopeNameEn: name };
}
