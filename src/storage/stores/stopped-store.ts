import type { Kysely } from 'kysely';
import type { StoppedAllowance, WatchSystem } from '../../core/monitoring/stopped/stopped-allowances.ts';
import type { StoppedStore } from '../../core/monitoring/stopped/stopped-ports.ts';
import type { Database } from '../schema.ts';
import { asIs, defineCodec, json, num } from '../row-codec.ts';
import { recordTable } from './record-table.ts';

const allowanceCodec = defineCodec<StoppedAllowance, Database['stopped_allowances']>()({
  ...asIs('id kind mineId mineName regionPath state'),
  crewSize: ['crew_size', num],
  roles: ['roles_json', json<string[]>()],
  areaCodes: ['area_codes_json', json<string[]>()],
  systems: ['systems_json', json<WatchSystem[]>()],
  ...asIs(
    'fromAt toAt supervisor note declaredAt declaredById declaredByName decidedAt decidedById decidedByName decisionReason',
  ),
});

export function createStoppedStore(db: Kysely<Database>): StoppedStore {
  const allowances = recordTable(db, 'stopped_allowances', allowanceCodec);
  return {
    insertAllowance: allowances.insert,
    updateAllowance: allowances.update,
    getAllowance: allowances.get,
    listAllowancesOfMine: (mineId) =>
      allowances.list({ mine_id: mineId }, [
        ['declared_at', 'desc'],
        ['id', 'desc'],
      ]),
    listApproved: (mineId) =>
      allowances.list(mineId === undefined ? { state: 'approved' } : { state: 'approved', mine_id: mineId }, [
        'id',
      ]),
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
