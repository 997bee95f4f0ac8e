import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { idParams, regionQuery } from '../../route-schemas.ts';
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

const tags = ['expertise'];
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
export function registerExpertiseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  const reporter = createFindingReporter(ports);

  r.get(
    '/api/expertise/experts',
    {
      schema: {
        tags,
        summary: 'Gas-control experts and their specialities.',
        response: { 200: z.object({ items: z.array(expertProfileSchema) }) },
      },
    },
    async (req) => ({
      items: await listExperts(ports, principalOf(req)),
    }),
  );

  r.put(
    '/api/expertise/experts/:id/specialities',
    {
      schema: {
        tags,
        summary: "Set an expert's specialities (the expert themself, or a regulator).",
        params: idParams,
        body: z.object({ specialities: z.array(z.string().max(100)).max(30) }),
        response: { 200: expertProfileSchema },
      },
    },
    async (req) => setSpecialities(ports, principalOf(req), req.params.id, req.body.specialities),
  );

  r.post(
    '/api/expertise/assignments',
    {
      schema: {
        tags,
        summary: 'Assign an expert to a mine.',
        body: z.object({ mineId: z.string().min(1).max(100), expertId: z.string().min(1).max(100) }),
        response: { 201: expertAssignmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await assignExpert(ports, principalOf(req), req.body)),
  );

  r.delete(
    '/api/expertise/assignments/:id',
    {
      schema: {
        tags,
        summary: "End an expert's assignment to a mine.",
        params: idParams,
        response: { 200: expertAssignmentSchema },
      },
    },
    async (req) => endAssignment(ports, principalOf(req), req.params.id),
  );

  r.get(
    '/api/expertise/mines/:id',
    {
      schema: {
        tags,
        summary: "A mine's experts, guidance, training, assessments and progress.",
        params: idParams,
        response: { 200: mineExpertiseSchema },
      },
    },
    async (req) => getMineExpertise(ports, principalOf(req), req.params.id),
  );

  r.get(
    '/api/expertise/gaps',
    {
      schema: {
        tags,
        summary:
          'High-gas and outburst mines without an assigned expert or an approved assessment in the last year.',
        querystring: regionQuery,
        response: { 200: expertGapsSchema },
      },
    },
    async (req) => listExpertGaps(ports, principalOf(req), req.query.regionId),
  );

  r.post(
    '/api/expertise/guidance',
    {
      schema: {
        tags,
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
        response: { 201: guidanceVisitSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordGuidance(ports, principalOf(req), req.body)),
  );

  r.post(
    '/api/expertise/guidance/:id/findings/:index/hazard',
    {
      schema: {
        tags,
        summary: 'Turn a guidance finding into a hazard (one step).',
        params: z.object({ id: z.string().min(1).max(100), index: z.coerce.number().int().min(0).max(99) }),
        response: { 201: guidanceVisitSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await reportGuidanceFinding(ports, reporter, principalOf(req), req.params.id, req.params.index),
        ),
  );

  r.post(
    '/api/expertise/trainings',
    {
      schema: {
        tags,
        summary: 'An expert records a training session and who attended.',
        body: z.object({
          mineId: z.string().min(1).max(100),
          title: z.string().max(200),
          heldOn: date,
          attendees: z.array(z.string().max(100)).max(500),
        }),
        response: { 201: trainingSessionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordTraining(ports, principalOf(req), req.body)),
  );

  r.post(
    '/api/expertise/assessments',
    {
      schema: {
        tags,
        summary: "An expert signs a mine's gas-control capability assessment.",
        body: z.object({
          mineId: z.string().min(1).max(100),
          assessedOn: date,
          validUntil: date,
          conclusion: z.enum(['capable', 'not_capable']),
          summary: z.string().max(2000),
        }),
        response: { 201: assessmentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await signAssessment(ports, principalOf(req), req.body)),
  );

  r.post(
    '/api/expertise/assessments/:id/approve',
    {
      schema: {
        tags,
        summary:
          "Approve a signed assessment: it becomes the evidence behind the mine's gas-control capability flag.",
        params: idParams,
        response: { 200: assessmentSchema },
      },
    },
    async (req) => approveAssessment(ports, principalOf(req), req.params.id),
  );

  r.post(
    '/api/expertise/assessments/:id/withdraw',
    {
      schema: {
        tags,
        summary: "Withdraw an assessment; an approved one's flag is cleared.",
        params: idParams,
        body: z.object({ reason: z.string().max(1000) }),
        response: { 200: assessmentSchema },
      },
    },
    async (req) => withdrawAssessment(ports, principalOf(req), req.params.id, req.body.reason),
  );

  r.post(
    '/api/expertise/assessments/expire',
    {
      schema: {
        tags,
        summary: 'Expire the approved assessments past their validity in a region; their flags are cleared.',
        querystring: regionQuery,
        response: { 200: z.object({ expired: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requirePermission(principal, 'expertise.approve');
      return expireDueAssessments(ports, principal, await regionFilter(ports, principal, req.query.regionId));
    },
  );

  r.post(
    '/api/expertise/progress',
    {
      schema: {
        tags,
        summary:
          "Record a mine's mechanised faces, intelligent working faces and remote monitoring as of a date.",
        body: z.object({
          mineId: z.string().min(1).max(100),
          recordedOn: date,
          mechanisedFaces: z.number().int(),
          intelligentFaces: z.number().int(),
          remoteMonitoring: z.boolean(),
        }),
        response: { 201: progressRecordSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordProgress(ports, principalOf(req), req.body)),
  );

  r.put(
    '/api/expertise/targets/:id',
    {
      schema: {
        tags,
        summary: "Set a region's upgrading targets.",
        params: idParams,
        body: z.object({
          intelligentFaces: z.number().int().nullable(),
          capacityWithdrawnTPerYear: z.number().int().nullable(),
          dueOn: date,
        }),
        response: { 200: upgradeTargetSchema },
      },
    },
    async (req) => setUpgradeTarget(ports, principalOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/expertise/mergers',
    {
      schema: {
        tags,
        summary: 'Record a merger of mines into a larger enterprise (old operators are kept).',
        body: z.object({
          enterpriseName: z.string().max(200),
          mergedOn: date,
          mineIds: z.array(z.string().min(1).max(100)).min(1).max(200),
        }),
        response: { 201: mergerSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await recordMerger(ports, principalOf(req), req.body)),
  );

  r.get(
    '/api/expertise/upgrading',
    {
      schema: {
        tags,
        summary: "A region's upgrading progress and capacity withdrawn against target, and its mergers.",
        querystring: regionQuery,
        response: { 200: upgradingViewSchema },
      },
    },
    async (req) => getUpgrading(ports, principalOf(req), req.query.regionId),
  );

  r.get(
    '/api/expertise/formalism',
    {
      schema: {
        tags,
        summary: 'Supervision that exists only on paper: ranked flags, each with its reason and records.',
        querystring: regionQuery.extend({
          periodDays: positive,
          shortVisitMinutes: positive,
          quietAlarmThreshold: positive,
          leaderDays: positive,
          copiedRun: positive,
          minVisitsUnderground: positive,
        }),
        response: { 200: formalismSchema },
      },
    },
    async (req) => {
      const { regionId, ...params } = req.query;
      return getFormalismFlags(ports, principalOf(req), { regionId, params });
    },
  );
}
