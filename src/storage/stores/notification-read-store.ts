import type { Kysely } from 'kysely';
import type { NotificationReadStore } from '../../core/notifications/notification-ports.ts';
import type { Database } from '../schema.ts';

/** Bound parameters per IN list: well below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

export function createNotificationReadStore(db: Kysely<Database>): NotificationReadStore {
  return {
    async readKeys(userId, keys) {
      const read = new Set<string>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db
          .selectFrom('notification_reads')
          .select('item_key')
          .where('user_id', '=', userId)
          .where('item_key', 'in', keys.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) read.add(r.item_key);
      }
      return read;
    },
    async markRead(userId, keys, atIso) {
      if (keys.length === 0) return;
      await db
        .insertInto('notification_reads')
        .values(keys.map((k) => ({ user_id: userId, item_key: k, read_at: atIso })))
        .onConflict((oc) => oc.columns(['user_id', 'item_key']).doNothing())
        .execute();
    },
  };
}
