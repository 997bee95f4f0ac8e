import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/**
 * Who was underground when (issue 15, supervision not only on paper): each stay underground that the
 * personnel positioning snapshots show, one row per (mine, card, time it entered the mine), stretched to
 * the last snapshot that still had it; and the positioning card a leader or group member carries, so a
 * visit's "went underground" can be checked against the card and the mine leaders' shifts underground
 * (矿领导带班下井) can be counted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('underground_stays')
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('card_code', col.text, (c) => c.notNull())
    .addColumn('entered_ms', col.bigint, (c) => c.notNull())
    .addColumn('last_seen_ms', col.bigint, (c) => c.notNull())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('is_mine_leader', col.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('underground_stays_pk', ['mine_id', 'card_code', 'entered_ms'])
    .execute();
  await db.schema
    .createIndex('underground_stays_time_idx')
    .on('underground_stays')
    .columns(['mine_id', 'last_seen_ms'])
    .execute();
  await db.schema
    .createTable('positioning_cards')
    .addColumn('user_id', col.id, (c) => c.notNull().primaryKey().references('users.id'))
    .addColumn('card_code', col.text, (c) => c.notNull())
    .addColumn('set_by_id', col.id, (c) => c.notNull())
    .addColumn('set_by_name', col.text, (c) => c.notNull())
    .addColumn('set_at', col.isoTime, (c) => c.notNull())
    .execute();
}
