import type { ColumnDataType } from 'kysely';

/**
 * The one place that says how a logical column type is spelled in SQL, chosen so that the same
 * spelling works in SQLite and PostgreSQL:
 * - booleans are integers 0/1 (node:sqlite has no boolean binding);
 * - JSON is text (parsed by the stores);
 * - business timestamps are ISO-8601 UTC text (sortable), telemetry time is bigint epoch ms.
 */
export const col = {
  id: 'text',
  text: 'text',
  int: 'integer',
  bigint: 'bigint',
  float: 'double precision',
  bool: 'integer',
  json: 'text',
  isoTime: 'text',
  isoDate: 'text',
} as const satisfies Record<string, ColumnDataType>;
