import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getSupervisionCard,
  listAssignmentCandidates,
  setContactLeader,
  setResponsiblePerson,
  setSupervisionGroup,
} from '../../../core/supervision/assignment-use-cases.ts';
import { COVERAGE_GAPS, coverageCsv, getCoverage, getVisitKpi } from '../../../core/supervision/coverage.ts';
import { createPlan, decidePlan, deletePlan, updatePlan } from '../../../core/supervision/plan-use-cases.ts';
import type { HazardReporter } from '../../../core/supervision/supervision-ports.ts';
import { CHECKLIST_RESULTS, FINDING_GRADES } from '../../../core/supervision/supervision-types.ts';
import {
  getVisit,
  listVisits,
  recordVisit,
  reportFindingAsHazard,
} from '../../../core/supervision/visit-use-cases.ts';
import type { Ports } from '../../../core/ports.ts';
import type { SiteVisit } from '../../../core/supervision/supervision-types.ts';
import { VISIT_COLUMNS, type VisitRow } from '../../../reports/list-export/list-columns.ts';
import type { AppDeps } from '../../app.ts';
import { registerListExport } from '../../list-export-route.ts';
import { principalOf } from '../../auth.ts';
import { withUndergroundChecks } from '../../../core/supervision/visit-checks.ts';
import { createHazardReporter } from './hazard-reporter.ts';
import { registerSupervisionBulkRoutes } from './supervision-bulk.routes.ts';
import { registerSupervisionPresenceRoutes } from './supervision-presence.routes.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  assignmentCandidatesSchema,
  coverageViewSchema,
  kpiViewSchema,
  leaderAssignmentSchema,
  minePlanSchema,
  planBody,
  responsiblePersonSchema,
  siteVisitSchema,
  supervisionCardSchema,
  supervisionGroupSchema,
  visitFindingSchema,
} from './supervision.schemas.ts';
import { csvFileSchema } from '../session.schemas.ts';

const tags = ['supervision'];
const regionId = regionIdSchema.optional();
const mineParams = z.object({ mineId: z.string().min(1).max(100) });

const visitFilters = z.object({ regionId, mineId: z.string().min(1).max(100).optional() });

/** Site visits name their mine by id; the export shows its code and name. */
async function withMineNames(ports: Pick<Ports, 'mines'>, visits: SiteVisit[]): Promise<VisitRow[]> {
  const mines = new Map<string, { code: string; name: string }>();
  for (const id of new Set(visits.map((v) => v.mineId))) {
    const m = await ports.mines.get(id);
    if (m) mines.set(id, m);
  }
  return visits.map((v) => ({
    ...v,
    mineCode: mines.get(v.mineId)?.code ?? '',
    mineName: mines.get(v.mineId)?.name ?? '',
  }));
}

const coverageQuery = z.object({
  regionId,
  gap: z.enum(COVERAGE_GAPS as [string, ...string[]]).optional(),
  mine: z.enum(['only']).optional(),
});

const visitBody = z.object({
  mineId: z.string().min(1).max(100),
  startedAt: z.string().max(40),
  endedAt: z.string().max(40),
  wentToSite: z.boolean(),
  wentUnderground: z.boolean(),
  checklist: z
    .array(
      z.object({
        item: z.string().max(300),
        result: z.enum(CHECKLIST_RESULTS as [string, ...string[]]),
        note: z.string().max(1000).nullish(),
      }),
    )
    .max(200),
  notes: z.string().max(5000).optional(),
  findings: z
    .array(
      z.object({
        title: z.string().max(200),
        description: z.string().max(5000),
        grade: z.enum(FINDING_GRADES as [string, ...string[]]),
        category: z.string().max(40).nullish(),
        location: z.string().max(200).nullish(),
      }),
    )
    .max(100)
    .optional(),
});

