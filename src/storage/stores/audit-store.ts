import { sql, type Kysely, type Selectable } from 'kysely';
import { chainAuditEntry, type AuditEntry } from '../../core/audit/audit-chain.ts';
import type { AuditStore } from '../../core/ports.ts';
import { credentialFor } from '../../platform/actor-context.ts';
import type { AuditLogTable, Database } from '../schema.ts';
import { logSearch } from './log-search.ts';

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  before: parse(r.before_json),
  after: parse(r.after_json),
  ...(r.actor_via === null ? {} : { actorVia: r.actor_via }),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function createAuditStore(db: Kysely<Database>): AuditStore {
  /**
   * Appends entries under one bump of the head row. Bumping it first takes its row lock (PostgreSQL)
   * or the write lock (SQLite), so concurrent appenders are serialised and the chain cannot fork; one
   * bump and one multi-row insert keep that lock for the shortest time.
   */
  async function appendManyIn(
    trx: Kysely<Database>,
    events: Parameters<AuditStore['appendMany']>[0],
    at: string,
  ) {
    const head = await trx
      .updateTable('audit_head')
      .set({ seq: sql`seq + ${events.length}` })
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let prev = { seq: Number(head.seq) - events.length, hash: head.hash };
    const entries: AuditEntry[] = [];
    for (const event of events) {
      const actorVia = event.actorVia ?? credentialFor(event.actorId);
      const entry = chainAuditEntry(prev, actorVia ? { ...event, actorVia } : event, at);
      entries.push(entry);
      prev = { seq: entry.seq, hash: entry.hash };
    }
    await trx
      .insertInto('audit_log')
      .values(
        entries.map((entry) => ({
          seq: entry.seq,
          at: entry.at,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          before_json:
            entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
          after_json: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
          actor_via: entry.actorVia ?? null,
          prev_hash: entry.prevHash,
          hash: entry.hash,
        })),
      )
      .execute();
    await trx.updateTable('audit_head').set({ hash: prev.hash }).where('id', '=', 1).execute();
    return entries;
  }

  return {
    appendMany(events, at) {
      if (events.length === 0) return Promise.resolve([]);
      if (db.isTransaction) return appendManyIn(db, events, at);
      return db.transaction().execute((trx) => appendManyIn(trx, events, at));
    },
    async append(event, at) {
      const [entry] = await (db.isTransaction
        ? appendManyIn(db, [event], at)
        : db.transaction().execute((trx) => appendManyIn(trx, [event], at)));
      return entry!;
    },
    async listByTarget(targetType, targetId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_type', '=', targetType)
        .where('target_id', '=', targetId)
        .orderBy('seq', 'desc')
        .execute();
      return rows.map(toEntry);
    },
    async *iterateAll(pageSize = 1000) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(pageSize)
          .execute();
        for (const r of rows) yield toEntry(r);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    async search(f) {
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => logSearch(eb, f));
      if (f.kind) {
        const kind = f.kind;
        q = kind.endsWith('.')
          ? q.where(sql<boolean>`substr(action, 1, ${kind.length}) = ${kind}`)
          : q.where('action', '=', kind);
      }
      const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
      return rows.map(toEntry);
    },
    async head() {
      const r = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: Number(r.seq), hash: r.hash };
    },
  };
}
