import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
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

const tags = ['closure'];
const stepParams = z.object({ id: z.string().min(1).max(100), step: z.string().min(1).max(60) });

/** The closure programme: candidates, targets, closures with verified steps, transformations. */
export function registerClosureRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;

  r.get(
    '/api/closure/candidates',
    {
      schema: {
        tags,
        summary: 'Mines each closure rule targets (below 300 kt/yr, gas without capability, policy list).',
        querystring: regionQuery,
        response: { 200: candidatesSchema },
      },
    },
    async (req) => listCandidates(ports, principalOf(req), req.query.regionId),
  );

  r.post(
    '/api/closure/policy-list',
    {
      schema: {
        tags,
        summary: 'Name a mine on the policy closure list.',
        body: z.object({
          mineId: z.string().min(1).max(100),
          reason: z.string().max(2000),
          source: z.string().max(500),
        }),
        response: { 201: z.object({ entry: policyListEntrySchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ entry: await addToPolicyList(ports, principalOf(req), req.body) }),
  );

  r.get(
    '/api/closure/targets',
    {
      schema: {
        tags,
        summary: 'District closure targets with progress against each.',
        querystring: regionQuery,
        response: { 200: z.object({ targets: z.array(targetProgressSchema) }) },
      },
    },
    async (req) => ({ targets: await listTargets(ports, principalOf(req), req.query.regionId) }),
  );

  r.get(
    '/api/closure/history',
    {
      schema: {
        tags,
        summary:
          "The region's mine population year by year from the reference data, and the mines that disappeared (net) between years.",
        querystring: regionQuery,
        response: { 200: populationHistorySchema },
      },
    },
    async (req) => getPopulationHistory(ports, principalOf(req), req.query.regionId),
  );

  r.post(
    '/api/closure/targets',
    {
      schema: {
        tags,
        summary: 'Set a district target: mines to close and capacity to withdraw by a deadline.',
        body: z.object({
          regionId: regionIdSchema,
          deadline: z.string().max(10),
          minesToClose: z.number().int().min(0).max(100_000),
          capacityToWithdrawTPerYear: z.number().min(0).max(1e10),
          note: z.string().max(2000).optional(),
        }),
        response: { 201: z.object({ target: closureTargetSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ target: await setTarget(ports, principalOf(req), req.body) }),
  );

  r.get(
    '/api/closure/closures',
    {
      schema: {
        tags,
        summary:
          'Closures in your scope with their verified-step counts, and the closing or closed mines without a closure file.',
        response: {
          200: z.object({ closures: z.array(closureSummarySchema), unfiled: z.array(unfiledMineSchema) }),
        },
      },
    },
    async (req) => ({
      closures: await listClosures(ports, principalOf(req)),
      unfiled: await listUnfiledClosures(ports, principalOf(req)),
    }),
  );

  r.post(
    '/api/closure/closures',
    {
      schema: {
        tags,
        summary:
          'Open the closure of a mine: it goes closing (or attaches to a closure order already applied).',
        body: z.object({
          mineId: z.string().min(1).max(100),
          reason: z.string().max(2000),
          basis: z.string().max(500).nullable().optional(),
        }),
        response: { 201: z.object({ closure: closureViewSchema, statusChanged: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const result = await createClosure(ports, principalOf(req), req.body);
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/closure/closures/:id',
    {
      schema: {
        tags,
        summary: 'One closure with its steps and transformations.',
        params: idParams,
        response: { 200: z.object({ closure: closureViewSchema }) },
      },
    },
    async (req) => ({ closure: await getClosure(ports, principalOf(req), req.params.id) }),
  );

  r.post(
    '/api/closure/closures/:id/steps/:step/record',
    {
      schema: {
        tags,
        summary: 'Record a closure step as done, with evidence (the mine or a regulator).',
        params: stepParams,
        body: z.object({ evidence: z.string().max(4000) }),
        response: { 200: z.object({ closure: closureViewSchema }) },
      },
    },
    async (req) => ({
      closure: await recordStep(ports, principalOf(req), req.params.id, req.params.step, req.body),
    }),
  );

  for (const event of ['verify', 'reject'] as const) {
    r.post(
      `/api/closure/closures/:id/steps/:step/${event}`,
      {
        schema: {
          tags,
          summary:
            event === 'verify'
              ? 'Verify a recorded step (regulators only). The last verification closes the mine.'
              : 'Reject a recorded step with the reason; it must be recorded again.',
          params: stepParams,
          body: z.object({ note: z.string().max(2000).optional() }),
          response: { 200: z.object({ closure: closureViewSchema, mineClosed: z.boolean() }) },
        },
      },
      async (req) => {
        const p = principalOf(req);
        const result = await decideStep(ports, p, req.params.id, req.params.step, event, req.body.note);
        return result;
      },
    );
  }

  r.post(
    '/api/closure/closures/:id/transformations',
    {
      schema: {
        tags,
        summary: 'Record what the exited mine became: what, since when, jobs.',
        params: idParams,
        body: z.object({
          what: z.string().max(500),
          startedOn: z.string().max(10),
          jobs: z.number().int().min(0).max(1_000_000),
          note: z.string().max(2000).optional(),
        }),
        response: { 201: z.object({ transformation: transformationSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        transformation: await recordTransformation(ports, principalOf(req), req.params.id, req.body),
      }),
  );

  registerClosureFileRoutes(app, deps);
  registerCaseRoutes(app, deps);
}
