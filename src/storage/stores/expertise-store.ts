import type { Kysely, Selectable } from 'kysely';
import type { ExpertiseMineFilter, ExpertiseStore } from '../../core/expertise/expertise-ports.ts';
import type {
  AssessmentConclusion,
  AssessmentState,
  CapabilityAssessment,
  ExpertAssignment,
  GuidanceFinding,
  GuidanceVisit,
  Merger,
  ProgressRecord,
  TrainingSession,
} from '../../core/expertise/expertise-types.ts';
import type { Database } from '../schema.ts';
import type {
  ExpertiseAssessmentsTable,
  ExpertiseAssignmentsTable,
  ExpertiseGuidanceTable,
} from '../schema/expertise-schema.ts';
import { escapeLike } from './region-store.ts';

const toAssignment = (r: Selectable<ExpertiseAssignmentsTable>): ExpertAssignment => ({
  id: r.id,
  mineId: r.mine_id,
  expertId: r.expert_id,
  expertName: r.expert_name,
  assignedBy: r.assigned_by,
  assignedAt: r.assigned_at,
  endedAt: r.ended_at,
});

const toGuidance = (r: Selectable<ExpertiseGuidanceTable>): GuidanceVisit => ({
  id: r.id,
  mineId: r.mine_id,
  expertId: r.expert_id,
  expertName: r.expert_name,
  visitedOn: r.visited_on,
  findings: JSON.parse(r.findings_json) as GuidanceFinding[],
  recommendations: r.recommendations,
  createdAt: r.created_at,
});

const toAssessment = (r: Selectable<ExpertiseAssessmentsTable>): CapabilityAssessment => ({
  id: r.id,
  mineId: r.mine_id,
  expertId: r.expert_id,
  expertName: r.expert_name,
  signedAt: r.signed_at,
  assessedOn: r.assessed_on,
  validUntil: r.valid_until,
  conclusion: r.conclusion as AssessmentConclusion,
  summary: r.summary,
  state: r.state as AssessmentState,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
});

const assessmentRow = (a: CapabilityAssessment): ExpertiseAssessmentsTable => ({
  id: a.id,
  mine_id: a.mineId,
  expert_id: a.expertId,
  expert_name: a.expertName,
  signed_at: a.signedAt,
  assessed_on: a.assessedOn,
  valid_until: a.validUntil,
  conclusion: a.conclusion,
  summary: a.summary,
  state: a.state,
  decided_by: a.decidedBy,
  decided_at: a.decidedAt,
  reason: a.reason,
});

const numberOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function createExpertiseStore(db: Kysely<Database>): ExpertiseStore {
  function mineIds(filter: ExpertiseMineFilter) {
    let q = db.selectFrom('mines').select('mines.id');
    if (filter.regionPath !== undefined)
      q = q.where('mines.region_path', 'like', `${escapeLike(filter.regionPath)}%`);
    if (filter.mineId !== undefined) q = q.where('mines.id', '=', filter.mineId);
    return q;
  }

  return {
    async getSpecialities(userId) {
      const r = await db
        .selectFrom('expertise_specialities')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return r && { specialities: JSON.parse(r.specialities_json) as string[], updatedAt: r.updated_at };
    },
    async saveSpecialities(userId, specialities, at) {
      await db.deleteFrom('expertise_specialities').where('user_id', '=', userId).execute();
      await db
        .insertInto('expertise_specialities')
        .values({ user_id: userId, specialities_json: JSON.stringify(specialities), updated_at: at })
        .execute();
    },

    async insertAssignment(a) {
      await db
        .insertInto('expertise_assignments')
        .values({
          id: a.id,
          mine_id: a.mineId,
          expert_id: a.expertId,
          expert_name: a.expertName,
          assigned_by: a.assignedBy,
          assigned_at: a.assignedAt,
          ended_at: a.endedAt,
        })
        .execute();
    },
    async updateAssignment(a) {
      await db
        .updateTable('expertise_assignments')
        .set({ ended_at: a.endedAt })
        .where('id', '=', a.id)
        .execute();
    },
    async getAssignment(id) {
      const r = await db
        .selectFrom('expertise_assignments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toAssignment(r);
    },
    async listAssignments(filter, includeEnded) {
      let q = db.selectFrom('expertise_assignments').selectAll().where('mine_id', 'in', mineIds(filter));
      if (!includeEnded) q = q.where('ended_at', 'is', null);
      const rows = await q.orderBy('assigned_at').orderBy('id').execute();
      return rows.map(toAssignment);
    },

    async insertGuidance(v) {
      await db
        .insertInto('expertise_guidance')
        .values({
          id: v.id,
          mine_id: v.mineId,
          expert_id: v.expertId,
          expert_name: v.expertName,
          visited_on: v.visitedOn,
          findings_json: JSON.stringify(v.findings),
          recommendations: v.recommendations,
          created_at: v.createdAt,
        })
        .execute();
    },
    async updateGuidance(v) {
      await db
        .updateTable('expertise_guidance')
        .set({ findings_json: JSON.stringify(v.findings) })
        .where('id', '=', v.id)
        .execute();
    },
    async getGuidance(id) {
      const r = await db.selectFrom('expertise_guidance').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toGuidance(r);
    },
    async listGuidance(filter) {
      const rows = await db
        .selectFrom('expertise_guidance')
        .selectAll()
        .where('mine_id', 'in', mineIds(filter))
        .orderBy('visited_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toGuidance);
    },

    async insertTraining(t) {
      await db
        .insertInto('expertise_trainings')
        .values({
          id: t.id,
          mine_id: t.mineId,
          expert_id: t.expertId,
          expert_name: t.expertName,
          title: t.title,
          held_on: t.heldOn,
          attendees_json: JSON.stringify(t.attendees),
          created_at: t.createdAt,
        })
        .execute();
    },
    async listTrainings(filter) {
      const rows = await db
        .selectFrom('expertise_trainings')
        .selectAll()
        .where('mine_id', 'in', mineIds(filter))
        .orderBy('held_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r): TrainingSession => ({
        id: r.id,
        mineId: r.mine_id,
        expertId: r.expert_id,
        expertName: r.expert_name,
        title: r.title,
        heldOn: r.held_on,
        attendees: JSON.parse(r.attendees_json) as string[],
        createdAt: r.created_at,
      }));
    },

    async insertAssessment(a) {
      await db.insertInto('expertise_assessments').values(assessmentRow(a)).execute();
    },
    async updateAssessment(a) {
      const { id: _id, ...rest } = assessmentRow(a);
      await db.updateTable('expertise_assessments').set(rest).where('id', '=', a.id).execute();
    },
    async getAssessment(id) {
      const r = await db
        .selectFrom('expertise_assessments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toAssessment(r);
    },
    async listAssessments(filter) {
      const rows = await db
        .selectFrom('expertise_assessments')
        .selectAll()
        .where('mine_id', 'in', mineIds(filter))
        .orderBy('signed_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toAssessment);
    },

    async insertProgress(p) {
      await db
        .insertInto('expertise_progress')
        .values({
          id: p.id,
          mine_id: p.mineId,
          recorded_on: p.recordedOn,
          mechanised_faces: p.mechanisedFaces,
          intelligent_faces: p.intelligentFaces,
          remote_monitoring: p.remoteMonitoring ? 1 : 0,
          recorded_by: p.recordedBy,
          created_at: p.createdAt,
        })
        .execute();
    },
    async listProgress(filter) {
      const rows = await db
        .selectFrom('expertise_progress')
        .selectAll()
        .where('mine_id', 'in', mineIds(filter))
        .orderBy('recorded_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r): ProgressRecord => ({
        id: r.id,
        mineId: r.mine_id,
        recordedOn: r.recorded_on,
        mechanisedFaces: Number(r.mechanised_faces),
        intelligentFaces: Number(r.intelligent_faces),
        remoteMonitoring: Number(r.remote_monitoring) === 1,
        recordedBy: r.recorded_by,
        createdAt: r.created_at,
      }));
    },

    async getTarget(regionId) {
      const r = await db
        .selectFrom('expertise_targets')
        .selectAll()
        .where('region_id', '=', regionId)
        .executeTakeFirst();
      return (
        r && {
          regionId: r.region_id,
          intelligentFaces: numberOrNull(r.intelligent_faces),
          capacityWithdrawnTPerYear: numberOrNull(r.capacity_withdrawn_t_per_year),
          dueOn: r.due_on,
          setBy: r.set_by,
          setAt: r.set_at,
        }
      );
    },
    async saveTarget(t) {
      await db.deleteFrom('expertise_targets').where('region_id', '=', t.regionId).execute();
      await db
        .insertInto('expertise_targets')
        .values({
          region_id: t.regionId,
          intelligent_faces: t.intelligentFaces,
          capacity_withdrawn_t_per_year: t.capacityWithdrawnTPerYear,
          due_on: t.dueOn,
          set_by: t.setBy,
          set_at: t.setAt,
        })
        .execute();
    },

    async insertMerger(m) {
      await db
        .insertInto('expertise_mergers')
        .values({
          id: m.id,
          enterprise_name: m.enterpriseName,
          merged_on: m.mergedOn,
          recorded_by: m.recordedBy,
          recorded_by_name: m.recordedByName,
          created_at: m.createdAt,
        })
        .execute();
      for (const mm of m.mines) {
        await db
          .insertInto('expertise_merger_mines')
          .values({ merger_id: m.id, mine_id: mm.mineId, old_operator: mm.oldOperator })
          .execute();
      }
    },
    async listMergers(filter) {
      const ids = db
        .selectFrom('expertise_merger_mines')
        .select('merger_id')
        .where('mine_id', 'in', mineIds(filter));
      const heads = await db
        .selectFrom('expertise_mergers')
        .selectAll()
        .where('id', 'in', ids)
        .orderBy('merged_on', 'desc')
        .orderBy('id')
        .execute();
      if (heads.length === 0) return [];
      const members = await db
        .selectFrom('expertise_merger_mines')
        .selectAll()
        .where(
          'merger_id',
          'in',
          heads.map((h) => h.id),
        )
        .orderBy('mine_id')
        .execute();
      return heads.map((h): Merger => ({
        id: h.id,
        enterpriseName: h.enterprise_name,
        mergedOn: h.merged_on,
        mines: members
          .filter((x) => x.merger_id === h.id)
          .map((x) => ({ mineId: x.mine_id, oldOperator: x.old_operator })),
        recordedBy: h.recorded_by,
        recordedByName: h.recorded_by_name,
        createdAt: h.created_at,
      }));
    },
  };
}
