import type { Kysely } from 'kysely';
import { addColumns, createTable } from '../dialect/table-spec.ts';

/**
 * Statutory workflows (issue 15, ADR 0009): what a resumption returns the mine to (a mine suspended
 * during construction goes back to construction), and the time of each mine's latest personnel
 * snapshot, empty ones included (a suspended mine with nobody underground still reports).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'resumptions', {
    resumes_to: "text not null default 'producing'",
  });
  await createTable(db, 'personnel_snapshots', {
    columns: {
      mine_id: 'id primary key references mines.id',
      snapshot_ms: 'bigint not null',
    },
  });
}
