import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The orders module's tables: orders and the mines they touched, resumptions, campaigns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'orders', {
    columns: {
      id: 'id primary key',
      number: 'text not null unique',
      kind: 'text not null',
      issuer_id: 'id not null',
      issuer_name: 'text not null',
      legal_basis: 'text not null',
      reason: 'text not null',
      region_id: 'id',
      region_path: 'text not null',
      mine_ids_json: 'json not null',
      effective_at: 'isoTime not null',
      status: 'text not null',
      created_at: 'isoTime not null',
      applied_at: 'isoTime',
      ended_at: 'isoTime',
    },
    indexes: { orders_status_effective_idx: '(status, effective_at)' },
  });

  await createTable(db, 'order_mines', {
    columns: {
      order_id: 'id not null references orders.id',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      outcome: 'text not null',
      from_status: 'text not null',
      note: 'text not null',
      lifted_at: 'isoTime',
    },
    primaryKey: '(order_id, mine_id)',
    indexes: { order_mines_mine_idx: '(mine_id)' },
  });

  await createTable(db, 'resumptions', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      gas_class: 'text not null',
      applied_at: 'isoTime not null',
      applied_by_id: 'id not null',
      applied_by_name: 'text not null',
      status: 'text not null',
      decided_at: 'isoTime',
      decided_by_id: 'id',
      decided_by_name: 'text',
      decision_reason: 'text',
      notice_date: 'isoDate',
      notice_ref: 'text',
    },
    indexes: { resumptions_mine_idx: '(mine_id, status)' },
  });

  await createTable(db, 'resumption_sign_offs', {
    columns: {
      resumption_id: 'id not null references resumptions.id',
      item: 'text not null',
      signer_id: 'id not null',
      signer_name: 'text not null',
      signer_role: 'text not null',
      signed_at: 'isoTime not null',
      note: 'text not null',
    },
    primaryKey: '(resumption_id, item)',
  });

  await createTable(db, 'campaigns', {
    columns: {
      id: 'id primary key',
      name: 'text not null',
      region_id: 'id not null',
      region_path: 'text not null',
      starts_on: 'isoDate not null',
      ends_on: 'isoDate not null',
      items_json: 'json not null',
      created_by_id: 'id not null',
      created_by_name: 'text not null',
      created_at: 'isoTime not null',
    },
  });

  await createTable(db, 'campaign_marks', {
    columns: {
      campaign_id: 'id not null references campaigns.id',
      mine_id: 'id not null references mines.id',
      item_id: 'text not null',
      done: 'bool not null',
      by_id: 'id not null',
      by_name: 'text not null',
      at: 'isoTime not null',
      note: 'text not null',
    },
    primaryKey: '(campaign_id, mine_id, item_id)',
  });
}
