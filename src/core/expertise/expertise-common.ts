import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { getMine, scopedMineFilter } from '../registry/mine-use-cases.ts';
import type { MineRow, Ports, Stores } from '../ports.ts';
import type { ExpertiseMineFilter } from './expertise-ports.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date 'YYYY-MM-DD', or InvalidInput with `code`. */
export function requireDate(value: string, field: string, code: string): string {
  if (
    !ISO_DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw invalidInput(code, `${field} must be a date as YYYY-MM-DD.`, { field });
  }
  return value;
}

/** A trimmed non-empty string of at most `max` characters, or InvalidInput with `code`. */
export function requireText(value: string, field: string, code: string, max = 500): string {
  const v = value.trim();
  if (v === '') throw invalidInput(code, `${field} must not be empty.`, { field });
  if (v.length > max) throw invalidInput(code, `${field} is longer than ${max} characters.`, { field });
  return v;
}

/** The mines a region query covers for this principal (404 REGION_NOT_FOUND outside the scope). */
export async function regionFilter(
  deps: Pick<Ports, 'regions' | 'mines'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<ExpertiseMineFilter> {
  const f = await scopedMineFilter(deps, principal, regionId);
  return { regionPath: f.regionPath, mineId: f.mineId };
}

export const dateOf = (iso: string): string => iso.slice(0, 10);

/** `date` plus `days` (may be negative), as 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What every expert record (guidance visit, training, capability assessment) starts with. */
export interface ExpertRecordBase {
  id: string;
  mineId: string;
  expertId: string;
  expertName: string;
}

/**
 * Records an expert's work at a mine in the principal's scope, in one transaction. The work was done
 * on `at.on`, which may not be after today (InvalidInput `at.code` with `at.inFuture`); `make` builds
 * the record on its id (`idPrefix`), mine and expert and the time now (and may refuse the mine),
 * `write` stores it, and it is audited on the mine as `action`. Returns the record.
 */
export function recordExpertWork<R extends ExpertRecordBase>(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  principal: Principal,
  at: { mineId: string; idPrefix: string; action: string; on: string; code: string; inFuture: string },
  make: (base: ExpertRecordBase, now: string, mine: MineRow) => R,
  write: (expertise: Stores['expertise'], record: R) => Promise<unknown>,
): Promise<R> {
  const now = deps.clock.nowIso();
  if (at.on > dateOf(now)) throw invalidInput(at.code, at.inFuture);
  return deps.transaction(['mines', 'expertise', 'audit'], async (tx) => {
    const mine = await getMine(tx, principal, at.mineId);
    const base = {
      id: deps.ids.next(at.idPrefix),
      mineId: mine.id,
      expertId: principal.userId,
      expertName: principal.displayName,
    };
    return writeAudited(tx, principal, now, make(base, now, mine), (r) => write(tx.expertise, r), {
      action: at.action,
      targetType: 'mine',
      targetId: mine.id,
    });
  });
}
