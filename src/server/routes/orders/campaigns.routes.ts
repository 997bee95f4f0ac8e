import { z } from 'zod';
import {
  campaignReport,
  campaignReportCsv,
  createCampaign,
  getCampaignProgress,
  listCampaigns,
  markCampaignItem,
} from '../../../core/orders/campaign-use-cases.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  campaignMarkSchema,
  campaignProgressSchema,
  campaignReportSchema,
  campaignSchema,
} from './orders.schemas.ts';
import { csvFileSchema } from '../session.schemas.ts';

export const registerCampaignRoutes = routeModule(['orders'], (route, { ports }) => {
  route.get(
    '/api/orders/campaigns',
    {
      summary: 'Special rectification campaigns in or covering your scope.',
      response: z.object({ campaigns: z.array(campaignSchema) }),
    },
    async ({ principal }) => ({ campaigns: await listCampaigns(ports, principal) }),
  );

  route.create(
    '/api/orders/campaigns',
    {
      summary: 'Start a campaign: a region, a period and a checklist (items with due dates).',
      body: z.object({
        name: z.string().min(1).max(200),
        regionId: regionIdSchema,
        startsOn: z.string().max(10),
        endsOn: z.string().max(10),
        items: z.array(z.object({ text: z.string().min(1).max(500), dueOn: z.string().max(10) })).max(100),
      }),
      key: 'campaign',
      record: campaignSchema,
    },
    (p, body) => createCampaign(ports, p, body),
  );

  route.get(
    '/api/orders/campaigns/:id',
    {
      summary: 'A campaign with per-mine progress.',
      params: idParams,
      response: campaignProgressSchema,
    },
    ({ principal, params }) => getCampaignProgress(ports, principal, params.id),
  );

  route.post(
    '/api/orders/campaigns/:id/marks',
    {
      summary: 'Mark one checklist item of one mine done (or not), recording who and when.',
      params: idParams,
      body: z.object({
        mineId: z.string().min(1).max(100),
        itemId: z.string().min(1).max(20),
        done: z.boolean(),
        note: z.string().max(2000).default(''),
      }),
      response: z.object({ mark: campaignMarkSchema }),
    },
    async ({ principal, params, body }) => ({
      mark: await markCampaignItem(ports, principal, params.id, body),
    }),
  );

  route.get(
    '/api/orders/campaigns/:id/report',
    {
      summary: 'Per district: mines done / total and items overdue. JSON, or CSV with ?format=csv.',
      params: idParams,
      query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      response: z.union([campaignReportSchema, csvFileSchema]),
    },
    async ({ principal, params, query, reply }) => {
      const report = await campaignReport(ports, principal, params.id);
      if (query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="campaign-${report.campaign.id}.csv"`)
          .send(campaignReportCsv(report.districts));
      }
      return report;
    },
  );
});
