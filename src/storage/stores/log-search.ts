import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../schema.ts';

/** The search the audit and security logs share: a time window on `at`, and an actor. */
export interface LogSearch {
  fromIso?: string;
  toIso?: string;
  actor?: string;
}

/**
 * A log search's conditions on the audit or the security log: the time window, and the actor matched
 * by id or by part of the name (LIKE, with its wildcards escaped).
 */
export function logSearch(eb: ExpressionBuilder<Database, 'audit_log' | 'security_events'>, f: LogSearch) {
  const parts = [];
  if (f.fromIso) parts.push(eb('at', '>=', f.fromIso));
  if (f.toIso) parts.push(eb('at', '<=', f.toIso));
  if (f.actor) {
    const like = `%${f.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    parts.push(eb.or([eb('actor_id', '=', f.actor), sql<boolean>`actor_name like ${like} escape '\\'`]));
  }
  return eb.and(parts);
}
