import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The supervision module's tables: the four assignments per mine, their history, site visits and findings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_plans')
    .addColumn('mine_id', col.id, (c) => c.primaryKey().references('mines.id'))
    .addColumn('document_ref', col.text, (c) => c.notNull())
    .addColumn('measures_json', col.json, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('return_reason', col.text)
    .addColumn('revision', col.int, (c) => c.notNull())
    .addColumn('submitted_at', col.isoTime)
    .addColumn('submitted_by', col.id)
    .addColumn('decided_at', col.isoTime)
    .addColumn('decided_by', col.id)
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('updated_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supervision_responsible')
    .addColumn('mine_id', col.id, (c) => c.primaryKey().references('mines.id'))
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('position', col.text, (c) => c.notNull())
    .addColumn('phone', col.text, (c) => c.notNull())
    .addColumn('assigned_by', col.id, (c) => c.notNull())
    .addColumn('assigned_by_name', col.text, (c) => c.notNull())
    .addColumn('assigned_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supervision_group_members')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('user_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('user_name', col.text, (c) => c.notNull())
    .addColumn('is_leader', col.bool, (c) => c.notNull())
    .addColumn('assigned_by', col.id, (c) => c.notNull())
    .addColumn('assigned_by_name', col.text, (c) => c.notNull())
    .addColumn('assigned_at', col.isoTime, (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_group_members_pk', ['mine_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('supervision_group_members_user_idx')
    .on('supervision_group_members')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('supervision_leaders')
    .addColumn('mine_id', col.id, (c) => c.primaryKey().references('mines.id'))
    .addColumn('user_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('user_name', col.text, (c) => c.notNull())
    .addColumn('assigned_by', col.id, (c) => c.notNull())
    .addColumn('assigned_by_name', col.text, (c) => c.notNull())
    .addColumn('assigned_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_leaders_user_idx')
    .on('supervision_leaders')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('supervision_history')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('action', col.text, (c) => c.notNull())
    .addColumn('summary', col.text, (c) => c.notNull())
    .addColumn('actor_id', col.id, (c) => c.notNull())
    .addColumn('actor_name', col.text, (c) => c.notNull())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_history_mine_idx')
    .on('supervision_history')
    .columns(['mine_id', 'at'])
    .execute();

  await db.schema
    .createTable('supervision_visits')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('visitor_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('visitor_name', col.text, (c) => c.notNull())
    .addColumn('visitor_role', col.text, (c) => c.notNull())
    .addColumn('started_at', col.isoTime, (c) => c.notNull())
    .addColumn('ended_at', col.isoTime, (c) => c.notNull())
    .addColumn('duration_minutes', col.int, (c) => c.notNull())
    .addColumn('went_to_site', col.bool, (c) => c.notNull())
    .addColumn('went_underground', col.bool, (c) => c.notNull())
    .addColumn('checklist_json', col.json, (c) => c.notNull())
    .addColumn('notes', col.text, (c) => c.notNull())
    .addColumn('by_assigned', col.bool, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervision_visits_mine_idx')
    .on('supervision_visits')
    .columns(['mine_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('supervision_findings')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('visit_id', col.id, (c) => c.notNull().references('supervision_visits.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('title', col.text, (c) => c.notNull())
    .addColumn('description', col.text, (c) => c.notNull())
    .addColumn('grade', col.text, (c) => c.notNull())
    .addColumn('category', col.text, (c) => c.notNull())
    .addColumn('location', col.text)
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('hazard_id', col.id)
    .addColumn('reported_at', col.isoTime)
    .addColumn('reported_by', col.id)
    .execute();
  await db.schema
    .createIndex('supervision_findings_visit_idx')
    .on('supervision_findings')
    .column('visit_id')
    .execute();
}
