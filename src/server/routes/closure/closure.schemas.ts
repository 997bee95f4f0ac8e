import { z } from 'zod';
import type { ClosureTargetRule, TargetProgress } from '../../../core/closure/closure-rules.ts';
import * as ClosureTypes from '../../../core/closure/closure-types.ts';
import type { Candidate, ClosureView, UnfiledMine } from '../../../core/closure/closure-use-cases.ts';
import type { PopulationHistory } from '../../../core/closure/population-history.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the closure programme, ownership and crackdown-case routes. */

export const closureStepKindSchema = namedEnum(ClosureTypes.CLOSURE_STEP_KINDS, 'ClosureStepKind');
export const ownershipKindSchema = namedEnum(ClosureTypes.OWNERSHIP_KINDS, 'OwnershipKind');
export const caseTypeSchema = namedEnum(ClosureTypes.CASE_TYPES, 'CaseType');
export const caseEvidenceKindSchema = namedEnum(ClosureTypes.CASE_EVIDENCE_KINDS, 'CaseEvidenceKind');
const ruleIdSchema = z
  .enum(['capacity_below_300kt', 'gas_without_capability', 'policy_list'])
  .meta({ id: 'ClosureRuleId' });

export const evidenceFileSchema = z
  .object({ sha256: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() })
  .meta({ id: 'EvidenceFileRef' });

const closureStepSchema = component<ClosureTypes.ClosureStep>()('ClosureStep', {
  closureId: z.string(),
  step: closureStepKindSchema,
  state: z.enum(['pending', 'recorded', 'verified', 'rejected']),
  evidence: z.string().nullable(),
  file: evidenceFileSchema.nullable(),
  ...fields.actStamp('recorded', { nullable: true }),
  ...fields.actStamp('verified', { nullable: true }),
  note: z.string().nullable(),
});

const closureFields = {
  id: z.string(),
  ...fields.recordMine,
  capacityTPerYear: z.number(),
  reason: z.string(),
  basis: z.string().nullable(),
  attachedToExisting: z.boolean(),
  status: z.enum(['in_progress', 'closed']),
  ...fields.actStamp('created'),
  closedAt: z.string().nullable(),
};
shaped<ClosureTypes.Closure>()(z.object(closureFields));

export const transformationSchema = component<ClosureTypes.Transformation>()('Transformation', {
  ...fields.strings('id', 'closureId', 'mineId', 'regionPath', 'what', 'startedOn'),
  jobs: z.number(),
  note: z.string(),
  ...fields.actStamp('recorded'),
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
  ...fields.strings('mineId', 'code', 'name', 'regionName'),
  status: z.enum(['closing', 'closed']),
  statusSince: z.string(),
});

export const closureTargetSchema = component<ClosureTypes.ClosureTarget>()('ClosureTarget', {
  ...fields.strings('id', 'regionId', 'regionPath', 'regionName', 'deadline'),
  ...fields.numbers('minesToClose', 'capacityToWithdrawTPerYear'),
  note: z.string(),
  ...fields.actStamp('created'),
});

export const targetProgressSchema = component<TargetProgress>()('TargetProgress', {
  target: closureTargetSchema,
  ...fields.numbers(
    'minesClosed',
    'capacityWithdrawnTPerYear',
    'minesInProgress',
    'minesPercent',
    'capacityPercent',
  ),
  ...fields.booleans('met', 'overdue'),
});

export const policyListEntrySchema = component<ClosureTypes.PolicyListEntry>()('PolicyListEntry', {
  ...fields.strings('mineId', 'regionPath', 'reason', 'source'),
  ...fields.actStamp('listed'),
});

const candidateSchema = component<Candidate>()('ClosureCandidate', {
  ...fields.strings('mineId', 'mineName', 'mineCode', 'regionId', 'regionName', 'status'),
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
      ...fields.numbers('year', 'mines', 'smallMines', 'capacityTPerYear', 'smallCapacityTPerYear'),
      ...fields.nullableNumbers('closed', 'smallClosed', 'smallCapacityWithdrawnTPerYear'),
    }),
  ),
  sources: z.array(z.string()),
  reduction: z
    .object({ fromYear: z.number(), toYear: z.number(), mines: z.number(), smallMines: z.number() })
    .nullable(),
});

export const ownershipRecordSchema = component<ClosureTypes.OwnershipRecord>()('OwnershipRecord', {
  ...fields.strings('id', 'mineId', 'regionPath'),
  kind: ownershipKindSchema,
  ...fields.strings('party', 'fromDate'),
  ...fields.nullableStrings('toDate', 'contractRef'),
  note: z.string(),
  ...fields.actStamp('recorded'),
});

export const crackdownCaseSchema = component<ClosureTypes.CrackdownCase>()('CrackdownCase', {
  id: z.string(),
  type: caseTypeSchema,
  ...fields.recordMine,
  summary: z.string(),
  status: z.enum(['open', 'investigating', 'decided', 'closed']),
  evidence: z.array(
    z.object({
      kind: caseEvidenceKindSchema,
      ...fields.strings('ref', 'note'),
      ...fields.actStamp('added'),
    }),
  ),
  decisions: z.array(z.object({ text: z.string(), byId: z.string(), byName: z.string(), at: z.string() })),
  ...fields.actStamp('opened'),
  updatedAt: z.string(),
});
