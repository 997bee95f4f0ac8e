import { requirePermission } from '../access/permissions.ts';
import { requireSeparateDuties } from '../access/separation-of-duties.ts';
import type { Principal } from '../access/types.ts';
import { actStamp, recordAudit, writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound, refuseIssues } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import { changeMineStatus } from '../registry/mine-use-cases.ts';
import { isIsoDate, needText, requireVisible } from './closure-access.ts';
import { transitionStep, type StepEvent } from './closure-rules.ts';
import type { ClosureView } from './closure-use-cases.ts';
import {
  CLOSURE_STEP_KINDS,
  type Closure,
  type ClosureStep,
  type ClosureStepKind,
  type EvidenceFileRef,
  type Transformation,
} from './closure-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

async function loadStep(
  tx: Pick<Stores, 'closure'>,
  p: Principal,
  closureId: string,
  step: string,
): Promise<{ closure: Closure; steps: ClosureStep[]; current: ClosureStep }> {
  const closure = requireVisible(p, await tx.closure.getClosure(closureId), 'CLOSURE', closureId);
  if (!CLOSURE_STEP_KINDS.includes(step as ClosureStepKind))
    throw notFound(
      'CLOSURE_STEP_NOT_FOUND',
      `No closure step "${step}"; the steps are ${CLOSURE_STEP_KINDS.join(', ')}.`,
    );
  const steps = await tx.closure.listSteps(closureId);
  const current = steps.find((s) => s.step === step);
  if (!current) throw notFound('CLOSURE_STEP_NOT_FOUND', `No closure step "${step}".`);
  return { closure, steps, current };
}

async function view(tx: Pick<Stores, 'closure'>, closure: Closure): Promise<ClosureView> {
  return {
    ...closure,
    steps: await tx.closure.listSteps(closure.id),
    transformations: await tx.closure.listTransformations(closure.id),
  };
}

/** The mine or a regulator records a step as done, with evidence text (and optionally a file). */
export async function recordStep(
  deps: Deps,
  p: Principal,
  closureId: string,
  step: string,
  input: { evidence: string; file?: EvidenceFileRef | null },
): Promise<ClosureView> {
  requirePermission(p, 'closure.step.record');
  const bad: string[] = [];
  const evidence = needText(bad, 'evidence', input.evidence);
  if (bad.length)
    throw invalidInput('CLOSURE_STEP_EVIDENCE_REQUIRED', 'Describe the evidence that the step is done.');
  const now = deps.clock.nowIso();
  return deps.transaction(['closure', 'audit'], async (tx) => {
    const { closure, current } = await loadStep(tx, p, closureId, step);
    const t = transitionStep(current.state, 'record', []);
    const next: ClosureStep = {
      ...current,
      state: t.state,
      evidence,
      file: input.file ?? current.file,
      ...actStamp('recorded', p, now),
      note: null,
    };
    await writeAudited(tx, p, now, next, (r) => tx.closure.updateStep(r), {
      action: 'closure.step.record',
      targetType: 'closure',
      targetId: closureId,
      before: { step, state: current.state },
      after: { step, state: next.state, evidence, file: next.file },
    });
    return view(tx, closure);
  });
}

/** Attaches an uploaded file to a recorded (not yet verified) step's evidence. */
export async function attachStepFile(
  deps: Deps,
  p: Principal,
  closureId: string,
  step: string,
  file: EvidenceFileRef,
): Promise<ClosureView> {
  requirePermission(p, 'closure.step.record');
  const now = deps.clock.nowIso();
  return deps.transaction(['closure', 'audit'], async (tx) => {
    const { closure, current } = await loadStep(tx, p, closureId, step);
    if (current.state !== 'recorded')
      throw conflict(
        'CLOSURE_STEP_NOT_RECORDED',
        'Record the step first; a file attaches to recorded, unverified evidence.',
      );
    await tx.closure.updateStep({ ...current, file });
    await recordAudit(tx, p, now, {
      action: 'closure.step.file',
      targetType: 'closure',
      targetId: closureId,
      after: { step, file },
    });
    return view(tx, closure);
  });
}

