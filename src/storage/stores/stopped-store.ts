import type { Kysely, Selectable } from 'kysely';
import type {
  AllowanceKind,
  AllowanceState,
  StoppedAllowance,
  WatchSystem,
} from '../../core/monitoring/stopped/stopped-allowances.ts';
import type { StoppedStore } from '../../core/monitoring/stopped/stopped-ports.ts';
import type { Database } from '../schema.ts';
import type { StoppedAllowancesTable } from '../schema/stopped-schema.ts';

const toAllowance = (r: Selectable<StoppedAllowancesTable>): StoppedAllowance => ({
  id: r.id,
  kind: r.kind as AllowanceKind,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  state: r.state as AllowanceState,
  crewSize: Number(r.crew_size),
  roles: JSON.parse(r.roles_json) as string[],
  areaCodes: JSON.parse(r.area_codes_json) as string[],
  systems: JSON.parse(r.systems_json) as WatchSystem[],
  fromAt: r.from_at,
  toAt: r.to_at,
  supervisor: r.supervisor,
  note: r.note,
  declaredAt: r.declared_at,
  declaredById: r.declared_by_id,
  declaredByName: r.declared_by_name,
  decidedAt: r.decided_at,
  decidedById: r.decided_by_id,
  decidedByName: r.decided_by_name,
  decisionReason: r.decision_reason,
});

const columns = (a: StoppedAllowance): StoppedAllowancesTable => ({
  id: a.id,
  kind: a.kind,
  mine_id: a.mineId,
  mine_name: a.mineName,
  region_path: a.regionPath,
  state: a.state,
  crew_size: a.crewSize,
  roles_json: JSON.stringify(a.roles),
  area_codes_json: JSON.stringify(a.areaCodes),
  systems_json: JSON.stringify(a.systems),
  from_at: a.fromAt,
  to_at: a.toAt,
  supervisor: a.supervisor,
  note: a.note,
  declared_at: a.declaredAt,
  declared_by_id: a.declaredById,
  declared_by_name: a.declaredByName,
  decided_at: a.decidedAt,
  decided_by_id: a.decidedById,
  decided_by_name: a.decidedByName,
  decision_reason: a.decisionReason,
});

export function createStoppedStore(db: Kysely<Database>): StoppedStore {
  return {
    async insertAllowance(a) {
      await db.insertInto('stopped_allowances').values(columns(a)).execute();
    },
    async updateAllowance(a) {
      const { id, ...rest } = columns(a);
      await db.updateTable('stopped_allowances').set(rest).where('id', '=', id).execute();
    },
    async getAllowance(id) {
      const r = await db.selectFrom('stopped_allowances').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toAllowance(r) : undefined;
    },
    async listAllowancesOfMine(mineId) {
      const rows = await db
        .selectFrom('stopped_allowances')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('declared_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toAllowance);
    },
    async listApproved(mineId) {
      let q = db.selectFrom('stopped_allowances').selectAll().where('state', '=', 'approved');
      if (mineId !== undefined) q = q.where('mine_id', '=', mineId);
      return (await q.orderBy('id').execute()).map(toAllowance);
    },
    async listEvacuations(mineId) {
      let q = db
        .selectFrom('order_mines as om')
        .innerJoin('orders as o', 'o.id', 'om.order_id')
        .select([
          'o.id as orderId',
          'om.mine_id as mineId',
          'o.effective_at as effectiveAt',
          'o.evacuate_by as evacuateBy',
        ])
        .where('o.status', '=', 'in_force')
        .where('om.outcome', '=', 'affected')
        .where('om.lifted_at', 'is', null)
        .where('o.evacuate_by', 'is not', null);
      if (mineId !== undefined) q = q.where('om.mine_id', '=', mineId);
      const rows = await q.orderBy('o.id').execute();
      return rows.map((r) => ({ ...r, evacuateBy: r.evacuateBy! }));
    },
  };
}
