import type { Kysely } from 'kysely';
import type { DirectiveStore } from '../../core/directives/directives-ports.ts';
import type { Database } from '../schema.ts';

export function createDirectiveStore(_db: Kysely<Database>): DirectiveStore {
  return {};
}
