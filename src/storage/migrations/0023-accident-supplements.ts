import type { Kysely } from 'kysely';
import { addColumns, createTable } from '../dialect/table-spec.ts';

/**
 * Order 493's missing persons and supplementary reports (补报, art. 13): the accident's missing count and
 * the time a supplement last moved its grade; one row per supplement with the figures and grade before
 * and after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'accidents', {
    missing: 'int not null default 0',
    regraded_at: 'isoTime',
  });
  await createTable(db, 'accident_supplements', {
    columns: {
      id: 'id primary key',
      accident_id: 'id not null references accidents.id',
      changed_at: 'isoTime not null',
      deaths_before: 'int not null',
      missing_before: 'int not null',
      serious_injuries_before: 'int not null',
      direct_loss_cny_before: 'float not null',
      deaths_after: 'int not null',
      missing_after: 'int not null',
      serious_injuries_after: 'int not null',
      direct_loss_cny_after: 'float not null',
      grade_before: 'text not null',
      grade_after: 'text not null',
      reason: 'text not null',
      recorded_at: 'isoTime not null',
      recorded_by_id: 'id not null',
      recorded_by_name: 'text not null',
    },
    indexes: { accident_supplements_accident_idx: '(accident_id, changed_at)' },
  });
}
