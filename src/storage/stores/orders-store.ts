import { sql, type Kysely, type Selectable } from 'kysely';
import { minutesWithData, newestOf } from '../telemetry/block-reads.ts';
import type {
  Campaign,
  CampaignItem,
  CampaignMark,
  Order,
  OrderKind,
  OrderMine,
  OrderStatus,
  OrderStore,
  Resumption,
  ResumptionStatus,
  SignOff,
} from '../../core/orders/orders-ports.ts';
import type { GasClass, MineStatus } from '../../core/registry/types.ts';
import type { Database } from '../schema.ts';
import type { OrdersTable, ResumptionsTable } from '../schema/orders-schema.ts';
import { escapeLike } from './region-store.ts';

const toOrder = (r: Selectable<OrdersTable>): Order => ({
  id: r.id,
  number: r.number,
  kind: r.kind as OrderKind,
  issuerId: r.issuer_id,
  issuerName: r.issuer_name,
  legalBasis: r.legal_basis,
  reason: r.reason,
  regionId: r.region_id,
  regionPath: r.region_path,
  mineIds: JSON.parse(r.mine_ids_json) as string[],
  effectiveAt: r.effective_at,
  evacuateBy: r.evacuate_by,
  status: r.status as OrderStatus,
  createdAt: r.created_at,
  appliedAt: r.applied_at,
  endedAt: r.ended_at,
  noticeDate: r.notice_date,
  noticeRef: r.notice_ref,
});

const orderColumns = (o: Order): OrdersTable => ({
  id: o.id,
  number: o.number,
  kind: o.kind,
  issuer_id: o.issuerId,
  issuer_name: o.issuerName,
  legal_basis: o.legalBasis,
  reason: o.reason,
  region_id: o.regionId,
  region_path: o.regionPath,
  mine_ids_json: JSON.stringify(o.mineIds),
  effective_at: o.effectiveAt,
  evacuate_by: o.evacuateBy,
  status: o.status,
  created_at: o.createdAt,
  applied_at: o.appliedAt,
  ended_at: o.endedAt,
  notice_date: o.noticeDate,
  notice_ref: o.noticeRef,
});

const toResumption = (r: Selectable<ResumptionsTable>): Resumption => ({
  id: r.id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  gasClass: r.gas_class as GasClass,
  appliedAt: r.applied_at,
  appliedById: r.applied_by_id,
  appliedByName: r.applied_by_name,
  status: r.status as ResumptionStatus,
  decidedAt: r.decided_at,
  decidedById: r.decided_by_id,
  decidedByName: r.decided_by_name,
  decisionReason: r.decision_reason,
  noticeDate: r.notice_date,
  noticeRef: r.notice_ref,
  resumesTo: r.resumes_to === 'construction' ? 'construction' : 'producing',
});

const resumptionColumns = (r: Resumption): ResumptionsTable => ({
  id: r.id,
  mine_id: r.mineId,
  mine_name: r.mineName,
  region_path: r.regionPath,
  gas_class: r.gasClass,
  applied_at: r.appliedAt,
  applied_by_id: r.appliedById,
  applied_by_name: r.appliedByName,
  status: r.status,
  decided_at: r.decidedAt,
  decided_by_id: r.decidedById,
  decided_by_name: r.decidedByName,
  decision_reason: r.decisionReason,
  notice_date: r.noticeDate,
  notice_ref: r.noticeRef,
  resumes_to: r.resumesTo,
});

const PERSONNEL_FILE_TYPES = ['RYQY', 'RYJZ', 'JZSS', 'RYXX', 'RYSS'];

