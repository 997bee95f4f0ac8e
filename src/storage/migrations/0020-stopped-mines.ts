import type { Kysely } from 'kysely';
import { addColumns, createTable } from '../dialect/table-spec.ts';

/**
 * Stopped means stopped (ADR 0014): the watch crews and dismantling windows a stopped mine declares and a
 * regulator approves, and the evacuation deadline of a stop order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'stopped_allowances', {
    columns: {
      id: 'id primary key',
      kind: 'text not null',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      state: 'text not null',
      crew_size: 'int not null',
      roles_json: 'json not null',
      area_codes_json: 'json not null',
      systems_json: 'json not null',
      from_at: 'isoTime not null',
      to_at: 'isoTime',
      supervisor: 'text',
      note: 'text not null',
      declared_at: 'isoTime not null',
      declared_by_id: 'id not null',
      declared_by_name: 'text not null',
      decided_at: 'isoTime',
      decided_by_id: 'id',
      decided_by_name: 'text',
      decision_reason: 'text',
    },
    indexes: { stopped_allowances_mine_idx: '(mine_id, state)' },
  });
  await addColumns(db, 'orders', {
    evacuate_by: 'isoTime',
  });
}
