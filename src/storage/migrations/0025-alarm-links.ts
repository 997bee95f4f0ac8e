import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * What was made from an alarm (issue 15): the hazard, order or crackdown case a user created from an
 * alarm in the console, one row per item, written in the transaction that created the item (and audited
 * on the alarm).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'alarm_links', {
    columns: {
      alarm_id: 'id not null',
      kind: 'text not null',
      target_id: 'id not null',
      title: 'text not null',
      mine_id: 'id not null references mines.id',
      created_by: 'id not null',
      created_by_name: 'text not null',
      created_at: 'isoTime not null',
    },
    primaryKey: '(alarm_id, kind, target_id)',
  });
}
