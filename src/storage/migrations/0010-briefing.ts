import type { Kysely } from 'kysely';

/**
 * The briefing module needed no table (it reads the other modules' and keeps nothing of its own). The
 * migration is empty on purpose and stays: databases created since record it as applied, and the
 * migrator refuses a database whose applied migrations it no longer knows.
 */
export function up(_db: Kysely<unknown>): Promise<void> {
  return Promise.resolve();
}
