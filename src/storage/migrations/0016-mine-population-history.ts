import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * The closure programme's history: each district's mine population per year, seeded from a reference
 * data set (ADR 0008). One row per district and year; a re-seed replaces rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mine_population_years')
    .addColumn('region_id', col.id, (c) => c.notNull())
    .addColumn('year', col.int, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('mines', col.int, (c) => c.notNull())
    .addColumn('small_mines', col.int, (c) => c.notNull())
    .addColumn('capacity_t_per_year', col.bigint, (c) => c.notNull())
    .addColumn('small_capacity_t_per_year', col.bigint, (c) => c.notNull())
    .addColumn('source', col.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('mine_population_years_pk', ['region_id', 'year'])
    .execute();
  await db.schema
    .createIndex('mine_population_years_path_idx')
    .on('mine_population_years')
    .column('region_path')
    .execute();
}
