import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  campaignReport,
  campaignReportCsv,
  createCampaign,
  getCampaignProgress,
  listCampaigns,
  markCampaignItem,
} from '../../../core/orders/campaign-use-cases.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  campaignMarkSchema,
  campaignProgressSchema,
  campaignReportSchema,
  campaignSchema,
} from './orders.schemas.ts';
import { csvFileSchema } from '../session.schemas.ts';

export function registerCampaignRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;

  r.get(
    '/api/orders/campaigns',
    {
      schema: {
        tags: ['orders'],
        summary: 'Special rectification campaigns in or covering your scope.',
        response: { 200: z.object({ campaigns: z.array(campaignSchema) }) },
      },
    },
    async (req) => ({ campaigns: await listCampaigns(ports, principalOf(req)) }),
  );

  r.post(
    '/api/orders/campaigns',
    {
      schema: {
        tags: ['orders'],
        summary: 'Start a campaign: a region, a period and a checklist (items with due dates).',
        body: z.object({
          name: z.string().min(1).max(200),
          regionId: regionIdSchema,
          startsOn: z.string().max(10),
          endsOn: z.string().max(10),
          items: z.array(z.object({ text: z.string().min(1).max(500), dueOn: z.string().max(10) })).max(100),
        }),
        response: { 201: z.object({ campaign: campaignSchema }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ campaign: await createCampaign(ports, principalOf(req), req.body) }),
  );

  r.get(
    '/api/orders/campaigns/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'A campaign with per-mine progress.',
        params: idParams,
        response: { 200: campaignProgressSchema },
      },
    },
    async (req) => getCampaignProgress(ports, principalOf(req), req.params.id),
  );

  r.post(
    '/api/orders/campaigns/:id/marks',
    {
      schema: {
        tags: ['orders'],
        summary: 'Mark one checklist item of one mine done (or not), recording who and when.',
        params: idParams,
        body: z.object({
          mineId: z.string().min(1).max(100),
          itemId: z.string().min(1).max(20),
          done: z.boolean(),
          note: z.string().max(2000).default(''),
        }),
        response: { 200: z.object({ mark: campaignMarkSchema }) },
      },
    },
    async (req) => ({ mark: await markCampaignItem(ports, principalOf(req), req.params.id, req.body) }),
  );

  r.get(
    '/api/orders/campaigns/:id/report',
    {
      schema: {
        tags: ['orders'],
        summary: 'Per district: mines done / total and items overdue. JSON, or CSV with ?format=csv.',
        params: idParams,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: { 200: z.union([campaignReportSchema, csvFileSchema]) },
      },
    },
    async (req, reply) => {
      const report = await campaignReport(ports, principalOf(req), req.params.id);
      if (req.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="campaign-${report.campaign.id}.csv"`)
          .send(campaignReportCsv(report.districts));
      }
      return report;
    },
  );
}
