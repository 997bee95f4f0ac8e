import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/**
 * Who was underground when (issue 15, supervision not only on paper): each stay underground that the
 * personnel positioning snapshots show, one row per (mine, card, time it entered the mine), stretched to
 * the last snapshot that still had it; and the positioning card a leader or group member carries, so a
 * visit's "went underground" can be checked against the card and the mine leaders' shifts underground
 * (矿领导带班下井) can be counted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'underground_stays', {
    columns: {
      mine_id: 'id not null references mines.id',
      card_code: 'text not null',
      entered_ms: 'bigint not null',
      last_seen_ms: 'bigint not null',
      name: 'text not null',
      is_mine_leader: 'bool not null',
    },
    primaryKey: '(mine_id, card_code, entered_ms)',
    indexes: { underground_stays_time_idx: '(mine_id, last_seen_ms)' },
  });
  await createTable(db, 'positioning_cards', {
    columns: {
      user_id: 'id not null primary key references users.id',
      card_code: 'text not null',
      set_by_id: 'id not null',
      set_by_name: 'text not null',
      set_at: 'isoTime not null',
    },
  });
}
