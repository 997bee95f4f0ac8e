import { restoreLicence } from './licence-effects.ts';
import { isInScope, requirePermission } from '../access/permissions.ts';
import { requireSeparateDuties } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notAllowed, notFound } from '../errors.ts';
import type { MineRow, Ports } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { changeMineStatus, scopedMineFilter } from '../registry/mine-use-cases.ts';
import {
  NO_ACTIONS,
  resumptionActionsFor,
  resumptionActs,
  type ResumptionActions,
} from './resumption-actions.ts';
import { settleOrdersOfMine } from './order-use-cases.ts';
import {
  decisionDeadline,
  noticeDeadline,
  transitionResumption,
  type DecisionDeadline,
  type NoticeDeadline,
} from './order-rules.ts';
import type { OpenHazards, Resumption, SignOff } from './orders-ports.ts';
import type { MineStatusChange } from '../registry/types.ts';
import {
  DEFAULT_MONITORING_CHECK,
  RESUMPTION_CHECKLIST,
  currentResumptionStep,
  evaluateChecklist,
  violatesGasControlRule,
  type ChecklistItemResult,
  type MonitoringCheckOptions,
} from './resumption-checklist.ts';

export interface ResumptionDeps extends Pick<
  Ports,
  'clock' | 'ids' | 'transaction' | 'mines' | 'regions' | 'orders' | 'statusChanges'
> {
  /** The hazards module's open-hazard count; null = not available (the checklist item then blocks). */
  openHazards: OpenHazards | null;
  monitoringCheck?: MonitoringCheckOptions;
}

export interface ResumptionView extends Resumption {
  /** The mine's code: users pick and recognise mines by code and name, never by internal id. */
  mineCode: string;
  checklist: ChecklistItemResult[];
  openItems: string[];
  /** The chain step whose turn it is (its id and the roles that take it); null once decided. */
  currentStep: { id: string; roles: readonly string[] } | null;
  decision: DecisionDeadline;
  notice: NoticeDeadline | null;
  /** What the viewing user may do on it now (only the buttons that would succeed are offered). */
  actions: ResumptionActions;
}

/** Separation of duties: `p` has not acted on the application before (applied, signed, decided). */
async function requireOwnStep(
  deps: Parameters<typeof requireSeparateDuties>[0] & Pick<Ports, 'orders'>,
  p: Principal,
  r: Resumption,
  act: 'resumption.sign' | 'resumption.decide',
): Promise<void> {
  const earlier = earlierActs(r, await deps.orders.listSignOffs(r.id));
  await requireSeparateDuties(deps, p, { item: 'resumption', itemId: r.id, act, earlier });
}

async function loadInScope(deps: Pick<Ports, 'orders' | 'mines'>, p: Principal, id: string) {
  const r = await deps.orders.getResumption(id);
  const ok = r !== undefined && isInScope(p, { regionPath: r.regionPath, mineId: r.mineId });
  if (!r || !ok) throw notFound('RESUMPTION_NOT_FOUND', `No resumption application "${id}" in your scope.`);
  return r;
}

/**
 * What the mine was before the suspension it now applies to leave: the `from` of its latest
 * suspension from construction or production (a rejected review's re-suspension is skipped). Mines
 * without such a record (registered as suspended) return to production.
 */
export function statusBeforeSuspension(changes: readonly MineStatusChange[]): 'producing' | 'construction' {
  const newestFirst = [...changes].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  for (const c of newestFirst) {
    if (c.to !== 'suspended') continue;
    if (c.from === 'construction') return 'construction';
    if (c.from === 'producing') return 'producing';
  }
  return 'producing';
}

