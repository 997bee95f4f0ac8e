import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Security hardening (issue 13, ADR 0007): API tokens get scopes and a last-used time; audit entries
 * say which credential acted (`session` or `token:<id>`); denied requests, failed and refused logins go
 * to a security log a province regulator reads (not hash-chained: it is rate-limited and may drop).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('scopes', col.json).execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', col.isoTime).execute();
  await db.schema.alterTable('audit_log').addColumn('actor_via', col.text).execute();
  await db.schema
    .createTable('security_events')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('actor_id', col.id)
    .addColumn('actor_name', col.text)
    .addColumn('actor_via', col.text)
    .addColumn('method', col.text)
    .addColumn('route', col.text)
    .addColumn('target', col.text)
    .addColumn('status', col.int)
    .addColumn('reason', col.text, (c) => c.notNull())
    .addColumn('ip', col.text)
    .execute();
  await db.schema.createIndex('security_events_at').on('security_events').column('at').execute();
}
