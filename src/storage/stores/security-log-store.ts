import type { Kysely } from 'kysely';
import type { SecurityEvent, SecurityLogStore } from '../../core/ports.ts';
import { asIs, defineCodec, numOrNull } from '../row-codec.ts';
import type { Database } from '../schema.ts';
import { logSearch } from './log-search.ts';
import { recordTable } from './record-table.ts';

const eventCodec = defineCodec<SecurityEvent, Database['security_events']>()({
  ...asIs('id at kind actorId actorName actorVia method route target'),
  status: ['status', numOrNull],
  ...asIs('reason ip'),
});

/** The security log (migration 0014): refused requests and logins, newest first. */
export function createSecurityLogStore(db: Kysely<Database>): SecurityLogStore {
  const events = recordTable(db, 'security_events', eventCodec);
  return {
    insert: events.insert,
    async search(f) {
      let q = db
        .selectFrom('security_events')
        .selectAll()
        .where((eb) => logSearch(eb, f));
      if (f.kind) q = q.where('kind', '=', f.kind);
      const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map(eventCodec.decode);
    },
  };
}
