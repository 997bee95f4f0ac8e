import { describe, expect, it } from 'vitest';
import {
  checkUndergroundClaim,
  leaderShiftPresence,
  shiftsBetween,
  type UndergroundStay,
} from './underground-presence.ts';

/** Milliseconds of a CST wall-clock time on 2026-12-04 (or the given day). */
const cst = (hhmm: string, day = '2026-12-04') => Date.parse(`${day}T${hhmm}:00+08:00`);
const stay = (cardCode: string, from: string, to: string, isMineLeader = false): UndergroundStay => ({
  cardCode,
  name: cardCode,
  enteredMs: cst(from),
  lastSeenMs: cst(to),
  isMineLeader,
});
const visit = (from: string, to: string, wentUnderground = true) => ({
  startedAt: new Date(cst(from)).toISOString(),
  endedAt: new Date(cst(to)).toISOString(),
  wentUnderground,
});

describe('a visit that claims to have gone underground, against the visitor’s positioning card', () => {
  const stays = [stay('V001', '09:10', '10:40'), stay('W777', '08:00', '15:00')];
  const cases: Array<[string, ReturnType<typeof visit>, string | null, string | null]> = [
    ['card underground during the visit', visit('09:00', '11:00'), 'V001', 'confirmed'],
    ['card underground only partly inside the visit', visit('10:30', '12:00'), 'V001', 'confirmed'],
    ['card underground, but before the visit', visit('11:00', '12:00'), 'V001', 'not_confirmed'],
    ['another card was underground, not the visitor’s', visit('09:00', '11:00'), 'V999', 'not_confirmed'],
    ['no card on file', visit('09:00', '11:00'), null, 'no_card'],
    ['no claim made: nothing to check', visit('09:00', '11:00', false), 'V001', null],
  ];
  for (const [what, v, card, expected] of cases)
    it(`${what} → ${expected ?? 'no check'}`, () => {
      expect(checkUndergroundClaim(v, card, stays)).toBe(expected);
    });
});

describe('shifts (三八制 by default, China Standard Time)', () => {
  it('cuts a CST day into 00:00–08:00, 08:00–16:00 and 16:00–24:00, whole shifts only', () => {
    const shifts = shiftsBetween(cst('00:00'), cst('00:00', '2026-12-05'));
    expect(shifts.map((s) => new Date(s.startMs).toISOString())).toEqual([
      '2026-12-03T16:00:00.000Z',
      '2026-12-04T00:00:00.000Z',
      '2026-12-04T08:00:00.000Z',
    ]);
    expect(shifts.every((s) => s.endMs - s.startMs === 8 * 3_600_000)).toBe(true);
  });

  it('leaves out a shift still running at the end of the window', () => {
    expect(shiftsBetween(cst('00:00'), cst('12:00'))).toHaveLength(1);
  });

  it('takes a mine’s own pattern (四六制: four six-hour shifts)', () => {
    expect(shiftsBetween(cst('00:00'), cst('00:00', '2026-12-05'), [0, 6, 12, 18])).toHaveLength(4);
  });
});

describe('矿领导带班下井: every shift with people underground needs a mine leader underground', () => {
  const day = [cst('00:00'), cst('00:00', '2026-12-05')] as const;
  it('flags the shift where miners worked and no leader went down', () => {
    const stays = [
      stay('M1', '00:10', '07:50'),
      stay('L1', '01:00', '05:00', true),
      stay('M2', '08:10', '15:40'),
      stay('M3', '16:10', '23:40'),
      stay('L2', '17:00', '20:00', true),
    ];
    const shifts = leaderShiftPresence(stays, ...day);
    expect(shifts.map((s) => [s.people, s.leaders, s.leaderless])).toEqual([
      [2, 1, false],
      [1, 0, true],
      [2, 1, false],
    ]);
  });

  it('does not flag a shift with nobody underground', () => {
    expect(leaderShiftPresence([], ...day).some((s) => s.leaderless)).toBe(false);
  });

  it('counts a leader who stays across the shift change for both shifts', () => {
    const stays = [stay('M1', '06:00', '10:00'), stay('L1', '07:00', '09:00', true)];
    const shifts = leaderShiftPresence(stays, ...day);
    expect(shifts.slice(0, 2).map((s) => s.leaderless)).toEqual([false, false]);
  });
});
