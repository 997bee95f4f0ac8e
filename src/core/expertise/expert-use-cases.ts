import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited, recordAudit } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound, unavailable } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import { getMine } from '../registry/mine-use-cases.ts';
import {
  addDays,
  dateOf,
  recordExpertWork,
  regionFilter,
  requireDate,
  requireText,
} from './expertise-common.ts';
import type {
  ExpertAssignment,
  ExpertProfile,
  GuidanceFinding,
  GuidanceVisit,
  TrainingSession,
} from './expertise-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

/** What a guidance finding carries into the hazards module (wired by the route layer). */
export interface ExpertFindingReporter {
  report(
    principal: Principal,
    input: {
      mineId: string;
      title: string;
      description: string;
      grade: 'major' | 'general';
      category: string;
    },
  ): Promise<{ id: string }>;
}

/** The gas-control experts, with their specialities. */
export async function listExperts(
  deps: Pick<Ports, 'supervision' | 'expertise'>,
  principal: Principal,
): Promise<ExpertProfile[]> {
  requirePermission(principal, 'expertise.read');
  const users = (await deps.supervision.listAssignableUsers(['gas_expert'])).filter((u) => !u.disabled);
  return Promise.all(
    users.map(async (u) => {
      const s = await deps.expertise.getSpecialities(u.id);
      return {
        userId: u.id,
        displayName: u.displayName,
        specialities: s?.specialities ?? [],
        updatedAt: s?.updatedAt ?? null,
      };
    }),
  );
}

/** Sets an expert's specialities (the expert themself, or a regulator). */
export async function setSpecialities(
  deps: Deps,
  principal: Principal,
  userId: string,
  specialities: readonly string[],
): Promise<ExpertProfile> {
  requirePermission(principal, 'expertise.profile');
  if (principal.role === 'gas_expert' && principal.userId !== userId) {
    throw invalidInput('EXPERTISE_NOT_YOURS', 'An expert sets only their own specialities.');
  }
  const list = [
    ...new Set(specialities.map((s, i) => requireText(s, `specialities.${i}`, 'EXPERTISE_INVALID', 100))),
  ];
  const now = deps.clock.nowIso();
  return deps.transaction(['users', 'expertise', 'audit'], async (tx) => {
    const user = await tx.users.get(userId);
    if (!user || user.role !== 'gas_expert')
      throw notFound('EXPERT_NOT_FOUND', `No gas-control expert "${userId}".`);
    const before = await tx.expertise.getSpecialities(userId);
    await tx.expertise.saveSpecialities(userId, list, now);
    await recordAudit(tx, principal, now, {
      action: 'expertise.expert.specialities',
      targetType: 'user',
      targetId: userId,
      before: before?.specialities,
      after: list,
    });
    return { userId, displayName: user.displayName, specialities: list, updatedAt: now };
  });
}

/** A regulator assigns an expert to a mine in scope (one active assignment per expert and mine). */
export async function assignExpert(
  deps: Deps,
  principal: Principal,
  input: { mineId: string; expertId: string },
): Promise<ExpertAssignment> {
  requirePermission(principal, 'expertise.assign');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'users', 'expertise', 'audit'], async (tx) => {
    const mine = await getMine(tx, principal, input.mineId);
    if (mine.status === 'closed') throw conflict('EXPERTISE_MINE_CLOSED', `${mine.name} is closed.`);
    const expert = await tx.users.get(input.expertId);
    if (!expert || expert.role !== 'gas_expert' || expert.disabled) {
      throw invalidInput('EXPERT_NOT_FOUND', `"${input.expertId}" is not an active gas-control expert.`);
    }
    const active = await tx.expertise.listAssignments({ mineId: mine.id }, false);
    if (active.some((a) => a.expertId === expert.id)) {
      throw conflict(
        'EXPERTISE_ALREADY_ASSIGNED',
        `${expert.displayName} is already assigned to ${mine.name}.`,
      );
    }
    const a: ExpertAssignment = {
      id: deps.ids.next('exa'),
      mineId: mine.id,
      expertId: expert.id,
      expertName: expert.displayName,
      assignedBy: principal.userId,
      assignedAt: now,
      endedAt: null,
    };
    return writeAudited(tx, principal, now, a, (r) => tx.expertise.insertAssignment(r), {
      action: 'expertise.assignment.create',
      targetType: 'mine',
      targetId: mine.id,
    });
  });
}

