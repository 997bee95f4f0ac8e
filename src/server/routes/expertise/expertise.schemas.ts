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
import { component, shaped } from '../../route-schemas.ts';
import { gasClassSchema, mineStatusSchema } from '../registry/registry.schemas.ts';

/** Answers of the gas-control expertise, upgrading and formalism routes. */

export const expertProfileSchema = component<ExpertProfile>()('ExpertProfile', {
  userId: z.string(),
  displayName: z.string(),
  specialities: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

export const expertAssignmentSchema = component<ExpertAssignment>()('ExpertAssignment', {
  id: z.string(),
  mineId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  assignedBy: z.string(),
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
});

export const guidanceVisitSchema = component<GuidanceVisit>()('GuidanceVisit', {
  id: z.string(),
  mineId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  visitedOn: z.string(),
  findings: z.array(
    z.object({
      title: z.string(),
      description: z.string(),
      grade: z.enum(['major', 'general']),
      category: z.string(),
      hazardId: z.string().nullable(),
    }),
  ),
  recommendations: z.string(),
  createdAt: z.string(),
});

export const trainingSessionSchema = component<TrainingSession>()('TrainingSession', {
  id: z.string(),
  mineId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  attendees: z.array(z.string()),
  createdAt: z.string(),
});

export const assessmentSchema = component<CapabilityAssessment>()('CapabilityAssessment', {
  id: z.string(),
  mineId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  signedAt: z.string(),
  assessedOn: z.string(),
  validUntil: z.string(),
  conclusion: z.enum(['capable', 'not_capable']),
  summary: z.string(),
  state: z.enum(['signed', 'approved', 'withdrawn', 'expired']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const progressRecordSchema = component<ProgressRecord>()('ProgressRecord', {
  id: z.string(),
  mineId: z.string(),
  recordedOn: z.string(),
  mechanisedFaces: z.number(),
  intelligentFaces: z.number(),
  remoteMonitoring: z.boolean(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const upgradeTargetSchema = component<UpgradeTarget>()('UpgradeTarget', {
  regionId: z.string(),
  intelligentFaces: z.number().nullable(),
  capacityWithdrawnTPerYear: z.number().nullable(),
  dueOn: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});

const mergerFields = {
  id: z.string(),
  enterpriseName: z.string(),
  mergedOn: z.string(),
  mines: z.array(z.object({ mineId: z.string(), oldOperator: z.string().nullable() })),
  recordedBy: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
};
export const mergerSchema = shaped<Merger>()(z.object(mergerFields).meta({ id: 'Merger' }));

export const mineExpertiseSchema = z
  .object({
    mine: z.object({
      id: z.string(),
      name: z.string(),
      gasClass: gasClassSchema,
      status: mineStatusSchema,
      hasGasControlCapability: z.boolean(),
      gasControlEvidence: z.string().nullable(),
      gasControlCertifiedOn: z.string().nullable(),
      operator: z.string().nullable(),
    }),
    assignments: z.array(expertAssignmentSchema),
    guidance: z.array(guidanceVisitSchema),
    trainings: z.array(trainingSessionSchema),
    assessments: z.array(assessmentSchema),
    progress: z.array(progressRecordSchema),
  })
  .meta({ id: 'MineExpertise' });

const expertGapSchema = component<ExpertGap>()('ExpertGap', {
  mineId: z.string(),
  mineName: z.string(),
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
        regionId: z.string(),
        name: z.string(),
        nameEn: z.string(),
        closedMines: z.number(),
        withdrawnTPerYear: z.number(),
        closingMines: z.number(),
        closingTPerYear: z.number(),
      }),
    ),
    total: z.object({
      closedMines: z.number(),
      withdrawnTPerYear: z.number(),
      closingMines: z.number(),
      closingTPerYear: z.number(),
    }),
    targetTPerYear: z.number().nullable(),
    percentOfTarget: z.number().nullable(),
    remainingTPerYear: z.number().nullable(),
  }),
);

export const upgradingViewSchema = component<UpgradingView>()('UpgradingView', {
  regionId: z.string().nullable(),
  progress: z.array(
    z.object({
      on: z.string(),
      mines: z.number(),
      mechanisedFaces: z.number(),
      intelligentFaces: z.number(),
      remoteMonitoringMines: z.number(),
    }),
  ),
  target: upgradeTargetSchema.nullable(),
  capacity: capacitySchema,
  mergers: z.array(
    z.object({
      ...mergerFields,
      mineViews: z.array(
        z.object({
          mineId: z.string(),
          mineName: z.string(),
          oldOperator: z.string().nullable(),
          operatorNow: z.string().nullable(),
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
  mineId: z.string().nullable(),
  mineName: z.string().nullable(),
  visitorId: z.string().nullable(),
  visitorName: z.string().nullable(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  records: z.object({
    visitIds: z.array(z.string()),
    alarmIds: z.array(z.string()),
    hazardIds: z.array(z.string()),
  }),
});

const formalismParamsSchema = z
  .object({
    periodDays: z.number(),
    shortVisitMinutes: z.number(),
    quietAlarmThreshold: z.number(),
    leaderDays: z.number(),
    copiedRun: z.number(),
    minVisitsUnderground: z.number(),
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
