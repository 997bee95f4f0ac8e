import { isInScope, requirePermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited, type AuditedChange } from '../audit/record-audit.ts';
import { conflict, notFound } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import type { Accident } from './accident-types.ts';

/** Reference accidents (foreign data, no register mine) are public reading for anyone who reads accidents. */
export function isAccidentVisible(p: Principal, a: Accident): boolean {
  if (a.mineId === null || a.regionPath === null) return true;
  return isInScope(p, { regionPath: a.regionPath, mineId: a.mineId });
}

/** The accident, checked against permission and scope (outside the scope: 404, existence does not leak). */
export async function requireAccident(
  deps: Pick<Ports, 'accidents'>,
  p: Principal,
  id: string,
  permission: Permission,
): Promise<Accident> {
  requirePermission(p, permission);
  const a = await deps.accidents.get(id);
  if (!a || !isAccidentVisible(p, a))
    throw notFound('ACCIDENT_NOT_FOUND', `No accident "${id}" in your scope.`);
  return a;
}

/** A register accident (not reference data), for changes that only make sense for a Chinese mine. */
export function requireRegisterAccident(a: Accident): Accident & { mineId: string; regionPath: string } {
  if (a.mineId === null || a.regionPath === null)
    throw conflict(
      'ACCIDENT_IS_REFERENCE',
      `Accident "${a.id}" is reference data (${a.country}); it has no reporting chain, investigation or accountability here.`,
    );
  return { ...a, mineId: a.mineId, regionPath: a.regionPath };
}

/** The list filter that keeps a principal inside its scope. */
export function scopeFilter(p: Principal): {
  regionPath?: string;
  mineId?: string;
  mineIds?: readonly string[];
} {
  if (p.scope.kind === 'mine') return { mineId: p.scope.mineId };
  const assigned = p.assignedMineIds === undefined ? {} : { mineIds: p.assignedMineIds };
  return { regionPath: p.scopePath ?? '\u0000', ...assigned };
}

/**
 * Writes `record` to the accident register (`write`: one of its store's inserts or updates) and audits
 * the change, in one transaction. Returns the record.
 */
export function writeAccidentAudited<R>(
  deps: Pick<Ports, 'transaction'>,
  p: Principal,
  now: string,
  record: R,
  write: (accidents: Stores['accidents'], record: R) => Promise<unknown>,
  change: AuditedChange,
): Promise<R> {
  return deps.transaction(['accidents', 'audit'], (tx) =>
    writeAudited(tx, p, now, record, (r) => write(tx.accidents, r), change),
  );
}
