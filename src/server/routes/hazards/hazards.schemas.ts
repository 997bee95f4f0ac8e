import { z } from 'zod';
import type { ListedProposal } from '../../../core/hazards/monitoring-proposals.ts';
import { ALARM_RULES, type EvidenceItem } from '../../../core/monitoring/engine/engine-types.ts';
import type { CriteriaEdition } from '../../../core/hazards/criteria-types.ts';
import type { HazardView, TimelineEntry, listCriteria } from '../../../core/hazards/hazard-queries.ts';
import type { ReviewResult } from '../../../core/hazards/hazard-review.ts';
import {
  ESCALATION_LEVELS,
  HAZARD_GRADES,
  HAZARD_SOURCES,
  HAZARD_STATES,
  PROPOSAL_KINDS,
  type Hazard,
  type HazardEvent,
  type HazardEvidence,
  type HazardProposal,
  type ProgressReport,
  type SelfCheckReport,
  type SupervisionListing,
} from '../../../core/hazards/hazard-types.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the hazard routes (lifecycle, oversight, proposals, self-checks, evidence). */

export const hazardStateSchema = z.enum(HAZARD_STATES).meta({ id: 'HazardState' });
export const hazardGradeSchema = z.enum(HAZARD_GRADES).meta({ id: 'HazardGrade' });
export const hazardSourceSchema = z.enum(HAZARD_SOURCES).meta({ id: 'HazardSource' });
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS).meta({ id: 'EscalationLevel' });

const planSchema = z
  .object({
    ...fields.strings('responsiblePerson', 'measures'),
    fundsCny: z.number().nullable(),
    deadline: z.string(),
    ...fields.nullableStrings('contingencyPlan', 'objectives', 'methods', 'materials'),
    ...fields.nullableStrings('responsibleBody', 'requirements', 'safetyMeasures'),
  })
  .meta({ id: 'RectificationPlan' });

const hazardFields = {
  id: z.string(),
  ...fields.recordMine,
  source: hazardSourceSchema,
  grade: hazardGradeSchema,
  ...fields.strings('category', 'title', 'description'),
  ...fields.nullableStrings('area', 'equipment', 'pointCode'),
  state: hazardStateSchema,
  ...fields.strings('reportedAt', 'reportedBy', 'reportedByName'),
  plan: planSchema.nullable(),
  ...fields.nullableStrings('originalDueDate', 'currentDueDate'),
  escalation: escalationLevelSchema,
  equipmentRunningDays: z.number(),
  ...fields.nullableStrings('lastEquipmentCheckOn', 'closedAt'),
  updatedAt: z.string(),
};
export const hazardSchema = shaped<Hazard>()(z.object(hazardFields).meta({ id: 'Hazard' }));
export const hazardViewSchema = shaped<HazardView>()(
  z.object({ ...hazardFields, overdue: z.boolean() }).meta({ id: 'HazardView' }),
);

export const hazardProposalSchema = component<HazardProposal>()('HazardProposal', {
  id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  ...fields.recordMine,
  hazardIds: z.array(z.string()),
  basis: z.string(),
  state: z.enum(['open', 'confirmed', 'dismissed', 'lapsed']),
  createdAt: z.string(),
  ...fields.nullableStrings('decidedBy', 'decidedAt', 'note'),
});

