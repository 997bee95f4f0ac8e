import { hasPermission } from '../access/permissions.ts';
import type { Principal, Role } from '../access/types.ts';
import { listDirectives } from '../directives/directive-use-cases.ts';
import { invalidInput } from '../errors.ts';
import { dateOf } from '../orders/order-rules.ts';
import type { Ports } from '../ports.ts';
import { getToday, type TodayDeps, type TodayKind } from '../today/today-use-cases.ts';

/**
 * The notification bell: what is addressed to the caller and what has become overdue in their scope.
 * Directives reaching the scope (issued by someone else), alarms escalated to the caller's level, and
 * the overdue sections of the Today list (reused from core/today, not recomputed). Each item has a
 * stable key; marking it read is per user (migration 0027). A new escalation level or a new overdue
 * date is a new key, so it rings again.
 */
export type NotificationKind =
  | 'directive'
  | 'escalation'
  | 'hazard_overdue'
  | 'notice_overdue'
  | 'resumption_decision_overdue'
  | 'people_under_order';

/** The Today sections that are overdue work: hazards past deadline, orders past notice/evacuation. */
export const OVERDUE_KINDS: readonly TodayKind[] = [
  'people_under_order',
  'hazard_overdue',
  'resumption_decision_overdue',
  'notice_overdue',
];

export interface NotificationItem {
  key: string;
  kind: NotificationKind;
  /** What the item opens: a directive, alarm, hazard or resumption id, or a mine id. */
  ref: string;
  mineId: string | null;
  mineName: string | null;
  /** Text from the data (a directive's or hazard's title), never a label. */
  title: string | null;
  /** A code the client translates: the directive kind, the alarm rule, the hazard grade, a status. */
  code: string | null;
  /** The escalation level reached, for an escalation. */
  level: number | null;
  /** The date the item is judged against (YYYY-MM-DD), when it has one. */
  dueOn: string | null;
  /** When it happened (epoch ms: issued, escalated), when it has one. */
  atMs: number | null;
  count: number | null;
  isRead: boolean;
}

export interface NotificationsView {
  asOf: string;
  unread: number;
  items: NotificationItem[];
}

export type NotificationDeps = TodayDeps & Pick<Ports, 'notificationReads'>;

/** Directives issued this long ago or less still ring. */
export const DIRECTIVE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** The escalation level from which an alarm is addressed to a role (county → 1 city → 2 province). */
const ESCALATED_TO: Partial<Record<Role, number>> = { city_regulator: 1, province_regulator: 2 };
/** The most keys marked read in one call. */
export const MAX_MARK_KEYS = 200;

type Unread = Omit<NotificationItem, 'isRead'>;

const item = (fields: Partial<Unread> & Pick<Unread, 'key' | 'kind' | 'ref'>): Unread => ({
  mineId: null,
  mineName: null,
  title: null,
  code: null,
  level: null,
  dueOn: null,
  atMs: null,
  count: null,
  ...fields,
});

async function directiveItems(deps: NotificationDeps, p: Principal): Promise<Unread[]> {
  if (!hasPermission(p.role, 'directive.read')) return [];
  const sinceMs = deps.clock.nowMs() - DIRECTIVE_WINDOW_DAYS * DAY_MS;
  return (await listDirectives(deps, p))
    .filter((d) => d.issuerId !== p.userId && Date.parse(d.issuedAt) >= sinceMs)
    .map((d) =>
      item({
        key: `directive:${d.id}`,
        kind: 'directive',
        ref: d.id,
        title: d.title,
        code: d.kind,
        dueOn: dateOf(d.deadline),
        atMs: Date.parse(d.issuedAt),
      }),
    );
}

async function escalationItems(deps: NotificationDeps, p: Principal): Promise<Unread[]> {
  const from = ESCALATED_TO[p.role];
  if (from === undefined || !deps.monitoring || !hasPermission(p.role, 'alarm.read')) return [];
  if (p.scope.kind === 'mine' || p.scopePath === null) return [];
  const alarms = await deps.monitoring.openAlarms({ regionPath: p.scopePath });
  return alarms
    .filter((a) => a.state === 'unack_active' && a.escalationLevel >= from)
    .map((a) =>
      item({
        key: `escalation:${a.id}:${a.escalationLevel}:${a.activeSinceMs ?? 0}`,
        kind: 'escalation',
        ref: a.id,
        mineId: a.mineId,
        mineName: a.mineName,
        code: a.rule,
        level: a.escalationLevel,
        atMs: a.escalatedAtMs ?? a.activeSinceMs ?? a.updatedMs,
      }),
    );
}

async function overdueItems(deps: NotificationDeps, p: Principal): Promise<Unread[]> {
  const { sections } = await getToday(deps, p, OVERDUE_KINDS);
  return sections.flatMap((s) =>
    s.items.map((line) =>
      item({
        key: `${s.kind}:${line.ref}:${line.dueOn ?? ''}`,
        kind: s.kind as NotificationKind,
        ref: line.ref,
        mineId: line.mineId,
        mineName: line.mineName,
        title: line.title,
        code: line.code,
        dueOn: line.dueOn,
        atMs: line.atMs,
        count: line.count,
      }),
    ),
  );
}

/** The caller's notifications, unread first, then escalations, overdue work and directives, newest first. */
export async function getNotifications(deps: NotificationDeps, p: Principal): Promise<NotificationsView> {
  const [escalations, overdue, directives] = await Promise.all([
    escalationItems(deps, p),
    overdueItems(deps, p),
    directiveItems(deps, p),
  ]);
  const all = [...escalations, ...overdue, ...directives];
  const read = await deps.notificationReads.readKeys(
    p.userId,
    all.map((i) => i.key),
  );
  const items = all.map((i): NotificationItem => ({ ...i, isRead: read.has(i.key) }));
  const order = (i: NotificationItem) => (i.isRead ? 1 : 0);
  items.sort((a, b) => order(a) - order(b));
  return { asOf: deps.clock.nowIso(), unread: items.filter((i) => !i.isRead).length, items };
}

/**
 * Marks notifications read for the caller. Keys are the caller's own bookkeeping: a key naming nothing
 * in their scope marks nothing they could see, so it is stored without a lookup.
 */
export async function markNotificationsRead(
  deps: Pick<Ports, 'clock' | 'notificationReads'>,
  p: Principal,
  keys: readonly string[],
): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0 || unique.length > MAX_MARK_KEYS || unique.some((k) => k.length > 200))
    throw invalidInput(
      'NOTIFICATION_KEYS_INVALID',
      `Give between 1 and ${MAX_MARK_KEYS} notification keys of at most 200 characters.`,
    );
  await deps.notificationReads.markRead(p.userId, unique, deps.clock.nowIso());
}
