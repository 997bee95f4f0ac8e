import { principalFor, publicUser } from '../access/authentication.ts';
import { isInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited, recordAudit } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound, refuseIssues } from '../errors.ts';
import type { MineRow, Ports, Stores, TxStores } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { changeMineStatus, type StatusChangeStores } from '../registry/mine-use-cases.ts';
import { commonPath, isOrderVisible, mineScopePath, requireRegionInScope } from './order-access.ts';
import { suspendLicence } from './licence-effects.ts';
import { chinaDateOf } from '../china-time.ts';
import {
  judgeMineForOrder,
  orderKindRule,
  orderNoticeDeadline,
  transitionOrder,
  type NoticeDeadline,
} from './order-rules.ts';
import { ORDER_KINDS, type Order, type OrderKind, type OrderMine, type OrderStatus } from './orders-ports.ts';
import { writeMadeFromAlarm } from '../monitoring/alarm-links.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'regions' | 'orders'>;

export interface IssueOrderInput {
  number: string;
  kind: OrderKind;
  legalBasis: string;
  reason: string;
  regionId?: string | null;
  mineIds?: string[];
  /** ISO time; absent = now. */
  effectiveAt?: string | null;
  /** Stop orders: minutes after the effective time by which everyone must be out; absent = at once. */
  evacuateWithinMinutes?: number | null;
  /** The alarm the order is issued from (the console's one click); the link is stored and audited. */
  alarmId?: string | null;
}

export interface MinePreview {
  mineId: string;
  mineName: string;
  regionPath: string;
  status: string;
  outcome: 'affected' | 'unaffected';
  note: string;
}

/** Platform policy, not regulation: the longest evacuation time an order may give (one day). */
export const MAX_EVACUATION_MINUTES = 1440;

function validate(input: IssueOrderInput, now: string): { effectiveAt: string; evacuateBy: string | null } {
  const bad: string[] = [];
  if (!ORDER_KINDS.includes(input.kind)) bad.push(`kind must be one of ${ORDER_KINDS.join(', ')}`);
  if (input.number.trim().length < 2) bad.push('number is required');
  if (input.legalBasis.trim().length < 2) bad.push('legalBasis is required');
  if (input.reason.trim().length < 2) bad.push('reason is required');
  const effectiveAt = input.effectiveAt ?? now;
  if (Number.isNaN(Date.parse(effectiveAt))) bad.push('effectiveAt must be an ISO time');
  if (bad.length === 0) {
    const rule = orderKindRule(input.kind);
    if (rule.target === 'region' && !input.regionId) bad.push(`a ${input.kind} order needs regionId`);
    if (rule.target === 'mines' && (input.mineIds ?? []).length === 0)
      bad.push(`a ${input.kind} order needs mineIds`);
    if (input.kind === 'lift' && Date.parse(effectiveAt) > Date.parse(now))
      bad.push('a lift order cannot be scheduled');
  }
  const minutes = input.evacuateWithinMinutes ?? null;
  if (minutes !== null) {
    if (input.kind === 'lift') bad.push('a lift order has no evacuation deadline');
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_EVACUATION_MINUTES)
      bad.push(`evacuateWithinMinutes must be a whole number from 0 to ${MAX_EVACUATION_MINUTES}`);
  }
  refuseIssues('ORDER_INVALID', 'The order', bad);
  const effectiveMs = Date.parse(effectiveAt);
  return {
    effectiveAt: new Date(effectiveMs).toISOString(),
    evacuateBy: minutes === null ? null : new Date(effectiveMs + minutes * 60_000).toISOString(),
  };
}

/** The mines an order targets, checked against the issuer's scope. */
async function targetMines(
  stores: Pick<Stores, 'mines' | 'regions'>,
  p: Principal,
  kind: OrderKind,
  regionId: string | null | undefined,
  mineIds: readonly string[],
): Promise<{ regionPath: string; regionId: string | null; mines: MineRow[] }> {
  if (orderKindRule(kind).target === 'region') {
    const region = await requireRegionInScope(stores, p, regionId ?? '');
    const { items } = await stores.mines.search(
      { regionPath: region.path },
      { offset: 0, limit: 100_000, sort: 'code', desc: false },
    );
    return { regionPath: region.path, regionId: region.id, mines: items };
  }
  const mines: MineRow[] = [];
  for (const id of new Set(mineIds)) mines.push(await requireMineInScope(stores, p, id));
  return { regionPath: commonPath(mines.map((m) => m.regionPath)), regionId: null, mines };
}

