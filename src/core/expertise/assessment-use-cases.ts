import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import { joinTransaction } from '../join-transaction.ts';
import type { Ports, Stores, TxStores } from '../ports.ts';
import { getMine, updateMineFacts } from '../registry/mine-use-cases.ts';
import { transitionAssessment, type AssessmentEvent } from './assessment-machine.ts';
import { dateOf, recordExpertWork, requireDate, requireText } from './expertise-common.ts';
import type { AssessmentConclusion, CapabilityAssessment } from './expertise-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

export interface SignAssessmentInput {
  mineId: string;
  assessedOn: string;
  validUntil: string;
  conclusion: string;
  summary: string;
}

const CONCLUSIONS: readonly AssessmentConclusion[] = ['capable', 'not_capable'];

/** An expert signs a gas-control capability assessment of a mine. It counts only once approved. */
export async function signAssessment(
  deps: Deps,
  principal: Principal,
  input: SignAssessmentInput,
): Promise<CapabilityAssessment> {
  requirePermission(principal, 'expertise.assess');
  const code = 'EXPERTISE_ASSESSMENT_INVALID';
  const assessedOn = requireDate(input.assessedOn, 'assessedOn', code);
  const validUntil = requireDate(input.validUntil, 'validUntil', code);
  if (validUntil <= assessedOn) throw invalidInput(code, 'validUntil must be after assessedOn.');
  if (!CONCLUSIONS.includes(input.conclusion as AssessmentConclusion)) {
    throw invalidInput(code, 'conclusion is capable or not_capable.');
  }
  const summary = requireText(input.summary, 'summary', code, 2000);
  return recordExpertWork(
    deps,
    principal,
    {
      mineId: input.mineId,
      idPrefix: 'gca',
      action: 'expertise.assessment.sign',
      on: assessedOn,
      code,
      inFuture: 'An assessment cannot be dated in the future.',
    },
    (base, now, mine): CapabilityAssessment => {
      if (mine.gasClass === 'low') {
        throw conflict(
          'EXPERTISE_ASSESSMENT_NOT_NEEDED',
          `${mine.name} is a low-gas mine; the gas-control capability rule applies to high-gas and outburst mines.`,
        );
      }
      return {
        ...base,
        signedAt: now,
        assessedOn,
        validUntil,
        conclusion: input.conclusion as AssessmentConclusion,
        summary,
        state: 'signed',
        decidedBy: null,
        decidedAt: null,
        reason: null,
      };
    },
    (store, a) => store.insertAssessment(a),
  );
}

/** Runs one transition and carries out its effect on the mine's flag, inside `tx`. */
async function applyTransition(
  deps: Deps,
  tx: TxStores<'expertise' | 'audit' | 'mines' | 'regions'>,
  principal: Principal,
  a: CapabilityAssessment,
  event: AssessmentEvent,
  reason: string | null,
  now: string,
): Promise<CapabilityAssessment> {
  const result = transitionAssessment(a.state, event, a.conclusion);
  const after: CapabilityAssessment = {
    ...a,
    state: result.state,
    decidedBy: principal.userId,
    decidedAt: now,
    reason,
  };
  await writeAudited(tx, principal, now, after, (r) => tx.expertise.updateAssessment(r), {
    action: `expertise.assessment.${event}`,
    targetType: 'mine',
    targetId: a.mineId,
    before: { state: a.state },
    after: { id: a.id, state: after.state, reason },
  });
  // The registry's own use case changes the flag, bound to this transaction (so it audits the facts too).
  const inTx = { clock: deps.clock, transaction: joinTransaction(tx) };
  for (const effect of result.effects) {
    if (effect.kind === 'set-capability') {
      await updateMineFacts(
        inTx,
        principal,
        a.mineId,
        {
          hasGasControlCapability: effect.value,
          gasControlEvidence:
            `瓦斯防治能力评估 ${a.id}：${a.expertName} 签字（${a.assessedOn}），有效期至 ${a.validUntil}；${a.conclusion === 'capable' ? '具备' : '不具备'}。`.slice(
              0,
              500,
            ),
          gasControlCertifiedOn: effect.value ? a.assessedOn : null,
        },
        { via: 'expert_assessment', basis: a.id },
      );
    } else {
      await updateMineFacts(
        inTx,
        principal,
        a.mineId,
        {
          hasGasControlCapability: false,
          gasControlEvidence:
            `评估 ${a.id} 已${event === 'expire' ? '过期' : '撤销'}（${dateOf(now)}）${reason ? `：${reason}` : ''}`.slice(
              0,
              500,
            ),
          gasControlCertifiedOn: null,
        },
        { via: 'expert_assessment', basis: a.id },
      );
    }
  }
  return after;
}

