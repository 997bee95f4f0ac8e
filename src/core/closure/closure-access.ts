import type { Principal } from '../access/types.ts';
import { notFound } from '../errors.ts';

/** True when a record placed at (regionPath, mineId) lies in the principal's scope. */
export function seesRecord(p: Principal, regionPath: string, mineId: string): boolean {
  if (p.scope.kind === 'mine') return p.scope.mineId === mineId;
  return p.scopePath !== null && regionPath.startsWith(p.scopePath);
}

/** The record, or NotFound when it is missing or outside the scope (existence does not leak). */
export function requireVisible<T extends { regionPath: string; mineId: string }>(
  p: Principal,
  record: T | undefined,
  what: string,
  id: string,
): T {
  if (!record || !seesRecord(p, record.regionPath, record.mineId)) {
    throw notFound(`${what}_NOT_FOUND`, `No ${what.toLowerCase()} "${id}" in your scope.`);
  }
  return record;
}

/** Trimmed text or an InvalidInput-worthy problem message collected in `bad`. */
export function needText(bad: string[], name: string, value: string | null | undefined, min = 2): string {
  const v = (value ?? '').trim();
  if (v.length < min) bad.push(`${name} is required`);
  return v;
}

export const isIsoDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
