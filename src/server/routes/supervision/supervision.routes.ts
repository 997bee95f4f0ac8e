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
import { routeModule } from '../../route-kit.ts';
import { withUndergroundChecks } from '../../../core/supervision/visit-checks.ts';
import { createHazardReporter } from './hazard-reporter.ts';
import { registerSupervisionBulkRoutes } from './supervision-bulk.routes.ts';
import { registerSupervisionPresenceRoutes } from './supervision-presence.routes.ts';
import {
  fields,
  idParams,
  itemsOf,
  mineParams,
  recordIdSchema,
  regionIdSchema,
} from '../../route-schemas.ts';
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

const regionId = regionIdSchema.optional();

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
  ...fields.booleans('wentToSite', 'wentUnderground'),
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
export const registerSupervisionRoutes = routeModule(['supervision'], (route, deps) => {
  const { ports } = deps;
  const hazards: HazardReporter = createHazardReporter(ports);
  registerSupervisionBulkRoutes(route.app, deps);
  registerSupervisionPresenceRoutes(route.app, deps);

  route.get(
    '/api/supervision/coverage',
    {
      summary:
        'Which mines lack a plan, a responsible person, a group or a leader (closed mines excluded; gaps first).',
      query: coverageQuery,
      response: coverageViewSchema,
    },
    ({ principal, query }) =>
      getCoverage(ports, principal, {
        regionId: query.regionId,
        gap: query.gap as never,
        onlyMine: query.mine === 'only',
      }),
  );

  route.get(
    '/api/supervision/coverage.csv',
    {
      summary: 'The coverage view as CSV (UTF-8 with BOM).',
      query: coverageQuery,
      response: csvFileSchema,
      produces: ['text/csv'],
    },
    async ({ principal, query, reply }) => {
      const view = await getCoverage(ports, principal, {
        regionId: query.regionId,
        gap: query.gap as never,
        onlyMine: query.mine === 'only',
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="supervision-coverage.csv"')
        .send(`\uFEFF${coverageCsv(view)}`);
    },
  );

  route.get(
    '/api/supervision/kpi',
    {
      summary:
        'Mines not visited by their leader within leaderDays (default 30) or their group within groupDays (default 14).',
      query: z.object({
        regionId,
        leaderDays: z.coerce.number().int().optional(),
        groupDays: z.coerce.number().int().optional(),
      }),
      response: kpiViewSchema,
    },
    ({ principal, query }) => getVisitKpi(ports, principal, query),
  );

  route.get(
    '/api/supervision/mines/:mineId',
    {
      summary: "A mine's plan, responsible person, group, leader and their history.",
      params: mineParams,
      response: supervisionCardSchema,
    },
    ({ principal, params }) => getSupervisionCard(ports, principal, params.mineId),
  );

  route.get(
    '/api/supervision/mines/:mineId/candidates',
    {
      summary: 'Leaders and group members whose region covers the mine.',
      params: mineParams,
      response: assignmentCandidatesSchema,
    },
    ({ principal, params }) => listAssignmentCandidates(ports, principal, params.mineId),
  );

  route.post(
    '/api/supervision/mines/:mineId/plan',
    {
      summary: "Start the mine's plan (一矿一策) as a draft.",
      params: mineParams,
      body: planBody,
      response: z.object({ plan: minePlanSchema }),
      status: 201,
    },
    async ({ principal, params, body }) => ({
      plan: await createPlan(ports, principal, params.mineId, body),
    }),
  );

  route.patch(
    '/api/supervision/mines/:mineId/plan',
    {
      summary: 'Edit the plan; a returned or approved plan becomes a draft again.',
      params: mineParams,
      body: planBody,
      response: z.object({ plan: minePlanSchema }),
    },
    async ({ principal, params, body }) => ({
      plan: await updatePlan(ports, principal, params.mineId, body),
    }),
  );

  route.delete(
    '/api/supervision/mines/:mineId/plan',
    {
      summary: 'Delete a draft plan.',
      params: mineParams,
      response: z.object({ deleted: z.literal(true) }),
    },
    ({ principal, params }) => deletePlan(ports, principal, params.mineId),
  );

  const mineBase = '/api/supervision/mines/:mineId';
  const planStep = route.recordActions(mineBase, mineParams, 'plan', minePlanSchema);
  planStep('plan/submit', { summary: 'Submit the draft plan for approval.' }, (p, { mineId }) =>
    decidePlan(ports, p, mineId, 'submit'),
  );
  planStep(
    'plan/approve',
    { summary: 'Approve a submitted plan (a regulator whose region covers the mine).' },
    (p, { mineId }) => decidePlan(ports, p, mineId, 'approve'),
  );
  planStep(
    'plan/return',
    { summary: 'Return a submitted plan with a reason.', body: z.object({ reason: z.string().max(2000) }) },
    (p, { mineId }, body) => decidePlan(ports, p, mineId, 'return', body.reason),
  );

  route.recordActions(
    mineBase,
    mineParams,
    'responsible',
    responsiblePersonSchema,
  )(
    'responsible',
    {
      summary: "Set the mine's responsible person on the enterprise side.",
      body: z.object({
        name: z.string().max(100),
        position: z.string().max(100),
        phone: z.string().max(30),
      }),
    },
    (p, { mineId }, body) => setResponsiblePerson(ports, p, mineId, body),
  );
  route.recordActions(
    mineBase,
    mineParams,
    'group',
    supervisionGroupSchema,
  )(
    'group',
    {
      summary: "Set the mine's supervision group (group-member users; one is its leader).",
      body: z.object({
        leaderUserId: recordIdSchema,
        memberUserIds: z.array(recordIdSchema).max(30),
      }),
    },
    (p, { mineId }, body) => setSupervisionGroup(ports, p, mineId, body),
  );
  route.recordActions(
    mineBase,
    mineParams,
    'leader',
    leaderAssignmentSchema,
  )(
    'leader',
    {
      summary: "Assign the mine's leader on contact duty (包保领导).",
      body: z.object({ userId: recordIdSchema }),
    },
    (p, { mineId }, body) => setContactLeader(ports, p, mineId, body.userId),
  );

  route.post(
    '/api/supervision/visits',
    {
      summary: 'Record a site visit by a leader or a group member.',
      body: visitBody,
      response: z.object({ visit: siteVisitSchema }),
      status: 201,
    },
    async ({ principal, body }) => ({
      visit: (await withUndergroundChecks(ports, [await recordVisit(ports, principal, body)]))[0]!,
    }),
  );

  route.get(
    '/api/supervision/visits',
    {
      summary: 'Site visits in your scope: visits to your own mines first, newest first.',
      query: visitFilters.extend({
        limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
      response: itemsOf(siteVisitSchema),
    },
    ({ principal, query }) => listVisits(ports, principal, query),
  );

  route.listExport({
    url: '/api/supervision/visits/export',
    list: 'visits',
    filters: visitFilters,
    columns: VISIT_COLUMNS,
    load: async (p, f, limit) => withMineNames(ports, (await listVisits(ports, p, { ...f, limit })).items),
  });

  route.getOne(
    '/api/supervision/visits/:id',
    { summary: 'One site visit with its checklist and findings.', key: 'visit', record: siteVisitSchema },
    (p, id) => getVisit(ports, p, id),
  );

  route.post(
    '/api/supervision/findings/:id/hazard',
    {
      summary: "Turn a visit's finding into a hazard (source: inspection).",
      params: idParams,
      response: z.object({ finding: visitFindingSchema, hazardId: z.string() }),
      status: 201,
    },
    ({ principal, params }) => reportFindingAsHazard({ ...ports, hazards }, principal, params.id),
  );
});
