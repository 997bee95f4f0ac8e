import { PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * int8 (bigint) and numeric come back as strings by default; Redline's bigints are epoch milliseconds
 * and sequence numbers, well inside Number's safe range. Set per pool, not globally.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPostgresPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle client that loses its connection (server restart, admin termination) emits 'error' on the
  // pool; unhandled, that would crash the process. The pool drops the client and opens a new one on
  // the next query, whose own error then reaches the caller.
  pool.on('error', () => undefined);
  return pool;
}

export function createPostgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool });
}
