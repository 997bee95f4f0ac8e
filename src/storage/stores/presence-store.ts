import type { Kysely } from 'kysely';
import { fixedChunks } from '../one-transaction.ts';
import type { PresenceStore, StayRow } from '../../core/supervision/supervision-ports.ts';
import type { Database } from '../schema.ts';
import { mineIdsOrNone } from './mine-ids.ts';

/** A person of a positioning snapshot, as the monitoring store writes it. */
interface SnapshotPerson {
  cardCode: string;
  name: string;
  enteredMineAtMs: number | null;
  isMineLeader: boolean;
}

/**
 * Stretches each card's stay underground to this snapshot (migration 0024): one row per (mine, card, time
 * it entered the mine), its last_seen_ms the newest snapshot that still showed it. A card without an
 * entry time cannot be told apart from its next stay and is left out. Called with every personnel snapshot.
 */
export async function recordUndergroundStays(
  db: Kysely<Database>,
  mineId: string,
  people: readonly SnapshotPerson[],
  snapshotMs: number,
): Promise<void> {
  const rows = people
    .filter((p) => p.enteredMineAtMs !== null)
    .map((p) => ({
      mine_id: mineId,
      card_code: p.cardCode,
      entered_ms: p.enteredMineAtMs ?? snapshotMs,
      last_seen_ms: Math.max(snapshotMs, p.enteredMineAtMs ?? snapshotMs),
      name: p.name,
      is_mine_leader: p.isMineLeader ? 1 : 0,
    }));
  for (const chunk of fixedChunks(rows)) {
    await db
      .insertInto('underground_stays')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['mine_id', 'card_code', 'entered_ms']).doUpdateSet((eb) => ({
          last_seen_ms: eb.ref('excluded.last_seen_ms'),
          is_mine_leader: eb.ref('excluded.is_mine_leader'),
        })),
      )
      .execute();
  }
}

/** The stays underground and the visitors' positioning cards (part of the supervision store). */
export function createPresenceStore(db: Kysely<Database>): PresenceStore {
  return {
    recordStays: (mineId, people, snapshotMs) => recordUndergroundStays(db, mineId, people, snapshotMs),
    async staysOf(mineIds, fromMs, toMs, cardCodes) {
      let q = db
        .selectFrom('underground_stays')
        .selectAll()
        .where('mine_id', 'in', mineIdsOrNone(mineIds))
        .where('entered_ms', '<=', toMs)
        .where('last_seen_ms', '>=', fromMs);
      if (cardCodes !== undefined) q = q.where('card_code', 'in', mineIdsOrNone(cardCodes));
      const rows = await q.orderBy('mine_id').orderBy('entered_ms').orderBy('card_code').execute();
      return rows.map((r): StayRow => ({
        mineId: r.mine_id,
        cardCode: r.card_code,
        name: r.name,
        enteredMs: Number(r.entered_ms),
        lastSeenMs: Number(r.last_seen_ms),
        isMineLeader: r.is_mine_leader === 1,
      }));
    },
    async cardsOf(userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('positioning_cards')
        .select(['user_id', 'card_code'])
        .where('user_id', 'in', [...userIds])
        .execute();
      return new Map(rows.map((r) => [r.user_id, r.card_code]));
    },
    async setCard(card) {
      const values = {
        user_id: card.userId,
        card_code: card.cardCode,
        set_by_id: card.setById,
        set_by_name: card.setByName,
        set_at: card.setAt,
      };
      await db
        .insertInto('positioning_cards')
        .values(values)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            card_code: values.card_code,
            set_by_id: values.set_by_id,
            set_by_name: values.set_by_name,
            set_at: values.set_at,
          }),
        )
        .execute();
    },
  };
}
