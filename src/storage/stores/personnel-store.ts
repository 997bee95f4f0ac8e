import type { Kysely } from 'kysely';
import type { PersonUnderground } from '../../core/monitoring/engine/personnel-rules.ts';
import type { PersonnelArea } from '../../core/monitoring/upload-file/personnel-records.ts';
import type { PersonnelStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';
import { fixedChunks, inOneTransaction } from '../one-transaction.ts';
import { asIs, bool, defineCodec, num, numOrNull, type Conversion } from '../row-codec.ts';
import { recordUndergroundStays } from './presence-store.ts';
import { recordTable } from './record-table.ts';

/** A headcount the file left out reads as 0. */
const headcount: Conversion<number, number | null> = {
  decode: (c) => c ?? 0,
  encode: (f) => f,
};

const areaCodec = defineCodec<PersonnelArea & { mineId: string }, Database['personnel_areas']>()({
  ...asIs('mineId areaCode areaType'),
  areaName: 'name',
  approvedHeadcount: ['approved_headcount', headcount],
});

const AREA_KEY = ['mine_id', 'area_code'] as const;

/** One row of a mine's snapshot: the person, with the mine and the snapshot's time. */
type PersonRow = { mineId: string } & PersonUnderground & { snapshotMs: number };

const personCodec = defineCodec<PersonRow, Database['people_underground']>()({
  ...asIs('mineId cardCode name areaCode stationCode'),
  enteredMineAtMs: ['entered_mine_ms', numOrNull],
  isMineLeader: ['is_mine_leader', bool],
  snapshotMs: ['snapshot_ms', num],
});

const personOf = ({ mineId: _m, snapshotMs: _s, ...person }: PersonRow): PersonUnderground => person;

/** Personnel areas and the people-underground snapshot of each mine. */
export function createPersonnelStore(db: Kysely<Database>): PersonnelStore {
  const areas = recordTable(db, 'personnel_areas', areaCodec, AREA_KEY);
  const people = recordTable(db, 'people_underground', personCodec);
  return {
    replaceAreas(mineId: string, list: readonly PersonnelArea[]): Promise<void> {
      return inOneTransaction(db, async (trx) => {
        const inTransaction = recordTable(trx, 'personnel_areas', areaCodec, AREA_KEY);
        for (const a of list) await inTransaction.upsert({ ...a, mineId });
      });
    },

    loadAreas: () => areas.list({}, []),

    /** Replaces a mine's people-underground snapshot. */
    async replacePeople(
      mineId: string,
      list: readonly PersonUnderground[],
      snapshotMs: number,
    ): Promise<void> {
      return inOneTransaction(db, async (db) => {
        await db.deleteFrom('people_underground').where('mine_id', '=', mineId).execute();
        // The snapshot's time is kept even when nobody is underground: the positioning system is online.
        await db
          .insertInto('personnel_snapshots')
          .values({ mine_id: mineId, snapshot_ms: snapshotMs })
          .onConflict((oc) => oc.column('mine_id').doUpdateSet({ snapshot_ms: snapshotMs }))
          .execute();
        // Who was underground when (migration 0024): the supervision checks read it.
        await recordUndergroundStays(db, mineId, list, snapshotMs);
        for (const chunk of fixedChunks(list)) {
          await db
            .insertInto('people_underground')
            .values(chunk.map((p) => personCodec.encode({ mineId, ...p, snapshotMs })))
            .execute();
        }
      });
    },

    async areasOfMine(mineId: string): Promise<PersonnelArea[]> {
      const rows = await recordTable(db, 'personnel_areas', areaCodec).list({ mine_id: mineId }, [
        'area_code',
      ]);
      return rows.map(({ mineId: _m, ...area }) => area);
    },

    async peopleOfMine(mineId: string) {
      const rows = await people.list({ mine_id: mineId }, ['card_code']);
      // An empty snapshot (everyone out) is evidence too: its time is kept in personnel_snapshots.
      const empty =
        rows.length > 0
          ? undefined
          : await db
              .selectFrom('personnel_snapshots')
              .select('snapshot_ms')
              .where('mine_id', '=', mineId)
              .executeTakeFirst();
      return {
        snapshotMs: rows.length > 0 ? rows[0]!.snapshotMs : empty ? Number(empty.snapshot_ms) : null,
        people: rows.map(personOf),
      };
    },

    async countPeople(mineIds: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      // Chunked: an IN list stays well under both engines' bound-parameter limits.
      for (let i = 0; i < mineIds.length; i += 500) {
        const rows = await db
          .selectFrom('people_underground')
          .select(['mine_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('mine_id', 'in', mineIds.slice(i, i + 500))
          .groupBy('mine_id')
          .execute();
        for (const r of rows) out.set(r.mine_id, Number(r.n));
      }
      return out;
    },

    async loadPeople() {
      const rows = await people.list({}, ['mine_id']);
      const byMine = new Map<string, { mineId: string; snapshotMs: number; people: PersonUnderground[] }>();
      for (const r of rows) {
        let m = byMine.get(r.mineId);
        if (!m) {
          m = { mineId: r.mineId, snapshotMs: r.snapshotMs, people: [] };
          byMine.set(r.mineId, m);
        }
        m.people.push(personOf(r));
      }
      return [...byMine.values()];
    },
  };
}
