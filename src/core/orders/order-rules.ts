import { chinaDateOf } from '../china-time.ts';
import { conflict, invalidInput, notAllowed } from '../errors.ts';
import { allowedMineStatusEvents, type MineStatusEvent } from '../registry/mine-status-machine.ts';
import type { MineStatus } from '../registry/types.ts';
import type { OrderKind, OrderStatus, ResumptionStatus } from './orders-ports.ts';

/** What each order kind does, as data, with its legal source. */
export interface OrderKindRule {
  kind: OrderKind;
  /** 'region': every mine under a region; 'mines': the named mines. */
  target: 'region' | 'mines';
  /** The mine status event applied to each affected mine; null = no status change. */
  event: MineStatusEvent | null;
  /** Whether the order must be announced publicly within 5 working days of issue (art. 49). */
  needsPublicNotice: boolean;
  /** Whether the order suspends the safety production licence of each affected mine. */
  suspendsLicence: boolean;
  source: string;
}

export const ORDER_KIND_RULES: readonly OrderKindRule[] = [
  {
    kind: 'stop_work',
    target: 'region',
    event: 'suspend',
    needsPublicNotice: true,
    suspendsLicence: true,
    source:
      '煤矿安全生产条例 (2024) art. 48, 49; 安全生产许可证条例 art. 14 (suspension of the licence); region-wide stop orders as in the Chongqing Dec 2020 measures',
  },
  {
    kind: 'suspend_mine',
    target: 'mines',
    event: 'suspend',
    needsPublicNotice: true,
    suspendsLicence: true,
    source: '煤矿安全生产条例 (2024) art. 48, 49, 64; 安全生产许可证条例 art. 14',
  },
  {
    kind: 'close_mine',
    target: 'mines',
    event: 'order_closure',
    needsPublicNotice: true,
    // Closure revokes the licence: a step of the closure programme (licences_revoked), not a suspension.
    suspendsLicence: false,
    source: '煤矿安全生产条例 (2024) art. 49, 70',
  },
  {
    kind: 'lift',
    target: 'mines',
    event: null,
    needsPublicNotice: false,
    suspendsLicence: false,
    source: '煤矿安全生产条例 (2024) art. 48: lifting needs a resumption acceptance, not a status edit',
  },
];

export function orderKindRule(kind: OrderKind): OrderKindRule {
  const rule = ORDER_KIND_RULES.find((r) => r.kind === kind);
  if (!rule) throw invalidInput('ORDER_KIND_UNKNOWN', `Unknown order kind "${String(kind)}".`);
  return rule;
}

/** Whether an order's status event can apply to a mine in `status`, and why not when it cannot. */
export function judgeMineForOrder(
  kind: OrderKind,
  status: MineStatus,
): { affected: true; event: MineStatusEvent } | { affected: false; why: string } {
  const rule = orderKindRule(kind);
  if (rule.event === null) {
    return status === 'suspended' || status === 'resumption_review'
      ? { affected: false, why: 'lifting needs a resumption acceptance; the status is unchanged' }
      : { affected: false, why: `a ${status} mine is not under a stop order` };
  }
  if (allowedMineStatusEvents(status).includes(rule.event)) return { affected: true, event: rule.event };
  return { affected: false, why: `already ${status}` };
}

// ---- order status machine -------------------------------------------------------------------------

export type OrderEvent = 'take_effect' | 'lift' | 'supersede';
export type OrderEffect = { kind: 'apply-to-mines' } | { kind: 'audit'; action: string };

export const ORDER_TRANSITIONS: ReadonlyArray<{
  event: OrderEvent;
  from: readonly OrderStatus[];
  to: OrderStatus;
}> = [
  { event: 'take_effect', from: ['scheduled'], to: 'in_force' },
  { event: 'lift', from: ['in_force'], to: 'lifted' },
  { event: 'supersede', from: ['scheduled', 'in_force'], to: 'superseded' },
];