async function loadAssessment(
  tx: Pick<Stores, 'expertise' | 'mines'>,
  principal: Principal,
  id: string,
): Promise<CapabilityAssessment> {
  const a = await tx.expertise.getAssessment(id);
  if (!a) throw notFound('EXPERTISE_ASSESSMENT_NOT_FOUND', `No assessment "${id}" in your scope.`);
  try {
    await getMine(tx, principal, a.mineId);
  } catch {
    throw notFound('EXPERTISE_ASSESSMENT_NOT_FOUND', `No assessment "${id}" in your scope.`);
  }
  return a;
}

/**
 * A regulator approves a signed assessment: it becomes the evidence behind the mine's flag (set when the
 * expert concluded capable, cleared otherwise); a previously approved one is superseded.
 */
export async function approveAssessment(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<CapabilityAssessment> {
  requirePermission(principal, 'expertise.approve');
  requirePermission(principal, 'mine.update');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'regions', 'users', 'expertise', 'audit'], async (tx) => {
    const a = await loadAssessment(tx, principal, id);
    // The signature must be a gas-control expert's: nothing else may set the flag.
    const signer = await tx.users.get(a.expertId);
    if (!signer || signer.role !== 'gas_expert') {
      throw conflict(
        'EXPERTISE_ASSESSMENT_UNSIGNED',
        'The assessment is not signed by a gas-control expert.',
      );
    }
    if (a.state === 'signed' && a.validUntil <= dateOf(now)) {
      throw conflict('EXPERTISE_ASSESSMENT_EXPIRED', `The assessment was valid until ${a.validUntil}.`);
    }
    for (const other of await tx.expertise.listAssessments({ mineId: a.mineId })) {
      if (other.id !== a.id && other.state === 'approved') {
        await applyTransition(deps, tx, principal, other, 'supersede', `superseded by ${a.id}`, now);
      }
    }
    return applyTransition(deps, tx, principal, a, 'approve', null, now);
  });
}

/** A regulator withdraws an assessment (signed or approved); an approved one's flag is cleared. */
export async function withdrawAssessment(
  deps: Deps,
  principal: Principal,
  id: string,
  reason: string,
): Promise<CapabilityAssessment> {
  requirePermission(principal, 'expertise.approve');
  requirePermission(principal, 'mine.update');
  const why = requireText(reason, 'reason', 'EXPERTISE_ASSESSMENT_INVALID', 1000);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'regions', 'expertise', 'audit'], async (tx) => {
    const a = await loadAssessment(tx, principal, id);
    return applyTransition(deps, tx, principal, a, 'withdraw', why, now);
  });
}

/** Expires every approved assessment in the principal's scope whose validity has ended; clears the flags. */
export async function expireDueAssessments(
  deps: Deps,
  principal: Principal,
  filter: { regionPath?: string; mineId?: string },
): Promise<{ expired: string[] }> {
  requirePermission(principal, 'expertise.approve');
  requirePermission(principal, 'mine.update');
  const now = deps.clock.nowIso();
  const today = dateOf(now);
  return deps.transaction(['mines', 'regions', 'expertise', 'audit'], async (tx) => {
    const due = (await tx.expertise.listAssessments(filter)).filter(
      (a) => a.state === 'approved' && a.validUntil <= today,
    );
    for (const a of due) await applyTransition(deps, tx, principal, a, 'expire', null, now);
    return { expired: due.map((a) => a.id) };
  });
}
