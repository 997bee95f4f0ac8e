import { sql, type Kysely, type Selectable } from 'kysely';
import type { SecurityEvent, SecurityLogStore } from '../../core/ports.ts';
import type { Database, SecurityEventsTable } from '../schema.ts';

const toEvent = (r: Selectable<SecurityEventsTable>): SecurityEvent => ({
  id: r.id,
  at: r.at,
  kind: r.kind as SecurityEvent['kind'],
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorVia: r.actor_via,
  method: r.method,
  route: r.route,
  target: r.target,
  status: r.status === null ? null : Number(r.status),
  reason: r.reason,
  ip: r.ip,
});

/** The security log (migration 0014): refused requests and logins, newest first. */
export function createSecurityLogStore(db: Kysely<Database>): SecurityLogStore {
  return {
    async insert(e) {
      await db
        .insertInto('security_events')
        .values({
          id: e.id,
          at: e.at,
          kind: e.kind,
          actor_id: e.actorId,
          actor_name: e.actorName,
          actor_via: e.actorVia,
          method: e.method,
          route: e.route,
          target: e.target,
          status: e.status,
          reason: e.reason,
          ip: e.ip,
        })
        .execute();
    },
    async search(f) {
      let q = db.selectFrom('security_events').selectAll();
      if (f.fromIso) q = q.where('at', '>=', f.fromIso);
      if (f.toIso) q = q.where('at', '<=', f.toIso);
      if (f.actor) {
        const like = `%${f.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([eb('actor_id', '=', f.actor!), sql<boolean>`actor_name like ${like} escape '\\'`]),
        );
      }
      if (f.kind) q = q.where('kind', '=', f.kind);
      const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map(toEvent);
    },
  };
}