function preview(kind: OrderKind, mines: readonly MineRow[]): MinePreview[] {
  return mines.map((m) => {
    const j = judgeMineForOrder(kind, m.status);
    return {
      mineId: m.id,
      mineName: m.name,
      regionPath: m.regionPath,
      status: m.status,
      outcome: j.affected ? 'affected' : 'unaffected',
      note: j.affected ? j.event : j.why,
    };
  });
}

/** What an order would do now, without doing it: the affected-mines preview of the issue form. */
export async function previewOrder(deps: Deps, p: Principal, input: IssueOrderInput): Promise<MinePreview[]> {
  requirePermission(p, 'order.issue');
  validate(input, deps.clock.nowIso());
  const t = await targetMines(deps, p, input.kind, input.regionId, input.mineIds ?? []);
  return preview(input.kind, t.mines);
}

/**
 * Applies an order to its mines inside `tx`: one `changeMineStatus` (with its audit entry) per affected
 * mine; the others are recorded as unaffected with the reason. A closure supersedes stop orders.
 */
async function applyToMines(
  deps: Deps,
  tx: TxStores<StatusChangeStores | 'orders'>,
  p: Principal,
  order: Order,
  mines: readonly MineRow[],
  now: string,
): Promise<OrderMine[]> {
  const rows: OrderMine[] = [];
  for (const m of mines) {
    const j = judgeMineForOrder(order.kind, m.status);
    if (j.affected) {
      await changeMineStatus(
        deps,
        p,
        m.id,
        { event: j.event, reason: `${order.number}: ${order.reason}`, basis: order.number },
        tx,
      );
      if (order.kind === 'close_mine') await settleOrdersOfMine(tx, p, m.id, 'supersede', now);
      if (orderKindRule(order.kind).suspendsLicence) await suspendLicence(tx, p, m, order.number, now);
    }
    rows.push({
      orderId: order.id,
      mineId: m.id,
      mineName: m.name,
      regionPath: m.regionPath,
      outcome: j.affected ? 'affected' : 'unaffected',
      fromStatus: m.status,
      note: j.affected ? j.event : j.why,
      liftedAt: null,
    });
  }
  await tx.orders.insertOrderMines(rows);
  return rows;
}

/**
 * Marks a mine's open stop orders lifted (after an approved resumption) or superseded (after a closure
 * order); an order whose every affected mine is settled changes status, audited.
 */
export async function settleOrdersOfMine(
  tx: Pick<Stores, 'orders' | 'audit'>,
  p: Principal,
  mineId: string,
  how: 'lift' | 'supersede',
  now: string,
): Promise<void> {
  for (const row of await tx.orders.listOpenOrderMinesOfMine(mineId)) {
    await tx.orders.liftOrderMine(row.orderId, mineId, now);
    const rest = (await tx.orders.listOrderMines(row.orderId)).filter(
      (r) => r.outcome === 'affected' && r.liftedAt === null,
    );
    const order = await tx.orders.getOrder(row.orderId);
    if (!order || rest.length > 0 || order.status !== 'in_force') continue;
    const t = transitionOrder(order.status, how, now);
    await tx.orders.updateOrder({ ...order, status: t.state, endedAt: now });
    await recordAudit(tx, p, now, {
      action: `order.${how}`,
      targetType: 'order',
      targetId: order.id,
      before: { status: order.status },
      after: { status: t.state, lastMine: mineId },
    });
  }
}

export interface IssueOrderResult {
  order: Order;
  mines: OrderMine[];
  affectedMineIds: string[];
}

