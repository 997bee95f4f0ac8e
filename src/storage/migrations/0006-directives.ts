import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The directives module's tables: notices (immutable once issued) and each recipient mine's read-back. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directives')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('title', col.text, (c) => c.notNull())
    .addColumn('body', col.text, (c) => c.notNull())
    .addColumn('accident_id', col.id)
    .addColumn('cause_summary', col.text)
    .addColumn('corrects_id', col.id, (c) => c.references('directives.id'))
    .addColumn('region_id', col.id)
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('deadline', col.isoTime, (c) => c.notNull())
    .addColumn('is_reply_required', col.bool, (c) => c.notNull())
    .addColumn('issuer_id', col.id, (c) => c.notNull())
    .addColumn('issuer_name', col.text, (c) => c.notNull())
    .addColumn('issued_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directives_issued_idx').on('directives').column('issued_at').execute();

  await db.schema
    .createTable('directive_recipients')
    .addColumn('directive_id', col.id, (c) => c.notNull().references('directives.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_id', col.id, (c) => c.notNull())
    .addColumn('region_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('read_at', col.isoTime)
    .addColumn('read_by_id', col.id)
    .addColumn('read_by_name', col.text)
    .addColumn('replied_at', col.isoTime)
    .addColumn('reply_text', col.text)
    .addColumn('reply_by_id', col.id)
    .addColumn('reply_by_name', col.text)
    .addColumn('visit_requested_at', col.isoTime)
    .addColumn('visit_requested_by_id', col.id)
    .addColumn('visit_requested_by_name', col.text)
    .addPrimaryKeyConstraint('directive_recipients_pk', ['directive_id', 'mine_id'])
    .execute();
  await db.schema
    .createIndex('directive_recipients_mine_idx')
    .on('directive_recipients')
    .column('mine_id')
    .execute();
  await db.schema
    .createIndex('directive_recipients_path_idx')
    .on('directive_recipients')
    .column('region_path')
    .execute();
}
