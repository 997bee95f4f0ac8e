import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Correlation incidents (issue 12 step 3, ADR 0012) are alarms whose rule is an `incident_*` rule; each
 * keeps the evidence it was raised on (the alarms, readings and personnel count, with their data
 * times) as JSON in `evidence`. Ordinary alarms leave it null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alarms').addColumn('evidence', col.json).execute();
}
