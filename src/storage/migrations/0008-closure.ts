import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The closure module's tables: closures and steps, targets, policy list, transformations, ownership, cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('closures')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('capacity_t_per_year', col.int, (c) => c.notNull())
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('basis', col.text)
    .addColumn('attached_to_existing', col.bool, (c) => c.notNull())
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('created_by_id', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('closed_at', col.isoTime)
    .execute();
  await db.schema.createIndex('closures_mine_idx').on('closures').columns(['mine_id', 'status']).execute();
  await db.schema.createIndex('closures_region_idx').on('closures').column('region_path').execute();

  await db.schema
    .createTable('closure_steps')
    .addColumn('closure_id', col.id, (c) => c.notNull().references('closures.id'))
    .addColumn('step', col.text, (c) => c.notNull())
    .addColumn('seq', col.int, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('evidence', col.text)
    .addColumn('file_json', col.json)
    .addColumn('recorded_by_id', col.id)
    .addColumn('recorded_by_name', col.text)
    .addColumn('recorded_at', col.isoTime)
    .addColumn('verified_by_id', col.id)
    .addColumn('verified_by_name', col.text)
    .addColumn('verified_at', col.isoTime)
    .addColumn('note', col.text)
    .addPrimaryKeyConstraint('closure_steps_pk', ['closure_id', 'step'])
    .execute();

  await db.schema
    .createTable('closure_targets')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('region_id', col.id, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('region_name', col.text, (c) => c.notNull())
    .addColumn('deadline', col.isoDate, (c) => c.notNull())
    .addColumn('mines_to_close', col.int, (c) => c.notNull())
    .addColumn('capacity_to_withdraw_t_per_year', col.int, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('created_by_id', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('closure_policy_list')
    .addColumn('mine_id', col.id, (c) => c.primaryKey().references('mines.id'))
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('source', col.text, (c) => c.notNull())
    .addColumn('listed_by_id', col.id, (c) => c.notNull())
    .addColumn('listed_by_name', col.text, (c) => c.notNull())
    .addColumn('listed_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('closure_transformations')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('closure_id', col.id, (c) => c.notNull().references('closures.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('what', col.text, (c) => c.notNull())
    .addColumn('started_on', col.isoDate, (c) => c.notNull())
    .addColumn('jobs', col.int, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('recorded_by_id', col.id, (c) => c.notNull())
    .addColumn('recorded_by_name', col.text, (c) => c.notNull())
    .addColumn('recorded_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mine_ownership')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('party', col.text, (c) => c.notNull())
    .addColumn('from_date', col.isoDate, (c) => c.notNull())
    .addColumn('to_date', col.isoDate)
    .addColumn('contract_ref', col.text)
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('recorded_by_id', col.id, (c) => c.notNull())
    .addColumn('recorded_by_name', col.text, (c) => c.notNull())
    .addColumn('recorded_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mine_ownership_mine_idx').on('mine_ownership').column('mine_id').execute();

  await db.schema
    .createTable('crackdown_cases')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('type', col.text, (c) => c.notNull())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('summary', col.text, (c) => c.notNull())
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('evidence_json', col.json, (c) => c.notNull())
    .addColumn('decisions_json', col.json, (c) => c.notNull())
    .addColumn('opened_by_id', col.id, (c) => c.notNull())
    .addColumn('opened_by_name', col.text, (c) => c.notNull())
    .addColumn('opened_at', col.isoTime, (c) => c.notNull())
    .addColumn('updated_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crackdown_cases_region_idx')
    .on('crackdown_cases')
    .column('region_path')
    .execute();
}
