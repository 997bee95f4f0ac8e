import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Statutory workflows, second part (issue 15, ADR 0009): the public notice of a suspension or closure
 * order (date and number or link; due within 5 working days of issue), and the safety production
 * licence suspended by a stop order (which order, since when) — restored only by an approved
 * resumption.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('notice_date', col.isoDate).execute();
  await db.schema.alterTable('orders').addColumn('notice_ref', col.text).execute();
  await db.schema.alterTable('mines').addColumn('licence_suspended_by', col.text).execute();
  await db.schema.alterTable('mines').addColumn('licence_suspended_at', col.isoTime).execute();
}
