import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decideProposal,
  fileProgressReport,
  listProposals,
  listUnderSupervision,
  unlistSupervision,
} from '../../../core/hazards/hazard-oversight.ts';
import {
  getHazardDetail,
  hazardBoard,
  listCriteria,
  listHazards,
} from '../../../core/hazards/hazard-queries.ts';
import { fileSelfCheckReport, listMissingSelfChecks } from '../../../core/hazards/hazard-records.ts';
import { DEFAULT_DAYS_PER_ESCALATION_LEVEL, runDailyReviewAs } from '../../../core/hazards/hazard-review.ts';
import { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATES } from '../../../core/hazards/hazard-types.ts';
import {
  assignHazard,
  extendDueDate,
  rejectRectification,
  reportHazard,
  startRectifying,
  submitForVerification,
  verifyAndClose,
} from '../../../core/hazards/hazard-use-cases.ts';
import { HAZARD_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import type { AppDeps } from '../../app.ts';
import { registerListExport } from '../../list-export-route.ts';
import { principalOf } from '../../auth.ts';
import { createEquipmentState } from '../../../monitoring/equipment-state.ts';
import { registerEvidenceRoutes } from './hazard-evidence.routes.ts';
import { idParams, regionIdSchema, isoDateSchema } from '../../route-schemas.ts';
import {
  criteriaListingSchema,
  hazardBoardSchema,
  hazardDetailSchema,
  hazardProposalSchema,
  hazardSchema,
  hazardViewSchema,
  listingSchema,
  missingSelfChecksSchema,
  progressReportSchema,
  reviewResultSchema,
  selfCheckReportSchema,
} from './hazards.schemas.ts';

const text = (max: number) => z.string().max(max);
const date = isoDateSchema;
const regionId = regionIdSchema.optional();
const hazardFilters = z.object({
  regionId,
  mineId: z.string().max(100).optional(),
  state: z.enum(HAZARD_STATES).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

const planBody = z.object({
  responsiblePerson: text(200).optional(),
  measures: text(5000).optional(),
  fundsCny: z.number().min(0).max(1e12).nullable().optional(),
  deadline: text(20).optional(),
  contingencyPlan: text(5000).nullable().optional(),
  objectives: text(5000).nullable().optional(),
  methods: text(5000).nullable().optional(),
  materials: text(5000).nullable().optional(),
  responsibleBody: text(500).nullable().optional(),
  requirements: text(5000).nullable().optional(),
  safetyMeasures: text(5000).nullable().optional(),
});

/** The hazards API: report, the closed loop, supervision listings, proposals, reviews, self-checks. */
export function registerHazardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  const tags = ['hazards'];

  r.get(
    '/api/hazards/criteria',
    {
      schema: {
        tags,
        summary:
          'The major-hazard criteria editions, each row with its source, and which edition grades a hazard found today (standIn: the edition in force is not encoded yet).',
        response: { 200: criteriaListingSchema },
      },
    },
    (req) => listCriteria(ports, principalOf(req)),
  );

  r.get(
    '/api/hazards',
    {
      schema: {
        tags,
        summary: 'Hazards in your scope (overdue first), filtered by region, mine, state, grade, overdue.',
        querystring: hazardFilters.extend({
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(hazardViewSchema) }) },
      },
    },
    (req) => listHazards(ports, principalOf(req), { ...req.query, overdue: req.query.overdue === 'true' }),
  );

  registerListExport(app, deps, {
    url: '/api/hazards/export',
    list: 'hazards',
    tags,
    filters: hazardFilters,
    columns: HAZARD_COLUMNS,
    load: async (p, f, limit) =>
      (await listHazards(ports, p, { ...f, overdue: f.overdue === 'true', limit })).items,
  });

  r.get(
    '/api/hazards/board',
    {
      schema: {
        tags,
        summary: 'Counts by state with the overdue count first.',
        querystring: z.object({ regionId, mineId: z.string().max(100).optional() }),
        response: { 200: hazardBoardSchema },
      },
    },
    (req) => hazardBoard(ports, principalOf(req), req.query),
  );

  r.get(
    '/api/hazards/:id',
    {
      schema: {
        tags,
        summary: 'One hazard with its history, timeline, evidence and listings.',
        params: idParams,
        response: { 200: hazardDetailSchema },
      },
    },
    (req) => getHazardDetail(ports, principalOf(req), req.params.id),
  );

  r.post(
    '/api/hazards',
    {
      schema: {
        tags,
        summary: 'Report a hazard against a mine; a major one proposes suspension (and closure on a repeat).',
        body: z.object({
          mineId: z.string().min(1).max(100),
          source: z.enum(HAZARD_SOURCES),
          grade: z.enum(HAZARD_GRADES),
          category: z.string().min(1).max(40),
          title: text(200),
          description: text(5000).default(''),
          area: text(200).nullable().optional(),
          equipment: text(200).nullable().optional(),
          pointCode: text(40).nullable().optional(),
          /** The alarm the hazard is reported from; the alarm then shows the hazard. */
          alarmId: z.string().min(1).max(300).nullable().optional(),
        }),
        response: { 201: z.object({ hazard: hazardSchema, proposals: z.array(hazardProposalSchema) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await reportHazard(ports, principalOf(req), req.body)),
  );

  r.post(
    '/api/hazards/:id/assign',
    {
      schema: {
        tags,
        summary: 'The mine sets the five implementations (and the plan, for a major hazard).',
        params: idParams,
        body: planBody,
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({ hazard: await assignHazard(ports, principalOf(req), req.params.id, req.body) }),
  );
  r.post(
    '/api/hazards/:id/start',
    {
      schema: {
        tags,
        summary: 'The mine starts rectifying.',
        params: idParams,
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({ hazard: await startRectifying(ports, principalOf(req), req.params.id) }),
  );
  const noteBody = z.object({ note: text(2000).nullable().optional() }).default({});
  r.post(
    '/api/hazards/:id/submit',
    {
      schema: {
        tags,
        summary: 'The mine applies for verification.',
        params: idParams,
        body: noteBody,
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({
      hazard: await submitForVerification(ports, principalOf(req), req.params.id, req.body.note ?? null),
    }),
  );
  r.post(
    '/api/hazards/:id/verify',
    {
      schema: {
        tags,
        summary: 'A regulator verifies on site and closes (writes off) the hazard.',
        params: idParams,
        body: noteBody,
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({
      hazard: await verifyAndClose(ports, principalOf(req), req.params.id, req.body.note ?? null),
    }),
  );
  r.post(
    '/api/hazards/:id/reject',
    {
      schema: {
        tags,
        summary: 'A regulator rejects the rectification, with a reason.',
        params: idParams,
        body: z.object({ reason: text(2000) }),
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({
      hazard: await rejectRectification(ports, principalOf(req), req.params.id, req.body.reason),
    }),
  );
  r.post(
    '/api/hazards/:id/extend',
    {
      schema: {
        tags,
        summary: 'A regulator extends the current due date, with a reason (the original stays).',
        params: idParams,
        body: z.object({ newDueDate: date, reason: text(2000) }),
        response: { 200: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req) => ({ hazard: await extendDueDate(ports, principalOf(req), req.params.id, req.body) }),
  );
  r.post(
    '/api/hazards/:id/listing',
    {
      schema: {
        tags,
        summary: 'A regulator lists a major hazard under supervision (挂牌督办).',
        params: idParams,
        body: z.object({ notice: text(5000) }),
        response: { 201: z.object({ listing: listingSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        listing: await listUnderSupervision(ports, principalOf(req), req.params.id, req.body.notice),
      }),
  );
  r.post(
    '/api/hazards/:id/listing/close',
    {
      schema: {
        tags,
        summary: 'Close the supervision listing of a closed hazard.',
        params: idParams,
        response: { 200: z.object({ listing: listingSchema }) },
      },
    },
    async (req) => ({ listing: await unlistSupervision(ports, principalOf(req), req.params.id) }),
  );
  r.post(
    '/api/hazards/:id/progress',
    {
      schema: {
        tags,
        summary: 'The mine reports progress on a listed hazard.',
        params: idParams,
        body: z.object({ text: text(5000) }),
        response: { 201: z.object({ progress: progressReportSchema }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ progress: await fileProgressReport(ports, principalOf(req), req.params.id, req.body.text) }),
  );

  r.get(
    '/api/hazards/proposals',
    {
      schema: {
        tags,
        summary: 'Suspension, closure and stop-work proposals in your scope (regulators).',
        querystring: z.object({ state: z.enum(['open', 'confirmed', 'dismissed', 'lapsed']).optional() }),
        response: { 200: z.object({ items: z.array(hazardProposalSchema) }) },
      },
    },
    (req) => listProposals(ports, principalOf(req), req.query.state),
  );
  const decide =
    (decision: 'confirm' | 'dismiss') =>
    async (
      req: { params: { id: string }; body: { note?: string | null } },
      p: ReturnType<typeof principalOf>,
    ) => {
      const proposal = await decideProposal(ports, p, req.params.id, {
        decision,
        note: req.body.note ?? null,
      });
      return { proposal };
    };
  r.post(
    '/api/hazards/proposals/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a proposal: the mine is suspended or ordered closed.',
        params: idParams,
        body: noteBody,
        response: { 200: z.object({ proposal: hazardProposalSchema }) },
      },
    },
    (req) => decide('confirm')(req, principalOf(req)),
  );
  r.post(
    '/api/hazards/proposals/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a proposal, with a reason.',
        params: idParams,
        body: noteBody,
        response: { 200: z.object({ proposal: hazardProposalSchema }) },
      },
    },
    (req) => decide('dismiss')(req, principalOf(req)),
  );

  const equipment = createEquipmentState(deps.monitoring?.view);
  r.post(
    '/api/hazards/daily-review',
    {
      schema: {
        tags,
        summary: 'Run overdue escalation and the running-equipment rule now, over your scope.',
        response: { 200: reviewResultSchema },
      },
    },
    (req) => runDailyReviewAs(ports, principalOf(req), equipment, DEFAULT_DAYS_PER_ESCALATION_LEVEL),
  );

  r.post(
    '/api/hazards/self-check-reports',
    {
      schema: {
        tags,
        summary:
          'File the signed quarterly major-hazard self-check report of your mine (2024 Regulation art. 35).',
        body: z.object({
          mineId: z.string().min(1).max(100),
          quarter: z.string().max(10),
          signer: text(200),
          summary: text(10_000),
          evidenceId: z.string().max(100).nullable().optional(),
        }),
        response: { 201: z.object({ report: selfCheckReportSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ report: await fileSelfCheckReport(ports, principalOf(req), req.body) }),
  );
  r.get(
    '/api/hazards/self-check-reports/missing',
    {
      schema: {
        tags,
        summary: 'Producing and building mines in scope without a self-check report for the quarter.',
        querystring: z.object({ quarter: z.string().max(10), regionId }),
        response: { 200: missingSelfChecksSchema },
      },
    },
    (req) => listMissingSelfChecks(ports, principalOf(req), req.query.quarter, req.query.regionId),
  );

  registerEvidenceRoutes(app, deps);
}
