import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmMonitoringHazard,
  dismissMonitoringHazard,
  listMonitoringHazardProposals,
} from '../../../core/hazards/monitoring-proposals.ts';
import { scopedMineFilter } from '../../../core/registry/mine-use-cases.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { regionIdQuery } from '../monitoring/monitoring-access.ts';
import { hazardSchema, monitoringHazardProposalSchema } from './hazards.schemas.ts';

const keyBody = { key: z.string().min(3).max(400) };

/** Major hazards proposed from monitoring evidence, for a regulator to confirm or dismiss (issue 12 step 6). */
export function registerMonitoringProposalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  const tags = ['hazards'];

  r.get(
    '/api/hazards/monitoring-proposals',
    {
      schema: {
        tags,
        summary:
          'Major hazards proposed by monitoring evidence (2020 criteria art. 5(2), 7(2), 18(6), 18(8), 4(6)), not yet decided, with the evidence.',
        querystring: z.object({ regionId: regionIdQuery }),
        response: { 200: z.object({ items: z.array(monitoringHazardProposalSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const scope = await scopedMineFilter(ports, p, req.query.regionId);
      return listMonitoringHazardProposals(ports, p, scope);
    },
  );

  r.post(
    '/api/hazards/monitoring-proposals/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm a proposed major hazard: it is reported as a major hazard with the evidence attached.',
        body: z.object({ ...keyBody, note: z.string().max(2000).default('') }),
        response: { 201: z.object({ hazard: hazardSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await confirmMonitoringHazard(ports, principalOf(req), req.body)),
  );

  r.post(
    '/api/hazards/monitoring-proposals/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a proposed major hazard, with a reason.',
        body: z.object({ ...keyBody, reason: z.string().max(2000) }),
        response: { 200: z.object({ dismissed: z.string() }) },
      },
    },
    async (req) => {
      await dismissMonitoringHazard(ports, principalOf(req), req.body);
      return { dismissed: req.body.key };
    },
  );
}
