import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { MineFilter, MineRow, MineSort, MineStore } from '../../core/ports.ts';
import type { GasClass, MechanisationLevel, Mine, MineStatus } from '../../core/registry/types.ts';
import type { Database, MinesTable } from '../schema.ts';
import { capacityBandOf } from '../../core/registry/capacity-band.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

type Row = Selectable<MinesTable> & {
  region_name: string;
  region_name_en: string;
  enterprise_name: string | null;
};

const toMineRow = (r: Row): MineRow => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionId: r.region_id,
  enterpriseId: r.enterprise_id,
  approvedCapacityTPerYear: r.approved_capacity_t_per_year,
  gasClass: r.gas_class as GasClass,
  hasGasControlCapability: r.has_gas_control_capability === 1,
  gasControlEvidence: r.gas_control_evidence,
  gasControlCertifiedOn: r.gas_control_certified_on,
  approvedMaxUnderground: r.approved_max_underground,
  operator: r.operator,
  licenceNumber: r.licence_number,
  licenceValidUntil: r.licence_valid_until,
  mechanisation: r.mechanisation as MechanisationLevel,
  latitude: r.latitude,
  longitude: r.longitude,
  status: r.status as MineStatus,
  statusSince: r.status_since,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  licenceSuspension:
    r.licence_suspended_by === null || r.licence_suspended_at === null
      ? null
      : { orderNumber: r.licence_suspended_by, since: r.licence_suspended_at },
  regionName: r.region_name,
  regionNameEn: r.region_name_en,
  regionPath: r.region_path,
  enterpriseName: r.enterprise_name,
});

