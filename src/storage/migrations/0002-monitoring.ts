import { sql, type Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';
import { isSqliteEngine } from '../dialect/telemetry-ddl.ts';

/** Monitoring: measuring points, readings, per-minute aggregates, alarms and their history, personnel. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_points')
    .addColumn('id', col.int, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('point_code', col.text, (c) => c.notNull())
    .addColumn('system_code', col.text, (c) => c.notNull())
    .addColumn('substation_code', col.text, (c) => c.notNull())
    .addColumn('sensor_type', col.text, (c) => c.notNull())
    .addColumn('value_type', col.text, (c) => c.notNull())
    .addColumn('unit', col.text, (c) => c.notNull())
    .addColumn('location', col.text, (c) => c.notNull())
    .addColumn('location_class', col.text)
    .addColumn('on_text', col.text, (c) => c.notNull())
    .addColumn('off_text', col.text, (c) => c.notNull())
    .addColumn('range_low', col.float)
    .addColumn('range_high', col.float)
    .addColumn('mine_thresholds_json', col.json, (c) => c.notNull())
    .addColumn('effective_thresholds_json', col.json, (c) => c.notNull())
    .addColumn('regulation_row_ids', col.text, (c) => c.notNull())
    .addColumn('setting_findings_json', col.json, (c) => c.notNull())
    .addColumn('power_cut_feeds', col.text, (c) => c.notNull())
    .addColumn('defined_at', col.bigint, (c) => c.notNull())
    .addColumn('withdrawn', col.bool, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_points_code_idx')
    .on('monitoring_points')
    .columns(['mine_id', 'point_code'])
    .unique()
    .execute();

  await createReadingsTable(db);

  await db.schema
    .createTable('readings_1m')
    .addColumn('point_id', col.int, (c) => c.notNull())
    .addColumn('minute_ms', col.bigint, (c) => c.notNull())
    .addColumn('min_value', col.float, (c) => c.notNull())
    .addColumn('max_value', col.float, (c) => c.notNull())
    .addColumn('sum_value', col.float, (c) => c.notNull())
    .addColumn('count', col.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('readings_1m_pk', ['point_id', 'minute_ms'])
    .execute();

  await db.schema
    .createTable('alarms')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('point_id', col.int)
    .addColumn('subject', col.text, (c) => c.notNull())
    .addColumn('rule', col.text, (c) => c.notNull())
    .addColumn('priority', col.text, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('condition_active', col.bool, (c) => c.notNull())
    .addColumn('active_since_ms', col.bigint)
    .addColumn('escalation_level', col.int, (c) => c.notNull())
    .addColumn('escalated_at_ms', col.bigint)
    .addColumn('shelved_until_ms', col.bigint)
    .addColumn('last_actor', col.text)
    .addColumn('last_comment', col.text)
    .addColumn('message', col.text, (c) => c.notNull())
    .addColumn('value', col.float)
    .addColumn('first_raised_ms', col.bigint, (c) => c.notNull())
    .addColumn('updated_ms', col.bigint, (c) => c.notNull())
    .addColumn('activations', col.int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarms_mine_idx').on('alarms').columns(['mine_id', 'state']).execute();
  await db.schema.createIndex('alarms_state_idx').on('alarms').columns(['state', 'priority']).execute();

  await db.schema
    .createTable('alarm_events')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('alarm_id', col.id, (c) => c.notNull().references('alarms.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull())
    .addColumn('at_ms', col.bigint, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('from_state', col.text)
    .addColumn('to_state', col.text)
    .addColumn('cause', col.text, (c) => c.notNull())
    .addColumn('actor', col.text)
    .addColumn('comment', col.text)
    .addColumn('value', col.float)
    .addColumn('priority', col.text, (c) => c.notNull())
    .addColumn('escalation_level', col.int)
    .execute();
  await db.schema
    .createIndex('alarm_events_alarm_idx')
    .on('alarm_events')
    .columns(['alarm_id', 'at_ms'])
    .execute();
  await db.schema
    .createIndex('alarm_events_mine_idx')
    .on('alarm_events')
    .columns(['mine_id', 'at_ms'])
    .execute();

  await db.schema
    .createTable('personnel_areas')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('area_code', col.text, (c) => c.notNull())
    .addColumn('area_type', col.text, (c) => c.notNull())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('approved_headcount', col.int)
    .addPrimaryKeyConstraint('personnel_areas_pk', ['mine_id', 'area_code'])
    .execute();

  await db.schema
    .createTable('people_underground')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('card_code', col.text, (c) => c.notNull())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('area_code', col.text)
    .addColumn('station_code', col.text)
    .addColumn('entered_mine_ms', col.bigint)
    .addColumn('is_mine_leader', col.bool, (c) => c.notNull())
    .addColumn('snapshot_ms', col.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('people_underground_pk', ['mine_id', 'card_code'])
    .execute();

  await db.schema
    .createTable('ingest_files')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('file_name', col.text, (c) => c.notNull())
    .addColumn('mine_code', col.text)
    .addColumn('file_type', col.text)
    .addColumn('encoding', col.text)
    .addColumn('outcome', col.text, (c) => c.notNull())
    .addColumn('accepted', col.int, (c) => c.notNull())
    .addColumn('rejected', col.int, (c) => c.notNull())
    .addColumn('rejections_json', col.json, (c) => c.notNull())
    .addColumn('received_ms', col.bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ingest_files_received_idx').on('ingest_files').column('received_ms').execute();
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
