/**
 * Supervision that is not only on paper (PRODUCT.md 18), from the personnel positioning data (人员定位,
 * AQ 1119-2023): a visit's self-declared "went underground" checked against the visitor's card, and the
 * mine leaders' duty to take turns underground on every shift (矿领导带班下井). Pure: times are
 * milliseconds passed in.
 */

import { valueList } from '../value-list.ts';

/** One stay underground of one card, as the positioning snapshots showed it. */
export interface UndergroundStay {
  cardCode: string;
  name: string;
  /** When the card entered the mine (出入井时刻 of the snapshot). */
  enteredMs: number;
  /** The last snapshot that still showed the card underground. */
  lastSeenMs: number;
  isMineLeader: boolean;
}

/**
 * What the positioning data says of a visit that claims to have gone underground: `confirmed` when the
 * visitor's card was underground at that mine during the visit, `not_confirmed` when it was not, `no_card`
 * when the visitor has no card on file. Null when the visit does not claim to have gone underground.
 */
export type UndergroundCheck = (typeof UNDERGROUND_CHECKS)[number];
export const UNDERGROUND_CHECKS = valueList('confirmed', 'not_confirmed', 'no_card');

/** A stay overlaps [fromMs, toMs] when it began before the window ended and was last seen after it began. */
export function overlaps(
  stay: Pick<UndergroundStay, 'enteredMs' | 'lastSeenMs'>,
  fromMs: number,
  toMs: number,
) {
  return stay.enteredMs <= toMs && stay.lastSeenMs >= fromMs;
}

/** Checks one visit's claim (stays: the visit's mine's stays around the visit's time). */
export function checkUndergroundClaim(
  visit: { startedAt: string; endedAt: string; wentUnderground: boolean },
  cardCode: string | null,
  stays: readonly Pick<UndergroundStay, 'cardCode' | 'enteredMs' | 'lastSeenMs'>[],
): UndergroundCheck | null {
  if (!visit.wentUnderground) return null;
  if (cardCode === null) return 'no_card';
  const from = Date.parse(visit.startedAt);
  const to = Date.parse(visit.endedAt);
  return stays.some((s) => s.cardCode === cardCode && overlaps(s, from, to)) ? 'confirmed' : 'not_confirmed';
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * HOUR_MS;

/**
 * The shifts of a mine, as the hours (China Standard Time) at which each begins. Mines do not record their
 * own shift pattern in the registry yet, so every mine gets the default: three eight-hour shifts (三八制)
 * starting 00:00, 08:00 and 16:00 CST. A mine's own pattern (e.g. 四六制: 0, 6, 12, 18) is passed the same way.
 */
export const DEFAULT_SHIFT_START_HOURS_CST: readonly number[] = [0, 8, 16];

export interface ShiftPresence {
  startMs: number;
  endMs: number;
  /** Cards underground at some time during the shift. */
  people: number;
  /** Of them, mine leaders (带班矿领导). */
  leaders: number;
  /** People worked underground on this shift and no mine leader went down with them. */
  leaderless: boolean;
}

/** The shifts that began at or after `fromMs` and ended by `toMs` (a shift still running is not judged). */
export function shiftsBetween(
  fromMs: number,
  toMs: number,
  startHoursCst: readonly number[] = DEFAULT_SHIFT_START_HOURS_CST,
): Array<{ startMs: number; endMs: number }> {
  const hours = [...new Set(startHoursCst)].sort((a, b) => a - b);
  if (hours.length === 0 || hours.some((h) => !Number.isInteger(h) || h < 0 || h > 23)) {
    throw new Error(`shift start hours must be whole hours 0–23: ${hours.join(',')}`);
  }
  const starts: number[] = [];
  // The CST midnight on or before fromMs, one day early so the shift running over midnight is included.
  const firstDay = Math.floor((fromMs + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS - DAY_MS;
  for (let day = firstDay; day <= toMs; day += DAY_MS) for (const h of hours) starts.push(day + h * HOUR_MS);
  const out: Array<{ startMs: number; endMs: number }> = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const startMs = starts[i]!;
    const endMs = starts[i + 1]!;
    if (startMs >= fromMs && endMs <= toMs) out.push({ startMs, endMs });
  }
  return out;
}

/**
 * 矿领导带班下井: for each whole shift between fromMs and toMs, who was underground and whether a mine
 * leader was among them. A shift with nobody underground (a stopped mine, a rest day) is not leaderless:
 * there was no one for a leader to go down with.
 */
export function leaderShiftPresence(
  stays: readonly UndergroundStay[],
  fromMs: number,
  toMs: number,
  startHoursCst: readonly number[] = DEFAULT_SHIFT_START_HOURS_CST,
): ShiftPresence[] {
  return shiftsBetween(fromMs, toMs, startHoursCst).map(({ startMs, endMs }) => {
    const during = stays.filter((s) => overlaps(s, startMs, endMs - 1));
    const people = new Set(during.map((s) => s.cardCode)).size;
    const leaders = new Set(during.filter((s) => s.isMineLeader).map((s) => s.cardCode)).size;
    return { startMs, endMs, people, leaders, leaderless: people > 0 && leaders === 0 };
  });
}