const toColumns = (m: Mine, regionPath: string): Insertable<MinesTable> => ({
  id: m.id,
  code: m.code,
  name: m.name,
  region_id: m.regionId,
  region_path: regionPath,
  enterprise_id: m.enterpriseId,
  approved_capacity_t_per_year: m.approvedCapacityTPerYear,
  gas_class: m.gasClass,
  has_gas_control_capability: m.hasGasControlCapability ? 1 : 0,
  gas_control_evidence: m.gasControlEvidence,
  gas_control_certified_on: m.gasControlCertifiedOn,
  approved_max_underground: m.approvedMaxUnderground,
  operator: m.operator,
  licence_number: m.licenceNumber,
  licence_valid_until: m.licenceValidUntil,
  mechanisation: m.mechanisation,
  latitude: m.latitude,
  longitude: m.longitude,
  status: m.status,
  status_since: m.statusSince,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

const SORT_COLUMNS = {
  name: 'mines.name',
  code: 'mines.code',
  capacity: 'mines.approved_capacity_t_per_year',
  status: 'mines.status',
  region: 'regions.name',
} as const satisfies Record<MineSort, string>;

type Eb = ExpressionBuilder<Database & { e: Database['enterprises'] }, 'mines' | 'regions' | 'e'>;

function whereFilter(eb: Eb, f: MineFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (f.regionPath !== undefined) parts.push(eb('mines.region_path', 'like', `${escapeLike(f.regionPath)}%`));
  if (f.mineId !== undefined) parts.push(eb('mines.id', '=', f.mineId));
  if (f.mineIds !== undefined) parts.push(eb('mines.id', 'in', mineIdsOrNone(f.mineIds)));
  if (f.status !== undefined) parts.push(eb('mines.status', '=', f.status));
  if (f.gasClass !== undefined) parts.push(eb('mines.gas_class', '=', f.gasClass));
  if (f.capacityMin !== undefined) parts.push(eb('mines.approved_capacity_t_per_year', '>=', f.capacityMin));
  if (f.capacityMax !== undefined) parts.push(eb('mines.approved_capacity_t_per_year', '<=', f.capacityMax));
  if (f.text !== undefined && f.text.trim() !== '') {
    const like = `%${f.text.trim().toLowerCase().replace(/[%_]/g, '')}%`;
    parts.push(
      eb.or([
        eb(eb.fn('lower', ['mines.name']), 'like', like),
        eb('mines.code', 'like', like),
        eb(eb.fn('lower', ['e.name']), 'like', like),
        eb(eb.fn('lower', ['mines.operator']), 'like', like),
        // The mine picker searches by region too (issue 15).
        eb(eb.fn('lower', ['regions.name']), 'like', like),
        eb(eb.fn('lower', ['regions.name_en']), 'like', like),
      ]),
    );
  }
  return eb.and(parts);
}

export function createMineStore(db: Kysely<Database>): MineStore {
  const base = () =>
    db
      .selectFrom('mines')
      .innerJoin('regions', 'regions.id', 'mines.region_id')
      .leftJoin('enterprises as e', 'e.id', 'mines.enterprise_id');
  const selectRow = () =>
    base()
      .selectAll('mines')
      .select([
        'regions.name as region_name',
        'regions.name_en as region_name_en',
        'e.name as enterprise_name',
      ]);

  return {
    async get(id) {
      const r = await selectRow().where('mines.id', '=', id).executeTakeFirst();
      return r && toMineRow(r);
    },
    async getByCode(code) {
      const r = await selectRow().where('mines.code', '=', code).executeTakeFirst();
      return r && toMineRow(r);
    },
    async search(filter, page) {
      const order = page.desc ? 'desc' : 'asc';
      const [rows, total] = await Promise.all([
        selectRow()
          .where((eb) => whereFilter(eb, filter))
          .orderBy(SORT_COLUMNS[page.sort], order)
          .orderBy('mines.code', 'asc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base()
          .where((eb) => whereFilter(eb, filter))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toMineRow), total: Number(total.n) };
    },
    async counts(filter) {
      const rows = await base()
        .where((eb) => whereFilter(eb, filter))
        .select([
          'mines.region_id',
          'mines.region_path',
          'mines.status',
          'mines.gas_class',
          'mines.has_gas_control_capability',
          'mines.approved_capacity_t_per_year',
        ])
        .execute();
      // Aggregated in memory: a province is at most tens of thousands of rows, and the band and
      // county logic stays in one language instead of two SQL dialects.
      const acc = new Map<string, MineCountsRow>();
      for (const r of rows) {
        const countyId = countyOf(r.region_path, r.region_id);
        const band = capacityBandOf(r.approved_capacity_t_per_year);
        const key = `${countyId}|${r.status}|${r.gas_class}|${band}|${r.has_gas_control_capability}`;
        let a = acc.get(key);
        if (!a) {
          a = {
            countyId,
            status: r.status as MineStatus,
            gasClass: r.gas_class as GasClass,
            small: band === 'lt300k',
            band,
            hasGasControlCapability: r.has_gas_control_capability === 1,
            mines: 0,
            capacityTPerYear: 0,
          };
          acc.set(key, a);
        }
        a.mines++;
        a.capacityTPerYear += r.approved_capacity_t_per_year;
      }
      return { rows: [...acc.values()] };
    },
    async insert(mine, regionPath) {
      await db.insertInto('mines').values(toColumns(mine, regionPath)).execute();
    },
    async update(mine, regionPath) {
      const { id, ...rest } = toColumns(mine, regionPath);
      await db.updateTable('mines').set(rest).where('id', '=', id).execute();
    },
    async setLicenceSuspension(mineId, s) {
      await db
        .updateTable('mines')
        .set({ licence_suspended_by: s?.orderNumber ?? null, licence_suspended_at: s?.since ?? null })
        .where('id', '=', mineId)
        .execute();
    },
  };
}

type MineCountsRow = Awaited<ReturnType<MineStore['counts']>>['rows'][number];

/** The county (third level) of a region path "/p/c/k/"; falls back to the mine's own region. */
function countyOf(path: string, regionId: string): string {
  const ids = path.split('/').filter(Boolean);
  return ids[2] ?? regionId;
}
