import { sql, type Kysely } from 'kysely';
import { isSqliteEngine } from '../dialect/telemetry-ddl.ts';

/**
 * PostgreSQL: measuring-point ids come from one sequence, so every process that defines points (the
 * embedded server, the cluster's workers) hands out distinct ids; it starts above every stored id.
 * Created here once, not by each worker at start-up. SQLite has one writing process, which numbers
 * points itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqliteEngine(db)) return;
  await sql`create sequence if not exists redline_point_ids`.execute(db);
  await sql`select setval('redline_point_ids', coalesce((select max(id) from monitoring_points), 0) + 1, false)`.execute(
    db,
  );
}
