import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * Evidence beyond the mine's word (ADR 0012): the mine's own alarm records (YCBJ), the latest state of
 * each substation's feed (FZDY/FZSS) and the personnel alarm files (RYCS/RYCY/RYXZ/RYQJ), kept as the
 * files give them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'mine_alarm_records', {
    columns: {
      mine_id: 'id not null references mines.id',
      point_code: 'text not null',
      anomaly_code: 'text not null',
      start_ms: 'bigint not null',
      end_ms: 'bigint',
      sensor_type_name: 'text not null',
      location: 'text not null',
      unit: 'text not null',
      max_value: 'float',
      cause: 'text not null',
      measures: 'text not null',
      entered_at_ms: 'bigint',
      entered_by: 'text not null',
      data_time_ms: 'bigint not null',
      received_ms: 'bigint not null',
    },
    primaryKey: '(mine_id, point_code, anomaly_code, start_ms)',
    indexes: { mine_alarm_records_start_idx: '(mine_id, start_ms)' },
  });

  await createTable(db, 'feed_states', {
    columns: {
      mine_id: 'id not null references mines.id',
      substation_code: 'text not null',
      location: 'text',
      run_state: 'text',
      power_state: 'text',
      data_time_ms: 'bigint',
      received_ms: 'bigint not null',
    },
    primaryKey: '(mine_id, substation_code)',
  });

  await createTable(db, 'personnel_alarm_records', {
    columns: {
      mine_id: 'id not null references mines.id',
      file_type: 'text not null',
      record_key: 'text not null',
      card_code: 'text',
      fields_json: 'json not null',
      uploaded_at_ms: 'bigint not null',
      received_ms: 'bigint not null',
    },
    primaryKey: '(mine_id, file_type, record_key)',
  });
}
