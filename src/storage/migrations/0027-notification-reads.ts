import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * The notification bell (issue 16): which notifications each user has marked read. A notification is
 * computed from the modules' data; only its key and the time it was read are stored, per user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'notification_reads', {
    columns: {
      user_id: 'id not null references users.id on delete cascade',
      item_key: 'text not null',
      read_at: 'isoTime not null',
    },
    primaryKey: '(user_id, item_key)',
  });
}
