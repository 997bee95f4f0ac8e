import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * The expertise module's tables: experts' specialities, assignments, guidance visits, training,
 * capability assessments; upgrading progress, regional targets and mergers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'expertise_specialities', {
    columns: {
      user_id: 'id primary key references users.id',
      specialities_json: 'json not null',
      updated_at: 'isoTime not null',
    },
  });

  await createTable(db, 'expertise_assignments', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      expert_id: 'id not null references users.id',
      expert_name: 'text not null',
      assigned_by: 'id not null',
      assigned_at: 'isoTime not null',
      ended_at: 'isoTime',
    },
    indexes: { expertise_assignments_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'expertise_guidance', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      expert_id: 'id not null',
      expert_name: 'text not null',
      visited_on: 'isoDate not null',
      findings_json: 'json not null',
      recommendations: 'text not null',
      created_at: 'isoTime not null',
    },
    indexes: { expertise_guidance_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'expertise_trainings', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      expert_id: 'id not null',
      expert_name: 'text not null',
      title: 'text not null',
      held_on: 'isoDate not null',
      attendees_json: 'json not null',
      created_at: 'isoTime not null',
    },
    indexes: { expertise_trainings_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'expertise_assessments', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      expert_id: 'id not null',
      expert_name: 'text not null',
      signed_at: 'isoTime not null',
      assessed_on: 'isoDate not null',
      valid_until: 'isoDate not null',
      conclusion: 'text not null',
      summary: 'text not null',
      state: 'text not null',
      decided_by: 'id',
      decided_at: 'isoTime',
      reason: 'text',
    },
    indexes: { expertise_assessments_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'expertise_progress', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      recorded_on: 'isoDate not null',
      mechanised_faces: 'int not null',
      intelligent_faces: 'int not null',
      remote_monitoring: 'bool not null',
      recorded_by: 'id not null',
      created_at: 'isoTime not null',
    },
    indexes: { expertise_progress_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'expertise_targets', {
    columns: {
      region_id: 'id primary key references regions.id',
      intelligent_faces: 'int',
      capacity_withdrawn_t_per_year: 'bigint',
      due_on: 'isoDate not null',
      set_by: 'id not null',
      set_at: 'isoTime not null',
    },
  });

  await createTable(db, 'expertise_mergers', {
    columns: {
      id: 'id primary key',
      enterprise_name: 'text not null',
      merged_on: 'isoDate not null',
      recorded_by: 'id not null',
      recorded_by_name: 'text not null',
      created_at: 'isoTime not null',
    },
  });
  await createTable(db, 'expertise_merger_mines', {
    columns: {
      merger_id: 'id not null references expertise_mergers.id',
      mine_id: 'id not null references mines.id',
      old_operator: 'text',
    },
    primaryKey: '(merger_id, mine_id)',
    indexes: { expertise_merger_mines_mine_idx: '(mine_id)' },
  });
}
