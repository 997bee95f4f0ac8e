import type { Kysely } from 'kysely';
import type { EnterpriseStore, RegionStore } from '../../core/ports.ts';
import type { Enterprise, Region } from '../../core/registry/types.ts';
import { asIs, defineCodec } from '../row-codec.ts';
import type { Database } from '../schema.ts';
import { recordTable } from './record-table.ts';

const regionCodec = defineCodec<Region, Database['regions']>()({
  ...asIs('id name nameEn level parentId path'),
});

export function createRegionStore(db: Kysely<Database>): RegionStore {
  const regions = recordTable(db, 'regions', regionCodec);
  return {
    list: () => regions.list({}, ['path']),
    get: regions.get,
    listUnder: (path) => regions.list({ path: { under: path } }, ['path']),
    insert: regions.insert,
  };
}

const enterpriseCodec = defineCodec<Enterprise, Database['enterprises']>()({
  ...asIs('id name creditCode parentId'),
});

export function createEnterpriseStore(db: Kysely<Database>): EnterpriseStore {
  const enterprises = recordTable(db, 'enterprises', enterpriseCodec);
  return {
    get: enterprises.get,
    findByName: (name) => enterprises.find({ name }),
    insert: enterprises.insert,
  };
}

/** Region paths are digits and slashes, but escape LIKE wildcards anyway (no ESCAPE clause needed for these). */
export function escapeLike(s: string): string {
  return s.replace(/[%_]/g, '');
}
