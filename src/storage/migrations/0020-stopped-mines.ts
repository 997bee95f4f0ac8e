import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Stopped means stopped (ADR 0014): the watch crews and dismantling windows a stopped mine declares and a
 * regulator approves, and the evacuation deadline of a stop order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stopped_allowances')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('crew_size', col.int, (c) => c.notNull())
    .addColumn('roles_json', col.json, (c) => c.notNull())
    .addColumn('area_codes_json', col.json, (c) => c.notNull())
    .addColumn('systems_json', col.json, (c) => c.notNull())
    .addColumn('from_at', col.isoTime, (c) => c.notNull())
    .addColumn('to_at', col.isoTime)
    .addColumn('supervisor', col.text)
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('declared_at', col.isoTime, (c) => c.notNull())
    .addColumn('declared_by_id', col.id, (c) => c.notNull())
    .addColumn('declared_by_name', col.text, (c) => c.notNull())
    .addColumn('decided_at', col.isoTime)
    .addColumn('decided_by_id', col.id)
    .addColumn('decided_by_name', col.text)
    .addColumn('decision_reason', col.text)
    .execute();
  await db.schema
    .createIndex('stopped_allowances_mine_idx')
    .on('stopped_allowances')
    .columns(['mine_id', 'state'])
    .execute();
  await db.schema.alterTable('orders').addColumn('evacuate_by', col.isoTime).execute();
}
