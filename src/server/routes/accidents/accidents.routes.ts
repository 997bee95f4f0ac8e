import { z } from 'zod';
import {
  gradeAccident,
  chainOf,
  levelsFor,
  REPORT_LEVELS,
  type ReportLevel,
} from '../../../core/accidents/accident-grading.ts';
import {
  advanceInvestigation,
  getAccident,
  listAccidents,
  recordAccident,
  recordReport,
} from '../../../core/accidents/accident-use-cases.ts';
import {
  INVESTIGATION_EVENTS,
  type InvestigationEvent,
} from '../../../core/accidents/investigation-machine.ts';
import { precededBy } from '../../../core/accidents/preceded-by.ts';
import { supplementAccident } from '../../../core/accidents/supplement-use-cases.ts';
import { requirePermission } from '../../../core/access/permissions.ts';
import { ACCIDENT_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import { idParams } from '../../route-schemas.ts';
import { routeModule } from '../../route-kit.ts';
import { registerAccountabilityRoutes } from './accountability.routes.ts';
import {
  accidentDetailSchema,
  accidentSchema,
  accidentSummarySchema,
  gradeAnswerSchema,
  precedingTimelineSchema,
} from './accidents.schemas.ts';

const accidentFilters = z.object({ reference: z.enum(['true', 'false']).optional() });
const count = z.number().int().min(0).max(1_000_000);
const casualties = z.object({
  deaths: count,
  missing: count.optional(),
  seriousInjuries: count,
  minorInjuries: count,
  directLossCny: z.number().min(0).max(1e13),
});

export const registerAccidentRoutes = routeModule(['accidents'], (route, deps) => {
  const { ports } = deps;

  route.get(
    '/api/accidents',
    {
      summary: 'Accidents in your scope (or, with reference=true, the imported reference set), newest first.',
      query: accidentFilters.extend({
        limit: z.coerce.number().int().min(1).max(5000).optional(),
      }),
      response: z.object({ accidents: z.array(accidentSummarySchema), total: z.number() }),
    },
    ({ principal, query }) =>
      listAccidents(ports, principal, {
        reference: query.reference === 'true',
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      }),
  );

  route.listExport({
    url: '/api/accidents/export',
    list: 'accidents',
    filters: accidentFilters,
    columns: ACCIDENT_COLUMNS,
    load: async (p, f, limit) =>
      (await listAccidents(ports, p, { reference: f.reference === 'true', limit })).accidents,
  });

  route.post(
    '/api/accidents/grade',
    {
      summary:
        'The Order 493 grade of casualty figures, its reporting chain and investigation lead. Writes nothing.',
      body: casualties,
      response: gradeAnswerSchema,
    },
    ({ principal, body }) => {
      requirePermission(principal, 'accident.read');
      const judgement = gradeAccident(body);
      return Promise.resolve({
        judgement,
        chain: chainOf(judgement.grade),
        levels: levelsFor(judgement.grade),
      });
    },
  );

  route.create(
    '/api/accidents',
    {
      summary:
        'Record an accident at a mine (by id, or by its 12-digit code); the grade is computed by Order 493 (deaths counting the missing).',
      body: casualties.extend({
        mineId: z.string().min(1).max(100).optional(),
        mineCode: z.string().min(1).max(40).optional(),
        occurredAt: z.string().min(1).max(40),
        type: z.string().min(1).max(200),
        description: z.string().max(5000).optional(),
      }),
      key: 'accident',
      record: accidentSchema,
    },
    (p, body) => recordAccident(ports, p, body),
  );

  registerAccountabilityRoutes(route.app, deps);

  route.get(
    '/api/accidents/:id',
    {
      summary:
        'One accident: grade and why, reporting chain against its deadlines, investigation, accountability.',
      params: idParams,
      response: accidentDetailSchema,
    },
    ({ principal, params }) => getAccident(ports, principal, params.id),
  );

  route.get(
    '/api/accidents/:id/preceded',
    {
      summary: "What preceded it: the mine's hazards, alarms, orders and inspections in the 90 days before.",
      params: idParams,
      response: precedingTimelineSchema,
    },
    ({ principal, params }) => precededBy(ports, principal, params.id),
  );

  route.post(
    '/api/accidents/:id/reports',
    {
      summary: 'Record when the report reached a level (county, city, province, national).',
      params: idParams,
      body: z.object({
        level: z.enum(REPORT_LEVELS as [ReportLevel, ...ReportLevel[]]),
        reportedAt: z.string().min(1).max(40),
        note: z.string().max(2000).optional(),
      }),
      response: accidentDetailSchema,
    },
    ({ principal, params, body }) => recordReport(ports, principal, params.id, body),
  );

  route.post(
    '/api/accidents/:id/supplements',
    {
      summary:
        'A supplementary report (补报, Order 493 art. 13): the changed figures and when they changed; refused after the 30-day (7 for road and fire) window; may re-grade the accident.',
      params: idParams,
      body: z.object({
        changedAt: z.string().min(1).max(40),
        deaths: count,
        missing: count,
        seriousInjuries: count,
        directLossCny: z.number().min(0).max(1e13),
        reason: z.string().min(1).max(2000),
      }),
      response: accidentDetailSchema,
      status: 201,
    },
    ({ principal, params, body }) => supplementAccident(ports, principal, params.id, body),
  );

  route.post(
    '/api/accidents/:id/investigation',
    {
      summary: 'Move the investigation on: extend (once, 60 days), submit_report (with findings), close.',
      params: idParams,
      body: z.object({
        event: z.enum(INVESTIGATION_EVENTS as [InvestigationEvent, ...InvestigationEvent[]]),
        findings: z.string().max(20_000).optional(),
      }),
      response: accidentDetailSchema,
    },
    ({ principal, params, body }) => advanceInvestigation(ports, principal, params.id, body),
  );
});
