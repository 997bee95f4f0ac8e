import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Statutory workflows (issue 15, ADR 0009): what a resumption returns the mine to (a mine suspended
 * during construction goes back to construction), and the time of each mine's latest personnel
 * snapshot, empty ones included (a suspended mine with nobody underground still reports).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resumptions')
    .addColumn('resumes_to', col.text, (c) => c.notNull().defaultTo('producing'))
    .execute();
  await db.schema
    .createTable('personnel_snapshots')
    .addColumn('mine_id', col.id, (c) => c.primaryKey().references('mines.id'))
    .addColumn('snapshot_ms', col.bigint, (c) => c.notNull())
    .execute();
}
