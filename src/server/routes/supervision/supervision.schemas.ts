import { z } from 'zod';
import type { SupervisionCard } from '../../../core/supervision/assignment-use-cases.ts';
import type { CoverageReport, KpiView } from '../../../core/supervision/coverage.ts';
import * as SupervisionTypes from '../../../core/supervision/supervision-types.ts';
import { UNDERGROUND_CHECKS, type UndergroundCheck } from '../../../core/supervision/underground-presence.ts';
import type { VisitView } from '../../../core/supervision/visit-checks.ts';
import { component, fields, namedEnum } from '../../route-schemas.ts';

/** Answers of the supervision routes (plans, assignments, coverage, visits). */

export const planStateSchema = namedEnum(SupervisionTypes.PLAN_STATES, 'PlanState');
export const coverageGapSchema = z
  .enum(['plan', 'responsible', 'group', 'leader'])
  .meta({ id: 'CoverageGap' });
export const checklistResultSchema = namedEnum(SupervisionTypes.CHECKLIST_RESULTS, 'ChecklistResult');
export const findingGradeSchema = namedEnum(SupervisionTypes.FINDING_GRADES, 'FindingGrade');
const gapCounts = z.object({
  ...fields.numbers('plan', 'responsible', 'group', 'leader'),
});

export const minePlanSchema = component<SupervisionTypes.MinePlan>()('MinePlan', {
  ...fields.strings('mineId', 'documentRef'),
  measures: z.array(
    z.object({ text: z.string(), owner: z.string().nullable(), dueOn: z.string().nullable() }),
  ),
  state: planStateSchema,
  returnReason: z.string().nullable(),
  revision: z.number(),
  ...fields.nullableStrings('submittedAt', 'submittedBy', 'decidedAt', 'decidedBy'),
  ...fields.strings('createdAt', 'updatedAt'),
});

export const responsiblePersonSchema = component<SupervisionTypes.ResponsiblePerson>()('ResponsiblePerson', {
  ...fields.strings('mineId', 'name', 'position', 'phone'),
  ...fields.byStamp('assigned'),
});

export const supervisionGroupSchema = component<SupervisionTypes.SupervisionGroup>()('SupervisionGroup', {
  mineId: z.string(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), isLeader: z.boolean() })),
  ...fields.byStamp('assigned'),
});

export const leaderAssignmentSchema = component<SupervisionTypes.LeaderAssignment>()('LeaderAssignment', {
  ...fields.strings('mineId', 'userId', 'name'),
  ...fields.byStamp('assigned'),
});

export const supervisionCardSchema = component<SupervisionCard>()('SupervisionCard', {
  mine: z.object({
    ...fields.strings('id', 'code', 'name', 'status', 'regionName'),
  }),
  plan: minePlanSchema.nullable(),
  responsible: responsiblePersonSchema.nullable(),
  group: supervisionGroupSchema.nullable(),
  leader: leaderAssignmentSchema.nullable(),
  history: z.array(
    z.object({
      ...fields.strings('id', 'mineId'),
      kind: z.enum(['plan', 'responsible', 'group', 'leader']),
      ...fields.strings('action', 'summary', 'actorId', 'actorName', 'at'),
    }),
  ),
});

const assignableUserSchema = component<SupervisionTypes.AssignableUser>()('AssignableUser', {
  ...fields.strings('id', 'displayName', 'role'),
  disabled: z.boolean(),
  scopePath: z.string().nullable(),
});

export const assignmentCandidatesSchema = z
  .object({ leaders: z.array(assignableUserSchema), groupMembers: z.array(assignableUserSchema) })
  .meta({ id: 'AssignmentCandidates' });

export const coverageViewSchema = component<CoverageReport>()('CoverageView', {
  rows: z.array(
    z
      .object({
        ...fields.mineRef,
        status: z.string(),
        planState: planStateSchema.nullable(),
        ...fields.nullableStrings('responsibleName', 'groupLeaderName'),
        groupSize: z.number(),
        ...fields.nullableStrings('leaderUserId', 'leaderName'),
        gaps: z.array(coverageGapSchema),
        isMine: z.boolean(),
        leaderlessShifts: z.number().int(),
      })
      .meta({ id: 'CoverageRow' }),
  ),
  ...fields.numbers('mines', 'excludedClosed', 'complete'),
  missing: gapCounts,
  byDistrict: z.array(
    z.object({
      ...fields.strings('regionId', 'regionName'),
      ...fields.numbers('mines', 'complete'),
      missing: gapCounts,
    }),
  ),
  presence: z
    .object({
      days: z.number().int(),
      claims: z.object({
        confirmed: z.number().int(),
        notConfirmed: z.number().int(),
        noCard: z.number().int(),
      }),
      leaderlessShifts: z.record(z.string(), z.number().int()),
      leaderlessMines: z.number().int(),
    })
    .nullable(),
});

export const kpiViewSchema = component<KpiView>()('KpiView', {
  asOf: z.string(),
  ...fields.numbers('leaderDays', 'groupDays', 'mines', 'excludedClosed', 'leaderOverdue', 'groupOverdue'),
  byDistrict: z.array(
    z.object({
      ...fields.strings('regionId', 'regionName'),
      ...fields.numbers('mines', 'leaderOverdue', 'groupOverdue'),
    }),
  ),
  overdue: z.array(
    z
      .object({
        ...fields.mineRef,
        ...fields.nullableStrings('leaderName', 'lastLeaderVisitAt', 'lastGroupVisitAt'),
        ...fields.booleans('leaderOverdue', 'groupOverdue', 'isMine'),
      })
      .meta({ id: 'KpiRow' }),
  ),
});

export const visitFindingSchema = component<SupervisionTypes.VisitFinding>()('VisitFinding', {
  ...fields.strings('id', 'visitId', 'mineId', 'title', 'description'),
  grade: findingGradeSchema,
  category: z.string(),
  location: z.string().nullable(),
  status: z.enum(['pending_hazard', 'reported']),
  ...fields.nullableStrings('hazardId', 'reportedAt', 'reportedBy'),
});

export const siteVisitSchema = component<VisitView>()('SiteVisit', {
  ...fields.strings('id', 'mineId', 'visitorId', 'visitorName'),
  visitorRole: z.enum(['leader', 'group_member']),
  ...fields.strings('startedAt', 'endedAt'),
  durationMinutes: z.number(),
  ...fields.booleans('wentToSite', 'wentUnderground'),
  checklist: z.array(
    z.object({ item: z.string(), result: checklistResultSchema, note: z.string().nullable() }),
  ),
  notes: z.string(),
  byAssigned: z.boolean(),
  createdAt: z.string(),
  findings: z.array(visitFindingSchema),
  undergroundCheck: z.enum(UNDERGROUND_CHECKS as [UndergroundCheck, ...UndergroundCheck[]]).nullable(),
});

/** A plan's document number and measures, as a mine's plan and a bulk assignment's template take them. */
export const planBody = z.object({
  documentRef: z.string().max(200),
  measures: z
    .array(
      z.object({
        text: z.string().max(1000),
        owner: z.string().max(100).nullish(),
        dueOn: z.string().max(10).nullish(),
      }),
    )
    .max(200),
});
