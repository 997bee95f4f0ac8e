import { z } from 'zod';
import {
  approveAssessment,
  expireDueAssessments,
  signAssessment,
  withdrawAssessment,
} from '../../../core/expertise/assessment-use-cases.ts';
import { regionFilter } from '../../../core/expertise/expertise-common.ts';
import {
  assignExpert,
  endAssignment,
  getMineExpertise,
  listExpertGaps,
  listExperts,
  recordGuidance,
  recordTraining,
  reportGuidanceFinding,
  setSpecialities,
  type ExpertFindingReporter,
} from '../../../core/expertise/expert-use-cases.ts';
import { getFormalismFlags } from '../../../core/expertise/formalism-use-cases.ts';
import {
  getUpgrading,
  recordMerger,
  recordProgress,
  setUpgradeTarget,
} from '../../../core/expertise/upgrading-use-cases.ts';
import { requirePermission } from '../../../core/access/permissions.ts';
import { reportHazard } from '../../../core/hazards/hazard-use-cases.ts';
import type { Ports } from '../../../core/ports.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, itemsOf, regionQuery } from '../../route-schemas.ts';
import {
  assessmentSchema,
  expertAssignmentSchema,
  expertGapsSchema,
  expertProfileSchema,
  formalismSchema,
  guidanceVisitSchema,
  mergerSchema,
  mineExpertiseSchema,
  progressRecordSchema,
  trainingSessionSchema,
  upgradeTargetSchema,
  upgradingViewSchema,
} from './expertise.schemas.ts';

const date = z.string().max(10);
const positive = z.coerce.number().int().optional();

/** Expert guidance findings carried out by the hazards module's report use case. */
function createFindingReporter(ports: Ports): ExpertFindingReporter {
  return {
    async report(principal, input) {
      const { hazard } = await reportHazard(ports, principal, { ...input, source: 'inspection' });
      return { id: hazard.id };
    },
  };
}

