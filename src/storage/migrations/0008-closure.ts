import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The closure module's tables: closures and steps, targets, policy list, transformations, ownership, cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'closures', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      capacity_t_per_year: 'int not null',
      reason: 'text not null',
      basis: 'text',
      attached_to_existing: 'bool not null',
      status: 'text not null',
      created_by_id: 'id not null',
      created_by_name: 'text not null',
      created_at: 'isoTime not null',
      closed_at: 'isoTime',
    },
    indexes: { closures_mine_idx: '(mine_id, status)', closures_region_idx: '(region_path)' },
  });

  await createTable(db, 'closure_steps', {
    columns: {
      closure_id: 'id not null references closures.id',
      step: 'text not null',
      seq: 'int not null',
      state: 'text not null',
      evidence: 'text',
      file_json: 'json',
      recorded_by_id: 'id',
      recorded_by_name: 'text',
      recorded_at: 'isoTime',
      verified_by_id: 'id',
      verified_by_name: 'text',
      verified_at: 'isoTime',
      note: 'text',
    },
    primaryKey: '(closure_id, step)',
  });

  await createTable(db, 'closure_targets', {
    columns: {
      id: 'id primary key',
      region_id: 'id not null',
      region_path: 'text not null',
      region_name: 'text not null',
      deadline: 'isoDate not null',
      mines_to_close: 'int not null',
      capacity_to_withdraw_t_per_year: 'int not null',
      note: 'text not null',
      created_by_id: 'id not null',
      created_by_name: 'text not null',
      created_at: 'isoTime not null',
    },
  });

  await createTable(db, 'closure_policy_list', {
    columns: {
      mine_id: 'id primary key references mines.id',
      region_path: 'text not null',
      reason: 'text not null',
      source: 'text not null',
      listed_by_id: 'id not null',
      listed_by_name: 'text not null',
      listed_at: 'isoTime not null',
    },
  });

  await createTable(db, 'closure_transformations', {
    columns: {
      id: 'id primary key',
      closure_id: 'id not null references closures.id',
      mine_id: 'id not null',
      region_path: 'text not null',
      what: 'text not null',
      started_on: 'isoDate not null',
      jobs: 'int not null',
      note: 'text not null',
      recorded_by_id: 'id not null',
      recorded_by_name: 'text not null',
      recorded_at: 'isoTime not null',
    },
  });

  await createTable(db, 'mine_ownership', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      region_path: 'text not null',
      kind: 'text not null',
      party: 'text not null',
      from_date: 'isoDate not null',
      to_date: 'isoDate',
      contract_ref: 'text',
      note: 'text not null',
      recorded_by_id: 'id not null',
      recorded_by_name: 'text not null',
      recorded_at: 'isoTime not null',
    },
    indexes: { mine_ownership_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'crackdown_cases', {
    columns: {
      id: 'id primary key',
      type: 'text not null',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      summary: 'text not null',
      status: 'text not null',
      evidence_json: 'json not null',
      decisions_json: 'json not null',
      opened_by_id: 'id not null',
      opened_by_name: 'text not null',
      opened_at: 'isoTime not null',
      updated_at: 'isoTime not null',
    },
    indexes: { crackdown_cases_region_idx: '(region_path)' },
  });
}
