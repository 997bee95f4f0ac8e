import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs a store method's several statements as one transaction: one commit instead of one per row
 * (a people file is ~120 rows; a CDDY file ~80 points), and nobody reads a half-replaced snapshot.
 * Inside a caller's transaction it simply joins it.
 */
export function inOneTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database> | Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Cuts rows into chunks of a few fixed sizes (64, 16, 4, 1), so a multi-row INSERT's SQL text repeats
 * and its prepared statement is reused; chunks of "whatever is left" make a new statement per size.
 */
export function fixedChunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  for (const n of [64, 16, 4, 1]) for (; i + n <= rows.length; i += n) out.push(rows.slice(i, i + n));
  return out;
}