const hazardEventSchema = component<HazardEvent>()('HazardEvent', {
  ...fields.strings('id', 'hazardId', 'at', 'kind'),
  fromState: hazardStateSchema.nullable(),
  toState: hazardStateSchema.nullable(),
  ...fields.strings('actorId', 'actorName'),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const hazardEvidenceSchema = component<HazardEvidence>()('HazardEvidence', {
  id: z.string(),
  hazardId: z.string().nullable(),
  ...fields.strings('mineId', 'sha256', 'fileName', 'contentType'),
  sizeBytes: z.number(),
  ...fields.byStamp('uploaded'),
});

export const listingSchema = component<SupervisionListing>()('SupervisionListing', {
  ...fields.strings('id', 'hazardId', 'notice'),
  ...fields.byStamp('issued'),
  ...fields.nullableStrings('closedAt', 'closedBy'),
});

export const progressReportSchema = component<ProgressReport>()('ProgressReport', {
  ...fields.strings('id', 'listingId', 'hazardId', 'text', 'by', 'byName', 'at'),
});

const timelineEntrySchema = shaped<TimelineEntry>()(
  z.object({
    ...fields.strings('at', 'action', 'actorId', 'actorName'),
    note: z.string().nullable(),
    seq: z.number(),
  }),
);

const criteriaItemSchema = z
  .object({
    id: z.string(),
    ...fields.numbers('category', 'item'),
    ...fields.strings('textEn', 'source'),
    unconfirmed: z.boolean().optional(),
  })
  .meta({ id: 'CriteriaItem' });

export const criteriaEditionSchema = component<CriteriaEdition>()('CriteriaEdition', {
  edition: z.enum(['2015', '2020', '2026']),
  ...fields.strings('name', 'order', 'effectiveFrom'),
  categories: z
    .array(z.object({ no: z.number(), article: z.string(), titleZh: z.string(), titleEn: z.string() }))
    .readonly(),
  items: z.array(criteriaItemSchema).readonly(),
  coverage: z.enum(['complete', 'differences', 'not_encoded']),
  unconfirmed: z.array(z.string()).readonly().optional(),
});

/** The criteria editions and which one grades a hazard found today. */
export const criteriaListingSchema = component<ReturnType<typeof listCriteria>>()('CriteriaListing', {
  editions: z.array(criteriaEditionSchema).readonly(),
  grading: z
    .object({
      on: z.string(),
      inForce: z.enum(['2015', '2020', '2026']),
      ...fields.strings('inForceOrder', 'inForceFrom'),
      edition: z.enum(['2015', '2020', '2026']),
      order: z.string(),
      standIn: z.boolean(),
      unconfirmed: z.array(z.string()).readonly(),
    })
    .nullable(),
});

export const hazardDetailSchema = z
  .object({
    hazard: hazardViewSchema,
    criterion: criteriaItemSchema.nullable(),
    history: z.array(hazardEventSchema),
    timeline: z.array(timelineEntrySchema),
    evidence: z.array(hazardEvidenceSchema),
    listings: z.array(listingSchema),
    progress: z.array(progressReportSchema),
    /** The proposals this hazard raised; empty for those who do not decide them. */
    proposals: z.array(hazardProposalSchema),
  })
  .meta({ id: 'HazardDetail' });

export const hazardBoardSchema = z
  .object({
    overdue: z.number(),
    columns: z.array(z.object({ state: hazardStateSchema, total: z.number(), overdue: z.number() })),
  })
  .meta({ id: 'HazardBoard' });

export const reviewResultSchema = component<ReviewResult>()('HazardReviewResult', {
  escalated: z.array(
    z.object({ hazardId: z.string(), from: z.string(), to: z.string(), daysOverdue: z.number() }),
  ),
  equipmentRunning: z.array(
    z.object({ hazardId: z.string(), pointCode: z.string(), days: z.number(), escalation: z.string() }),
  ),
  proposals: z.array(z.string()),
});

export const selfCheckReportSchema = component<SelfCheckReport>()('SelfCheckReport', {
  ...fields.strings('id', 'mineId', 'regionPath', 'quarter', 'signer', 'summary'),
  evidenceId: z.string().nullable(),
  ...fields.byStamp('filed'),
});

export const missingSelfChecksSchema = z
  .object({
    quarter: z.string(),
    items: z.array(
      z.object({
        ...fields.strings('mineId', 'code', 'name', 'status', 'regionName'),
      }),
    ),
  })
  .meta({ id: 'MissingSelfChecks' });

export const alarmRuleSchema = namedEnum(ALARM_RULES, 'AlarmRule');

export const evidenceItemSchema = component<EvidenceItem>()('EvidenceItem', {
  kind: z.enum(['alarm', 'reading', 'people']),
  alarmId: z.string().nullable(),
  rule: alarmRuleSchema.nullable(),
  ...fields.nullableStrings('pointCode', 'location'),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  atMs: z.number(),
});

/** A major hazard proposed by monitoring evidence, with the criterion it meets. */
export const monitoringHazardProposalSchema = component<ListedProposal>()('MonitoringHazardProposal', {
  ...fields.strings('key', 'alarmId', 'mineId', 'mineName'),
  rule: alarmRuleSchema,
  ...fields.strings('category', 'titleZh', 'titleEn'),
  atMs: z.number(),
  evidence: z.array(evidenceItemSchema),
  regionPath: z.string(),
  criterion: z.object({ source: z.string(), textEn: z.string() }),
});
