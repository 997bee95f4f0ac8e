import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Correlation incidents (issue 12 step 3, ADR 0012) are alarms whose rule is an `incident_*` rule; each
 * keeps the evidence it was raised on (the alarms, readings and personnel count, with their data
 * times) as JSON in `evidence`. Ordinary alarms leave it null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alarms').addColumn('evidence', col.json).execute();
  // A regulator's decision on a major hazard proposed from monitoring evidence (issue 12 step 6), one
  // per alarm activation (`<alarm id>@<activation data time>`): confirmed (the hazard it became) or
  // dismissed (with the reason).
  await db.schema
    .createTable('monitoring_hazard_decisions')
    .addColumn('proposal_key', col.text, (c) => c.primaryKey())
    .addColumn('alarm_id', col.id, (c) => c.notNull())
    .addColumn('mine_id', col.id, (c) => c.notNull())
    .addColumn('category', col.text, (c) => c.notNull())
    .addColumn('decision', col.text, (c) => c.notNull())
    .addColumn('hazard_id', col.id)
    .addColumn('note', col.text, (c) => c.notNull())
    .addColumn('decided_by', col.id, (c) => c.notNull())
    .addColumn('decided_by_name', col.text, (c) => c.notNull())
    .addColumn('decided_at', col.isoTime, (c) => c.notNull())
    .execute();
}
