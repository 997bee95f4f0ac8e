import { z } from 'zod';
import type { ClosureTargetRule, TargetProgress } from '../../../core/closure/closure-rules.ts';
import {
  CASE_EVIDENCE_KINDS,
  CASE_TYPES,
  CLOSURE_STEP_KINDS,
  OWNERSHIP_KINDS,
  type Closure,
  type ClosureStep,
  type ClosureTarget,
  type CrackdownCase,
  type OwnershipRecord,
  type PolicyListEntry,
  type Transformation,
} from '../../../core/closure/closure-types.ts';
import type { Candidate, ClosureView, UnfiledMine } from '../../../core/closure/closure-use-cases.ts';
import type { PopulationHistory } from '../../../core/closure/population-history.ts';
import { actStampFields, component, namedEnum, recordMineFields, shaped } from '../../route-schemas.ts';

/** Answers of the closure programme, ownership and crackdown-case routes. */

export const closureStepKindSchema = namedEnum(CLOSURE_STEP_KINDS, 'ClosureStepKind');
export const ownershipKindSchema = namedEnum(OWNERSHIP_KINDS, 'OwnershipKind');
export const caseTypeSchema = namedEnum(CASE_TYPES, 'CaseType');
export const caseEvidenceKindSchema = namedEnum(CASE_EVIDENCE_KINDS, 'CaseEvidenceKind');
const ruleIdSchema = z
  .enum(['capacity_below_300kt', 'gas_without_capability', 'policy_list'])
  .meta({ id: 'ClosureRuleId' });

export const evidenceFileSchema = z
  .object({ sha256: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() })
  .meta({ id: 'EvidenceFileRef' });

const closureStepSchema = component<ClosureStep>()('ClosureStep', {
  closureId: z.string(),
  step: closureStepKindSchema,
  state: z.enum(['pending', 'recorded', 'verified', 'rejected']),
  evidence: z.string().nullable(),
  file: evidenceFileSchema.nullable(),
  ...actStampFields('recorded', { nullable: true }),
  ...actStampFields('verified', { nullable: true }),
  note: z.string().nullable(),
});

const closureFields = {
  id: z.string(),
  ...recordMineFields,
  capacityTPerYear: z.number(),
  reason: z.string(),
  basis: z.string().nullable(),
  attachedToExisting: z.boolean(),
  status: z.enum(['in_progress', 'closed']),
  ...actStampFields('created'),
  closedAt: z.string().nullable(),
};
shaped<Closure>()(z.object(closureFields));

export const transformationSchema = component<Transformation>()('Transformation', {
  id: z.string(),
  closureId: z.string(),
  mineId: z.string(),
  regionPath: z.string(),
  what: z.string(),
  startedOn: z.string(),
  jobs: z.number(),
  note: z.string(),
  ...actStampFields('recorded'),
});

export const closureViewSchema = component<ClosureView>()('ClosureView', {
  ...closureFields,
  steps: z.array(closureStepSchema),
  transformations: z.array(transformationSchema),
});

export const closureSummarySchema = z
  .object({ ...closureFields, stepsVerified: z.number(), stepsTotal: z.number() })
  .meta({ id: 'ClosureSummary' });

export const unfiledMineSchema = component<UnfiledMine>()('UnfiledMine', {
  mineId: z.string(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  status: z.enum(['closing', 'closed']),
  statusSince: z.string(),
});

export const closureTargetSchema = component<ClosureTarget>()('ClosureTarget', {
  id: z.string(),
  regionId: z.string(),
  regionPath: z.string(),
  regionName: z.string(),
  deadline: z.string(),
  minesToClose: z.number(),
  capacityToWithdrawTPerYear: z.number(),
  note: z.string(),
  ...actStampFields('created'),
});

export const targetProgressSchema = component<TargetProgress>()('TargetProgress', {
  target: closureTargetSchema,
  minesClosed: z.number(),
  capacityWithdrawnTPerYear: z.number(),
  minesInProgress: z.number(),
  minesPercent: z.number(),
  capacityPercent: z.number(),
  met: z.boolean(),
  overdue: z.boolean(),
});

export const policyListEntrySchema = component<PolicyListEntry>()('PolicyListEntry', {
  mineId: z.string(),
  regionPath: z.string(),
  reason: z.string(),
  source: z.string(),
  ...actStampFields('listed'),
});

const candidateSchema = component<Candidate>()('ClosureCandidate', {
  mineId: z.string(),
  mineName: z.string(),
  mineCode: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  status: z.string(),
  approvedCapacityTPerYear: z.number(),
  gasClass: z.string(),
  hasGasControlCapability: z.boolean(),
  rules: z.array(ruleIdSchema),
});

const targetRuleSchema = shaped<ClosureTargetRule>()(
  z.object({ id: ruleIdSchema, meaning: z.string(), source: z.string(), effectiveFrom: z.string() }),
);

export const candidatesSchema = z
  .object({ rules: z.array(targetRuleSchema).readonly(), candidates: z.array(candidateSchema) })
  .meta({ id: 'ClosureCandidates' });

export const populationHistorySchema = component<PopulationHistory>()('PopulationHistory', {
  years: z.array(
    z.object({
      year: z.number(),
      mines: z.number(),
      smallMines: z.number(),
      capacityTPerYear: z.number(),
      smallCapacityTPerYear: z.number(),
      closed: z.number().nullable(),
      smallClosed: z.number().nullable(),
      smallCapacityWithdrawnTPerYear: z.number().nullable(),
    }),
  ),
  sources: z.array(z.string()),
  reduction: z
    .object({ fromYear: z.number(), toYear: z.number(), mines: z.number(), smallMines: z.number() })
    .nullable(),
});

export const ownershipRecordSchema = component<OwnershipRecord>()('OwnershipRecord', {
  id: z.string(),
  mineId: z.string(),
  regionPath: z.string(),
  kind: ownershipKindSchema,
  party: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  contractRef: z.string().nullable(),
  note: z.string(),
  ...actStampFields('recorded'),
});

export const crackdownCaseSchema = component<CrackdownCase>()('CrackdownCase', {
  id: z.string(),
  type: caseTypeSchema,
  ...recordMineFields,
  summary: z.string(),
  status: z.enum(['open', 'investigating', 'decided', 'closed']),
  evidence: z.array(
    z.object({
      kind: caseEvidenceKindSchema,
      ref: z.string(),
      note: z.string(),
      ...actStampFields('added'),
    }),
  ),
  decisions: z.array(z.object({ text: z.string(), byId: z.string(), byName: z.string(), at: z.string() })),
  ...actStampFields('opened'),
  updatedAt: z.string(),
});
