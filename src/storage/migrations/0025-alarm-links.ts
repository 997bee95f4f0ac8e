import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * What was made from an alarm (issue 15): the hazard, order or crackdown case a user created from an
 * alarm in the console, one row per item, written in the transaction that created the item (and audited
 * on the alarm).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alarm_links')
    .addColumn('alarm_id', col.id, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('target_id', col.id, (c) => c.notNull())
    .addColumn('title', col.text, (c) => c.notNull())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('created_by', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addPrimaryKeyConstraint('alarm_links_pk', ['alarm_id', 'kind', 'target_id'])
    .execute();
}
