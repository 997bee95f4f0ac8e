import { z } from 'zod';
import type { Briefing } from '../../../core/briefing/briefing-use-cases.ts';
import type { RiskFactorDef, RiskFactorId } from '../../../core/briefing/risk-factors.ts';
import type { FactorContribution } from '../../../core/briefing/risk-score.ts';
import type { NextVisitsView, RiskRanking, RiskRow } from '../../../core/briefing/risk-use-cases.ts';
import { component, fields, shaped } from '../../route-schemas.ts';
import { populationHistorySchema } from '../closure/closure.schemas.ts';
import { statusCountsSchema } from '../registry/registry.schemas.ts';

/** Answers of the briefing, risk ranking and next-visits routes. */

const RISK_FACTOR_IDS = [
  'live_incident',
  'unacknowledged_critical',
  'open_hazards',
  'open_major_hazards',
  'overdue_hazards',
  'alarms_critical_30d',
  'alarms_high_30d',
  'alarms_medium_30d',
  'data_gaps_30d',
  'gas_class',
  'small_capacity',
  'inspection_recency',
  'accident_history',
] as const satisfies readonly RiskFactorId[];
export const riskFactorIdSchema = z.enum(RISK_FACTOR_IDS).meta({ id: 'RiskFactorId' });
shaped<RiskFactorId>()(riskFactorIdSchema);

export const factorContributionSchema = component<FactorContribution>()('FactorContribution', {
  id: riskFactorIdSchema,
  input: z.union([z.number(), z.string()]).nullable(),
  points: z.number(),
  noData: z.boolean(),
});

const riskRowSchema = component<RiskRow>()('RiskRow', {
  ...fields.mineRef,
  status: z.string(),
  ...fields.numbers('rank', 'score'),
  factors: z.array(factorContributionSchema),
  urgency: z.enum(['live_incident', 'unacknowledged_critical', 'none']).meta({ id: 'RiskUrgency' }),
  incidents: z.array(
    z
      .object({ alarmId: z.string(), rule: z.string(), sinceMs: z.number().nullable() })
      .meta({ id: 'LiveIncident' }),
  ),
  lastVisitAt: z.string().nullable(),
});

const riskFactorDefSchema = component<RiskFactorDef>()('RiskFactorDef', {
  id: riskFactorIdSchema,
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('per_unit'), perUnit: z.number(), cap: z.number() }),
    z.object({
      kind: z.literal('gas_class'),
      points: z.object({ low: z.number(), high: z.number(), outburst: z.number() }).readonly(),
    }),
    z.object({ kind: z.literal('flag'), points: z.number() }),
    z.object({
      kind: z.literal('days_over'),
      ...fields.numbers('graceDays', 'perDay', 'cap'),
    }),
  ]),
  appliesToClosed: z.boolean(),
  ...fields.strings('rationale', 'source'),
});

const riskRankingFields = {
  asOf: z.string(),
  windowDays: z.number(),
  hasAccidentData: z.boolean(),
  factors: z.array(riskFactorDefSchema).readonly(),
  items: z.array(riskRowSchema),
};
shaped<RiskRanking>()(z.object(riskRankingFields));

export const riskRankingSchema = z
  .object({ ...riskRankingFields, total: z.number() })
  .meta({ id: 'RiskRanking' });

const visitListSchema = z
  .object({
    kind: z.enum(['leader', 'group_member']),
    ...fields.strings('userId', 'name'),
    mines: z.array(
      z
        .object({
          ...fields.strings('mineId', 'code', 'name', 'regionName'),
          ...fields.numbers('rank', 'score'),
          lastVisitAt: z.string().nullable(),
          daysSinceVisit: z.number().nullable(),
          topFactors: z.array(z.object({ id: riskFactorIdSchema, points: z.number() })),
        })
        .meta({ id: 'NextVisit' }),
    ),
  })
  .meta({ id: 'VisitList' });

export const nextVisitsSchema = shaped<NextVisitsView>()(
  z
    .object({ asOf: z.string(), leaders: z.array(visitListSchema), groupMembers: z.array(visitListSchema) })
    .meta({ id: 'NextVisitsView' }),
);

const periodSchema = z.object({ from: z.string(), to: z.string() });
const changeSchema = z.object({ current: z.number(), previous: z.number() });
const accidentFiguresSchema = z.object({ accidents: z.number(), deaths: z.number() });

export const briefingSchema = component<Briefing>()('Briefing', {
  region: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), level: z.string() }),
  period: periodSchema,
  generatedAt: z.string(),
  changes: z.object({
    previousPeriod: periodSchema,
    hazardsFound: changeSchema,
    majorHazardsFound: changeSchema,
    hazardsClosed: changeSchema,
    alarms: changeSchema,
    visits: changeSchema,
    enteredClosing: changeSchema,
    closed: changeSchema,
  }),
  mines: z.object({
    total: z.number(),
    byStatus: statusCountsSchema,
    ...fields.numbers('small', 'smallNotClosed'),
  }),
  closure: z.object({
    ...fields.numbers('enteredClosing', 'closed'),
    targets: z
      .array(
        z.object({
          ...fields.strings('regionName', 'deadline'),
          ...fields.numbers('minesToClose', 'closed', 'inProgress'),
        }),
      )
      .nullable(),
    history: populationHistorySchema.nullable(),
  }),
  hazards: z.object({
    ...fields.numbers('found', 'majorFound', 'closed', 'overdue', 'open'),
  }),
  alarms: z.object({
    total: z.number(),
    byRule: z.array(z.object({ rule: z.string(), priority: z.string(), raised: z.number() })),
  }),
  supervision: z.object({
    ...fields.numbers('mines', 'complete'),
    missing: z.object({
      ...fields.numbers('plan', 'responsible', 'group', 'leader'),
    }),
    ...fields.numbers('visits', 'minesVisited', 'underground'),
  }),
  accidents: z.object({ current: accidentFiguresSchema, previousYear: accidentFiguresSchema }).nullable(),
  topRisk: z.array(riskRowSchema),
});
