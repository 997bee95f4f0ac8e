import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The orders module's tables: orders and the mines they touched, resumptions, campaigns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('number', col.text, (c) => c.notNull().unique())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('issuer_id', col.id, (c) => c.notNull())
    .addColumn('issuer_name', col.text, (c) => c.notNull())
    .addColumn('legal_basis', col.text, (c) => c.notNull())
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('region_id', col.id)
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('mine_ids_json', col.json, (c) => c.notNull())
    .addColumn('effective_at', col.isoTime, (c) => c.notNull())
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('applied_at', col.isoTime)
    .addColumn('ended_at', col.isoTime)
    .execute();
  await db.schema
    .createIndex('orders_status_effective_idx')
    .on('orders')
    .columns(['status', 'effective_at'])
    .execute();

  await db.schema
    .createTable('order_mines')
    .addColumn('order_id', col.id, (c) => c.notNull().references('orders.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('outcome', col.text, (c) => c.notNull())
    .addColumn('from_status', col.text, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('lifted_at', col.isoTime)
    .addPrimaryKeyConstraint('order_mines_pk', ['order_id', 'mine_id'])
    .execute();
  await db.schema.createIndex('order_mines_mine_idx').on('order_mines').column('mine_id').execute();

  await db.schema
    .createTable('resumptions')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('gas_class', col.text, (c) => c.notNull())
    .addColumn('applied_at', col.isoTime, (c) => c.notNull())
    .addColumn('applied_by_id', col.id, (c) => c.notNull())
    .addColumn('applied_by_name', col.text, (c) => c.notNull())
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('decided_at', col.isoTime)
    .addColumn('decided_by_id', col.id)
    .addColumn('decided_by_name', col.text)
    .addColumn('decision_reason', col.text)
    .addColumn('notice_date', col.isoDate)
    .addColumn('notice_ref', col.text)
    .execute();
  await db.schema
    .createIndex('resumptions_mine_idx')
    .on('resumptions')
    .columns(['mine_id', 'status'])
    .execute();

  await db.schema
    .createTable('resumption_sign_offs')
    .addColumn('resumption_id', col.id, (c) => c.notNull().references('resumptions.id'))
    .addColumn('item', col.text, (c) => c.notNull())
    .addColumn('signer_id', col.id, (c) => c.notNull())
    .addColumn('signer_name', col.text, (c) => c.notNull())
    .addColumn('signer_role', col.text, (c) => c.notNull())
    .addColumn('signed_at', col.isoTime, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('resumption_sign_offs_pk', ['resumption_id', 'item'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('region_id', col.id, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('starts_on', col.isoDate, (c) => c.notNull())
    .addColumn('ends_on', col.isoDate, (c) => c.notNull())
    .addColumn('items_json', col.json, (c) => c.notNull())
    .addColumn('created_by_id', col.id, (c) => c.notNull())
    .addColumn('created_by_name', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_marks')
    .addColumn('campaign_id', col.id, (c) => c.notNull().references('campaigns.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('item_id', col.text, (c) => c.notNull())
    .addColumn('done', col.bool, (c) => c.notNull())
    .addColumn('by_id', col.id, (c) => c.notNull())
    .addColumn('by_name', col.text, (c) => c.notNull())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .addColumn('note', col.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_marks_pk', ['campaign_id', 'mine_id', 'item_id'])
    .execute();
}
