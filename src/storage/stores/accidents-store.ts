import type { Kysely } from 'kysely';
import type { AccidentStore } from '../../core/accidents/accidents-ports.ts';
import type { Database } from '../schema.ts';

export function createAccidentStore(_db: Kysely<Database>): AccidentStore {
  return {};
}
