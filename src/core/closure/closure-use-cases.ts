import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp, writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, refuseIssues } from '../errors.ts';
import type { MineRow, Ports } from '../ports.ts';
import { requireRegionInScope } from '../orders/order-access.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { changeMineStatus, scopedMineFilter } from '../registry/mine-use-cases.ts';
import { isIsoDate, needText, requireVisible, seesRecord } from './closure-access.ts';
import {
  CLOSURE_TARGET_RULES,
  progressOf,
  rulesTargeting,
  type ClosureRuleId,
  type TargetProgress,
} from './closure-rules.ts';
import {
  CLOSURE_STEP_KINDS,
  type Closure,
  type ClosureStep,
  type ClosureTarget,
  type PolicyListEntry,
  type Transformation,
} from './closure-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'regions' | 'closure'>;

export interface Candidate {
  mineId: string;
  mineName: string;
  mineCode: string;
  regionId: string;
  regionName: string;
  status: string;
  approvedCapacityTPerYear: number;
  gasClass: string;
  hasGasControlCapability: boolean;
  rules: ClosureRuleId[];
}

/** The mines each closure rule targets in a region (or the whole scope), with the rules that hit. */
export async function listCandidates(
  deps: Pick<Ports, 'mines' | 'regions' | 'closure'>,
  p: Principal,
  regionId: string | undefined,
): Promise<{ rules: typeof CLOSURE_TARGET_RULES; candidates: Candidate[] }> {
  requirePermission(p, 'closure.read');
  const filter = await scopedMineFilter(deps, p, regionId);
  const { items } = await deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'code', desc: false });
  const listed = new Set<string>();
  const paths = new Set(items.map((m) => m.regionPath));
  for (const path of filter.regionPath ? [filter.regionPath] : paths)
    for (const e of await deps.closure.listPolicyEntries(path)) listed.add(e.mineId);
  const candidates: Candidate[] = [];
  for (const m of items) {
    const rules = rulesTargeting(m, listed.has(m.id));
    if (rules.length === 0) continue;
    candidates.push({
      mineId: m.id,
      mineName: m.name,
      mineCode: m.code,
      regionId: m.regionId,
      regionName: m.regionName,
      status: m.status,
      approvedCapacityTPerYear: m.approvedCapacityTPerYear,
      gasClass: m.gasClass,
      hasGasControlCapability: m.hasGasControlCapability,
      rules,
    });
  }
  return { rules: CLOSURE_TARGET_RULES, candidates };
}

/** Names a mine on the policy closure list (audited). */
export async function addToPolicyList(
  deps: Deps,
  p: Principal,
  input: { mineId: string; reason: string; source: string },
): Promise<PolicyListEntry> {
  requirePermission(p, 'closure.manage');
  const bad: string[] = [];
  const reason = needText(bad, 'reason', input.reason);
  const source = needText(bad, 'source', input.source);
  if (bad.length)
    throw invalidInput('CLOSURE_POLICY_ENTRY_INVALID', `The entry is not valid: ${bad.join('; ')}.`);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'closure', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, p, input.mineId);
    const entry: PolicyListEntry = {
      mineId: mine.id,
      regionPath: mine.regionPath,
      reason,
      source,
      ...actStamp('listed', p, now),
    };
    return writeAudited(tx, p, now, entry, (r) => tx.closure.upsertPolicyEntry(r), {
      action: 'closure.policy_list.add',
      targetType: 'mine',
      targetId: mine.id,
      after: { reason, source },
    });
  });
}

export interface TargetInput {
  regionId: string;
  deadline: string;
  minesToClose: number;
  capacityToWithdrawTPerYear: number;
  note?: string;
}

/** Sets a district's closure target (number of mines and capacity to withdraw by a deadline). */
export async function setTarget(deps: Deps, p: Principal, input: TargetInput): Promise<ClosureTarget> {
  requirePermission(p, 'closure.manage');
  const bad: string[] = [];
  if (!isIsoDate(input.deadline)) bad.push('deadline must be a date YYYY-MM-DD');
  if (!Number.isInteger(input.minesToClose) || input.minesToClose < 0)
    bad.push('minesToClose must be a whole number ≥ 0');
  if (!Number.isFinite(input.capacityToWithdrawTPerYear) || input.capacityToWithdrawTPerYear < 0)
    bad.push('capacityToWithdrawTPerYear must be ≥ 0');
  if (input.minesToClose === 0 && input.capacityToWithdrawTPerYear === 0)
    bad.push('a target needs mines or capacity');
  refuseIssues('CLOSURE_TARGET_INVALID', 'The target', bad);
  const now = deps.clock.nowIso();
  return deps.transaction(['regions', 'closure', 'audit'], async (tx) => {
    const region = await requireRegionInScope(tx, p, input.regionId);
    const target: ClosureTarget = {
      id: deps.ids.next('ctg'),
      regionId: region.id,
      regionPath: region.path,
      regionName: region.name,
      deadline: input.deadline,
      minesToClose: input.minesToClose,
      capacityToWithdrawTPerYear: input.capacityToWithdrawTPerYear,
      note: (input.note ?? '').trim(),
      ...actStamp('created', p, now),
    };
    return writeAudited(tx, p, now, target, (r) => tx.closure.insertTarget(r), {
      action: 'closure.target.set',
      targetType: 'region',
      targetId: region.id,
    });
  });
}

