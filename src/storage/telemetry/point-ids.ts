import type pg from 'pg';

/**
 * PostgreSQL: `n` new measuring-point ids from the sequence of migration 0028, shared by every process
 * writing to the database (the embedded server and the cluster's workers never hand out the same id).
 */
export async function allocatePointIds(pool: pg.Pool, n: number): Promise<number[]> {
  const r = await pool.query<{ id: number }>(
    "select nextval('redline_point_ids')::int as id from generate_series(1, $1)",
    [n],
  );
  return r.rows.map((x) => x.id);
}
