import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * The notification bell (issue 16): which notifications each user has marked read. A notification is
 * computed from the modules' data; only its key and the time it was read are stored, per user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('user_id', col.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', col.text, (c) => c.notNull())
    .addColumn('read_at', col.isoTime, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['user_id', 'item_key'])
    .execute();
}