/** The mine applies for resumption acceptance: suspended → resumption_review. */
export async function applyResumption(deps: ResumptionDeps, p: Principal, mineId: string, note: string) {
  requirePermission(p, 'resumption.apply');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'statusChanges', 'orders', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, p, mineId);
    if (mine.status !== 'suspended')
      throw conflict('RESUMPTION_MINE_NOT_SUSPENDED', `${mine.name} is ${mine.status}, not suspended.`);
    if (await tx.orders.pendingResumptionOfMine(mine.id))
      throw conflict('RESUMPTION_ALREADY_PENDING', `${mine.name} already has a pending application.`);
    const resumesTo = statusBeforeSuspension(await tx.statusChanges.listByMine(mine.id));
    const r: Resumption = {
      id: deps.ids.next('res'),
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      gasClass: mine.gasClass,
      appliedAt: now,
      appliedById: p.userId,
      appliedByName: p.displayName,
      status: 'pending',
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      decisionReason: null,
      noticeDate: null,
      noticeRef: null,
      resumesTo,
    };
    // The officer of the mine may take this one edge: authorised by 'resumption.apply', not 'mine.transition'.
    await changeMineStatus(
      deps,
      p,
      mine.id,
      {
        event: 'apply_resumption',
        reason: note.trim() || 'Application for resumption acceptance',
        via: 'resumption',
      },
      tx,
      'resumption.apply',
    );
    return writeAudited(tx, p, now, r, (r) => tx.orders.insertResumption(r), {
      action: 'resumption.apply',
      targetType: 'resumption',
      targetId: r.id,
    });
  });
}

async function view(
  deps: ResumptionDeps,
  r: Resumption,
  mine: MineRow | undefined,
  viewer?: Principal,
): Promise<ResumptionView> {
  const now = deps.clock.nowIso();
  const nowMs = deps.clock.nowMs();
  const o = deps.monitoringCheck ?? DEFAULT_MONITORING_CHECK;
  const [signOffs, monitoringSinceMs, lastPersonnelMs, openHazards] = await Promise.all([
    deps.orders.listSignOffs(r.id),
    deps.orders.monitoringSince(r.mineId),
    deps.orders.lastPersonnelSnapshotMs(r.mineId),
    deps.openHazards ? deps.openHazards.countOpen(r.mineId) : Promise.resolve(null),
  ]);
  // The judged period starts when the mine's points were connected, at most `periodMinutes` ago.
  const fromMs = Math.max(nowMs - o.periodMinutes * 60_000, monitoringSinceMs ?? nowMs);
  const dataMinutes =
    monitoringSinceMs === null ? [] : await deps.orders.dataMinutes(r.mineId, fromMs, nowMs);
  // The minutes not aggregated yet: the newest raw reading, looked up only when the aggregates lag.
  const lastMinute = dataMinutes.at(-1);
  const lastReadingMs =
    monitoringSinceMs !== null && (lastMinute === undefined || nowMs - lastMinute > o.maxGapMinutes * 60_000)
      ? await deps.orders.lastReadingMs(r.mineId)
      : null;
  const checklist = evaluateChecklist(
    {
      gasClass: mine?.gasClass ?? r.gasClass,
      hasGasControlCapability: mine?.hasGasControlCapability ?? false,
      openHazards,
      dataMinutes,
      periodFromMs: fromMs,
      monitoringSinceMs,
      lastReadingMs,
      nowMs,
      lastPersonnelMs,
      signOffs,
      decision:
        r.status === 'pending' || r.decidedAt === null
          ? null
          : {
              status: r.status,
              byName: r.decidedByName ?? '',
              byRole: '',
              at: r.decidedAt,
              reason: r.decisionReason ?? '',
            },
    },
    o,
  );
  const step = r.status === 'pending' ? currentResumptionStep(new Set(signOffs.map((x) => x.item))) : null;
  return {
    ...r,
    mineCode: mine?.code ?? '',
    checklist,
    openItems: checklist.filter((c) => !c.done && c.how !== 'decide').map((c) => c.id),
    currentStep: step && step.check.how !== 'auto' ? { id: step.id, roles: step.check.roles } : null,
    decision: decisionDeadline(r.appliedAt, r.decidedAt, now),
    notice: r.decidedAt ? noticeDeadline(r.decidedAt, r.noticeDate, now) : null,
    actions: viewer ? resumptionActionsFor(viewer, r, signOffs, step, checklist) : NO_ACTIONS,
  };
}