/** Ends an active assignment. */
export async function endAssignment(deps: Deps, principal: Principal, id: string): Promise<ExpertAssignment> {
  requirePermission(principal, 'expertise.assign');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'expertise', 'audit'], async (tx) => {
    const a = await tx.expertise.getAssignment(id);
    if (!a) throw notFound('EXPERTISE_ASSIGNMENT_NOT_FOUND', `No assignment "${id}" in your scope.`);
    await inScopeOr404(tx, principal, a.mineId, 'EXPERTISE_ASSIGNMENT_NOT_FOUND', id);
    if (a.endedAt !== null) throw conflict('EXPERTISE_ASSIGNMENT_ENDED', 'The assignment has already ended.');
    const after = { ...a, endedAt: now };
    return writeAudited(tx, principal, now, after, (r) => tx.expertise.updateAssignment(r), {
      action: 'expertise.assignment.end',
      targetType: 'mine',
      targetId: a.mineId,
      before: a,
      after,
    });
  });
}

async function inScopeOr404(
  tx: Pick<Stores, 'mines'>,
  principal: Principal,
  mineId: string,
  code: string,
  id: string,
) {
  try {
    return await getMine(tx, principal, mineId);
  } catch {
    throw notFound(code, `No record "${id}" in your scope.`);
  }
}

export interface GuidanceInput {
  mineId: string;
  visitedOn: string;
  recommendations: string;
  findings: ReadonlyArray<{ title: string; description: string; grade: string; category?: string | null }>;
}

/** An expert records a guidance visit with findings and recommendations. */
export async function recordGuidance(
  deps: Deps,
  principal: Principal,
  input: GuidanceInput,
): Promise<GuidanceVisit> {
  requirePermission(principal, 'expertise.guide');
  const code = 'EXPERTISE_GUIDANCE_INVALID';
  const visitedOn = requireDate(input.visitedOn, 'visitedOn', code);
  const findings: GuidanceFinding[] = input.findings.map((f, i) => {
    if (f.grade !== 'major' && f.grade !== 'general')
      throw invalidInput(code, `findings.${i}.grade is major or general.`);
    return {
      title: requireText(f.title, `findings.${i}.title`, code, 200),
      description: (f.description ?? '').trim().slice(0, 5000),
      grade: f.grade,
      category: f.category?.trim() || 'general',
      hazardId: null,
    };
  });
  const recommendations = requireText(input.recommendations, 'recommendations', code, 5000);
  return recordExpertWork(
    deps,
    principal,
    {
      mineId: input.mineId,
      idPrefix: 'exg',
      action: 'expertise.guidance.record',
      on: visitedOn,
      code,
      inFuture: 'A guidance visit is recorded after it happens.',
    },
    (base, now): GuidanceVisit => ({ ...base, visitedOn, findings, recommendations, createdAt: now }),
    (store, v) => store.insertGuidance(v),
  );
}

/** A regulator turns one finding of a guidance visit into a hazard, in one step. */
export async function reportGuidanceFinding(
  deps: Deps & Pick<Ports, 'expertise' | 'mines'>,
  reporter: ExpertFindingReporter | undefined,
  principal: Principal,
  visitId: string,
  index: number,
): Promise<GuidanceVisit> {
  requirePermission(principal, 'expertise.finding.report');
  const v = await deps.expertise.getGuidance(visitId);
  if (!v) throw notFound('EXPERTISE_GUIDANCE_NOT_FOUND', `No guidance visit "${visitId}" in your scope.`);
  await inScopeOr404(deps, principal, v.mineId, 'EXPERTISE_GUIDANCE_NOT_FOUND', visitId);
  const f = v.findings[index];
  if (!f) throw notFound('EXPERTISE_FINDING_NOT_FOUND', `The visit has no finding ${index}.`);
  if (f.hazardId !== null)
    throw conflict('EXPERTISE_FINDING_REPORTED', `Already reported as hazard ${f.hazardId}.`);
  if (!reporter) throw unavailable('HAZARDS_UNAVAILABLE', 'The hazards module is not available.');
  const hazard = await reporter.report(principal, {
    mineId: v.mineId,
    title: f.title,
    description: `${f.description}\n\n[瓦斯专家指导 / expert guidance ${v.id} (${v.expertName}, ${v.visitedOn}), finding ${index}]`,
    grade: f.grade,
    category: f.category,
  });
  const now = deps.clock.nowIso();
  return deps.transaction(['expertise', 'audit'], async (tx) => {
    const fresh = (await tx.expertise.getGuidance(visitId)) ?? v;
    const after: GuidanceVisit = {
      ...fresh,
      findings: fresh.findings.map((x, i) => (i === index ? { ...x, hazardId: hazard.id } : x)),
    };
    return writeAudited(tx, principal, now, after, (r) => tx.expertise.updateGuidance(r), {
      action: 'expertise.guidance.finding.report',
      targetType: 'mine',
      targetId: v.mineId,
      before: { visitId, index },
      after: { hazardId: hazard.id },
    });
  });
}

