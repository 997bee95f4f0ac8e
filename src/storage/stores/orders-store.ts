import { sql, type Kysely } from 'kysely';
import { minutesWithData, newestOf } from '../telemetry/block-reads.ts';
import type * as OrderTypes from '../../core/orders/orders-ports.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, json, type Conversion } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { escapeLike } from './region-store.ts';

const orderCodec = defineCodec<OrderTypes.Order, Database['orders']>()({
  ...asIs('id number kind issuerId issuerName legalBasis reason regionId regionPath'),
  mineIds: ['mine_ids_json', json<string[]>()],
  ...asIs('effectiveAt evacuateBy status createdAt appliedAt endedAt noticeDate noticeRef'),
});

const orderMineCodec = defineCodec<OrderTypes.OrderMine, Database['order_mines']>()({
  ...asIs('orderId mineId mineName regionPath outcome fromStatus note liftedAt'),
});

/** Rows from before the column had a value resume to producing. */
const resumesTo: Conversion<OrderTypes.Resumption['resumesTo'], string> = {
  decode: (c) => (c === 'construction' ? 'construction' : 'producing'),
  encode: (f) => f,
};

const resumptionCodec = defineCodec<OrderTypes.Resumption, Database['resumptions']>()({
  ...asIs(
    'id mineId mineName regionPath gasClass appliedAt appliedById appliedByName status decidedAt decidedById decidedByName decisionReason noticeDate noticeRef',
  ),
  resumesTo: ['resumes_to', resumesTo],
});

const signOffCodec = defineCodec<OrderTypes.SignOff, Database['resumption_sign_offs']>()({
  ...asIs('resumptionId item signerId signerName signerRole signedAt note'),
});

const campaignCodec = defineCodec<OrderTypes.Campaign, Database['campaigns']>()({
  ...asIs('id name regionId regionPath startsOn endsOn'),
  items: ['items_json', json<OrderTypes.CampaignItem[]>()],
  ...asIs('createdById createdByName createdAt'),
});

const markCodec = defineCodec<OrderTypes.CampaignMark, Database['campaign_marks']>()({
  ...asIs('campaignId mineId itemId'),
  done: ['done', bool],
  ...asIs('byId byName at note'),
});

const PERSONNEL_FILE_TYPES = ['RYQY', 'RYJZ', 'JZSS', 'RYXX', 'RYSS'];

export function createOrderStore(db: Kysely<Database>): OrderTypes.OrderStore {
  const orders = recordTable(db, 'orders', orderCodec);
  const orderMines = recordTable(db, 'order_mines', orderMineCodec);
  const resumptions = recordTable(db, 'resumptions', resumptionCodec);
  const signOffs = recordTable(db, 'resumption_sign_offs', signOffCodec, ['resumption_id', 'item']);
  const campaigns = recordTable(db, 'campaigns', campaignCodec);
  const marks = recordTable(db, 'campaign_marks', markCodec, ['campaign_id', 'mine_id', 'item_id']);
  return {
    insertOrder: orders.insert,
    updateOrder: orders.update,
    getOrder: orders.get,
    getOrderByNumber: (number) => orders.find({ number }),
    async listOrders(filter, limit) {
      let q = db.selectFrom('orders').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.regionPath) q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      const rows = await q.orderBy('effective_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      const found = rows.map(orderCodec.decode);
      return filter.mineId ? found.filter((o) => o.mineIds.includes(filter.mineId ?? '')) : found;
    },
    async listDueOrders(nowIso) {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('status', '=', 'scheduled')
        .where('effective_at', '<=', nowIso)
        .orderBy('effective_at')
        .execute();
      return rows.map(orderCodec.decode);
    },
    insertOrderMines: (rows) => orderMines.insertMany(rows),
    listOrderMines: (orderId) => orderMines.list({ order_id: orderId }, ['region_path', 'mine_name']),
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
      return rows.map(orderMineCodec.decode);
    },
    async liftOrderMine(orderId, mineId, at) {
      await db
        .updateTable('order_mines')
        .set({ lifted_at: at })
        .where('order_id', '=', orderId)
        .where('mine_id', '=', mineId)
        .execute();
    },

    insertResumption: resumptions.insert,
    updateResumption: resumptions.update,
    getResumption: resumptions.get,
    pendingResumptionOfMine: (mineId) => resumptions.find({ mine_id: mineId, status: 'pending' }),
    async listResumptions(filter, limit) {
      let q = db.selectFrom('resumptions').selectAll();
      if (filter.mineId) q = q.where('mine_id', '=', filter.mineId);
      if (filter.regionPath) q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      const rows = await q.orderBy('applied_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(resumptionCodec.decode);
    },
    upsertSignOff: (s) => signOffs.upsert(s),
    listSignOffs: (resumptionId) => signOffs.list({ resumption_id: resumptionId }, []),
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

    insertCampaign: campaigns.insert,
    getCampaign: campaigns.get,
    async listCampaigns(regionPath) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .orderBy('starts_on', 'desc')
        .execute();
      return rows.map(campaignCodec.decode);
    },
    upsertMark: (m) => marks.upsert(m),
    listMarks: (campaignId) => marks.list({ campaign_id: campaignId }, []),
  };
}
