import { z } from 'zod';
import {
  addToPolicyList,
  createClosure,
  getClosure,
  listCandidates,
  listClosures,
  listUnfiledClosures,
  listTargets,
  setTarget,
} from '../../../core/closure/closure-use-cases.ts';
import { getPopulationHistory } from '../../../core/closure/population-history.ts';
import { decideStep, recordStep, recordTransformation } from '../../../core/closure/closure-steps.ts';
import { routeModule } from '../../route-kit.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { registerClosureFileRoutes } from './closure-files.routes.ts';
import { idParams, regionIdSchema, regionQuery } from '../../route-schemas.ts';
import {
  candidatesSchema,
  closureSummarySchema,
  closureTargetSchema,
  closureViewSchema,
  policyListEntrySchema,
  populationHistorySchema,
  targetProgressSchema,
  transformationSchema,
  unfiledMineSchema,
} from './closure.schemas.ts';
const stepParams = z.object({ id: z.string().min(1).max(100), step: z.string().min(1).max(60) });

/** The closure programme: candidates, targets, closures with verified steps, transformations. */
export const registerClosureRoutes = routeModule(['closure'], (route, deps) => {
  const { ports } = deps;

  route.get(
    '/api/closure/candidates',
    {
      summary: 'Mines each closure rule targets (below 300 kt/yr, gas without capability, policy list).',
      query: regionQuery,
      response: candidatesSchema,
    },
    ({ principal, query }) => listCandidates(ports, principal, query.regionId),
  );

  route.create(
    '/api/closure/policy-list',
    {
      summary: 'Name a mine on the policy closure list.',
      body: z.object({
        mineId: z.string().min(1).max(100),
        reason: z.string().max(2000),
        source: z.string().max(500),
      }),
      key: 'entry',
      record: policyListEntrySchema,
    },
    (p, body) => addToPolicyList(ports, p, body),
  );

  route.get(
    '/api/closure/targets',
    {
      summary: 'District closure targets with progress against each.',
      query: regionQuery,
      response: z.object({ targets: z.array(targetProgressSchema) }),
    },
    async ({ principal, query }) => ({ targets: await listTargets(ports, principal, query.regionId) }),
  );

  route.get(
    '/api/closure/history',
    {
      summary:
        "The region's mine population year by year from the reference data, and the mines that disappeared (net) between years.",
      query: regionQuery,
      response: populationHistorySchema,
    },
    ({ principal, query }) => getPopulationHistory(ports, principal, query.regionId),
  );

  route.create(
    '/api/closure/targets',
    {
      summary: 'Set a district target: mines to close and capacity to withdraw by a deadline.',
      body: z.object({
        regionId: regionIdSchema,
        deadline: z.string().max(10),
        minesToClose: z.number().int().min(0).max(100_000),
        capacityToWithdrawTPerYear: z.number().min(0).max(1e10),
        note: z.string().max(2000).optional(),
      }),
      key: 'target',
      record: closureTargetSchema,
    },
    (p, body) => setTarget(ports, p, body),
  );

  route.get(
    '/api/closure/closures',
    {
      summary:
        'Closures in your scope with their verified-step counts, and the closing or closed mines without a closure file.',
      response: z.object({ closures: z.array(closureSummarySchema), unfiled: z.array(unfiledMineSchema) }),
    },
    async ({ principal }) => ({
      closures: await listClosures(ports, principal),
      unfiled: await listUnfiledClosures(ports, principal),
    }),
  );

  route.post(
    '/api/closure/closures',
    {
      summary:
        'Open the closure of a mine: it goes closing (or attaches to a closure order already applied).',
      body: z.object({
        mineId: z.string().min(1).max(100),
        reason: z.string().max(2000),
        basis: z.string().max(500).nullable().optional(),
      }),
      response: z.object({ closure: closureViewSchema, statusChanged: z.boolean() }),
      status: 201,
    },
    ({ principal, body }) => createClosure(ports, principal, body),
  );

  route.getOne(
    '/api/closure/closures/:id',
    { summary: 'One closure with its steps and transformations.', key: 'closure', record: closureViewSchema },
    (p, id) => getClosure(ports, p, id),
  );

  route.recordActions(
    '/api/closure/closures/:id/steps/:step',
    stepParams,
    'closure',
    closureViewSchema,
  )(
    'record',
    {
      summary: 'Record a closure step as done, with evidence (the mine or a regulator).',
      body: z.object({ evidence: z.string().max(4000) }),
    },
    (p, { id, step }, body) => recordStep(ports, p, id, step, body),
  );

  for (const event of ['verify', 'reject'] as const) {
    route.post(
      `/api/closure/closures/:id/steps/:step/${event}`,
      {
        summary:
          event === 'verify'
            ? 'Verify a recorded step (regulators only). The last verification closes the mine.'
            : 'Reject a recorded step with the reason; it must be recorded again.',
        params: stepParams,
        body: z.object({ note: z.string().max(2000).optional() }),
        response: z.object({ closure: closureViewSchema, mineClosed: z.boolean() }),
      },
      ({ principal: p, params, body }) => decideStep(ports, p, params.id, params.step, event, body.note),
    );
  }

  route.recordActions(
    '/api/closure/closures/:id',
    idParams,
    'transformation',
    transformationSchema,
  )(
    'transformations',
    {
      summary: 'Record what the exited mine became: what, since when, jobs.',
      body: z.object({
        what: z.string().max(500),
        startedOn: z.string().max(10),
        jobs: z.number().int().min(0).max(1_000_000),
        note: z.string().max(2000).optional(),
      }),
      status: 201,
    },
    (p, { id }, body) => recordTransformation(ports, p, id, body),
  );

  registerClosureFileRoutes(route.app, deps);
  registerCaseRoutes(route.app, deps);
});