/** Who did what on an application so far: the applicant and each step's signer. */
const earlierActs = resumptionActs;

/** Refuses a step taken before the one whose turn it is (409 RESUMPTION_STEP_OUT_OF_ORDER). */
function requireTurn(stepId: string, signOffs: readonly SignOff[]): void {
  const signed = new Set(signOffs.map((x) => x.item));
  if (signed.has(stepId))
    throw conflict('RESUMPTION_STEP_ALREADY_SIGNED', `"${stepId}" is already signed on this application.`);
  const current = currentResumptionStep(signed);
  if (current !== null && current.id !== stepId) {
    const rule = RESUMPTION_CHECKLIST.find((x) => x.id === stepId);
    throw conflict(
      'RESUMPTION_STEP_OUT_OF_ORDER',
      `"${rule?.label ?? stepId}" comes later: first "${current.label}" (by ${current.check.how === 'auto' ? '' : current.check.roles.join(' / ')}).`,
      { step: stepId, waitingFor: current.id },
    );
  }
}

export async function getResumption(deps: ResumptionDeps, p: Principal, id: string): Promise<ResumptionView> {
  requirePermission(p, 'order.read');
  const r = await loadInScope(deps, p, id);
  return view(deps, r, await deps.mines.get(r.mineId), p);
}

export async function listResumptions(deps: ResumptionDeps, p: Principal): Promise<ResumptionView[]> {
  requirePermission(p, 'order.read');
  const filter =
    p.scope.kind === 'mine' ? { mineId: p.scope.mineId } : { regionPath: p.scopePath ?? '\u0000' };
  const rows = (await deps.orders.listResumptions(filter, 200)).filter((r) =>
    isInScope(p, { regionPath: r.regionPath, mineId: r.mineId }),
  );
  return Promise.all(rows.map(async (r) => view(deps, r, await deps.mines.get(r.mineId), p)));
}

/**
 * Signs a step of the approval chain: only the roles the step names, only when every step before it
 * is signed, never by the applicant or by someone who signed another step (ADR 0009). The department
 * head's signature certifies the acceptance, so the automatic checks must pass first.
 */
export async function signChecklistItem(
  deps: ResumptionDeps,
  p: Principal,
  id: string,
  input: { item: string; note: string },
): Promise<ResumptionView> {
  requirePermission(p, 'resumption.sign');
  const rule = RESUMPTION_CHECKLIST.find((x) => x.id === input.item);
  if (!rule || rule.check.how === 'auto')
    throw invalidInput(
      'RESUMPTION_ITEM_NOT_SIGNABLE',
      `"${input.item}" is not a step that is signed (the automatic checks are judged from the data).`,
    );
  if (rule.check.how === 'decide')
    throw invalidInput(
      'RESUMPTION_ITEM_NOT_SIGNABLE',
      `"${rule.label}" is the decision itself: POST /api/orders/resumptions/:id/decision.`,
    );
  const roles = rule.check.roles;
  if (!roles.includes(p.role))
    throw notAllowed(
      'RESUMPTION_SIGNER_ROLE',
      `"${rule.label}" is signed by ${roles.join(' / ')}, not ${p.role}.`,
      { roles },
    );
  const r0 = await loadInScope(deps, p, id);
  await requireOwnStep(deps, p, r0, 'resumption.sign');
  if (rule.id === 'department_head' && r0.status === 'pending') {
    const v = await view(deps, r0, await deps.mines.get(r0.mineId));
    const auto = v.checklist.filter((c) => c.how === 'auto' && !c.done);
    if (auto.length > 0)
      throw conflict(
        'RESUMPTION_CHECKLIST_INCOMPLETE',
        `The acceptance cannot be signed yet: ${auto.map((c) => `${c.label} (${c.detail})`).join('; ')}.`,
        { openItems: auto.map((c) => c.id) },
      );
  }
  const now = deps.clock.nowIso();
  await deps.transaction(['mines', 'orders', 'audit'], async (tx) => {
    const r = await loadInScope(tx, p, id);
    if (r.status !== 'pending')
      throw conflict('RESUMPTION_ALREADY_DECIDED', `The application is already ${r.status}.`);
    requireTurn(rule.id, await tx.orders.listSignOffs(r.id));
    const s = {
      resumptionId: r.id,
      item: rule.id,
      signerId: p.userId,
      signerName: p.displayName,
      signerRole: p.role,
      signedAt: now,
      note: input.note.trim(),
    };
    await writeAudited(tx, p, now, s, (r) => tx.orders.upsertSignOff(r), {
      action: 'resumption.sign',
      targetType: 'resumption',
      targetId: r.id,
      after: { ...s, via: p.via },
    });
  });
  return getResumption(deps, p, id);
}

