import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Evidence beyond the mine's word (ADR 0012): the mine's own alarm records (YCBJ), the latest state of
 * each substation's feed (FZDY/FZSS) and the personnel alarm files (RYCS/RYCY/RYXZ/RYQJ), kept as the
 * files give them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mine_alarm_records')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('point_code', col.text, (c) => c.notNull())
    .addColumn('anomaly_code', col.text, (c) => c.notNull())
    .addColumn('start_ms', col.bigint, (c) => c.notNull())
    .addColumn('end_ms', col.bigint)
    .addColumn('sensor_type_name', col.text, (c) => c.notNull())
    .addColumn('location', col.text, (c) => c.notNull())
    .addColumn('unit', col.text, (c) => c.notNull())
    .addColumn('max_value', col.float)
    .addColumn('cause', col.text, (c) => c.notNull())
    .addColumn('measures', col.text, (c) => c.notNull())
    .addColumn('entered_at_ms', col.bigint)
    .addColumn('entered_by', col.text, (c) => c.notNull())
    .addColumn('data_time_ms', col.bigint, (c) => c.notNull())
    .addColumn('received_ms', col.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('mine_alarm_records_pk', ['mine_id', 'point_code', 'anomaly_code', 'start_ms'])
    .execute();
  await db.schema
    .createIndex('mine_alarm_records_start_idx')
    .on('mine_alarm_records')
    .columns(['mine_id', 'start_ms'])
    .execute();

  await db.schema
    .createTable('feed_states')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('substation_code', col.text, (c) => c.notNull())
    .addColumn('location', col.text)
    .addColumn('run_state', col.text)
    .addColumn('power_state', col.text)
    .addColumn('data_time_ms', col.bigint)
    .addColumn('received_ms', col.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_states_pk', ['mine_id', 'substation_code'])
    .execute();

  await db.schema
    .createTable('personnel_alarm_records')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('file_type', col.text, (c) => c.notNull())
    .addColumn('record_key', col.text, (c) => c.notNull())
    .addColumn('card_code', col.text)
    .addColumn('fields_json', col.json, (c) => c.notNull())
    .addColumn('uploaded_at_ms', col.bigint, (c) => c.notNull())
    .addColumn('received_ms', col.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('personnel_alarm_records_pk', ['mine_id', 'file_type', 'record_key'])
    .execute();
}