/** An expert records a training session at a mine and who attended. */
export async function recordTraining(
  deps: Deps,
  principal: Principal,
  input: { mineId: string; title: string; heldOn: string; attendees: readonly string[] },
): Promise<TrainingSession> {
  requirePermission(principal, 'expertise.guide');
  const code = 'EXPERTISE_TRAINING_INVALID';
  const heldOn = requireDate(input.heldOn, 'heldOn', code);
  const title = requireText(input.title, 'title', code, 200);
  const attendees = input.attendees.map((a, i) => requireText(a, `attendees.${i}`, code, 100));
  if (attendees.length === 0) throw invalidInput(code, 'Name at least one attendee.');
  return recordExpertWork(
    deps,
    principal,
    {
      mineId: input.mineId,
      idPrefix: 'ext',
      action: 'expertise.training.record',
      on: heldOn,
      code,
      inFuture: 'A training is recorded after it is held.',
    },
    (base, now): TrainingSession => ({ ...base, title, heldOn, attendees, createdAt: now }),
    (store, t) => store.insertTraining(t),
  );
}

/** Everything the expert service holds about one mine. */
export async function getMineExpertise(
  deps: Pick<Ports, 'mines' | 'expertise'>,
  principal: Principal,
  mineId: string,
) {
  requirePermission(principal, 'expertise.read');
  const mine = await getMine(deps, principal, mineId);
  const f = { mineId: mine.id };
  const [assignments, guidance, trainings, assessments, progress] = await Promise.all([
    deps.expertise.listAssignments(f, true),
    deps.expertise.listGuidance(f),
    deps.expertise.listTrainings(f),
    deps.expertise.listAssessments(f),
    deps.expertise.listProgress(f),
  ]);
  return {
    mine: {
      id: mine.id,
      name: mine.name,
      gasClass: mine.gasClass,
      status: mine.status,
      hasGasControlCapability: mine.hasGasControlCapability,
      gasControlEvidence: mine.gasControlEvidence,
      gasControlCertifiedOn: mine.gasControlCertifiedOn,
      operator: mine.operator,
    },
    assignments,
    guidance,
    trainings,
    assessments,
    progress,
  };
}

export interface ExpertGap {
  mineId: string;
  mineName: string;
  gasClass: 'high' | 'outburst';
  status: string;
  hasExpert: boolean;
  lastApprovedAssessmentOn: string | null;
  gaps: Array<'no_expert' | 'no_recent_assessment'>;
}

/** High-gas and outburst mines (not closed) without an assigned expert or an approved assessment in a year. */
export async function listExpertGaps(
  deps: Pick<Ports, 'mines' | 'regions' | 'expertise' | 'clock'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<{ items: ExpertGap[]; mines: number }> {
  requirePermission(principal, 'expertise.read');
  const filter = await regionFilter(deps, principal, regionId);
  const yearAgo = addDays(dateOf(deps.clock.nowIso()), -365);
  const page = await deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'name', desc: false });
  const mines = page.items.filter((m) => m.gasClass !== 'low' && m.status !== 'closed');
  const [assignments, assessments] = await Promise.all([
    deps.expertise.listAssignments(filter, false),
    deps.expertise.listAssessments(filter),
  ]);
  const items: ExpertGap[] = [];
  for (const m of mines) {
    const hasExpert = assignments.some((a) => a.mineId === m.id);
    const approved =
      assessments
        .filter((a) => a.mineId === m.id && a.state === 'approved')
        .map((a) => a.assessedOn)
        .sort()
        .reverse()[0] ?? null;
    const gaps: ExpertGap['gaps'] = [];
    if (!hasExpert) gaps.push('no_expert');
    if (approved === null || approved < yearAgo) gaps.push('no_recent_assessment');
    if (gaps.length > 0) {
      items.push({
        mineId: m.id,
        mineName: m.name,
        gasClass: m.gasClass as 'high' | 'outburst',
        status: m.status,
        hasExpert,
        lastApprovedAssessmentOn: approved,
        gaps,
      });
    }
  }
  return { items, mines: mines.length };
}