/** Issues an order; in force at once when its effective time has come, else scheduled. One transaction. */
export async function issueOrder(
  deps: Deps,
  p: Principal,
  input: IssueOrderInput,
): Promise<IssueOrderResult> {
  requirePermission(p, 'order.issue');
  const now = deps.clock.nowIso();
  const { effectiveAt, evacuateBy } = validate(input, now);
  return deps.transaction(
    ['mines', 'regions', 'statusChanges', 'monitoring', 'orders', 'audit'],
    async (tx) => {
      const t = await targetMines(tx, p, input.kind, input.regionId, input.mineIds ?? []);
      if (input.kind === 'lift') {
        const bad = t.mines.filter((m) => m.status !== 'suspended' && m.status !== 'resumption_review');
        if (bad.length > 0)
          throw invalidInput(
            'ORDER_LIFT_MINE_NOT_SUSPENDED',
            `Not under a stop order: ${bad.map((m) => m.name).join(', ')}.`,
          );
      }
      if (await tx.orders.getOrderByNumber(input.number.trim()))
        throw conflict('ORDER_NUMBER_TAKEN', `An order numbered ${input.number.trim()} exists already.`);
      const scheduled = Date.parse(effectiveAt) > Date.parse(now);
      const order: Order = {
        id: deps.ids.next('ord'),
        number: input.number.trim(),
        kind: input.kind,
        issuerId: p.userId,
        issuerName: p.displayName,
        legalBasis: input.legalBasis.trim(),
        reason: input.reason.trim(),
        regionId: t.regionId,
        regionPath: t.regionPath,
        mineIds: t.regionId === null ? t.mines.map((m) => m.id) : [],
        effectiveAt,
        evacuateBy,
        status: scheduled ? 'scheduled' : 'in_force',
        createdAt: now,
        appliedAt: scheduled ? null : now,
        endedAt: null,
        noticeDate: null,
        noticeRef: null,
      };
      await writeMadeFromAlarm(tx, p, now, order, (r) => tx.orders.insertOrder(r), {
        kind: 'order',
        action: 'order.issue',
        alarmId: input.alarmId,
        title: order.number,
        mineIds: t.mines.map((m) => m.id),
      });
      const mines = scheduled ? [] : await applyToMines(deps, tx, p, order, t.mines, now);
      return {
        order,
        mines,
        affectedMineIds: mines.filter((m) => m.outcome === 'affected').map((m) => m.mineId),
      };
    },
  );
}

/**
 * Brings scheduled orders whose time has come into force, each in its own transaction, acting as the
 * issuer (whose scope still bounds what the order may touch). Returns the mines whose status changed.
 */
export async function applyDueOrders(deps: Deps & Pick<Ports, 'users' | 'supervision'>): Promise<{
  applied: string[];
  affectedMineIds: string[];
  failed: Array<{ orderId: string; code: string }>;
}> {
  const now = deps.clock.nowIso();
  const out = {
    applied: [] as string[],
    affectedMineIds: [] as string[],
    failed: [] as Array<{ orderId: string; code: string }>,
  };
  for (const due of await deps.orders.listDueOrders(now)) {
    try {
      const user = await deps.users.get(due.issuerId);
      if (!user) throw notFound('ORDER_ISSUER_MISSING', `The issuer of ${due.number} no longer exists.`);
      const p = await principalFor(deps, publicUser(user), 'session');
      const rows = await deps.transaction(
        ['mines', 'regions', 'statusChanges', 'orders', 'audit'],
        async (tx) => {
          const order = await tx.orders.getOrder(due.id);
          if (!order || order.status !== 'scheduled') return [];
          const t = transitionOrder(order.status, 'take_effect', now);
          const next: Order = { ...order, status: t.state, appliedAt: now };
          await writeAudited(tx, p, now, next, (r) => tx.orders.updateOrder(r), {
            action: 'order.take_effect',
            targetType: 'order',
            targetId: order.id,
            before: { status: order.status },
            after: { status: next.status, appliedAt: now },
          });
          const target = await targetMines(tx, p, order.kind, order.regionId, order.mineIds);
          return applyToMines(deps, tx, p, next, target.mines, now);
        },
      );
      out.applied.push(due.id);
      out.affectedMineIds.push(...rows.filter((r) => r.outcome === 'affected').map((r) => r.mineId));
    } catch (e) {
      out.failed.push({
        orderId: due.id,
        code: e instanceof Error && 'code' in e ? String(e.code) : 'ERROR',
      });
    }
  }
  return out;
}

