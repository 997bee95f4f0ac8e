import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The accidents module's tables: accidents (register and reference), reports up the chain, accountability. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'accidents', {
    columns: {
      id: 'id primary key',
      mine_id: 'id references mines.id',
      mine_name: 'text not null',
      region_path: 'text',
      country: 'text not null',
      occurred_at: 'isoTime not null',
      type: 'text not null',
      deaths: 'int not null',
      serious_injuries: 'int not null',
      minor_injuries: 'int not null',
      direct_loss_cny: 'float not null',
      grade: 'text not null',
      description: 'text not null',
      source: 'text not null',
      external_ref: 'text',
      investigation_state: 'text not null',
      investigation_due_on: 'isoDate not null',
      findings: 'text',
      report_submitted_at: 'isoTime',
      closed_at: 'isoTime',
      created_at: 'isoTime not null',
      created_by_id: 'id not null',
      created_by_name: 'text not null',
    },
    indexes: {
      accidents_mine_idx: '(mine_id, occurred_at)',
      accidents_region_idx: '(region_path, occurred_at)',
    },
  });

  await createTable(db, 'accident_reports', {
    columns: {
      accident_id: 'id not null references accidents.id',
      level: 'text not null',
      reported_at: 'isoTime not null',
      recorded_at: 'isoTime not null',
      recorded_by_id: 'id not null',
      recorded_by_name: 'text not null',
      note: 'text not null',
    },
    primaryKey: '(accident_id, level)',
  });

  await createTable(db, 'accountability_records', {
    columns: {
      id: 'id primary key',
      accident_id: 'id not null references accidents.id',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      person_name: 'text not null',
      post: 'text not null',
      chain: 'text not null',
      action: 'text not null',
      decided_on: 'isoDate not null',
      note: 'text not null',
      created_at: 'isoTime not null',
      created_by_id: 'id not null',
      created_by_name: 'text not null',
    },
    indexes: { accountability_region_idx: '(region_path)' },
  });
}
