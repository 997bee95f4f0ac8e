import { z } from 'zod';
import type { CapacityWithdrawn } from '../../../core/expertise/capacity-withdrawn.ts';
import type { ExpertGap } from '../../../core/expertise/expert-use-cases.ts';
import type {
  CapabilityAssessment,
  ExpertAssignment,
  ExpertProfile,
  GuidanceVisit,
  Merger,
  ProgressRecord,
  TrainingSession,
  UpgradeTarget,
} from '../../../core/expertise/expertise-types.ts';
import type { FormalismFlag } from '../../../core/expertise/formalism-flags.ts';
import type { FormalismParams, FormalismRule } from '../../../core/expertise/formalism-rules.ts';
import type { UpgradingView } from '../../../core/expertise/upgrading-use-cases.ts';
import { component, fields, shaped } from '../../route-schemas.ts';
import { gasClassSchema, mineStatusSchema } from '../registry/registry.schemas.ts';

/** Answers of the gas-control expertise, upgrading and formalism routes. */

export const expertProfileSchema = component<ExpertProfile>()('ExpertProfile', {
  ...fields.strings('userId', 'displayName'),
  specialities: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

export const expertAssignmentSchema = component<ExpertAssignment>()('ExpertAssignment', {
  ...fields.strings('id', 'mineId', 'expertId', 'expertName', 'assignedBy', 'assignedAt'),
  endedAt: z.string().nullable(),
});

export const guidanceVisitSchema = component<GuidanceVisit>()('GuidanceVisit', {
  ...fields.strings('id', 'mineId', 'expertId', 'expertName', 'visitedOn'),
  findings: z.array(
    z.object({
      ...fields.strings('title', 'description'),
      grade: z.enum(['major', 'general']),
      category: z.string(),
      hazardId: z.string().nullable(),
    }),
  ),
  ...fields.strings('recommendations', 'createdAt'),
});

export const trainingSessionSchema = component<TrainingSession>()('TrainingSession', {
  ...fields.strings('id', 'mineId', 'expertId', 'expertName', 'title', 'heldOn'),
  attendees: z.array(z.string()),
  createdAt: z.string(),
});

export const assessmentSchema = component<CapabilityAssessment>()('CapabilityAssessment', {
  ...fields.strings('id', 'mineId', 'expertId', 'expertName', 'signedAt', 'assessedOn', 'validUntil'),
  conclusion: z.enum(['capable', 'not_capable']),
  summary: z.string(),
  state: z.enum(['signed', 'approved', 'withdrawn', 'expired']),
  ...fields.nullableStrings('decidedBy', 'decidedAt', 'reason'),
});

export const progressRecordSchema = component<ProgressRecord>()('ProgressRecord', {
  ...fields.strings('id', 'mineId', 'recordedOn'),
  ...fields.numbers('mechanisedFaces', 'intelligentFaces'),
  remoteMonitoring: z.boolean(),
  ...fields.strings('recordedBy', 'createdAt'),
});

export const upgradeTargetSchema = component<UpgradeTarget>()('UpgradeTarget', {
  regionId: z.string(),
  ...fields.nullableNumbers('intelligentFaces', 'capacityWithdrawnTPerYear'),
  ...fields.strings('dueOn', 'setBy', 'setAt'),
});

const mergerFields = {
  ...fields.strings('id', 'enterpriseName', 'mergedOn'),
  mines: z.array(z.object({ mineId: z.string(), oldOperator: z.string().nullable() })),
  ...fields.strings('recordedBy', 'recordedByName', 'createdAt'),
};
export const mergerSchema = shaped<Merger>()(z.object(mergerFields).meta({ id: 'Merger' }));

export const mineExpertiseSchema = z
  .object({
    mine: z.object({
      ...fields.strings('id', 'name'),
      gasClass: gasClassSchema,
      status: mineStatusSchema,
      hasGasControlCapability: z.boolean(),
      ...fields.nullableStrings('gasControlEvidence', 'gasControlCertifiedOn', 'operator'),
    }),
    assignments: z.array(expertAssignmentSchema),
    guidance: z.array(guidanceVisitSchema),
    trainings: z.array(trainingSessionSchema),
    assessments: z.array(assessmentSchema),
    progress: z.array(progressRecordSchema),
  })
  .meta({ id: 'MineExpertise' });

const expertGapSchema = component<ExpertGap>()('ExpertGap', {
  ...fields.strings('mineId', 'mineName'),
  gasClass: z.enum(['high', 'outburst']),
  status: z.string(),
  hasExpert: z.boolean(),
  lastApprovedAssessmentOn: z.string().nullable(),
  gaps: z.array(z.enum(['no_expert', 'no_recent_assessment'])),
});

export const expertGapsSchema = z
  .object({ items: z.array(expertGapSchema), mines: z.number() })
  .meta({ id: 'ExpertGaps' });

const capacitySchema = shaped<CapacityWithdrawn>()(
  z.object({
    districts: z.array(
      z.object({
        ...fields.strings('regionId', 'name', 'nameEn'),
        ...fields.numbers('closedMines', 'withdrawnTPerYear', 'closingMines', 'closingTPerYear'),
      }),
    ),
    total: z.object({
      ...fields.numbers('closedMines', 'withdrawnTPerYear', 'closingMines', 'closingTPerYear'),
    }),
    ...fields.nullableNumbers('targetTPerYear', 'percentOfTarget', 'remainingTPerYear'),
  }),
);

export const upgradingViewSchema = component<UpgradingView>()('UpgradingView', {
  regionId: z.string().nullable(),
  progress: z.array(
    z.object({
      on: z.string(),
      ...fields.numbers('mines', 'mechanisedFaces', 'intelligentFaces', 'remoteMonitoringMines'),
    }),
  ),
  target: upgradeTargetSchema.nullable(),
  capacity: capacitySchema,
  mergers: z.array(
    z.object({
      ...mergerFields,
      mineViews: z.array(
        z.object({
          ...fields.strings('mineId', 'mineName'),
          ...fields.nullableStrings('oldOperator', 'operatorNow'),
          falseIntegration: z.boolean(),
        }),
      ),
      questionable: z.boolean(),
    }),
  ),
});

const formalismKindSchema = z
  .enum(['found_nothing', 'leader_absent', 'copied_checklist', 'never_underground', 'short_visit'])
  .meta({ id: 'FormalismKind' });

const formalismFlagSchema = component<FormalismFlag>()('FormalismFlag', {
  id: z.string(),
  kind: formalismKindSchema,
  score: z.number(),
  ...fields.nullableStrings('mineId', 'mineName', 'visitorId', 'visitorName'),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  records: z.object({
    visitIds: z.array(z.string()),
    alarmIds: z.array(z.string()),
    hazardIds: z.array(z.string()),
  }),
});

const formalismParamsSchema = z
  .object({
    ...fields.numbers(
      'periodDays',
      'shortVisitMinutes',
      'quietAlarmThreshold',
      'leaderDays',
      'copiedRun',
      'minVisitsUnderground',
    ),
  })
  .meta({ id: 'FormalismParams' });
shaped<FormalismParams>()(formalismParamsSchema);

const formalismRuleSchema = shaped<FormalismRule>()(
  z.object({ kind: formalismKindSchema, weight: z.number(), why: z.string() }),
);

export const formalismSchema = z
  .object({
    flags: z.array(formalismFlagSchema),
    params: formalismParamsSchema,
    rules: z.array(formalismRuleSchema).readonly(),
  })
  .meta({ id: 'FormalismView' });
