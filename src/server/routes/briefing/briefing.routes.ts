import { z } from 'zod';
import { accidentHistoryOf, getBriefing, type Briefing } from '../../../core/briefing/briefing-use-cases.ts';
import { getNextVisits, getRiskRanking } from '../../../core/briefing/risk-use-cases.ts';
import { renderBriefingPdf } from '../../../reports/briefing-pdf.ts';
import { renderBriefingXlsx } from '../../../reports/briefing-xlsx.ts';
import { routeModule } from '../../route-kit.ts';
import { fileBodySchema, isoDateSchema, regionIdSchema } from '../../route-schemas.ts';
import { briefingSchema, nextVisitsSchema, riskRankingSchema } from './briefing.schemas.ts';
const regionId = regionIdSchema.optional();
const date = isoDateSchema;
const briefingQuery = z.object({ regionId, from: date, to: date });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileName = (b: Briefing, ext: string) =>
  `briefing-${b.region.id}-${b.period.from}-${b.period.to}.${ext}`;

/** The briefing report (JSON preview, PDF, XLSX), the risk ranking and "where to go next". */
export const registerBriefingRoutes = routeModule(['briefing'], (route, deps) => {
  // The ranking weighs what is happening now: incidents and unacknowledged critical alarms (monitoring).
  const ports = { ...deps.ports, liveAlarms: deps.monitoring?.view ?? null };

  route.get(
    '/api/briefing/summary',
    {
      summary:
        'The briefing of a region for a period [from, to] (China Standard Time days), as JSON (the preview).',
      query: briefingQuery,
      response: briefingSchema,
    },
    ({ principal, query }) => getBriefing(ports, principal, query),
  );

  route.get(
    '/api/briefing/report.pdf',
    {
      summary: 'The briefing as a PDF in Chinese.',
      query: briefingQuery,
      response: fileBodySchema,
      produces: ['application/pdf'],
    },
    async ({ principal, query, reply }) => {
      const b = await getBriefing(ports, principal, query);
      const scopeRegion =
        principal.scope.kind === 'region' ? await ports.regions.get(principal.scope.regionId) : undefined;
      const pdf = await renderBriefingPdf(b, {
        issuer: { name: principal.displayName, unit: scopeRegion?.name ?? b.region.name },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(b, 'pdf')}"`)
        .send(pdf);
    },
  );

  route.get(
    '/api/briefing/report.xlsx',
    {
      summary: 'The briefing as an XLSX workbook.',
      query: briefingQuery,
      response: fileBodySchema,
      produces: [XLSX_TYPE],
    },
    async ({ principal, query, reply }) => {
      const b = await getBriefing(ports, principal, query);
      const xlsx = await renderBriefingXlsx(b);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${fileName(b, 'xlsx')}"`)
        .send(xlsx);
    },
  );

  route.get(
    '/api/briefing/risk',
    {
      summary: "Every mine in scope ranked by today's explainable risk score, with each factor's points.",
      query: z.object({ regionId, limit: z.coerce.number().int().min(1).max(100_000).optional() }),
      response: riskRankingSchema,
    },
    ({ principal, query }) => getRiskRanking(ports, principal, query, accidentHistoryOf(ports)),
  );

  route.get(
    '/api/briefing/next-visits',
    {
      summary:
        'Where to go next: per leader and per group member, their assigned mines, highest risk and longest since the last visit first.',
      query: z.object({ regionId, mine: z.enum(['only']).optional() }),
      response: nextVisitsSchema,
    },
    ({ principal, query }) =>
      getNextVisits(
        ports,
        principal,
        { regionId: query.regionId, onlyMine: query.mine === 'only' },
        accidentHistoryOf(ports),
      ),
  );
});
