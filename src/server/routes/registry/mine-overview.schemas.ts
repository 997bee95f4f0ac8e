import { z } from 'zod';
import type {
  MineOverview,
  OverviewAccident,
  OverviewAlarm,
  OverviewAlarms,
  OverviewCase,
  OverviewClosure,
  OverviewHazard,
  OverviewOrder,
  OverviewRisk,
  OverviewSupervision,
  OverviewVisit,
} from '../../../core/overview/mine-overview.ts';
import { component, fields, shaped } from '../../route-schemas.ts';
import { accidentGradeSchema } from '../accidents/accidents.schemas.ts';
import { factorContributionSchema } from '../briefing/briefing.schemas.ts';
import { caseTypeSchema } from '../closure/closure.schemas.ts';
import { alarmRuleSchema, hazardGradeSchema, hazardStateSchema } from '../hazards/hazards.schemas.ts';
import { alarmPrioritySchema, alarmStateSchema } from '../monitoring/monitoring.schemas.ts';
import { orderKindSchema, orderStatusSchema } from '../orders/orders.schemas.ts';
import { coverageGapSchema, planStateSchema } from '../supervision/supervision.schemas.ts';

/** The answer of GET /api/mines/:id/overview (core/overview), each section tied to the core's type. */

const hazardSchema = shaped<OverviewHazard>()(
  z.object({
    ...fields.strings('id', 'title'),
    grade: hazardGradeSchema,
    state: hazardStateSchema,
    dueOn: z.string().nullable(),
    isOverdue: z.boolean(),
  }),
);

const orderSchema = shaped<OverviewOrder>()(
  z.object({
    ...fields.strings('id', 'number'),
    kind: orderKindSchema,
    status: orderStatusSchema,
    effectiveAt: z.string(),
    evacuateBy: z.string().nullable(),
  }),
);

const visitSchema = shaped<OverviewVisit>()(
  z.object({
    ...fields.strings('id', 'startedAt', 'visitorName'),
    visitorRole: z.enum(['leader', 'group_member']),
    wentUnderground: z.boolean(),
    findings: z.number().int(),
  }),
);

const supervisionSchema = shaped<OverviewSupervision>()(
  z.object({
    planState: planStateSchema.nullable(),
    ...fields.nullableStrings('responsibleName', 'groupLeaderName'),
    groupSize: z.number().int(),
    leaderName: z.string().nullable(),
    gaps: z.array(coverageGapSchema),
    visits: z.array(visitSchema),
  }),
);

const riskSchema = shaped<OverviewRisk>()(
  z.object({
    score: z.number(),
    rank: z.number().int(),
    of: z.number().int(),
    windowDays: z.number().int(),
    hasAccidentData: z.boolean(),
    factors: z.array(factorContributionSchema),
  }),
);

const alarmSchema = shaped<OverviewAlarm>()(
  z.object({
    id: z.string(),
    rule: alarmRuleSchema,
    priority: alarmPrioritySchema,
    state: alarmStateSchema,
    atMs: z.number(),
    location: z.string().nullable(),
    isIncident: z.boolean(),
  }),
);

const alarmsSchema = shaped<OverviewAlarms>()(
  z.object({
    open: z.number().int(),
    unacknowledged: z.number().int(),
    incidents: z.number().int(),
    byPriority: z.object({
      critical: z.number().int(),
      high: z.number().int(),
      medium: z.number().int(),
      low: z.number().int(),
    }),
    items: z.array(alarmSchema),
  }),
);

const closureSchema = shaped<OverviewClosure>()(
  z.object({
    id: z.string(),
    status: z.enum(['in_progress', 'closed']),
    stepsVerified: z.number().int(),
    stepsTotal: z.number().int(),
    createdAt: z.string(),
  }),
);

const accidentSchema = shaped<OverviewAccident>()(
  z.object({
    ...fields.strings('id', 'occurredAt', 'type'),
    grade: accidentGradeSchema,
    deaths: z.number().int(),
    investigationState: z.enum(['investigating', 'extended', 'reported', 'closed']),
  }),
);

const caseSchema = shaped<OverviewCase>()(
  z.object({
    id: z.string(),
    type: caseTypeSchema,
    status: z.enum(['open', 'investigating', 'decided', 'closed']),
    ...fields.strings('summary', 'openedAt'),
  }),
);

export const mineOverviewSchema = component<MineOverview>()('MineOverview', {
  ...fields.strings('mineId', 'asOf'),
  hazards: z
    .object({
      open: z.number().int(),
      overdue: z.number().int(),
      openMajor: z.number().int(),
      items: z.array(hazardSchema),
    })
    .nullable(),
  orders: z.object({ inForce: z.array(orderSchema), scheduled: z.array(orderSchema) }).nullable(),
  supervision: supervisionSchema.nullable(),
  risk: riskSchema.nullable(),
  alarms: alarmsSchema.nullable(),
  closure: z.object({ current: closureSchema.nullable() }).nullable(),
  accidents: z.object({ total: z.number().int(), items: z.array(accidentSchema) }).nullable(),
  cases: z.object({ open: z.number().int(), items: z.array(caseSchema) }).nullable(),
});
