import type { ActStamp } from '../audit/record-audit.ts';
import type { GasClass, MineStatus } from '../registry/types.ts';
import { valueList } from '../value-list.ts';

/** What the orders module needs from storage (implemented in src/storage/stores/orders-store.ts). */

export type OrderKind = (typeof ORDER_KINDS)[number];
export const ORDER_KINDS = valueList('stop_work', 'suspend_mine', 'close_mine', 'lift');

export type OrderStatus = 'scheduled' | 'in_force' | 'lifted' | 'superseded';

export interface Order {
  id: string;
  /** The document number, e.g. 示煤安停〔2026〕12号. */
  number: string;
  kind: OrderKind;
  issuerId: string;
  issuerName: string;
  legalBasis: string;
  reason: string;
  /** Region-wide orders (stop_work): the region; otherwise null. */
  regionId: string | null;
  /** Path used for scope checks: the region's, or the common region of the named mines. */
  regionPath: string;
  /** Mine orders: the mines named by the order. */
  mineIds: string[];
  effectiveAt: string;
  /**
   * Stop orders: by when everyone must be out (ISO time, migration 0020). Until then people still
   * underground are leaving; after it, a mine still manned is critical. Null: at once.
   */
  evacuateBy: string | null;
  status: OrderStatus;
  createdAt: string;
  appliedAt: string | null;
  endedAt: string | null;
  /** The public notice of a suspension or closure (YYYY-MM-DD, China Standard Time) and its number or link. */
  noticeDate: string | null;
  noticeRef: string | null;
}

export type OrderMineOutcome = 'affected' | 'unaffected';

export interface OrderMine {
  orderId: string;
  mineId: string;
  mineName: string;
  regionPath: string;
  outcome: OrderMineOutcome;
  /** Status when the order was applied. */
  fromStatus: MineStatus;
  /** Why unaffected (or the status event applied when affected). */
  note: string;
  liftedAt: string | null;
}

export interface OrderFilter {
  regionPath?: string;
  mineId?: string;
  status?: OrderStatus;
}

export type ResumptionStatus = 'pending' | 'approved' | 'rejected';

export interface Resumption extends ActStamp<'applied'> {
  id: string;
  mineId: string;
  mineName: string;
  regionPath: string;
  gasClass: GasClass;
  status: ResumptionStatus;
  decidedAt: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  /** Date of the public notice (YYYY-MM-DD) and its number or link. */
  noticeDate: string | null;
  noticeRef: string | null;
  /**
   * The status an approval returns the mine to: the one it had before its suspension — a mine
   * suspended during construction goes back to construction until its completion acceptance.
   */
  resumesTo: 'producing' | 'construction';
}

export interface SignOff {
  resumptionId: string;
  item: string;
  signerId: string;
  signerName: string;
  signerRole: string;
  signedAt: string;
  note: string;
}

export interface CampaignItem {
  id: string;
  text: string;
  /** YYYY-MM-DD; an item not done by then is overdue. */
  dueOn: string;
}

export interface Campaign extends ActStamp<'created'> {
  id: string;
  name: string;
  regionId: string;
  regionPath: string;
  startsOn: string;
  endsOn: string;
  items: CampaignItem[];
}

export interface CampaignMark {
  campaignId: string;
  mineId: string;
  itemId: string;
  done: boolean;
  byId: string;
  byName: string;
  at: string;
  note: string;
}

export interface OrderStore {
  insertOrder(order: Order): Promise<void>;
  updateOrder(order: Order): Promise<void>;
  getOrder(id: string): Promise<Order | undefined>;
  getOrderByNumber(number: string): Promise<Order | undefined>;
  listOrders(filter: OrderFilter, limit: number): Promise<Order[]>;
  /** Scheduled orders whose effective time is at or before `nowIso`. */
  listDueOrders(nowIso: string): Promise<Order[]>;
  insertOrderMines(rows: readonly OrderMine[]): Promise<void>;
  listOrderMines(orderId: string): Promise<OrderMine[]>;
  /** In-force affected rows of a mine, not lifted yet. */
  listOpenOrderMinesOfMine(mineId: string): Promise<OrderMine[]>;
  liftOrderMine(orderId: string, mineId: string, at: string): Promise<void>;

  insertResumption(r: Resumption): Promise<void>;
  updateResumption(r: Resumption): Promise<void>;
  getResumption(id: string): Promise<Resumption | undefined>;
  pendingResumptionOfMine(mineId: string): Promise<Resumption | undefined>;
  listResumptions(filter: { regionPath?: string; mineId?: string }, limit: number): Promise<Resumption[]>;
  upsertSignOff(s: SignOff): Promise<void>;
  listSignOffs(resumptionId: string): Promise<SignOff[]>;
  /** Distinct minutes with monitoring data of the mine's points in [fromMs, toMs), ascending. */
  dataMinutes(mineId: string, fromMs: number, toMs: number): Promise<number[]>;
  /** When the mine's first monitoring point was defined (connected to the platform), or null. */
  monitoringSince(mineId: string): Promise<number | null>;
  /** Time of the newest raw reading of the mine's points, or null. */
  lastReadingMs(mineId: string): Promise<number | null>;
  /** Time of the latest personnel snapshot of the mine, or null. */
  lastPersonnelSnapshotMs(mineId: string): Promise<number | null>;

  insertCampaign(c: Campaign): Promise<void>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  listCampaigns(regionPath: string): Promise<Campaign[]>;
  upsertMark(m: CampaignMark): Promise<void>;
  listMarks(campaignId: string): Promise<CampaignMark[]>;
}

/** Open hazards of a mine, when the hazards module provides a count. */
export interface OpenHazards {
  countOpen(mineId: string): Promise<number>;
}
