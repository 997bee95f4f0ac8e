import type { Kysely } from 'kysely';
import type { PersonUnderground } from '../../core/monitoring/engine/personnel-rules.ts';
import type { PersonnelArea } from '../../core/monitoring/upload-file/personnel-records.ts';
import type { PersonnelStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';
import { fixedChunks, inOneTransaction } from '../one-transaction.ts';
import { recordUndergroundStays } from './presence-store.ts';

/** Personnel areas and the people-underground snapshot of each mine. */
export function createPersonnelStore(db: Kysely<Database>): PersonnelStore {
  return {
    replaceAreas(mineId: string, areas: readonly PersonnelArea[]): Promise<void> {
      return inOneTransaction(db, async (db) => {
        for (const a of areas) {
          await db
            .insertInto('personnel_areas')
            .values({
              mine_id: mineId,
              area_code: a.areaCode,
              area_type: a.areaType,
              name: a.areaName,
              approved_headcount: a.approvedHeadcount,
            })
            .onConflict((oc) =>
              oc.columns(['mine_id', 'area_code']).doUpdateSet({
                area_type: a.areaType,
                name: a.areaName,
                approved_headcount: a.approvedHeadcount,
              }),
            )
            .execute();
        }
      });
    },

    async loadAreas(): Promise<Array<PersonnelArea & { mineId: string }>> {
      const rows = await db.selectFrom('personnel_areas').selectAll().execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        areaCode: r.area_code,
        areaType: r.area_type,
        areaName: r.name,
        approvedHeadcount: r.approved_headcount ?? 0,
      }));
    },

    /** Replaces a mine's people-underground snapshot. */
    async replacePeople(
      mineId: string,
      people: readonly PersonUnderground[],
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
        await recordUndergroundStays(db, mineId, people, snapshotMs);
        for (const chunk of fixedChunks(people)) {
          await db
            .insertInto('people_underground')
            .values(
              chunk.map((p) => ({
                mine_id: mineId,
                card_code: p.cardCode,
                name: p.name,
                area_code: p.areaCode,
                station_code: p.stationCode,
                entered_mine_ms: p.enteredMineAtMs,
                is_mine_leader: p.isMineLeader ? 1 : 0,
                snapshot_ms: snapshotMs,
              })),
            )
            .execute();
        }
      });
    },

    async areasOfMine(mineId: string): Promise<PersonnelArea[]> {
      const rows = await db
        .selectFrom('personnel_areas')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('area_code')
        .execute();
      return rows.map((r) => ({
        areaCode: r.area_code,
        areaType: r.area_type,
        areaName: r.name,
        approvedHeadcount: r.approved_headcount ?? 0,
      }));
    },

    async peopleOfMine(mineId: string) {
      const rows = await db
        .selectFrom('people_underground')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('card_code')
        .execute();
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
        snapshotMs: rows.length > 0 ? Number(rows[0]!.snapshot_ms) : empty ? Number(empty.snapshot_ms) : null,
        people: rows.map((r) => ({
          cardCode: r.card_code,
          name: r.name,
          areaCode: r.area_code,
          stationCode: r.station_code,
          enteredMineAtMs: r.entered_mine_ms === null ? null : Number(r.entered_mine_ms),
          isMineLeader: r.is_mine_leader === 1,
        })),
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
      const rows = await db.selectFrom('people_underground').selectAll().orderBy('mine_id').execute();
      const byMine = new Map<string, { mineId: string; snapshotMs: number; people: PersonUnderground[] }>();
      for (const r of rows) {
        let m = byMine.get(r.mine_id);
        if (!m) {
          m = { mineId: r.mine_id, snapshotMs: Number(r.snapshot_ms), people: [] };
          byMine.set(r.mine_id, m);
        }
        m.people.push({
          cardCode: r.card_code,
          name: r.name,
          areaCode: r.area_code,
          stationCode: r.station_code,
          enteredMineAtMs: r.entered_mine_ms === null ? null : Number(r.entered_mine_ms),
          isMineLeader: r.is_mine_leader === 1,
        });
      }
      return [...byMine.values()];
    },
  };
}