function requireGasControl(mine: MineRow): void {
  if (violatesGasControlRule(mine)) {
    throw conflict(
      'GAS_CONTROL_CAPABILITY_REQUIRED',
      `${mine.name} is a ${mine.gasClass}-gas mine without certified gas-control capability: it may not produce.`,
      { mineId: mine.id, gasClass: mine.gasClass },
    );
  }
}

const APPROVAL = RESUMPTION_CHECKLIST.find((x) => x.check.how === 'decide');

/**
 * Approves (→ producing, or construction for a mine suspended while being built; its stop orders
 * lifted) or rejects (→ suspended) an application. Approval is the last step of the chain: only the
 * government head, only after every signed step, with the checklist complete and the gas-control
 * rule met. The department, the bureau and the government head may reject at any step.
 */
export async function decideResumption(
  deps: ResumptionDeps,
  p: Principal,
  id: string,
  input: { decision: 'approve' | 'reject'; reason: string },
): Promise<ResumptionView> {
  requirePermission(p, 'resumption.decide');
  if (input.reason.trim().length < 2)
    throw invalidInput('RESUMPTION_REASON_REQUIRED', 'A decision needs a reason.');
  const approvers = APPROVAL && APPROVAL.check.how === 'decide' ? APPROVAL.check.roles : [];
  if (input.decision === 'approve' && !approvers.includes(p.role))
    throw notAllowed(
      'RESUMPTION_SIGNER_ROLE',
      `Resumption is approved by ${approvers.join(' / ')}, not ${p.role}; you may reject the application.`,
      { roles: approvers },
    );
  const r0 = await loadInScope(deps, p, id);
  const mine = await requireMineInScope(deps, p, r0.mineId);
  await requireOwnStep(deps, p, r0, 'resumption.decide');
  if (input.decision === 'approve' && r0.status === 'pending') {
    if (r0.resumesTo === 'producing') requireGasControl(mine);
    requireTurn(APPROVAL?.id ?? 'government_approval', await deps.orders.listSignOffs(r0.id));
    const v = await view(deps, r0, mine);
    if (v.openItems.length > 0) {
      const open = v.checklist.filter((c) => !c.done && c.how !== 'decide');
      throw conflict(
        'RESUMPTION_CHECKLIST_INCOMPLETE',
        `The checklist is not complete: ${open.map((c) => `${c.label} (${c.detail})`).join('; ')}.`,
        { openItems: v.openItems },
      );
    }
  }
  const now = deps.clock.nowIso();
  await deps.transaction(['mines', 'statusChanges', 'orders', 'audit'], async (tx) => {
    const r = await loadInScope(tx, p, id);
    const t = transitionResumption(r.status, input.decision, now);
    if (input.decision === 'approve')
      requireTurn(APPROVAL?.id ?? 'government_approval', await tx.orders.listSignOffs(r.id));
    for (const e of t.effects)
      await changeMineStatus(
        deps,
        p,
        r.mineId,
        {
          event:
            e.event === 'approve_resumption' && r.resumesTo === 'construction'
              ? 'resume_construction'
              : e.event,
          reason: input.reason,
          basis: `resumption ${r.id}`,
          via: 'resumption',
        },
        tx,
        'resumption.decide',
      );
    const next: Resumption = {
      ...r,
      status: t.state,
      decidedAt: now,
      decidedById: p.userId,
      decidedByName: p.displayName,
      decisionReason: input.reason.trim(),
    };
    await writeAudited(tx, p, now, next, (r) => tx.orders.updateResumption(r), {
      action: `resumption.${input.decision}`,
      targetType: 'resumption',
      targetId: r.id,
      before: { status: r.status },
      after: { status: next.status, reason: next.decisionReason, resumesTo: r.resumesTo, via: p.via },
    });
    if (input.decision === 'approve') {
      await settleOrdersOfMine(tx, p, r.mineId, 'lift', now);
      await restoreLicence(tx, p, r.mineId, r.id, now);
    }
  });
  return getResumption(deps, p, id);
}

