import type { Kysely } from 'kysely';
import { addColumns } from '../dialect/table-spec.ts';

/**
 * Alarms keep the data's time and the receiving clock apart (issue 12): `at_ms`, `active_since_ms`,
 * `first_raised_ms` and `updated_ms` are the data's time; the new `received_ms` columns say when
 * Redline learnt of it, and escalation counts from `active_since_received_ms`. Each alarm also keeps
 * the worst value of its activation and when it was read (`peak_value`, `peak_ms`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'alarms', {
    peak_value: 'float',
    peak_ms: 'bigint',
    received_ms: 'bigint',
    active_since_received_ms: 'bigint',
  });
  await addColumns(db, 'alarm_events', {
    received_ms: 'bigint',
  });
}
