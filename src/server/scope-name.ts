import type { Scope } from '../core/access/types.ts';
import type { Ports } from '../core/ports.ts';

/** A human name for a scope ("岩东区" or "柳屯滩煤矿"), for the UI header. */
export async function describeScope(ports: Pick<Ports, 'regions' | 'mines'>, scope: Scope): Promise<string> {
  if (scope.kind === 'region') return (await ports.regions.get(scope.regionId))?.name ?? scope.regionId;
  return (await ports.mines.get(scope.mineId))?.name ?? scope.mineId;
}
