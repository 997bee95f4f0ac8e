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
import { byStampFields, component, namedEnum, recordMineFields, shaped } from '../../route-schemas.ts';

/** Answers of the hazard routes (lifecycle, oversight, proposals, self-checks, evidence). */

export const hazardStateSchema = z.enum(HAZARD_STATES).meta({ id: 'HazardState' });
export const hazardGradeSchema = z.enum(HAZARD_GRADES).meta({ id: 'HazardGrade' });
export const hazardSourceSchema = z.enum(HAZARD_SOURCES).meta({ id: 'HazardSource' });
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS).meta({ id: 'EscalationLevel' });

const planSchema = z
  .object({
    responsiblePerson: z.string(),
    measures: z.string(),
    fundsCny: z.number().nullable(),
    deadline: z.string(),
    contingencyPlan: z.string().nullable(),
    objectives: z.string().nullable(),
    methods: z.string().nullable(),
    materials: z.string().nullable(),
    responsibleBody: z.string().nullable(),
    requirements: z.string().nullable(),
    safetyMeasures: z.string().nullable(),
  })
  .meta({ id: 'RectificationPlan' });

const hazardFields = {
  id: z.string(),
  ...recordMineFields,
  source: hazardSourceSchema,
  grade: hazardGradeSchema,
  category: z.string(),
  title: z.string(),
  description: z.string(),
  area: z.string().nullable(),
  equipment: z.string().nullable(),
  pointCode: z.string().nullable(),
  state: hazardStateSchema,
  reportedAt: z.string(),
  reportedBy: z.string(),
  reportedByName: z.string(),
  plan: planSchema.nullable(),
  originalDueDate: z.string().nullable(),
  currentDueDate: z.string().nullable(),
  escalation: escalationLevelSchema,
  equipmentRunningDays: z.number(),
  lastEquipmentCheckOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
};
export const hazardSchema = shaped<Hazard>()(z.object(hazardFields).meta({ id: 'Hazard' }));
export const hazardViewSchema = shaped<HazardView>()(
  z.object({ ...hazardFields, overdue: z.boolean() }).meta({ id: 'HazardView' }),
);

export const hazardProposalSchema = component<HazardProposal>()('HazardProposal', {
  id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  ...recordMineFields,
  hazardIds: z.array(z.string()),
  basis: z.string(),
  state: z.enum(['open', 'confirmed', 'dismissed', 'lapsed']),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});

const hazardEventSchema = component<HazardEvent>()('HazardEvent', {
  id: z.string(),
  hazardId: z.string(),
  at: z.string(),
  kind: z.string(),
  fromState: hazardStateSchema.nullable(),
  toState: hazardStateSchema.nullable(),
  actorId: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const hazardEvidenceSchema = component<HazardEvidence>()('HazardEvidence', {
  id: z.string(),
  hazardId: z.string().nullable(),
  mineId: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  ...byStampFields('uploaded'),
});

export const listingSchema = component<SupervisionListing>()('SupervisionListing', {
  id: z.string(),
  hazardId: z.string(),
  notice: z.string(),
  ...byStampFields('issued'),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});

export const progressReportSchema = component<ProgressReport>()('ProgressReport', {
  id: z.string(),
  listingId: z.string(),
  hazardId: z.string(),
  text: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});

const timelineEntrySchema = shaped<TimelineEntry>()(
  z.object({
    at: z.string(),
    action: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    note: z.string().nullable(),
    seq: z.number(),
  }),
);

const criteriaItemSchema = z
  .object({
    id: z.string(),
    category: z.number(),
    item: z.number(),
    textEn: z.string(),
    source: z.string(),
    unconfirmed: z.boolean().optional(),
  })
  .meta({ id: 'CriteriaItem' });

export const criteriaEditionSchema = component<CriteriaEdition>()('CriteriaEdition', {
  edition: z.enum(['2015', '2020', '2026']),
  name: z.string(),
  order: z.string(),
  effectiveFrom: z.string(),
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
      inForceOrder: z.string(),
      inForceFrom: z.string(),
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
  id: z.string(),
  mineId: z.string(),
  regionPath: z.string(),
  quarter: z.string(),
  signer: z.string(),
  summary: z.string(),
  evidenceId: z.string().nullable(),
  ...byStampFields('filed'),
});

export const missingSelfChecksSchema = z
  .object({
    quarter: z.string(),
    items: z.array(
      z.object({
        mineId: z.string(),
        code: z.string(),
        name: z.string(),
        status: z.string(),
        regionName: z.string(),
      }),
    ),
  })
  .meta({ id: 'MissingSelfChecks' });

export const alarmRuleSchema = namedEnum(ALARM_RULES, 'AlarmRule');

export const evidenceItemSchema = component<EvidenceItem>()('EvidenceItem', {
  kind: z.enum(['alarm', 'reading', 'people']),
  alarmId: z.string().nullable(),
  rule: alarmRuleSchema.nullable(),
  pointCode: z.string().nullable(),
  location: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  atMs: z.number(),
});

/** A major hazard proposed by monitoring evidence, with the criterion it meets. */
export const monitoringHazardProposalSchema = component<ListedProposal>()('MonitoringHazardProposal', {
  key: z.string(),
  alarmId: z.string(),
  mineId: z.string(),
  mineName: z.string(),
  rule: alarmRuleSchema,
  category: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  atMs: z.number(),
  evidence: z.array(evidenceItemSchema),
  regionPath: z.string(),
  criterion: z.object({ source: z.string(), textEn: z.string() }),
});
