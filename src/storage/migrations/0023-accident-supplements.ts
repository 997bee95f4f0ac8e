import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Order 493's missing persons and supplementary reports (补报, art. 13): the accident's missing count and
 * the time a supplement last moved its grade; one row per supplement with the figures and grade before
 * and after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('accidents')
    .addColumn('missing', col.int, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('accidents').addColumn('regraded_at', col.isoTime).execute();
  await db.schema
    .createTable('accident_supplements')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('accident_id', col.id, (c) => c.notNull().references('accidents.id'))
    .addColumn('changed_at', col.isoTime, (c) => c.notNull())
    .addColumn('deaths_before', col.int, (c) => c.notNull())
    .addColumn('missing_before', col.int, (c) => c.notNull())
    .addColumn('serious_injuries_before', col.int, (c) => c.notNull())
    .addColumn('direct_loss_cny_before', col.float, (c) => c.notNull())
    .addColumn('deaths_after', col.int, (c) => c.notNull())
    .addColumn('missing_after', col.int, (c) => c.notNull())
    .addColumn('serious_injuries_after', col.int, (c) => c.notNull())
    .addColumn('direct_loss_cny_after', col.float, (c) => c.notNull())
    .addColumn('grade_before', col.text, (c) => c.notNull())
    .addColumn('grade_after', col.text, (c) => c.notNull())
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('recorded_at', col.isoTime, (c) => c.notNull())
    .addColumn('recorded_by_id', col.id, (c) => c.notNull())
    .addColumn('recorded_by_name', col.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accident_supplements_accident_idx')
    .on('accident_supplements')
    .columns(['accident_id', 'changed_at'])
    .execute();
}
