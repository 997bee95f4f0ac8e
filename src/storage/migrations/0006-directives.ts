import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The directives module's tables: notices (immutable once issued) and each recipient mine's read-back. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'directives', {
    columns: {
      id: 'id primary key',
      kind: 'text not null',
      title: 'text not null',
      body: 'text not null',
      accident_id: 'id',
      cause_summary: 'text',
      corrects_id: 'id references directives.id',
      region_id: 'id',
      region_path: 'text not null',
      deadline: 'isoTime not null',
      is_reply_required: 'bool not null',
      issuer_id: 'id not null',
      issuer_name: 'text not null',
      issued_at: 'isoTime not null',
    },
    indexes: { directives_issued_idx: '(issued_at)' },
  });

  await createTable(db, 'directive_recipients', {
    columns: {
      directive_id: 'id not null references directives.id',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_id: 'id not null',
      region_name: 'text not null',
      region_path: 'text not null',
      state: 'text not null',
      read_at: 'isoTime',
      read_by_id: 'id',
      read_by_name: 'text',
      replied_at: 'isoTime',
      reply_text: 'text',
      reply_by_id: 'id',
      reply_by_name: 'text',
      visit_requested_at: 'isoTime',
      visit_requested_by_id: 'id',
      visit_requested_by_name: 'text',
    },
    primaryKey: '(directive_id, mine_id)',
    indexes: { directive_recipients_mine_idx: '(mine_id)', directive_recipients_path_idx: '(region_path)' },
  });
}
