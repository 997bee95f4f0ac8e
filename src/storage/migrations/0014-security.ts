import type { Kysely } from 'kysely';
import { addColumns, createTable } from '../dialect/table-spec.ts';

/**
 * Security hardening (issue 13, ADR 0007): API tokens get scopes and a last-used time; audit entries
 * say which credential acted (`session` or `token:<id>`); denied requests, failed and refused logins go
 * to a security log a province regulator reads (not hash-chained: it is rate-limited and may drop).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'api_tokens', {
    scopes: 'json',
    last_used_at: 'isoTime',
  });
  await addColumns(db, 'audit_log', {
    actor_via: 'text',
  });
  await createTable(db, 'security_events', {
    columns: {
      id: 'id primary key',
      at: 'isoTime not null',
      kind: 'text not null',
      actor_id: 'id',
      actor_name: 'text',
      actor_via: 'text',
      method: 'text',
      route: 'text',
      target: 'text',
      status: 'int',
      reason: 'text not null',
      ip: 'text',
    },
    indexes: { security_events_at: '(at)' },
  });
}
