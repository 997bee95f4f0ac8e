import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accidentHistoryOf, getBriefing, type Briefing } from '../../../core/briefing/briefing-use-cases.ts';
import { getNextVisits, getRiskRanking } from '../../../core/briefing/risk-use-cases.ts';
import { renderBriefingPdf } from '../../../reports/briefing-pdf.ts';
import { renderBriefingXlsx } from '../../../reports/briefing-xlsx.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { fileBodySchema, isoDateSchema, regionIdSchema } from '../../route-schemas.ts';
import { briefingSchema, nextVisitsSchema, riskRankingSchema } from './briefing.schemas.ts';

const tags = ['briefing'];
const regionId = regionIdSchema.optional();
const date = isoDateSchema;
const briefingQuery = z.object({ regionId, from: date, to: date });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileName = (b: Briefing, ext: string) =>
  `briefing-${b.region.id}-${b.period.from}-${b.period.to}.${ext}`;

/** The briefing report (JSON preview, PDF, XLSX), the risk ranking and "where to go next". */
export function registerBriefingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The ranking weighs what is happening now: incidents and unacknowledged critical alarms (monitoring).
  const ports = { ...deps.ports, liveAlarms: deps.monitoring?.view ?? null };

  r.get(
    '/api/briefing/summary',
    {
      schema: {
        tags,
        summary:
          'The briefing of a region for a period [from, to] (China Standard Time days), as JSON (the preview).',
        querystring: briefingQuery,
        response: { 200: briefingSchema },
      },
    },
    async (req) => getBriefing(ports, principalOf(req), req.query),
  );

  r.get(
    '/api/briefing/report.pdf',
    {
      schema: {
        tags,
        summary: 'The briefing as a PDF in Chinese.',
        querystring: briefingQuery,
        response: { 200: fileBodySchema },
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const b = await getBriefing(ports, principal, req.query);
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

  r.get(
    '/api/briefing/report.xlsx',
    {
      schema: {
        tags,
        summary: 'The briefing as an XLSX workbook.',
        querystring: briefingQuery,
        response: { 200: fileBodySchema },
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const b = await getBriefing(ports, principalOf(req), req.query);
      const xlsx = await renderBriefingXlsx(b);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${fileName(b, 'xlsx')}"`)
        .send(xlsx);
    },
  );

  r.get(
    '/api/briefing/risk',
    {
      schema: {
        tags,
        summary: "Every mine in scope ranked by today's explainable risk score, with each factor's points.",
        querystring: z.object({ regionId, limit: z.coerce.number().int().min(1).max(100_000).optional() }),
        response: { 200: riskRankingSchema },
      },
    },
    async (req) => getRiskRanking(ports, principalOf(req), req.query, accidentHistoryOf(ports)),
  );

  r.get(
    '/api/briefing/next-visits',
    {
      schema: {
        tags,
        summary:
          'Where to go next: per leader and per group member, their assigned mines, highest risk and longest since the last visit first.',
        querystring: z.object({ regionId, mine: z.enum(['only']).optional() }),
        response: { 200: nextVisitsSchema },
      },
    },
    async (req) =>
      getNextVisits(
        ports,
        principalOf(req),
        { regionId: req.query.regionId, onlyMine: req.query.mine === 'only' },
        accidentHistoryOf(ports),
      ),
  );
}
