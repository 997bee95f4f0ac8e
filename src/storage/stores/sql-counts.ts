import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * How many of the rows meet `condition`: `sum(case when … then 1 else 0 end)`. Over no rows it is
 * SQL NULL, and PostgreSQL may return it as text: read it with `Number(x ?? 0)`.
 */
export function countWhen<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  condition: Expression<SqlBool>,
) {
  return eb.fn.sum<number | string | null>(eb.case().when(condition).then(1).else(0).end());
}

/** A hazard still open past its due date on `today`. */
export function isOverdue(eb: ExpressionBuilder<Database, 'hazards'>, today: string): Expression<SqlBool> {
  return eb.and([eb('state', '<>', 'closed'), eb('current_due_date', '<', today)]);
}
