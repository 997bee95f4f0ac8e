import type { Kysely } from 'kysely';
import type { HazardStore } from '../../core/hazards/hazards-ports.ts';
import type { Database } from '../schema.ts';

export function createHazardStore(_db: Kysely<Database>): HazardStore {
  return {};
}