/** The gas-control expert service team, industry upgrading and supervision quality (against formalism). */
export const registerExpertiseRoutes = routeModule(['expertise'], (route, { ports }) => {
  const reporter = createFindingReporter(ports);

  route.get(
    '/api/expertise/experts',
    {
      summary: 'Gas-control experts and their specialities.',
      response: itemsOf(expertProfileSchema),
    },
    async ({ principal }) => ({ items: await listExperts(ports, principal) }),
  );

  route.put(
    '/api/expertise/experts/:id/specialities',
    {
      summary: "Set an expert's specialities (the expert themself, or a regulator).",
      params: idParams,
      body: z.object({ specialities: z.array(z.string().max(100)).max(30) }),
      response: expertProfileSchema,
    },
    ({ principal, params, body }) => setSpecialities(ports, principal, params.id, body.specialities),
  );

  route.post(
    '/api/expertise/assignments',
    {
      summary: 'Assign an expert to a mine.',
      body: z.object({ mineId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) }),
      response: expertAssignmentSchema,
      status: 201,
    },
    ({ principal, body }) => assignExpert(ports, principal, body),
  );

  route.delete(
    '/api/expertise/assignments/:id',
    { summary: "End an expert's assignment to a mine.", params: idParams, response: expertAssignmentSchema },
    ({ principal, params }) => endAssignment(ports, principal, params.id),
  );

  route.get(
    '/api/expertise/mines/:id',
    {
      summary: "A mine's experts, guidance, training, assessments and progress.",
      params: idParams,
      response: mineExpertiseSchema,
    },
    ({ principal, params }) => getMineExpertise(ports, principal, params.id),
  );

  route.get(
    '/api/expertise/gaps',
    {
      summary:
        'High-gas and outburst mines without an assigned expert or an approved assessment in the last year.',
      query: regionQuery,
      response: expertGapsSchema,
    },
    ({ principal, query }) => listExpertGaps(ports, principal, query.regionId),
  );

  route.post(
    '/api/expertise/guidance',
    {
      summary: 'An expert records a guidance visit with findings and recommendations.',
      body: z.object({
        mineId: z.string().min(1).max(100),
        visitedOn: date,
        recommendations: z.string().max(5000),
        findings: z
          .array(
            z.object({
              title: z.string().max(200),
              description: z.string().max(5000),
              grade: z.enum(['major', 'general']),
              category: z.string().max(40).nullish(),
            }),
          )
          .max(100),
      }),
      response: guidanceVisitSchema,
      status: 201,
    },
    ({ principal, body }) => recordGuidance(ports, principal, body),
  );

  route.post(
    '/api/expertise/guidance/:id/findings/:index/hazard',
    {
      summary: 'Turn a guidance finding into a hazard (one step).',
      params: z.object({ id: z.string().min(1).max(100), index: z.coerce.number().int().min(0).max(99) }),
      response: guidanceVisitSchema,
      status: 201,
    },
    ({ principal, params }) => reportGuidanceFinding(ports, reporter, principal, params.id, params.index),
  );

  route.post(
    '/api/expertise/trainings',
    {
      summary: 'An expert records a training session and who attended.',
      body: z.object({
        mineId: z.string().min(1).max(100),
        title: z.string().max(200),
        heldOn: date,
        attendees: z.array(z.string().max(100)).max(500),
      }),
      response: trainingSessionSchema,
      status: 201,
    },
    ({ principal, body }) => recordTraining(ports, principal, body),
  );

  route.post(
    '/api/expertise/assessments',
    {
      summary: "An expert signs a mine's gas-control capability assessment.",
      body: z.object({
        mineId: z.string().min(1).max(100),
        assessedOn: date,
        validUntil: date,
        conclusion: z.enum(['capable', 'not_capable']),
        summary: z.string().max(2000),
      }),
      response: assessmentSchema,
      status: 201,
    },
    ({ principal, body }) => signAssessment(ports, principal, body),
  );

  route.post(
    '/api/expertise/assessments/:id/approve',
    {
      summary:
        "Approve a signed assessment: it becomes the evidence behind the mine's gas-control capability flag.",
      params: idParams,
      response: assessmentSchema,
    },
    ({ principal, params }) => approveAssessment(ports, principal, params.id),
  );

  route.post(
    '/api/expertise/assessments/:id/withdraw',
    {
      summary: "Withdraw an assessment; an approved one's flag is cleared.",
      params: idParams,
      body: z.object({ reason: z.string().max(1000) }),
      response: assessmentSchema,
    },
    ({ principal, params, body }) => withdrawAssessment(ports, principal, params.id, body.reason),
  );

  route.post(
    '/api/expertise/assessments/expire',
    {
      summary: 'Expire the approved assessments past their validity in a region; their flags are cleared.',
      query: regionQuery,
      response: z.object({ expired: z.array(z.string()) }),
    },
    async ({ principal, query }) => {
      requirePermission(principal, 'expertise.approve');
      return expireDueAssessments(ports, principal, await regionFilter(ports, principal, query.regionId));
    },
  );

  route.post(
    '/api/expertise/progress',
    {
      summary:
        "Record a mine's mechanised faces, intelligent working faces and remote monitoring as of a date.",
      body: z.object({
        mineId: z.string().min(1).max(100),
        recordedOn: date,
        mechanisedFaces: z.number().int(),
        intelligentFaces: z.number().int(),
        remoteMonitoring: z.boolean(),
      }),
      response: progressRecordSchema,
      status: 201,
    },
    ({ principal, body }) => recordProgress(ports, principal, body),
  );

  route.put(
    '/api/expertise/targets/:id',
    {
      summary: "Set a region's upgrading targets.",
      params: idParams,
      body: z.object({
        intelligentFaces: z.number().int().nullable(),
        capacityWithdrawnTPerYear: z.number().int().nullable(),
        dueOn: date,
      }),
      response: upgradeTargetSchema,
    },
    ({ principal, params, body }) => setUpgradeTarget(ports, principal, params.id, body),
  );

  route.post(
    '/api/expertise/mergers',
    {
      summary: 'Record a merger of mines into a larger enterprise (old operators are kept).',
      body: z.object({
        enterpriseName: z.string().max(200),
        mergedOn: date,
        mineIds: z.array(z.string().min(1).max(100)).min(1).max(200),
      }),
      response: mergerSchema,
      status: 201,
    },
    ({ principal, body }) => recordMerger(ports, principal, body),
  );

  route.get(
    '/api/expertise/upgrading',
    {
      summary: "A region's upgrading progress and capacity withdrawn against target, and its mergers.",
      query: regionQuery,
      response: upgradingViewSchema,
    },
    ({ principal, query }) => getUpgrading(ports, principal, query.regionId),
  );

  route.get(
    '/api/expertise/formalism',
    {
      summary: 'Supervision that exists only on paper: ranked flags, each with its reason and records.',
      query: regionQuery.extend({
        periodDays: positive,
        shortVisitMinutes: positive,
        quietAlarmThreshold: positive,
        leaderDays: positive,
        copiedRun: positive,
        minVisitsUnderground: positive,
      }),
      response: formalismSchema,
    },
    ({ principal, query: { regionId, ...params } }) =>
      getFormalismFlags(ports, principal, { regionId, params }),
  );
});