/** Records the public notice of a decision (date and number or link). */
export async function recordPublicNotice(
  deps: ResumptionDeps,
  p: Principal,
  id: string,
  input: { noticeDate: string; noticeRef: string },
): Promise<ResumptionView> {
  requirePermission(p, 'resumption.decide');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.noticeDate) || Number.isNaN(Date.parse(input.noticeDate)))
    throw invalidInput('RESUMPTION_NOTICE_INVALID', 'noticeDate must be a date YYYY-MM-DD.');
  if (input.noticeRef.trim().length < 2)
    throw invalidInput('RESUMPTION_NOTICE_INVALID', 'noticeRef (number or link) is required.');
  const now = deps.clock.nowIso();
  await deps.transaction(['mines', 'orders', 'audit'], async (tx) => {
    const r = await loadInScope(tx, p, id);
    if (r.decidedAt === null)
      throw conflict('RESUMPTION_NOT_DECIDED', 'A notice follows a decision; none is recorded yet.');
    if (input.noticeDate < r.decidedAt.slice(0, 10))
      throw invalidInput('RESUMPTION_NOTICE_INVALID', 'The notice cannot predate the decision.');
    const next = { ...r, noticeDate: input.noticeDate, noticeRef: input.noticeRef.trim() };
    await writeAudited(tx, p, now, next, (r) => tx.orders.updateResumption(r), {
      action: 'resumption.notice',
      targetType: 'resumption',
      targetId: r.id,
      before: { noticeDate: r.noticeDate, noticeRef: r.noticeRef },
      after: { noticeDate: next.noticeDate, noticeRef: next.noticeRef },
    });
  });
  return getResumption(deps, p, id);
}

/** High-gas and outburst mines without certified gas-control capability; producing ones first. */
export async function listGasControlViolations(
  deps: Pick<Ports, 'mines' | 'regions'>,
  p: Principal,
  regionId: string | undefined,
) {
  requirePermission(p, 'order.read');
  const scope = await scopedMineFilter(deps, p, regionId);
  const page = { offset: 0, limit: 100_000, sort: 'code' as const, desc: false };
  const [high, outburst] = await Promise.all([
    deps.mines.search({ ...scope, gasClass: 'high' }, page),
    deps.mines.search({ ...scope, gasClass: 'outburst' }, page),
  ]);
  const rank = (s: string) =>
    s === 'producing' ? 0 : s === 'resumption_review' ? 1 : s === 'construction' ? 2 : 3;
  const items = [...high.items, ...outburst.items]
    .filter((m) => violatesGasControlRule(m) && m.status !== 'closed')
    .sort((a, b) => rank(a.status) - rank(b.status) || a.code.localeCompare(b.code))
    .map((m) => ({
      mineId: m.id,
      name: m.name,
      code: m.code,
      regionName: m.regionName,
      gasClass: m.gasClass,
      status: m.status,
      producingIllegally: m.status === 'producing',
    }));
  return { items, producing: items.filter((i) => i.producingIllegally).length };
}
