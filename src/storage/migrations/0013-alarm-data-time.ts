import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Alarms keep the data's time and the receiving clock apart (issue 12): `at_ms`, `active_since_ms`,
 * `first_raised_ms` and `updated_ms` are the data's time; the new `received_ms` columns say when
 * Redline learnt of it, and escalation counts from `active_since_received_ms`. Each alarm also keeps
 * the worst value of its activation and when it was read (`peak_value`, `peak_ms`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alarms').addColumn('peak_value', col.float).execute();
  await db.schema.alterTable('alarms').addColumn('peak_ms', col.bigint).execute();
  await db.schema.alterTable('alarms').addColumn('received_ms', col.bigint).execute();
  await db.schema.alterTable('alarms').addColumn('active_since_received_ms', col.bigint).execute();
  await db.schema.alterTable('alarm_events').addColumn('received_ms', col.bigint).execute();
}
