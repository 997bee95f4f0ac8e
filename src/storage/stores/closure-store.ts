import type { Kysely } from 'kysely';
import type { ClosureStore } from '../../core/closure/closure-ports.ts';
import type { Database } from '../schema.ts';

export function createClosureStore(_db: Kysely<Database>): ClosureStore {
  return {};
}
