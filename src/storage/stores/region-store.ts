import type { Kysely, Selectable } from 'kysely';
import type { EnterpriseStore, RegionStore } from '../../core/ports.ts';
import type { Enterprise, Region, RegionLevel } from '../../core/registry/types.ts';
import type { Database, EnterprisesTable, RegionsTable } from '../schema.ts';

const toRegion = (r: Selectable<RegionsTable>): Region => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  level: r.level as RegionLevel,
  parentId: r.parent_id,
  path: r.path,
});

export function createRegionStore(db: Kysely<Database>): RegionStore {
  return {
    async list() {
      const rows = await db.selectFrom('regions').selectAll().orderBy('path').execute();
      return rows.map(toRegion);
    },
    async get(id) {
      const r = await db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRegion(r);
    },
    async listUnder(path) {
      const rows = await db
        .selectFrom('regions')
        .selectAll()
        .where('path', 'like', `${escapeLike(path)}%`)
        .orderBy('path')
        .execute();
      return rows.map(toRegion);
    },
    async insert(region) {
      await db
        .insertInto('regions')
        .values({
          id: region.id,
          name: region.name,
          name_en: region.nameEn,
          level: region.level,
          parent_id: region.parentId,
          path: region.path,
        })
        .execute();
    },
  };
}

const toEnterprise = (r: Selectable<EnterprisesTable>): Enterprise => ({
  id: r.id,
  name: r.name,
  creditCode: r.credit_code,
  parentId: r.parent_id,
});

export function createEnterpriseStore(db: Kysely<Database>): EnterpriseStore {
  return {
    async get(id) {
      const r = await db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toEnterprise(r);
    },
    async findByName(name) {
      const r = await db.selectFrom('enterprises').selectAll().where('name', '=', name).executeTakeFirst();
      return r && toEnterprise(r);
    },
    async insert(e) {
      await db
        .insertInto('enterprises')
        .values({ id: e.id, name: e.name, credit_code: e.creditCode, parent_id: e.parentId })
        .execute();
    },
  };
}

/** Region paths are digits and slashes, but escape LIKE wildcards anyway (no ESCAPE clause needed for these). */
export function escapeLike(s: string): string {
  return s.replace(/[%_]/g, '');
}
