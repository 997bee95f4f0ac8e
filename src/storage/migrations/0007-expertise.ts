import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * The expertise module's tables: experts' specialities, assignments, guidance visits, training,
 * capability assessments; upgrading progress, regional targets and mergers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('expertise_specialities')
    .addColumn('user_id', col.id, (c) => c.primaryKey().references('users.id'))
    .addColumn('specialities_json', col.json, (c) => c.notNull())
    .addColumn('updated_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('expertise_assignments')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('expert_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('expert_name', col.text, (c) => c.notNull())
    .addColumn('assigned_by', col.id, (c) => c.notNull())
    .addColumn('assigned_at', col.isoTime, (c) => c.notNull())
    .addColumn('ended_at', col.isoTime)
    .execute();
  await db.schema
    .createIndex('expertise_assignments_mine_idx')
    .on('expertise_assignments')
    .column('mine_id')
    .execute();

  await db.schema
    .createTable('expertise_guidance')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('expert_id', col.id, (c) => c.notNull())
    .addColumn('expert_name', col.text, (c) => c.notNull())
    .addColumn('visited_on', col.isoDate, (c) => c.notNull())
    .addColumn('findings_json', col.json, (c) => c.notNull())
    .addColumn('recommendations', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expertise_guidance_mine_idx')
    .on('expertise_guidance')
    .column('mine_id')
    .execute();

  await db.schema
    .createTable('expertise_trainings')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('expert_id', col.id, (c) => c.notNull())
    .addColumn('expert_name', col.text, (c) => c.notNull())
    .addColumn('title', col.text, (c) => c.notNull())
    .addColumn('held_on', col.isoDate, (c) => c.notNull())
    .addColumn('attendees_json', col.json, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expertise_trainings_mine_idx')
    .on('expertise_trainings')
    .column('mine_id')
    .execute();

  await db.schema
    .createTable('expertise_assessments')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('expert_id', col.id, (c) => c.notNull())
    .addColumn('expert_name', col.text, (c) => c.notNull())
    .addColumn('signed_at', col.isoTime, (c) => c.notNull())
    .addColumn('assessed_on', col.isoDate, (c) => c.notNull())
    .addColumn('valid_until', col.isoDate, (c) => c.notNull())
    .addColumn('conclusion', col.text, (c) => c.notNull())
    .addColumn('summary', col.text, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('decided_by', col.id)
    .addColumn('decided_at', col.isoTime)
    .addColumn('reason', col.text)
    .execute();
  await db.schema
    .createIndex('expertise_assessments_mine_idx')
    .on('expertise_assessments')
    .column('mine_id')
    .execute();

  await db.schema
    .createTable('expertise_progress')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('recorded_on', col.isoDate, (c) => c.notNull())
    .addColumn('mechanised_faces', col.int, (c) => c.notNull())
    .addColumn('intelligent_faces', col.int, (c) => c.notNull())
    .addColumn('remote_monitoring', col.bool, (c) => c.notNull())
    .addColumn('recorded_by', col.id, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('expertise_progress_mine_idx')
    .on('expertise_progress')
    .column('mine_id')
    .execute();

  await db.schema
    .createTable('expertise_targets')
    .addColumn('region_id', col.id, (c) => c.primaryKey().references('regions.id'))
    .addColumn('intelligent_faces', col.int)
    .addColumn('capacity_withdrawn_t_per_year', col.bigint)
    .addColumn('due_on', col.isoDate, (c) => c.notNull())
    .addColumn('set_by', col.id, (c) => c.notNull())
    .addColumn('set_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('expertise_mergers')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('enterprise_name', col.text, (c) => c.notNull())
    .addColumn('merged_on', col.isoDate, (c) => c.notNull())
    .addColumn('recorded_by', col.id, (c) => c.notNull())
    .addColumn('recorded_by_name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('expertise_merger_mines')
    .addColumn('merger_id', col.id, (c) => c.notNull().references('expertise_mergers.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('old_operator', col.text)
    .addPrimaryKeyConstraint('expertise_merger_mines_pk', ['merger_id', 'mine_id'])
    .execute();
  await db.schema
    .createIndex('expertise_merger_mines_mine_idx')
    .on('expertise_merger_mines')
    .column('mine_id')
    .execute();
}
