import { z } from 'zod';
import {
  ACCIDENT_GRADES,
  REPORT_LEVELS,
  type ChainRow,
  type GradeJudgement,
} from '../../../core/accidents/accident-grading.ts';
import type { RowError } from '../../../core/accidents/accident-import.ts';
import type { ReportStep } from '../../../core/accidents/accident-reporting.ts';
import type { SupplementWindowView } from '../../../core/accidents/accident-supplements.ts';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_CHAINS,
  type Accident,
  type AccidentReport,
  type AccountabilityRecord,
  type TimelineItem,
} from '../../../core/accidents/accident-types.ts';
import type {
  AccidentDetail,
  AccidentSummary,
  SupplementView,
} from '../../../core/accidents/accident-use-cases.ts';
import type { AccountabilityView } from '../../../core/accidents/accountability-use-cases.ts';
import type { ImportResult } from '../../../core/accidents/import-use-case.ts';
import type { PrecedingTimeline } from '../../../core/accidents/preceded-by.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the accident, accountability and reference-import routes. */

export const accidentGradeSchema = namedEnum(ACCIDENT_GRADES, 'AccidentGrade');
export const reportLevelSchema = namedEnum(REPORT_LEVELS, 'ReportLevel');
export const accountabilityChainSchema = namedEnum(ACCOUNTABILITY_CHAINS, 'AccountabilityChain');
export const accountabilityActionSchema = namedEnum(ACCOUNTABILITY_ACTIONS, 'AccountabilityAction');

const accidentFields = {
  id: z.string(),
  mineId: z.string().nullable(),
  mineName: z.string(),
  regionPath: z.string().nullable(),
  ...fields.strings('country', 'occurredAt', 'type'),
  ...fields.numbers('deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'directLossCny'),
  grade: accidentGradeSchema,
  regradedAt: z.string().nullable(),
  description: z.string(),
  source: z.enum(['recorded', 'imported']),
  externalRef: z.string().nullable(),
  investigationState: z.enum(['investigating', 'extended', 'reported', 'closed']),
  investigationDueOn: z.string(),
  ...fields.nullableStrings('findings', 'reportSubmittedAt', 'closedAt'),
  ...fields.actStamp('created', { timeFirst: true }),
};
export const accidentSchema = shaped<Accident>()(z.object(accidentFields).meta({ id: 'Accident' }));

export const accidentSummarySchema = shaped<AccidentSummary>()(
  z.object({ ...accidentFields, hasLateReport: z.boolean() }).meta({ id: 'AccidentSummary' }),
);

export const gradeJudgementSchema = component<GradeJudgement>()('GradeJudgement', {
  grade: accidentGradeSchema,
  by: z.array(z.enum(['deaths', 'seriousInjuries', 'directLossCny'])),
  source: z.string().nullable(),
});

export const chainRowSchema = component<ChainRow>()('ReportingChain', {
  grade: accidentGradeSchema,
  topLevel: reportLevelSchema,
  investigationLead: z.enum(['State Council', 'province', 'city', 'county']),
  coalInvestigator: z.string(),
  replyDays: z.number(),
  source: z.string(),
});

const reportStepSchema = component<ReportStep>()('ReportStep', {
  level: reportLevelSchema,
  deadline: z.string(),
  reportedAt: z.string().nullable(),
  status: z.enum(['on_time', 'late', 'due', 'overdue']),
  minutesLate: z.number(),
});

const accidentReportSchema = shaped<AccidentReport>()(
  z.object({
    accidentId: z.string(),
    level: reportLevelSchema,
    reportedAt: z.string(),
    ...fields.actStamp('recorded', { timeFirst: true }),
    note: z.string(),
  }),
);

export const accountabilityRecordSchema = component<AccountabilityRecord>()('AccountabilityRecord', {
  ...fields.strings('id', 'accidentId'),
  ...fields.recordMine,
  ...fields.strings('personName', 'post'),
  chain: accountabilityChainSchema,
  action: accountabilityActionSchema,
  ...fields.strings('decidedOn', 'note'),
  ...fields.actStamp('created', { timeFirst: true }),
});

const supplementFiguresSchema = z.object({
  ...fields.numbers('deaths', 'missing', 'seriousInjuries', 'directLossCny'),
});

const supplementFields = {
  ...fields.strings('id', 'accidentId', 'changedAt'),
  before: supplementFiguresSchema,
  after: supplementFiguresSchema,
  gradeBefore: accidentGradeSchema,
  gradeAfter: accidentGradeSchema,
  reason: z.string(),
  ...fields.actStamp('recorded', { timeFirst: true }),
};
export const accidentSupplementSchema = shaped<SupplementView>()(
  z
    .object({ ...supplementFields, chainBefore: chainRowSchema, chainAfter: chainRowSchema })
    .meta({ id: 'AccidentSupplement' }),
);

const supplementWindowSchema = component<SupplementWindowView>()('SupplementWindow', {
  days: z.number(),
  ...fields.strings('lastDay', 'closesAt', 'source'),
  isOpen: z.boolean(),
});

export const accidentDetailSchema = component<AccidentDetail>()('AccidentDetail', {
  accident: accidentSchema,
  judgement: gradeJudgementSchema,
  chain: chainRowSchema,
  reporting: z.array(reportStepSchema),
  hasLateReport: z.boolean(),
  reports: z.array(accidentReportSchema),
  accountability: z.array(accountabilityRecordSchema),
  supplements: z.array(accidentSupplementSchema),
  supplementWindow: supplementWindowSchema.nullable(),
});

const timelineItemSchema = component<TimelineItem>()('TimelineItem', {
  kind: z.enum(['hazard', 'alarm', 'order', 'inspection']),
  ...fields.strings('id', 'at', 'title', 'detail'),
  isOpenAtAccident: z.boolean(),
});

export const precedingTimelineSchema = component<PrecedingTimeline>()('PrecedingTimeline', {
  ...fields.strings('accidentId', 'mineId', 'from', 'to'),
  items: z.array(timelineItemSchema),
  openHazards: z.number(),
  counts: z.object({ hazard: z.number(), alarm: z.number(), order: z.number(), inspection: z.number() }),
});

export const accountabilityViewSchema = component<AccountabilityView>()('AccountabilityView', {
  records: z.array(accountabilityRecordSchema),
  byPerson: z.array(
    z.object({
      personName: z.string(),
      posts: z.array(z.string()),
      chains: z.array(accountabilityChainSchema),
      records: z.number(),
    }),
  ),
  byChain: z.object({
    ...fields.numbers('enterprise', 'regulator', 'party', 'government'),
  }),
});

const rowErrorSchema = shaped<RowError>()(
  z.object({ line: z.number(), field: z.string(), reason: z.string() }),
);

export const accidentImportResultSchema = component<ImportResult>()('AccidentImportResult', {
  fileName: z.string(),
  ...fields.numbers('rows', 'accepted', 'rejected', 'skipped'),
  errors: z.array(rowErrorSchema),
  skippedReasons: z.array(z.object({ reason: z.string(), rows: z.number() })),
});

export const gradeAnswerSchema = z
  .object({ judgement: gradeJudgementSchema, chain: chainRowSchema, levels: z.array(reportLevelSchema) })
  .meta({ id: 'GradeAnswer' });
