import { sql, type Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** Registry, access and audit: the foundation tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('name_en', col.text, (c) => c.notNull())
    .addColumn('level', col.text, (c) => c.notNull())
    .addColumn('parent_id', col.id, (c) => c.references('regions.id'))
    .addColumn('path', col.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regions_path_idx').on('regions').column('path').execute();

  await db.schema
    .createTable('enterprises')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('credit_code', col.text)
    .addColumn('parent_id', col.id, (c) => c.references('enterprises.id'))
    .execute();
  await db.schema.createIndex('enterprises_name_idx').on('enterprises').column('name').execute();

  await db.schema
    .createTable('mines')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('code', col.text, (c) => c.notNull().unique())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('region_id', col.id, (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('enterprise_id', col.id, (c) => c.references('enterprises.id'))
    .addColumn('approved_capacity_t_per_year', col.int, (c) => c.notNull())
    .addColumn('gas_class', col.text, (c) => c.notNull())
    .addColumn('has_gas_control_capability', col.bool, (c) => c.notNull())
    .addColumn('gas_control_evidence', col.text)
    .addColumn('gas_control_certified_on', col.isoDate)
    .addColumn('approved_max_underground', col.int, (c) => c.notNull())
    .addColumn('operator', col.text)
    .addColumn('licence_number', col.text)
    .addColumn('licence_valid_until', col.isoDate)
    .addColumn('mechanisation', col.text, (c) => c.notNull())
    .addColumn('latitude', col.float)
    .addColumn('longitude', col.float)
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('status_since', col.isoTime, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('updated_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mines_region_path_idx').on('mines').column('region_path').execute();
  await db.schema.createIndex('mines_status_idx').on('mines').column('status').execute();
  await db.schema.createIndex('mines_name_idx').on('mines').column('name').execute();

  await db.schema
    .createTable('mine_status_changes')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('from_status', col.text, (c) => c.notNull())
    .addColumn('to_status', col.text, (c) => c.notNull())
    .addColumn('event', col.text, (c) => c.notNull())
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('basis', col.text)
    .addColumn('actor_id', col.id, (c) => c.notNull())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mine_status_changes_mine_idx')
    .on('mine_status_changes')
    .columns(['mine_id', 'at'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('username', col.text, (c) => c.notNull().unique())
    .addColumn('display_name', col.text, (c) => c.notNull())
    .addColumn('role', col.text, (c) => c.notNull())
    .addColumn('scope_kind', col.text, (c) => c.notNull())
    .addColumn('scope_region_id', col.id, (c) => c.references('regions.id'))
    .addColumn('scope_mine_id', col.id, (c) => c.references('mines.id'))
    .addColumn('password_hash', col.text, (c) => c.notNull())
    .addColumn('disabled', col.bool, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('user_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('expires_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('token_hash', col.text, (c) => c.notNull().unique())
    .addColumn('user_id', col.id, (c) => c.notNull().references('users.id'))
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('expires_at', col.isoTime)
    .addColumn('revoked_at', col.isoTime)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', col.bigint, (c) => c.primaryKey())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .addColumn('actor_id', col.id, (c) => c.notNull())
    .addColumn('actor_name', col.text, (c) => c.notNull())
    .addColumn('action', col.text, (c) => c.notNull())
    .addColumn('target_type', col.text, (c) => c.notNull())
    .addColumn('target_id', col.text, (c) => c.notNull())
    .addColumn('before_json', col.json)
    .addColumn('after_json', col.json)
    .addColumn('prev_hash', col.text, (c) => c.notNull())
    .addColumn('hash', col.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', col.int, (c) => c.primaryKey())
    .addColumn('seq', col.bigint, (c) => c.notNull())
    .addColumn('hash', col.text, (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}
