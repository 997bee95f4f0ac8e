import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The accidents module's tables: accidents (register and reference), reports up the chain, accountability. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accidents')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text)
    .addColumn('country', col.text, (c) => c.notNull())
    .addColumn('occurred_at', col.isoTime, (c) => c.notNull())
    .addColumn('type', col.text, (c) => c.notNull())
    .addColumn('deaths', col.int, (c) => c.notNull())
    .addColumn('serious_injuries', col.int, (c) => c.notNull())
    .addColumn('minor_injuries', col.int, (c) => c.notNull())
    .addColumn('direct_loss_cny', col.float, (c) => c.notNull())
    .addColumn('grade', col.text, (c) => c.notNull())
    .addColumn('description', col.text, (c) => c.notNull())
    .addColumn('source', col.text, (c) => c.notNull())
    .addColumn('external_ref', col.text)
    .addColumn('investigation_state', col.text, (c) => c.notNull())
    .addColumn('investigation_due_on', col.isoDate, (c) => c.notNull())
    .addColumn('findings', col.text)
    .addColumn('report_submitted_at', col.isoTime)
    .addColumn('closed_at', col.isoTime)
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('created_by_id', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accidents_mine_idx')
    .on('accidents')
    .columns(['mine_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('accidents_region_idx')
    .on('accidents')
    .columns(['region_path', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('accident_reports')
    .addColumn('accident_id', col.id, (c) => c.notNull().references('accidents.id'))
    .addColumn('level', col.text, (c) => c.notNull())
    .addColumn('reported_at', col.isoTime, (c) => c.notNull())
    .addColumn('recorded_at', col.isoTime, (c) => c.notNull())
    .addColumn('recorded_by_id', col.id, (c) => c.notNull())
    .addColumn('recorded_by_name', col.text, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('accident_reports_pk', ['accident_id', 'level'])
    .execute();

  await db.schema
    .createTable('accountability_records')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('accident_id', col.id, (c) => c.notNull().references('accidents.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('person_name', col.text, (c) => c.notNull())
    .addColumn('post', col.text, (c) => c.notNull())
    .addColumn('chain', col.text, (c) => c.notNull())
    .addColumn('action', col.text, (c) => c.notNull())
    .addColumn('decided_on', col.isoDate, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('created_by_id', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accountability_region_idx')
    .on('accountability_records')
    .column('region_path')
    .execute();
}
