import { sql, type Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** Registry, access and audit: the foundation tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'regions', {
    columns: {
      id: 'id primary key',
      name: 'text not null',
      name_en: 'text not null',
      level: 'text not null',
      parent_id: 'id references regions.id',
      path: 'text not null',
    },
    indexes: { regions_path_idx: '(path)' },
  });

  await createTable(db, 'enterprises', {
    columns: {
      id: 'id primary key',
      name: 'text not null',
      credit_code: 'text',
      parent_id: 'id references enterprises.id',
    },
    indexes: { enterprises_name_idx: '(name)' },
  });

  await createTable(db, 'mines', {
    columns: {
      id: 'id primary key',
      code: 'text not null unique',
      name: 'text not null',
      region_id: 'id not null references regions.id',
      region_path: 'text not null',
      enterprise_id: 'id references enterprises.id',
      approved_capacity_t_per_year: 'int not null',
      gas_class: 'text not null',
      has_gas_control_capability: 'bool not null',
      gas_control_evidence: 'text',
      gas_control_certified_on: 'isoDate',
      approved_max_underground: 'int not null',
      operator: 'text',
      licence_number: 'text',
      licence_valid_until: 'isoDate',
      mechanisation: 'text not null',
      latitude: 'float',
      longitude: 'float',
      status: 'text not null',
      status_since: 'isoTime not null',
      created_at: 'isoTime not null',
      updated_at: 'isoTime not null',
    },
    indexes: {
      mines_region_path_idx: '(region_path)',
      mines_status_idx: '(status)',
      mines_name_idx: '(name)',
    },
  });

  await createTable(db, 'mine_status_changes', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      from_status: 'text not null',
      to_status: 'text not null',
      event: 'text not null',
      reason: 'text not null',
      basis: 'text',
      actor_id: 'id not null',
      at: 'isoTime not null',
    },
    indexes: { mine_status_changes_mine_idx: '(mine_id, at)' },
  });

  await createTable(db, 'users', {
    columns: {
      id: 'id primary key',
      username: 'text not null unique',
      display_name: 'text not null',
      role: 'text not null',
      scope_kind: 'text not null',
      scope_region_id: 'id references regions.id',
      scope_mine_id: 'id references mines.id',
      password_hash: 'text not null',
      disabled: 'bool not null',
      created_at: 'isoTime not null',
    },
  });

  await createTable(db, 'sessions', {
    columns: {
      id: 'id primary key',
      user_id: 'id not null references users.id',
      csrf_token: 'text not null',
      created_at: 'isoTime not null',
      expires_at: 'isoTime not null',
    },
  });

  await createTable(db, 'api_tokens', {
    columns: {
      id: 'id primary key',
      token_hash: 'text not null unique',
      user_id: 'id not null references users.id',
      name: 'text not null',
      created_at: 'isoTime not null',
      expires_at: 'isoTime',
      revoked_at: 'isoTime',
    },
  });

  await createTable(db, 'audit_log', {
    columns: {
      seq: 'bigint primary key',
      at: 'isoTime not null',
      actor_id: 'id not null',
      actor_name: 'text not null',
      action: 'text not null',
      target_type: 'text not null',
      target_id: 'text not null',
      before_json: 'json',
      after_json: 'json',
      prev_hash: 'text not null',
      hash: 'text not null',
    },
    indexes: { audit_log_target_idx: '(target_type, target_id)' },
  });

  await createTable(db, 'audit_head', {
    columns: {
      id: 'int primary key',
      seq: 'bigint not null',
      hash: 'text not null',
    },
  });
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}
