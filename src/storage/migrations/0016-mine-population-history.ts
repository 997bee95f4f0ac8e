import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * The closure programme's history: each district's mine population per year, seeded from a reference
 * data set (ADR 0008). One row per district and year; a re-seed replaces rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'mine_population_years', {
    columns: {
      region_id: 'id not null',
      year: 'int not null',
      region_path: 'text not null',
      mines: 'int not null',
      small_mines: 'int not null',
      capacity_t_per_year: 'bigint not null',
      small_capacity_t_per_year: 'bigint not null',
      source: 'text not null',
    },
    primaryKey: '(region_id, year)',
    indexes: { mine_population_years_path_idx: '(region_path)' },
  });
}
