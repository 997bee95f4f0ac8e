import { sql, type Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';
import { isSqliteEngine } from '../dialect/telemetry-ddl.ts';

/** Monitoring: measuring points, readings, per-minute aggregates, alarms and their history, personnel. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'monitoring_points', {
    columns: {
      id: 'int primary key',
      mine_id: 'id not null references mines.id',
      point_code: 'text not null',
      system_code: 'text not null',
      substation_code: 'text not null',
      sensor_type: 'text not null',
      value_type: 'text not null',
      unit: 'text not null',
      location: 'text not null',
      location_class: 'text',
      on_text: 'text not null',
      off_text: 'text not null',
      range_low: 'float',
      range_high: 'float',
      mine_thresholds_json: 'json not null',
      effective_thresholds_json: 'json not null',
      regulation_row_ids: 'text not null',
      setting_findings_json: 'json not null',
      power_cut_feeds: 'text not null',
      defined_at: 'bigint not null',
      withdrawn: 'bool not null',
    },
    indexes: { monitoring_points_code_idx: 'unique (mine_id, point_code)' },
  });
  await createReadingsTable(db);

  await createTable(db, 'readings_1m', {
    columns: {
      point_id: 'int not null',
      minute_ms: 'bigint not null',
      min_value: 'float not null',
      max_value: 'float not null',
      sum_value: 'float not null',
      count: 'int not null',
    },
    primaryKey: '(point_id, minute_ms)',
  });

  await createTable(db, 'alarms', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      point_id: 'int',
      subject: 'text not null',
      rule: 'text not null',
      priority: 'text not null',
      state: 'text not null',
      condition_active: 'bool not null',
      active_since_ms: 'bigint',
      escalation_level: 'int not null',
      escalated_at_ms: 'bigint',
      shelved_until_ms: 'bigint',
      last_actor: 'text',
      last_comment: 'text',
      message: 'text not null',
      value: 'float',
      first_raised_ms: 'bigint not null',
      updated_ms: 'bigint not null',
      activations: 'int not null',
    },
    indexes: { alarms_mine_idx: '(mine_id, state)', alarms_state_idx: '(state, priority)' },
  });

  await createTable(db, 'alarm_events', {
    columns: {
      id: 'id primary key',
      alarm_id: 'id not null references alarms.id',
      mine_id: 'id not null',
      at_ms: 'bigint not null',
      kind: 'text not null',
      from_state: 'text',
      to_state: 'text',
      cause: 'text not null',
      actor: 'text',
      comment: 'text',
      value: 'float',
      priority: 'text not null',
      escalation_level: 'int',
    },
    indexes: { alarm_events_alarm_idx: '(alarm_id, at_ms)', alarm_events_mine_idx: '(mine_id, at_ms)' },
  });

  await createTable(db, 'personnel_areas', {
    columns: {
      mine_id: 'id not null references mines.id',
      area_code: 'text not null',
      area_type: 'text not null',
      name: 'text not null',
      approved_headcount: 'int',
    },
    primaryKey: '(mine_id, area_code)',
  });

  await createTable(db, 'people_underground', {
    columns: {
      mine_id: 'id not null references mines.id',
      card_code: 'text not null',
      name: 'text not null',
      area_code: 'text',
      station_code: 'text',
      entered_mine_ms: 'bigint',
      is_mine_leader: 'bool not null',
      snapshot_ms: 'bigint not null',
    },
    primaryKey: '(mine_id, card_code)',
  });

  await createTable(db, 'ingest_files', {
    columns: {
      id: 'id primary key',
      file_name: 'text not null',
      mine_code: 'text',
      file_type: 'text',
      encoding: 'text',
      outcome: 'text not null',
      accepted: 'int not null',
      rejected: 'int not null',
      rejections_json: 'json not null',
      received_ms: 'bigint not null',
    },
    indexes: { ingest_files_received_idx: '(received_ms)' },
  });
}

/**
 * The readings table: (point_id, ts_ms) is the key, so a re-sent file or a redelivered message never
 * duplicates a reading. On SQLite it is a WITHOUT ROWID table (one B-tree, clustered by point and
 * time: curve queries read contiguous pages). On PostgreSQL it is created as a plain table here and
 * partitioned by day by migration 0011.
 */
async function createReadingsTable(db: Kysely<unknown>): Promise<void> {
  const isSqlite = isSqliteEngine(db);
  await sql`create table readings (
    point_id integer not null,
    ts_ms bigint not null,
    value double precision not null,
    status integer not null,
    primary key (point_id, ts_ms)
  )${isSqlite ? sql` without rowid` : sql``}`.execute(db);
}
