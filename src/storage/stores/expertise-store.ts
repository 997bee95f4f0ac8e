import type { Kysely } from 'kysely';
import type { ExpertiseStore } from '../../core/expertise/expertise-ports.ts';
import type { Database } from '../schema.ts';

export function createExpertiseStore(_db: Kysely<Database>): ExpertiseStore {
  return {};
}