/** Pure transition of an order's status. */
export function transitionOrder(
  state: OrderStatus,
  event: OrderEvent,
  now: string,
): { state: OrderStatus; at: string; effects: OrderEffect[] } {
  const rule = ORDER_TRANSITIONS.find((t) => t.event === event);
  if (!rule || !rule.from.includes(state)) {
    throw notAllowed('ORDER_TRANSITION_NOT_ALLOWED', `An order that is "${state}" cannot take "${event}".`, {
      from: state,
      event,
    });
  }
  const effects: OrderEffect[] = [{ kind: 'audit', action: `order.${event}` }];
  if (event === 'take_effect') effects.unshift({ kind: 'apply-to-mines' });
  return { state: rule.to, at: now, effects };
}

// ---- resumption status machine --------------------------------------------------------------------

export type ResumptionEvent = 'approve' | 'reject';

export const RESUMPTION_TRANSITIONS: ReadonlyArray<{
  event: ResumptionEvent;
  from: readonly ResumptionStatus[];
  to: ResumptionStatus;
  mineEvent: MineStatusEvent;
}> = [
  { event: 'approve', from: ['pending'], to: 'approved', mineEvent: 'approve_resumption' },
  { event: 'reject', from: ['pending'], to: 'rejected', mineEvent: 'reject_resumption' },
];

/** Pure transition of a resumption application; the effect names the mine status event to apply. */
export function transitionResumption(
  state: ResumptionStatus,
  event: ResumptionEvent,
  now: string,
): { state: ResumptionStatus; at: string; effects: Array<{ kind: 'mine-status'; event: MineStatusEvent }> } {
  const rule = RESUMPTION_TRANSITIONS.find((t) => t.event === event);
  if (!rule || !rule.from.includes(state)) {
    throw conflict('RESUMPTION_ALREADY_DECIDED', `The application is already ${state}.`, {
      from: state,
      event,
    });
  }
  return { state: rule.to, at: now, effects: [{ kind: 'mine-status', event: rule.mineEvent }] };
}

// ---- deadlines ------------------------------------------------------------------------------------

/** Days the department has to decide after the application (2024 Regulation art. 48). */
export const RESUMPTION_DECISION_DAYS = 20;
/** Working days to announce a decision publicly (2024 Regulation art. 49). */
export const PUBLIC_NOTICE_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;

/** The calendar date (UTC) of an ISO time. */
export const dateOf = (iso: string): string => iso.slice(0, 10);

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds working days, Monday–Friday. Public holidays and adjusted weekends (调休) are NOT modelled (no
 * holiday table: the State Council publishes them yearly), so a deadline over a holiday is earlier than
 * the legal one: late flags err towards warning, never towards silence.
 */
export function addWorkingDays(date: string, days: number): string {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}

/** Whole days from `today` to `due` (negative when overdue). */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export interface DecisionDeadline {
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
}

export function decisionDeadline(appliedAt: string, decidedAt: string | null, now: string): DecisionDeadline {
  const dueOn = addDays(dateOf(appliedAt), RESUMPTION_DECISION_DAYS);
  const ref = dateOf(decidedAt ?? now);
  const daysLeft = daysBetween(ref, dueOn);
  return { dueOn, daysLeft, overdue: daysLeft < 0 };
}

export interface NoticeDeadline {
  dueOn: string;
  recordedOn: string | null;
  late: boolean;
}

export function noticeDeadline(decidedAt: string, noticeDate: string | null, now: string): NoticeDeadline {
  const dueOn = addWorkingDays(dateOf(decidedAt), PUBLIC_NOTICE_WORKING_DAYS);
  const late = noticeDate !== null ? noticeDate > dueOn : dateOf(now) > dueOn;
  return { dueOn, recordedOn: noticeDate, late };
}

/**
 * The public notice of a suspension or closure order: due within 5 working days (China Standard Time)
 * of issue; late when recorded after that, or not recorded once that day has passed. Null for an order
 * kind that needs none.
 */
export function orderNoticeDeadline(
  order: { kind: OrderKind; createdAt: string; noticeDate: string | null },
  now: string,
): NoticeDeadline | null {
  if (!orderKindRule(order.kind).needsPublicNotice) return null;
  const dueOn = addWorkingDays(chinaDateOf(order.createdAt), PUBLIC_NOTICE_WORKING_DAYS);
  const late = order.noticeDate !== null ? order.noticeDate > dueOn : chinaDateOf(now) > dueOn;
  return { dueOn, recordedOn: order.noticeDate, late };
}
