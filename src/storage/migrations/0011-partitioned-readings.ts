import type { Kysely } from 'kysely';
import { partitionTelemetryTables } from '../dialect/telemetry-ddl.ts';

/**
 * PostgreSQL: readings partitioned by UTC day, per-minute aggregates by UTC month, each with a DEFAULT
 * partition; existing rows are kept. Retention then drops whole partitions. SQLite: nothing changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await partitionTelemetryTables(db);
}
