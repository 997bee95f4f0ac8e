import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp, recordAudit } from '../audit/record-audit.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { MineRow, Ports } from '../ports.ts';
import { loadMine } from './supervision-common.ts';
import type { StayRow } from './supervision-ports.ts';
import {
  DEFAULT_SHIFT_START_HOURS_CST,
  leaderShiftPresence,
  type ShiftPresence,
} from './underground-presence.ts';
import { withUndergroundChecks } from './visit-checks.ts';

const DAY_MS = 24 * 3_600_000;
/** How far back the positioning checks look: the last seven days. */
export const PRESENCE_WINDOW_DAYS = 7;

export interface LeaderShiftsView {
  /** The hours (CST) at which the mine's shifts begin: the 三八制 default, mines record none yet. */
  shiftStartHoursCst: number[];
  fromMs: number;
  toMs: number;
  /** Every whole shift of the window, newest first. */
  shifts: ShiftPresence[];
  leaderless: number;
}

function leaderShifts(stays: readonly StayRow[], fromMs: number, toMs: number): LeaderShiftsView {
  const shifts = leaderShiftPresence(stays, fromMs, toMs).reverse();
  return {
    shiftStartHoursCst: [...DEFAULT_SHIFT_START_HOURS_CST],
    fromMs,
    toMs,
    shifts,
    leaderless: shifts.filter((s) => s.leaderless).length,
  };
}

/** 矿领导带班下井 at one mine over the last seven days, from its positioning data. */
export async function getLeaderShifts(
  deps: Pick<Ports, 'mines' | 'supervision' | 'clock'>,
  principal: Principal,
  mineId: string,
): Promise<LeaderShiftsView> {
  requirePermission(principal, 'supervision.read');
  const mine = await loadMine(deps, principal, mineId);
  const toMs = deps.clock.nowMs();
  const fromMs = toMs - PRESENCE_WINDOW_DAYS * DAY_MS;
  return leaderShifts(await deps.supervision.staysOf([mine.id], fromMs, toMs), fromMs, toMs);
}

/** What the positioning data says of the supervision of a set of mines over the last seven days. */
export interface PresenceSummary {
  days: number;
  /** Visits that claimed to go underground, by what the visitor's card shows. */
  claims: { confirmed: number; notConfirmed: number; noCard: number };
  /** Shifts with people underground and no mine leader, per mine (mines without any are left out). */
  leaderlessShifts: Record<string, number>;
  /** Mines with at least one leaderless shift. */
  leaderlessMines: number;
}

export async function presenceSummary(
  deps: Pick<Ports, 'supervision' | 'clock'>,
  mines: readonly MineRow[],
  filter: { regionPath?: string; mineId?: string; mineIds?: readonly string[] },
): Promise<PresenceSummary> {
  const toMs = deps.clock.nowMs();
  const fromMs = toMs - PRESENCE_WINDOW_DAYS * DAY_MS;
  const since = new Date(fromMs).toISOString();
  const visits = (await deps.supervision.listVisits(filter, 5000)).filter(
    (v) => v.wentUnderground && v.startedAt >= since,
  );
  const checked = await withUndergroundChecks(deps, visits);
  const count = (c: string) => checked.filter((v) => v.undergroundCheck === c).length;
  const open = mines.filter((m) => m.status !== 'closed').map((m) => m.id);
  const byMine = new Map<string, StayRow[]>();
  for (const s of open.length > 0 ? await deps.supervision.staysOf(open, fromMs, toMs) : []) {
    const list = byMine.get(s.mineId) ?? [];
    list.push(s);
    byMine.set(s.mineId, list);
  }
  const leaderlessShifts: Record<string, number> = {};
  for (const [mineId, stays] of byMine) {
    const n = leaderShifts(stays, fromMs, toMs).leaderless;
    if (n > 0) leaderlessShifts[mineId] = n;
  }
  return {
    days: PRESENCE_WINDOW_DAYS,
    claims: { confirmed: count('confirmed'), notConfirmed: count('not_confirmed'), noCard: count('no_card') },
    leaderlessShifts,
    leaderlessMines: Object.keys(leaderlessShifts).length,
  };
}

const CARD_CODE = /^[0-9A-Za-z-]{1,32}$/;

/**
 * Records the personnel positioning card a leader or group member carries on visits (a regulator whose
 * region meets the user's does this); audited. The card is what confirms a visit's "went underground".
 */
export async function setPositioningCard(
  deps: Pick<Ports, 'clock' | 'transaction'>,
  principal: Principal,
  userId: string,
  cardCode: string,
): Promise<{ userId: string; cardCode: string }> {
  requirePermission(principal, 'supervision.assign');
  const code = cardCode.trim();
  if (!CARD_CODE.test(code)) {
    throw invalidInput('SUPERVISION_CARD_INVALID', 'A card code is 1–32 letters, digits or dashes.', {
      field: 'cardCode',
    });
  }
  const now = deps.clock.nowIso();
  return deps.transaction(['supervision', 'audit'], async (tx) => {
    const user = (await tx.supervision.listAssignableUsers(['leader', 'group_member'])).find(
      (u) => u.id === userId,
    );
    const mine = principal.scopePath;
    const path = user?.scopePath ?? null;
    const meets = path !== null && mine !== null && (path.startsWith(mine) || mine.startsWith(path));
    if (!user || user.disabled || !meets) {
      throw notFound(
        'SUPERVISION_CARD_USER_NOT_FOUND',
        `No leader or group member "${userId}" in your scope.`,
      );
    }
    const before = (await tx.supervision.cardsOf([user.id])).get(user.id) ?? null;
    await tx.supervision.setCard({
      userId: user.id,
      cardCode: code,
      ...actStamp('set', principal, now),
    });
    await recordAudit(tx, principal, now, {
      action: 'supervision.card.set',
      targetType: 'user',
      targetId: user.id,
      before: before === null ? null : { cardCode: before },
      after: { cardCode: code },
    });
    return { userId: user.id, cardCode: code };
  });
}
