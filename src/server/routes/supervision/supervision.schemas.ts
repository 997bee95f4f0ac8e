import { z } from 'zod';
import type { SupervisionCard } from '../../../core/supervision/assignment-use-cases.ts';
import type { CoverageReport, KpiView } from '../../../core/supervision/coverage.ts';
import {
  CHECKLIST_RESULTS,
  FINDING_GRADES,
  PLAN_STATES,
  type AssignableUser,
  type LeaderAssignment,
  type MinePlan,
  type ResponsiblePerson,
  type SupervisionGroup,
  type VisitFinding,
} from '../../../core/supervision/supervision-types.ts';
import { UNDERGROUND_CHECKS, type UndergroundCheck } from '../../../core/supervision/underground-presence.ts';
import type { VisitView } from '../../../core/supervision/visit-checks.ts';
import { byStampFields, component, mineRefFields, namedEnum } from '../../route-schemas.ts';

/** Answers of the supervision routes (plans, assignments, coverage, visits). */

export const planStateSchema = namedEnum(PLAN_STATES, 'PlanState');
export const coverageGapSchema = z
  .enum(['plan', 'responsible', 'group', 'leader'])
  .meta({ id: 'CoverageGap' });
export const checklistResultSchema = namedEnum(CHECKLIST_RESULTS, 'ChecklistResult');
export const findingGradeSchema = namedEnum(FINDING_GRADES, 'FindingGrade');
const gapCounts = z.object({
  plan: z.number(),
  responsible: z.number(),
  group: z.number(),
  leader: z.number(),
});

export const minePlanSchema = component<MinePlan>()('MinePlan', {
  mineId: z.string(),
  documentRef: z.string(),
  measures: z.array(
    z.object({ text: z.string(), owner: z.string().nullable(), dueOn: z.string().nullable() }),
  ),
  state: planStateSchema,
  returnReason: z.string().nullable(),
  revision: z.number(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const responsiblePersonSchema = component<ResponsiblePerson>()('ResponsiblePerson', {
  mineId: z.string(),
  name: z.string(),
  position: z.string(),
  phone: z.string(),
  ...byStampFields('assigned'),
});

export const supervisionGroupSchema = component<SupervisionGroup>()('SupervisionGroup', {
  mineId: z.string(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), isLeader: z.boolean() })),
  ...byStampFields('assigned'),
});

export const leaderAssignmentSchema = component<LeaderAssignment>()('LeaderAssignment', {
  mineId: z.string(),
  userId: z.string(),
  name: z.string(),
  ...byStampFields('assigned'),
});

export const supervisionCardSchema = component<SupervisionCard>()('SupervisionCard', {
  mine: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.string(),
    regionName: z.string(),
  }),
  plan: minePlanSchema.nullable(),
  responsible: responsiblePersonSchema.nullable(),
  group: supervisionGroupSchema.nullable(),
  leader: leaderAssignmentSchema.nullable(),
  history: z.array(
    z.object({
      id: z.string(),
      mineId: z.string(),
      kind: z.enum(['plan', 'responsible', 'group', 'leader']),
      action: z.string(),
      summary: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});

const assignableUserSchema = component<AssignableUser>()('AssignableUser', {
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
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
        ...mineRefFields,
        status: z.string(),
        planState: planStateSchema.nullable(),
        responsibleName: z.string().nullable(),
        groupLeaderName: z.string().nullable(),
        groupSize: z.number(),
        leaderUserId: z.string().nullable(),
        leaderName: z.string().nullable(),
        gaps: z.array(coverageGapSchema),
        isMine: z.boolean(),
        leaderlessShifts: z.number().int(),
      })
      .meta({ id: 'CoverageRow' }),
  ),
  mines: z.number(),
  excludedClosed: z.number(),
  complete: z.number(),
  missing: gapCounts,
  byDistrict: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      mines: z.number(),
      complete: z.number(),
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
  leaderDays: z.number(),
  groupDays: z.number(),
  mines: z.number(),
  excludedClosed: z.number(),
  leaderOverdue: z.number(),
  groupOverdue: z.number(),
  byDistrict: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      mines: z.number(),
      leaderOverdue: z.number(),
      groupOverdue: z.number(),
    }),
  ),
  overdue: z.array(
    z
      .object({
        ...mineRefFields,
        leaderName: z.string().nullable(),
        lastLeaderVisitAt: z.string().nullable(),
        lastGroupVisitAt: z.string().nullable(),
        leaderOverdue: z.boolean(),
        groupOverdue: z.boolean(),
        isMine: z.boolean(),
      })
      .meta({ id: 'KpiRow' }),
  ),
});

export const visitFindingSchema = component<VisitFinding>()('VisitFinding', {
  id: z.string(),
  visitId: z.string(),
  mineId: z.string(),
  title: z.string(),
  description: z.string(),
  grade: findingGradeSchema,
  category: z.string(),
  location: z.string().nullable(),
  status: z.enum(['pending_hazard', 'reported']),
  hazardId: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
});

export const siteVisitSchema = component<VisitView>()('SiteVisit', {
  id: z.string(),
  mineId: z.string(),
  visitorId: z.string(),
  visitorName: z.string(),
  visitorRole: z.enum(['leader', 'group_member']),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMinutes: z.number(),
  wentToSite: z.boolean(),
  wentUnderground: z.boolean(),
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
