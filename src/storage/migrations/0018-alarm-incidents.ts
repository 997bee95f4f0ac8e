import type { Kysely } from 'kysely';
import { addColumns, createTable } from '../dialect/table-spec.ts';

/**
 * Correlation incidents (issue 12 step 3, ADR 0012) are alarms whose rule is an `incident_*` rule; each
 * keeps the evidence it was raised on (the alarms, readings and personnel count, with their data
 * times) as JSON in `evidence`. Ordinary alarms leave it null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'alarms', {
    evidence: 'json',
  });
  // A regulator's decision on a major hazard proposed from monitoring evidence (issue 12 step 6), one
  // per alarm activation (`<alarm id>@<activation data time>`): confirmed (the hazard it became) or
  // dismissed (with the reason).
  await createTable(db, 'monitoring_hazard_decisions', {
    columns: {
      proposal_key: 'text primary key',
      alarm_id: 'id not null',
      mine_id: 'id not null',
      category: 'text not null',
      decision: 'text not null',
      hazard_id: 'id',
      note: 'text not null',
      decided_by: 'id not null',
      decided_by_name: 'text not null',
      decided_at: 'isoTime not null',
    },
  });
}