/** Targets in (or covering) the scope's region, with progress against each. */
export async function listTargets(
  deps: Pick<Ports, 'clock' | 'mines' | 'regions' | 'closure'>,
  p: Principal,
  regionId: string | undefined,
): Promise<TargetProgress[]> {
  requirePermission(p, 'closure.read');
  const filter = await scopedMineFilter(deps, p, regionId);
  let path = filter.regionPath;
  if (path === undefined)
    path = (await deps.mines.get(p.scope.kind === 'mine' ? p.scope.mineId : ''))?.regionPath ?? '\u0000';
  const targets = (await deps.closure.listTargets('/')).filter(
    (t) => t.regionPath.startsWith(path) || path.startsWith(t.regionPath),
  );
  const out: TargetProgress[] = [];
  for (const t of targets)
    out.push(
      progressOf(t, await deps.closure.listClosures({ regionPath: t.regionPath }), deps.clock.nowIso()),
    );
  return out;
}

export interface ClosureView extends Closure {
  steps: ClosureStep[];
  transformations: Transformation[];
}

export async function getClosure(
  deps: Pick<Ports, 'closure'>,
  p: Principal,
  id: string,
): Promise<ClosureView> {
  requirePermission(p, 'closure.read');
  const c = requireVisible(p, await deps.closure.getClosure(id), 'CLOSURE', id);
  const [steps, transformations] = await Promise.all([
    deps.closure.listSteps(id),
    deps.closure.listTransformations(id),
  ]);
  return { ...c, steps, transformations };
}

export async function listClosures(
  deps: Pick<Ports, 'closure'>,
  p: Principal,
): Promise<Array<Closure & { stepsVerified: number; stepsTotal: number }>> {
  requirePermission(p, 'closure.read');
  const all =
    p.scope.kind === 'mine'
      ? await deps.closure.listClosures({ mineId: p.scope.mineId })
      : await deps.closure.listClosures({ regionPath: p.scopePath ?? '\u0000' });
  const out = [];
  for (const c of all.filter((x) => seesRecord(p, x.regionPath, x.mineId))) {
    const steps = await deps.closure.listSteps(c.id);
    out.push({
      ...c,
      stepsVerified: steps.filter((s) => s.state === 'verified').length,
      stepsTotal: steps.length,
    });
  }
  return out;
}

/** A mine whose registry status is closing or closed but which has no closure file on the platform. */
export interface UnfiledMine {
  mineId: string;
  code: string;
  name: string;
  regionName: string;
  status: 'closing' | 'closed';
  statusSince: string;
}

/**
 * Closing and closed mines of the scope that have no closure file (e.g. registered that way before the
 * platform): 关闭矿井 lists them too, so it never says "none" while the registry counts them (issue 15).
 */
export async function listUnfiledClosures(
  deps: Pick<Ports, 'closure' | 'mines' | 'regions'>,
  p: Principal,
): Promise<UnfiledMine[]> {
  requirePermission(p, 'closure.read');
  const scope = await scopedMineFilter(deps, p, undefined);
  const page = { offset: 0, limit: 100_000, sort: 'code' as const, desc: false };
  const filed = new Set(
    (p.scope.kind === 'mine'
      ? await deps.closure.listClosures({ mineId: p.scope.mineId })
      : await deps.closure.listClosures({ regionPath: p.scopePath ?? '\u0000' })
    ).map((c) => c.mineId),
  );
  const out: UnfiledMine[] = [];
  for (const status of ['closing', 'closed'] as const) {
    const { items } = await deps.mines.search({ ...scope, status }, page);
    for (const m of items)
      if (!filed.has(m.id))
        out.push({
          mineId: m.id,
          code: m.code,
          name: m.name,
          regionName: m.regionName,
          status,
          statusSince: m.statusSince,
        });
  }
  return out;
}

/**
 * Opens the closure of a mine: the mine goes `closing` (order_closure) unless it already is (a closure
 * order came first), in which case the closure attaches to it. One transaction, audited.
 */
export async function createClosure(
  deps: Deps,
  p: Principal,
  input: { mineId: string; reason: string; basis?: string | null },
): Promise<{ closure: ClosureView; statusChanged: boolean }> {
  requirePermission(p, 'closure.manage');
  const bad: string[] = [];
  const reason = needText(bad, 'reason', input.reason);
  if (bad.length) throw invalidInput('CLOSURE_INVALID', `The closure is not valid: ${bad.join('; ')}.`);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'statusChanges', 'closure', 'audit'], async (tx) => {
    const mine: MineRow = await requireMineInScope(tx, p, input.mineId);
    if (mine.status === 'closed')
      throw conflict('CLOSURE_MINE_ALREADY_CLOSED', `${mine.name} is closed already.`);
    if (await tx.closure.openClosureOfMine(mine.id))
      throw conflict('CLOSURE_EXISTS', `${mine.name} already has a closure in progress.`);
    const attached = mine.status === 'closing';
    if (!attached)
      await changeMineStatus(
        deps,
        p,
        mine.id,
        { event: 'order_closure', reason, basis: input.basis ?? null },
        tx,
      );
    const closure: Closure = {
      id: deps.ids.next('cls'),
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      capacityTPerYear: mine.approvedCapacityTPerYear,
      reason,
      basis: input.basis?.trim() || null,
      attachedToExisting: attached,
      status: 'in_progress',
      ...actStamp('created', p, now),
      closedAt: null,
    };
    const steps: ClosureStep[] = CLOSURE_STEP_KINDS.map((step) => ({
      closureId: closure.id,
      step,
      state: 'pending',
      evidence: null,
      file: null,
      recordedById: null,
      recordedByName: null,
      recordedAt: null,
      verifiedById: null,
      verifiedByName: null,
      verifiedAt: null,
      note: null,
    }));
    await tx.closure.insertClosure(closure);
    await writeAudited(tx, p, now, steps, (r) => tx.closure.insertSteps(r), {
      action: 'closure.create',
      targetType: 'closure',
      targetId: closure.id,
      after: { ...closure },
    });
    return { closure: { ...closure, steps, transformations: [] }, statusChanged: !attached };
  });
}
