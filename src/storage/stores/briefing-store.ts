import type { Kysely } from 'kysely';
import type { BriefingStore } from '../../core/briefing/briefing-ports.ts';
import type { Database } from '../schema.ts';

export function createBriefingStore(_db: Kysely<Database>): BriefingStore {
  return {};
}
