import { actStamp, writeAudited } from '../../audit/record-audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { requireSeparateDuties } from '../../access/separation-of-duties.ts';
import type { Principal } from '../../access/types.ts';
import { notFound } from '../../errors.ts';
import { requireMineInScope } from '../../registry/mine-scope.ts';
import { getMine } from '../../registry/mine-use-cases.ts';
import type { MineRow, Ports, Stores } from '../../ports.ts';
import {
  decideAllowance,
  evacuationExemption,
  exemptionOf,
  validateDeclaration,
  type AllowanceDecision,
  type DeclareAllowanceInput,
  type StoppedAllowance,
} from './stopped-allowances.ts';
import type { StoppedExemption } from './stopped-exemptions.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'stopped'>;

export interface MineAllowances {
  mine: { id: string; code: string; name: string; status: MineRow['status'] };
  allowances: StoppedAllowance[];
}

/** A mine's watch crews and dismantling windows, newest first (everyone who may read the mine). */
export async function listMineAllowances(
  deps: Pick<Ports, 'mines' | 'stopped'>,
  p: Principal,
  mineId: string,
): Promise<MineAllowances> {
  const mine = await getMine(deps, p, mineId);
  return {
    mine: { id: mine.id, code: mine.code, name: mine.name, status: mine.status },
    allowances: await deps.stopped.listAllowancesOfMine(mine.id),
  };
}

/** The mine's safety officer (or a regulator on its behalf) declares a watch crew or a dismantling window. */
export async function declareAllowance(
  deps: Deps,
  p: Principal,
  mineId: string,
  input: DeclareAllowanceInput,
): Promise<StoppedAllowance> {
  requirePermission(p, 'stopped.declare');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'stopped', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, p, mineId);
    const fields = validateDeclaration(input, mine.status, now);
    const a: StoppedAllowance = {
      id: deps.ids.next('sta'),
      kind: input.kind,
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      state: 'declared',
      ...fields,
      ...actStamp('declared', p, now),
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      decisionReason: null,
    };
    return writeAudited(tx, p, now, a, (r) => tx.stopped.insertAllowance(r), {
      action: 'stopped_allowance.declare',
      targetType: 'stopped_allowance',
      targetId: a.id,
      after: { ...a, via: p.via },
    });
  });
}

/**
 * A regulator approves or rejects a declaration — never the one who declared it (separation of duties).
 * An approved watch crew replaces the mine's earlier one. Monitoring must re-read the mine afterwards.
 */
export async function decideMineAllowance(
  deps: Deps,
  p: Principal,
  id: string,
  decision: AllowanceDecision,
  reason: string | null,
): Promise<StoppedAllowance> {
  requirePermission(p, 'stopped.approve');
  const a0 = await deps.stopped.getAllowance(id);
  if (!a0) throw notFound('STOPPED_ALLOWANCE_NOT_FOUND', `No declaration "${id}" in your scope.`);
  await requireMineInScope(deps, p, a0.mineId).catch(() => {
    throw notFound('STOPPED_ALLOWANCE_NOT_FOUND', `No declaration "${id}" in your scope.`);
  });
  await requireSeparateDuties(deps, p, {
    item: 'stopped_allowance',
    itemId: a0.id,
    act: 'stopped.approve',
    earlier: [{ actorId: a0.declaredById, act: 'stopped.declare' }],
  });
  const now = deps.clock.nowIso();
  return deps.transaction(['stopped', 'audit'], async (tx) => {
    const a = (await tx.stopped.getAllowance(id))!;
    const next: StoppedAllowance = {
      ...a,
      state: decideAllowance(a, decision),
      decidedAt: now,
      decidedById: p.userId,
      decidedByName: p.displayName,
      decisionReason: (reason ?? '').trim() || null,
    };
    const audit = [];
    if (next.state === 'approved' && next.kind === 'watch_crew') {
      for (const old of await tx.stopped.listApproved(a.mineId)) {
        if (old.kind !== 'watch_crew' || old.id === a.id) continue;
        await tx.stopped.updateAllowance({ ...old, state: 'superseded' });
        audit.push({
          actorId: p.userId,
          actorName: p.displayName,
          action: 'stopped_allowance.supersede',
          targetType: 'stopped_allowance',
          targetId: old.id,
          before: { state: old.state },
          after: { state: 'superseded', by: a.id },
        });
      }
    }
    await tx.stopped.updateAllowance(next);
    audit.push({
      actorId: p.userId,
      actorName: p.displayName,
      action: `stopped_allowance.${decision}`,
      targetType: 'stopped_allowance',
      targetId: a.id,
      before: { state: a.state },
      after: { state: next.state, reason: next.decisionReason, mineId: a.mineId, via: p.via },
    });
    await tx.audit.appendMany(audit, now);
    return next;
  });
}

/**
 * What monitoring allows each stopped mine (all mines, or one): its approved watch crew or dismantling
 * windows and the evacuation deadlines of the stop orders over it. Mines without any are left out.
 */
export async function loadExemptions(
  stores: Pick<Stores, 'stopped'>,
  mineId?: string,
): Promise<Map<string, StoppedExemption[]>> {
  const out = new Map<string, StoppedExemption[]>();
  const add = (id: string, e: StoppedExemption | null) => {
    if (e === null) return;
    const list = out.get(id) ?? [];
    list.push(e);
    out.set(id, list);
  };
  for (const a of await stores.stopped.listApproved(mineId)) add(a.mineId, exemptionOf(a));
  for (const e of await stores.stopped.listEvacuations(mineId)) add(e.mineId, evacuationExemption(e));
  return out;
}