export function createOrderStore(db: Kysely<Database>): OrderStore {
  return {
    async insertOrder(o) {
      await db.insertInto('orders').values(orderColumns(o)).execute();
    },
    async updateOrder(o) {
      const { id, ...rest } = orderColumns(o);
      await db.updateTable('orders').set(rest).where('id', '=', id).execute();
    },
    async getOrder(id) {
      const r = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toOrder(r) : undefined;
    },
    async getOrderByNumber(number) {
      const r = await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
      return r ? toOrder(r) : undefined;
    },
    async listOrders(filter, limit) {
      let q = db.selectFrom('orders').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.regionPath) q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      const rows = await q.orderBy('effective_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      const orders = rows.map(toOrder);
      return filter.mineId ? orders.filter((o) => o.mineIds.includes(filter.mineId ?? '')) : orders;
    },
    async listDueOrders(nowIso) {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('status', '=', 'scheduled')
        .where('effective_at', '<=', nowIso)
        .orderBy('effective_at')
        .execute();
      return rows.map(toOrder);
    },
    async insertOrderMines(rows) {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map((r) => ({
          order_id: r.orderId,
          mine_id: r.mineId,
          mine_name: r.mineName,
          region_path: r.regionPath,
          outcome: r.outcome,
          from_status: r.fromStatus,
          note: r.note,
          lifted_at: r.liftedAt,
        }));
        if (chunk.length > 0) await db.insertInto('order_mines').values(chunk).execute();
      }
    },
    async listOrderMines(orderId) {
      const rows = await db
        .selectFrom('order_mines')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('region_path')
        .orderBy('mine_name')
        .execute();
      return rows.map((r): OrderMine => ({
        orderId: r.order_id,
        mineId: r.mine_id,
        mineName: r.mine_name,
        regionPath: r.region_path,
        outcome: r.outcome as OrderMine['outcome'],
        fromStatus: r.from_status as MineStatus,
        note: r.note,
        liftedAt: r.lifted_at,
      }));
    },
    async listOpenOrderMinesOfMine(mineId) {
      const rows = await db
        .selectFrom('order_mines')
        .innerJoin('orders', 'orders.id', 'order_mines.order_id')
        .selectAll('order_mines')
        .where('order_mines.mine_id', '=', mineId)
        .where('order_mines.outcome', '=', 'affected')
        .where('order_mines.lifted_at', 'is', null)
        .where('orders.status', '=', 'in_force')
        .execute();
      return rows.map((r) => ({
        orderId: r.order_id,
        mineId: r.mine_id,
        mineName: r.mine_name,
        regionPath: r.region_path,
        outcome: r.outcome as OrderMine['outcome'],
        fromStatus: r.from_status as MineStatus,
        note: r.note,
        liftedAt: r.lifted_at,
      }));
    },
    async liftOrderMine(orderId, mineId, at) {
      await db
        .updateTable('order_mines')
        .set({ lifted_at: at })
        .where('order_id', '=', orderId)
        .where('mine_id', '=', mineId)
        .execute();
    },

    async insertResumption(r) {
      await db.insertInto('resumptions').values(resumptionColumns(r)).execute();
    },
    async updateResumption(r) {
      const { id, ...rest } = resumptionColumns(r);
      await db.updateTable('resumptions').set(rest).where('id', '=', id).execute();
    },
    async getResumption(id) {
      const r = await db.selectFrom('resumptions').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toResumption(r) : undefined;
    },
    async pendingResumptionOfMine(mineId) {
      const r = await db
        .selectFrom('resumptions')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return r ? toResumption(r) : undefined;
    },
    async listResumptions(filter, limit) {
      let q = db.selectFrom('resumptions').selectAll();
      if (filter.mineId) q = q.where('mine_id', '=', filter.mineId);
      if (filter.regionPath) q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      const rows = await q.orderBy('applied_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toResumption);
    },
    async upsertSignOff(s) {
      const values = {
        resumption_id: s.resumptionId,
        item: s.item,
        signer_id: s.signerId,
        signer_name: s.signerName,
        signer_role: s.signerRole,
        signed_at: s.signedAt,
        note: s.note,
      };
      const { resumption_id: _r, item: _i, ...rest } = values;
      await db
        .insertInto('resumption_sign_offs')
        .values(values)
        .onConflict((oc) => oc.columns(['resumption_id', 'item']).doUpdateSet(rest))
        .execute();
    },
    async listSignOffs(resumptionId) {
      const rows = await db
        .selectFrom('resumption_sign_offs')
        .selectAll()
        .where('resumption_id', '=', resumptionId)
        .execute();
      return rows.map((r): SignOff => ({
        resumptionId: r.resumption_id,
        item: r.item,
        signerId: r.signer_id,
        signerName: r.signer_name,
        signerRole: r.signer_role,
        signedAt: r.signed_at,
        note: r.note,
      }));
    },
    async dataMinutes(mineId, fromMs, toMs) {
      const points = await db
        .selectFrom('monitoring_points')
        .select('id')
        .where('mine_id', '=', mineId)
        .execute();
      return minutesWithData(
        db,
        points.map((p) => p.id),
        fromMs,
        toMs,
      );
    },
    async monitoringSince(mineId) {
      const r = await db
        .selectFrom('monitoring_points')
        .select(sql<string | number | null>`min(defined_at)`.as('m'))
        .where('mine_id', '=', mineId)
        .executeTakeFirst();
      return r?.m === null || r?.m === undefined ? null : Number(r.m);
    },
    async lastReadingMs(mineId) {
      // Each point's newest reading (head or newest block), then the newest of those.
      const points = await db
        .selectFrom('monitoring_points')
        .select('id')
        .where('mine_id', '=', mineId)
        .execute();
      const newest = await newestOf(
        db,
        points.map((p) => p.id),
      );
      return newest.length === 0 ? null : Math.max(...newest.map((r) => r.tsMs));
    },
    async lastPersonnelSnapshotMs(mineId) {
      const [people, files, snapshots] = await Promise.all([
        db
          .selectFrom('people_underground')
          .select(sql<string | number | null>`max(snapshot_ms)`.as('m'))
          .where('mine_id', '=', mineId)
          .executeTakeFirst(),
        db
          .selectFrom('ingest_files')
          .innerJoin('mines', 'mines.code', 'ingest_files.mine_code')
          .select(sql<string | number | null>`max(ingest_files.received_ms)`.as('m'))
          .where('mines.id', '=', mineId)
          .where('ingest_files.file_type', 'in', PERSONNEL_FILE_TYPES)
          .executeTakeFirst(),
        db
          .selectFrom('personnel_snapshots')
          .select('snapshot_ms as m')
          .where('mine_id', '=', mineId)
          .executeTakeFirst(),
      ]);
      const vals = [people?.m, files?.m, snapshots?.m]
        .filter((v) => v !== null && v !== undefined)
        .map(Number);
      return vals.length > 0 ? Math.max(...vals) : null;
    },

    async insertCampaign(c) {
      await db
        .insertInto('campaigns')
        .values({
          id: c.id,
          name: c.name,
          region_id: c.regionId,
          region_path: c.regionPath,
          starts_on: c.startsOn,
          ends_on: c.endsOn,
          items_json: JSON.stringify(c.items),
          created_by_id: c.createdById,
          created_by_name: c.createdByName,
          created_at: c.createdAt,
        })
        .execute();
    },
    async getCampaign(id) {
      const r = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCampaign(r) : undefined;
    },
    async listCampaigns(regionPath) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .orderBy('starts_on', 'desc')
        .execute();
      return rows.map(toCampaign);
    },
    async upsertMark(m) {
      const values = {
        campaign_id: m.campaignId,
        mine_id: m.mineId,
        item_id: m.itemId,
        done: m.done ? 1 : 0,
        by_id: m.byId,
        by_name: m.byName,
        at: m.at,
        note: m.note,
      };
      const { campaign_id: _c, mine_id: _m, item_id: _i, ...rest } = values;
      await db
        .insertInto('campaign_marks')
        .values(values)
        .onConflict((oc) => oc.columns(['campaign_id', 'mine_id', 'item_id']).doUpdateSet(rest))
        .execute();
    },
    async listMarks(campaignId) {
      const rows = await db
        .selectFrom('campaign_marks')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .execute();
      return rows.map((r): CampaignMark => ({
        campaignId: r.campaign_id,
        mineId: r.mine_id,
        itemId: r.item_id,
        done: r.done === 1,
        byId: r.by_id,
        byName: r.by_name,
        at: r.at,
        note: r.note,
      }));
    },
  };
}

function toCampaign(r: Selectable<Database['campaigns']>): Campaign {
  return {
    id: r.id,
    name: r.name,
    regionId: r.region_id,
    regionPath: r.region_path,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    items: JSON.parse(r.items_json) as CampaignItem[],
    createdById: r.created_by_id,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}
