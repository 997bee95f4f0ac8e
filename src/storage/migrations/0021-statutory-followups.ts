import type { Kysely } from 'kysely';
import { addColumns } from '../dialect/table-spec.ts';

/**
 * Statutory workflows, second part (issue 15, ADR 0009): the public notice of a suspension or closure
 * order (date and number or link; due within 5 working days of issue), and the safety production
 * licence suspended by a stop order (which order, since when) — restored only by an approved
 * resumption.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'orders', {
    notice_date: 'isoDate',
    notice_ref: 'text',
  });
  await addColumns(db, 'mines', {
    licence_suspended_by: 'text',
    licence_suspended_at: 'isoTime',
  });
}
