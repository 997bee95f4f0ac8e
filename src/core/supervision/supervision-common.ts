import type { Principal } from '../access/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { conflict, invalidInput } from '../errors.ts';
import type { MineRow, Ports, Stores, TxStores } from '../ports.ts';
import { getMine } from '../registry/mine-use-cases.ts';
import type { AssignmentKind } from './supervision-types.ts';

/** The mine, when the principal may see it (404 otherwise, so existence does not leak). */
export function loadMine(
  stores: Pick<Stores, 'mines'>,
  principal: Principal,
  mineId: string,
): Promise<MineRow> {
  return getMine(stores, principal, mineId);
}

/** Closed mines have left the programme: nothing new is assigned or planned for them. */
export function requireNotClosed(mine: MineRow): void {
  if (mine.status === 'closed') {
    throw conflict(
      'SUPERVISION_MINE_CLOSED',
      `The mine "${mine.name}" is closed; it is no longer supervised here.`,
    );
  }
}

/** A trimmed non-empty string of at most `max` characters, or InvalidInput with `code`. */
export function requireText(value: string, field: string, code: string, max = 500): string {
  const v = value.trim();
  if (v === '') throw invalidInput(code, `${field} must not be empty.`, { field });
  if (v.length > max) throw invalidInput(code, `${field} is longer than ${max} characters.`, { field });
  return v;
}

export interface ChangeRecord {
  mineId: string;
  kind: AssignmentKind;
  /** The audit action without the "supervision." prefix, e.g. "plan.approve". */
  action: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends the audit entry and the mine's supervision history line for one change. Must be called
 * inside the transaction that makes the change.
 */
export async function recordChange(
  tx: Pick<Stores, 'audit' | 'supervision'>,
  deps: Pick<Ports, 'ids'>,
  principal: Principal,
  change: ChangeRecord,
  now: string,
): Promise<void> {
  await recordAudit(tx, principal, now, {
    action: `supervision.${change.action}`,
    targetType: 'mine',
    targetId: change.mineId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
  await tx.supervision.appendHistory({
    id: deps.ids.next('sah'),
    mineId: change.mineId,
    kind: change.kind,
    action: change.action,
    summary: change.summary,
    actorId: principal.userId,
    actorName: principal.displayName,
    at: now,
  });
}

/** The stores a supervision change of a mine binds. */
const SUPERVISION_CHANGE_STORES = ['mines', 'supervision', 'audit'] as const;
type SupervisionChangeTx = TxStores<(typeof SUPERVISION_CHANGE_STORES)[number]>;

/** What a supervision change wrote: the use case's answer and the record of the change. */
export interface SupervisionChange<T> {
  result: T;
  record: Omit<ChangeRecord, 'mineId'>;
}

/**
 * One supervision change of a mine, in one transaction: the mine loaded in the principal's scope (a
 * closed mine refused unless `allowClosed`), `write` makes the change and says what it was, and the
 * change is audited with the mine's history line. Every plan and assignment use case runs through it.
 */
export async function changeMineSupervision<T>(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  principal: Principal,
  mineId: string,
  write: (tx: SupervisionChangeTx, mine: MineRow, now: string) => Promise<SupervisionChange<T>>,
  options: { allowClosed?: boolean } = {},
): Promise<T> {
  const now = deps.clock.nowIso();
  return deps.transaction(SUPERVISION_CHANGE_STORES, async (tx) => {
    const mine = await loadMine(tx, principal, mineId);
    if (!options.allowClosed) requireNotClosed(mine);
    const { result, record } = await write(tx, mine, now);
    await recordChange(tx, deps, principal, { mineId: mine.id, ...record }, now);
    return result;
  });
}

/** Who assigned and when, as every assignment stores it. */
export function assignedStamp(
  principal: Principal,
  now: string,
): { assignedBy: string; assignedByName: string; assignedAt: string } {
  return { assignedBy: principal.userId, assignedByName: principal.displayName, assignedAt: now };
}
