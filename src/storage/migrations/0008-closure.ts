import type { Kysely } from 'kysely';

/** The closure module's tables. */
export function up(_db: Kysely<unknown>): Promise<void> {
  return Promise.resolve();
}