/** Orders in or covering the scope, each with its public-notice deadline (null when none is needed). */
export async function listOrders(
  deps: Pick<Ports, 'orders' | 'mines' | 'clock'>,
  p: Principal,
  q: { status?: OrderStatus },
): Promise<Array<Order & { notice: NoticeDeadline | null }>> {
  requirePermission(p, 'order.read');
  const minePath = await mineScopePath(deps, p);
  const all = await deps.orders.listOrders({ status: q.status }, 2000);
  const now = deps.clock.nowIso();
  return all
    .filter((o) => isOrderVisible(p, o, minePath))
    .map((o) => ({ ...o, notice: orderNoticeDeadline(o, now) }));
}

export async function getOrder(
  deps: Pick<Ports, 'orders' | 'mines' | 'clock'>,
  p: Principal,
  id: string,
): Promise<OrderDetail> {
  requirePermission(p, 'order.read');
  const order = await deps.orders.getOrder(id);
  const minePath = await mineScopePath(deps, p);
  if (!order || !isOrderVisible(p, order, minePath))
    throw notFound('ORDER_NOT_FOUND', `No order "${id}" in your scope.`);
  const rows = await deps.orders.listOrderMines(id);
  const mines = rows.filter((r) => isInScope(p, { regionPath: r.regionPath, mineId: r.mineId }));
  // Users recognise mines by code and name, never by internal id (issue 15); the licence column shows
  // whether this order holds the mine's licence suspended now.
  const withCodes = await Promise.all(
    mines.map(async (r) => {
      const mine = await deps.mines.get(r.mineId);
      return {
        ...r,
        mineCode: mine?.code ?? '',
        licenceSuspendedByThis: mine?.licenceSuspension?.orderNumber === order.number,
      };
    }),
  );
  return { order, mines: withCodes, notice: orderNoticeDeadline(order, deps.clock.nowIso()) };
}

export interface OrderDetail {
  order: Order;
  mines: Array<OrderMine & { mineCode: string; licenceSuspendedByThis: boolean }>;
  /** Null for a lift order (no public notice needed). */
  notice: NoticeDeadline | null;
}

/**
 * Records the public notice (公告) of a suspension or closure order: date (China Standard Time) and
 * number or link. Due within 5 working days of issue (煤矿安全生产条例 art. 49); a late date is accepted
 * and flagged, never refused — the record must say what happened. Audited; a correction is audited too.
 */
export async function recordOrderNotice(
  deps: Pick<Ports, 'orders' | 'mines' | 'clock' | 'transaction'>,
  p: Principal,
  id: string,
  input: { noticeDate: string; noticeRef: string },
): Promise<OrderDetail> {
  requirePermission(p, 'order.issue');
  const now = deps.clock.nowIso();
  const bad: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.noticeDate) || Number.isNaN(Date.parse(input.noticeDate)))
    bad.push('noticeDate must be a date YYYY-MM-DD');
  else if (input.noticeDate > chinaDateOf(now)) bad.push('noticeDate cannot be in the future');
  if (input.noticeRef.trim().length < 2) bad.push('noticeRef (the notice number or link) is required');
  refuseIssues('ORDER_NOTICE_INVALID', 'The public notice', bad);
  await deps.transaction(['orders', 'audit'], async (tx) => {
    const order = await tx.orders.getOrder(id);
    // Writing needs the order inside the scope, not merely covering it (a county does not annotate a
    // province's order).
    if (!order || p.scopePath === null || !order.regionPath.startsWith(p.scopePath))
      throw notFound('ORDER_NOT_FOUND', `No order "${id}" in your scope.`);
    if (!orderKindRule(order.kind).needsPublicNotice)
      throw conflict('ORDER_NOTICE_NOT_NEEDED', `A ${order.kind} order has no public notice to record.`);
    if (input.noticeDate < chinaDateOf(order.createdAt))
      throw invalidInput('ORDER_NOTICE_INVALID', 'The public notice cannot predate the order.');
    const next: Order = { ...order, noticeDate: input.noticeDate, noticeRef: input.noticeRef.trim() };
    await writeAudited(tx, p, now, next, (r) => tx.orders.updateOrder(r), {
      action: 'order.notice',
      targetType: 'order',
      targetId: order.id,
      before: { noticeDate: order.noticeDate, noticeRef: order.noticeRef },
      after: { noticeDate: next.noticeDate, noticeRef: next.noticeRef, via: p.via },
    });
  });
  return getOrder(deps, p, id);
}
