import type { Kysely } from 'kysely';
import type { ExpertiseMineFilter, ExpertiseStore } from '../../core/expertise/expertise-ports.ts';
import type * as ExpertiseTypes from '../../core/expertise/expertise-types.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, json, num, numOrNull } from '../row-codec.ts';
import { newestFirst, recordTable } from './record-table.ts';
import { minesMatching } from './mine-ids.ts';

const assignmentCodec = defineCodec<ExpertiseTypes.ExpertAssignment, Database['expertise_assignments']>()({
  ...asIs('id mineId expertId expertName assignedBy assignedAt endedAt'),
});

const guidanceCodec = defineCodec<ExpertiseTypes.GuidanceVisit, Database['expertise_guidance']>()({
  ...asIs('id mineId expertId expertName visitedOn'),
  findings: ['findings_json', json<ExpertiseTypes.GuidanceFinding[]>()],
  ...asIs('recommendations createdAt'),
});

const trainingCodec = defineCodec<ExpertiseTypes.TrainingSession, Database['expertise_trainings']>()({
  ...asIs('id mineId expertId expertName title heldOn'),
  attendees: ['attendees_json', json<string[]>()],
  createdAt: 'created_at',
});

const assessmentCodec = defineCodec<ExpertiseTypes.CapabilityAssessment, Database['expertise_assessments']>()(
  {
    ...asIs(
      'id mineId expertId expertName signedAt assessedOn validUntil conclusion summary state decidedBy decidedAt reason',
    ),
  },
);

const progressCodec = defineCodec<ExpertiseTypes.ProgressRecord, Database['expertise_progress']>()({
  ...asIs('id mineId recordedOn'),
  mechanisedFaces: ['mechanised_faces', num],
  intelligentFaces: ['intelligent_faces', num],
  remoteMonitoring: ['remote_monitoring', bool],
  ...asIs('recordedBy createdAt'),
});

const targetCodec = defineCodec<ExpertiseTypes.UpgradeTarget, Database['expertise_targets']>()({
  regionId: 'region_id',
  intelligentFaces: ['intelligent_faces', numOrNull],
  capacityWithdrawnTPerYear: ['capacity_withdrawn_t_per_year', numOrNull],
  ...asIs('dueOn setBy setAt'),
});

export function createExpertiseStore(db: Kysely<Database>): ExpertiseStore {
  const ofMines = (filter: ExpertiseMineFilter) => ({ mine_id: { in: minesMatching(db, filter) } });

  const assignments = recordTable(db, 'expertise_assignments', assignmentCodec);
  const guidance = recordTable(db, 'expertise_guidance', guidanceCodec);
  const trainings = recordTable(db, 'expertise_trainings', trainingCodec);
  const assessments = recordTable(db, 'expertise_assessments', assessmentCodec);
  const progress = recordTable(db, 'expertise_progress', progressCodec);
  const targets = recordTable(db, 'expertise_targets', targetCodec, ['region_id']);
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

    insertAssignment: assignments.insert,
    updateAssignment: (a) => assignments.update(a, ['ended_at']),
    getAssignment: assignments.get,
    listAssignments: (filter, includeEnded) =>
      assignments.list({ ...ofMines(filter), ...(includeEnded ? {} : { ended_at: null }) }, [
        'assigned_at',
        'id',
      ]),

    insertGuidance: guidance.insert,
    updateGuidance: (v) => guidance.update(v, ['findings_json']),
    getGuidance: guidance.get,
    listGuidance: (filter) => guidance.list(ofMines(filter), newestFirst('visited_on')),

    insertTraining: trainings.insert,
    listTrainings: (filter) => trainings.list(ofMines(filter), newestFirst('held_on')),

    insertAssessment: assessments.insert,
    updateAssessment: assessments.update,
    getAssessment: assessments.get,
    listAssessments: (filter) => assessments.list(ofMines(filter), newestFirst('signed_at')),

    insertProgress: progress.insert,
    listProgress: (filter) => progress.list(ofMines(filter), ['recorded_on', 'created_at', 'id']),

    getTarget: (regionId) => targets.find({ region_id: regionId }),
    async saveTarget(t) {
      await targets.remove({ region_id: t.regionId });
      await targets.insert(t);
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
        .where('mine_id', 'in', minesMatching(db, filter));
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
      return heads.map((h): ExpertiseTypes.Merger => ({
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
