import type { Kysely } from 'kysely';
import type { SupervisionStore } from '../../core/supervision/supervision-ports.ts';
import type { Database } from '../schema.ts';

export function createSupervisionStore(_db: Kysely<Database>): SupervisionStore {
  return {};
}
