import type { Kysely } from 'kysely';

/** The briefing module's tables. */
export function up(_db: Kysely<unknown>): Promise<void> {
  return Promise.resolve();
}