/**
 * A regulator in scope verifies (or rejects) a recorded step. Verifying the last unverified step closes
 * the mine (`complete_closure`) in the same transaction. The mine never verifies its own steps: the
 * permission belongs to regulators only.
 */
export async function decideStep(
  deps: Deps,
  p: Principal,
  closureId: string,
  step: string,
  event: Extract<StepEvent, 'verify' | 'reject'>,
  note: string | undefined,
): Promise<{ closure: ClosureView; mineClosed: boolean }> {
  requirePermission(p, 'closure.step.verify');
  const text = (note ?? '').trim();
  if (event === 'reject' && text.length < 2)
    throw invalidInput('CLOSURE_STEP_REJECT_REASON_REQUIRED', 'Say why the evidence is rejected.');
  const recorded = await deps.transaction(
    ['closure'],
    async (tx) => (await loadStep(tx, p, closureId, step)).current,
  );
  await requireSeparateDuties(deps, p, {
    item: 'closure_step',
    itemId: `${closureId}/${step}`,
    act: 'closure.step.verify',
    earlier: [{ actorId: recorded.recordedById, act: 'closure.step.record' }],
  });
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'statusChanges', 'closure', 'audit'], async (tx) => {
    const { closure, steps, current } = await loadStep(tx, p, closureId, step);
    const t = transitionStep(
      current.state,
      event,
      steps.filter((s) => s.step !== current.step),
    );
    const next: ClosureStep = {
      ...current,
      state: t.state,
      verifiedById: event === 'verify' ? p.userId : null,
      verifiedByName: event === 'verify' ? p.displayName : null,
      verifiedAt: event === 'verify' ? now : null,
      note: text || null,
    };
    await writeAudited(tx, p, now, next, (r) => tx.closure.updateStep(r), {
      action: `closure.step.${event}`,
      targetType: 'closure',
      targetId: closureId,
      before: { step, state: current.state },
      after: { step, state: next.state, note: next.note },
    });
    let mineClosed = false;
    let after = closure;
    for (const effect of t.effects) {
      if (effect.kind !== 'complete-closure') continue;
      await changeMineStatus(
        deps,
        p,
        closure.mineId,
        {
          event: 'complete_closure',
          reason: `Every closure step verified (${closure.id}).`,
          basis: closure.basis,
        },
        tx,
      );
      after = { ...closure, status: 'closed', closedAt: now };
      await writeAudited(tx, p, now, after, (r) => tx.closure.updateClosure(r), {
        action: 'closure.complete',
        targetType: 'closure',
        targetId: closureId,
        before: { status: closure.status },
        after: { status: 'closed', closedAt: now },
      });
      mineClosed = true;
    }
    return { closure: await view(tx, after), mineClosed };
  });
}

/** Records what an exited mine became (e.g. an agricultural entity): what, when, jobs. */
export async function recordTransformation(
  deps: Deps,
  p: Principal,
  closureId: string,
  input: { what: string; startedOn: string; jobs: number; note?: string },
): Promise<Transformation> {
  requirePermission(p, 'closure.manage');
  const bad: string[] = [];
  const what = needText(bad, 'what', input.what);
  if (!isIsoDate(input.startedOn)) bad.push('startedOn must be a date YYYY-MM-DD');
  if (!Number.isInteger(input.jobs) || input.jobs < 0) bad.push('jobs must be a whole number ≥ 0');
  refuseIssues('CLOSURE_TRANSFORMATION_INVALID', 'The transformation', bad);
  const now = deps.clock.nowIso();
  return deps.transaction(['closure', 'audit'], async (tx) => {
    const closure = requireVisible(p, await tx.closure.getClosure(closureId), 'CLOSURE', closureId);
    const t: Transformation = {
      id: deps.ids.next('ctf'),
      closureId,
      mineId: closure.mineId,
      regionPath: closure.regionPath,
      what,
      startedOn: input.startedOn,
      jobs: input.jobs,
      note: (input.note ?? '').trim(),
      ...actStamp('recorded', p, now),
    };
    return writeAudited(tx, p, now, t, (r) => tx.closure.insertTransformation(r), {
      action: 'closure.transformation',
      targetType: 'closure',
      targetId: closureId,
    });
  });
}