/** Supervision: one plan, one responsible person, one group, one leader per mine; coverage; site visits; KPI. */
export function registerSupervisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  const hazards: HazardReporter = createHazardReporter(ports);
  registerSupervisionBulkRoutes(app, deps);
  registerSupervisionPresenceRoutes(app, deps);

  r.get(
    '/api/supervision/coverage',
    {
      schema: {
        tags,
        summary:
          'Which mines lack a plan, a responsible person, a group or a leader (closed mines excluded; gaps first).',
        querystring: coverageQuery,
        response: { 200: coverageViewSchema },
      },
    },
    async (req) =>
      getCoverage(ports, principalOf(req), {
        regionId: req.query.regionId,
        gap: req.query.gap as never,
        onlyMine: req.query.mine === 'only',
      }),
  );

  r.get(
    '/api/supervision/coverage.csv',
    {
      schema: {
        tags,
        summary: 'The coverage view as CSV (UTF-8 with BOM).',
        querystring: coverageQuery,
        response: { 200: csvFileSchema },
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const view = await getCoverage(ports, principalOf(req), {
        regionId: req.query.regionId,
        gap: req.query.gap as never,
        onlyMine: req.query.mine === 'only',
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="supervision-coverage.csv"')
        .send(`\uFEFF${coverageCsv(view)}`);
    },
  );

  r.get(
    '/api/supervision/kpi',
    {
      schema: {
        tags,
        summary:
          'Mines not visited by their leader within leaderDays (default 30) or their group within groupDays (default 14).',
        querystring: z.object({
          regionId,
          leaderDays: z.coerce.number().int().optional(),
          groupDays: z.coerce.number().int().optional(),
        }),
        response: { 200: kpiViewSchema },
      },
    },
    async (req) => getVisitKpi(ports, principalOf(req), req.query),
  );

  r.get(
    '/api/supervision/mines/:mineId',
    {
      schema: {
        tags,
        summary: "A mine's plan, responsible person, group, leader and their history.",
        params: mineParams,
        response: { 200: supervisionCardSchema },
      },
    },
    async (req) => getSupervisionCard(ports, principalOf(req), req.params.mineId),
  );

  r.get(
    '/api/supervision/mines/:mineId/candidates',
    {
      schema: {
        tags,
        summary: 'Leaders and group members whose region covers the mine.',
        params: mineParams,
        response: { 200: assignmentCandidatesSchema },
      },
    },
    async (req) => listAssignmentCandidates(ports, principalOf(req), req.params.mineId),
  );

  r.post(
    '/api/supervision/mines/:mineId/plan',
    {
      schema: {
        tags,
        summary: "Start the mine's plan (一矿一策) as a draft.",
        params: mineParams,
        body: planBody,
        response: { 201: z.object({ plan: minePlanSchema }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ plan: await createPlan(ports, principalOf(req), req.params.mineId, req.body) }),
  );

  r.patch(
    '/api/supervision/mines/:mineId/plan',
    {
      schema: {
        tags,
        summary: 'Edit the plan; a returned or approved plan becomes a draft again.',
        params: mineParams,
        body: planBody,
        response: { 200: z.object({ plan: minePlanSchema }) },
      },
    },
    async (req) => ({ plan: await updatePlan(ports, principalOf(req), req.params.mineId, req.body) }),
  );

  r.delete(
    '/api/supervision/mines/:mineId/plan',
    {
      schema: {
        tags,
        summary: 'Delete a draft plan.',
        params: mineParams,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (req) => deletePlan(ports, principalOf(req), req.params.mineId),
  );

  r.post(
    '/api/supervision/mines/:mineId/plan/submit',
    {
      schema: {
        tags,
        summary: 'Submit the draft plan for approval.',
        params: mineParams,
        response: { 200: z.object({ plan: minePlanSchema }) },
      },
    },
    async (req) => ({ plan: await decidePlan(ports, principalOf(req), req.params.mineId, 'submit') }),
  );

  r.post(
    '/api/supervision/mines/:mineId/plan/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted plan (a regulator whose region covers the mine).',
        params: mineParams,
        response: { 200: z.object({ plan: minePlanSchema }) },
      },
    },
    async (req) => ({ plan: await decidePlan(ports, principalOf(req), req.params.mineId, 'approve') }),
  );

  r.post(
    '/api/supervision/mines/:mineId/plan/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted plan with a reason.',
        params: mineParams,
        body: z.object({ reason: z.string().max(2000) }),
        response: { 200: z.object({ plan: minePlanSchema }) },
      },
    },
    async (req) => ({
      plan: await decidePlan(ports, principalOf(req), req.params.mineId, 'return', req.body.reason),
    }),
  );

  r.post(
    '/api/supervision/mines/:mineId/responsible',
    {
      schema: {
        tags,
        summary: "Set the mine's responsible person on the enterprise side.",
        params: mineParams,
        body: z.object({
          name: z.string().max(100),
          position: z.string().max(100),
          phone: z.string().max(30),
        }),
        response: { 200: z.object({ responsible: responsiblePersonSchema }) },
      },
    },
    async (req) => ({
      responsible: await setResponsiblePerson(ports, principalOf(req), req.params.mineId, req.body),
    }),
  );

  r.post(
    '/api/supervision/mines/:mineId/group',
    {
      schema: {
        tags,
        summary: "Set the mine's supervision group (group-member users; one is its leader).",
        params: mineParams,
        body: z.object({
          leaderUserId: z.string().min(1).max(100),
          memberUserIds: z.array(z.string().min(1).max(100)).max(30),
        }),
        response: { 200: z.object({ group: supervisionGroupSchema }) },
      },
    },
    async (req) => ({
      group: await setSupervisionGroup(ports, principalOf(req), req.params.mineId, req.body),
    }),
  );

  r.post(
    '/api/supervision/mines/:mineId/leader',
    {
      schema: {
        tags,
        summary: "Assign the mine's leader on contact duty (包保领导).",
        params: mineParams,
        body: z.object({ userId: z.string().min(1).max(100) }),
        response: { 200: z.object({ leader: leaderAssignmentSchema }) },
      },
    },
    async (req) => ({
      leader: await setContactLeader(ports, principalOf(req), req.params.mineId, req.body.userId),
    }),
  );

  r.post(
    '/api/supervision/visits',
    {
      schema: {
        tags,
        summary: 'Record a site visit by a leader or a group member.',
        body: visitBody,
        response: { 201: z.object({ visit: siteVisitSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        visit: (
          await withUndergroundChecks(ports, [await recordVisit(ports, principalOf(req), req.body)])
        )[0]!,
      }),
  );

  r.get(
    '/api/supervision/visits',
    {
      schema: {
        tags,
        summary: 'Site visits in your scope: visits to your own mines first, newest first.',
        querystring: visitFilters.extend({
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: { 200: z.object({ items: z.array(siteVisitSchema) }) },
      },
    },
    async (req) => listVisits(ports, principalOf(req), req.query),
  );

  registerListExport(app, deps, {
    url: '/api/supervision/visits/export',
    list: 'visits',
    tags,
    filters: visitFilters,
    columns: VISIT_COLUMNS,
    load: async (p, f, limit) => withMineNames(ports, (await listVisits(ports, p, { ...f, limit })).items),
  });

  r.get(
    '/api/supervision/visits/:id',
    {
      schema: {
        tags,
        summary: 'One site visit with its checklist and findings.',
        params: idParams,
        response: { 200: z.object({ visit: siteVisitSchema }) },
      },
    },
    async (req) => ({ visit: await getVisit(ports, principalOf(req), req.params.id) }),
  );

  r.post(
    '/api/supervision/findings/:id/hazard',
    {
      schema: {
        tags,
        summary: "Turn a visit's finding into a hazard (source: inspection).",
        params: idParams,
        response: { 201: z.object({ finding: visitFindingSchema, hazardId: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await reportFindingAsHazard({ ...ports, hazards }, principalOf(req), req.params.id)),
  );
}
