import { beforeAll, expect, it } from 'vitest';
import { errorOf } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, loginAs, type Session, useTestApp, useWorld } from '../support/world.ts';

/**
 * Supervision not only on paper, over HTTP: a visit's "went underground" checked against the visitor's
 * positioning card, the coverage page's count of unconfirmed claims, and the shifts without a mine leader
 * underground (矿领导带班下井) from the mine's positioning snapshots.
 */
describeEachEngine('supervision checked against the positioning data', (engine) => {
  const world = useWorld(engine, 40);
  const app = useTestApp(world);
  const s: Record<string, Session> = {};
  let mineA = '';
  const at = (hhmm: string) => Date.parse(`2026-12-04T${hhmm}:00Z`);
  const person = (cardCode: string, entered: string, isMineLeader = false) => ({
    cardCode,
    name: cardCode,
    areaCode: null,
    stationCode: null,
    enteredMineAtMs: at(entered),
    isMineLeader,
  });

  beforeAll(async () => {
    for (const u of ['county', 'county2', 'leader', 'group']) s[u] = await loginAs(app, u);
    const officer = world.province.users.find((u) => u.username === 'officer')!;
    if (officer.scope.kind !== 'mine') throw new Error('officer has a mine scope');
    mineA = officer.scope.mineId;
    // Mine A's positioning snapshots (clock: 2026-12-05 00:00 UTC). The visitor's card V-LEADER is
    // underground 01:00–02:30 UTC; W1 with mine leader L1 09:00–15:00 CST; W2 alone 17:00–22:00 CST.
    const m = world.ports.monitoring;
    await m.replacePeople(
      mineA,
      [person('W1', '01:00'), person('L1', '01:00', true), person('V-LEADER', '01:00')],
      at('02:30'),
    );
    await m.replacePeople(mineA, [person('W1', '01:00'), person('L1', '01:00', true)], at('07:00'));
    await m.replacePeople(mineA, [person('W2', '09:00')], at('14:00'));
  }, 120_000);

  const post = (who: string, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: asSession(s[who]!), payload });
  const get = (who: string, url: string) => app.inject({ url, headers: asSession(s[who]!) });
  const visit = async (who: string, from: string, to: string, wentUnderground = true) => {
    const res = await post(who, '/api/supervision/visits', {
      mineId: mineA,
      startedAt: `2026-12-04T${from}:00Z`,
      endedAt: `2026-12-04T${to}:00Z`,
      wentToSite: true,
      wentUnderground,
      checklist: [{ item: '瓦斯', result: 'ok' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ visit: { id: string; undergroundCheck: string | null } }>().visit;
  };

  it('a regulator records the leader’s card (audited); another county’s regulator cannot', async () => {
    const leaderId = (await world.principal('leader')).userId;
    const other = await post('county2', `/api/supervision/users/${leaderId}/card`, { cardCode: 'X-1' });
    expect(other.statusCode).toBe(404);
    const bad = await post('county', `/api/supervision/users/${leaderId}/card`, { cardCode: '卡 1' });
    expect(errorOf(bad).code).toBe('SUPERVISION_CARD_INVALID');
    const ok = await post('county', `/api/supervision/users/${leaderId}/card`, { cardCode: 'V-LEADER' });
    expect(ok.json()).toEqual({ userId: leaderId, cardCode: 'V-LEADER' });
    const audit = await world.ports.audit.listByTarget('user', leaderId);
    expect(audit.map((e) => [e.action, e.after])).toContainEqual([
      'supervision.card.set',
      { cardCode: 'V-LEADER' },
    ]);
  });

  it('shows on each visit whether the positioning card confirms it went underground', async () => {
    const confirmed = await visit('leader', '00:30', '03:00');
    expect(confirmed.undergroundCheck).toBe('confirmed');
    expect((await visit('leader', '05:00', '06:00')).undergroundCheck).toBe('not_confirmed');
    expect((await visit('group', '01:00', '02:00')).undergroundCheck).toBe('no_card');
    expect((await visit('leader', '10:00', '11:00', false)).undergroundCheck).toBeNull();
    const one = await get('leader', `/api/supervision/visits/${confirmed.id}`);
    expect(one.json()).toMatchObject({ visit: { undergroundCheck: 'confirmed' } });
    const list = await get('leader', `/api/supervision/visits?mineId=${mineA}`);
    const checks = list
      .json<{ items: Array<{ undergroundCheck: string | null }> }>()
      .items.map((v) => v.undergroundCheck);
    expect(checks.sort()).toEqual(['confirmed', 'no_card', 'not_confirmed', null].sort());
  });

  it('flags the shift with people underground and no mine leader, on the mine and in the coverage', async () => {
    const res = await get('county', `/api/supervision/mines/${mineA}/leader-shifts`);
    expect(res.statusCode).toBe(200);
    const view = res.json<{
      shiftStartHoursCst: number[];
      shifts: Array<{ startMs: number; people: number; leaders: number; leaderless: boolean }>;
      leaderless: number;
    }>();
    expect(view.shiftStartHoursCst).toEqual([0, 8, 16]);
    expect(view.shifts).toHaveLength(21);
    expect(view.leaderless).toBe(1);
    const flagged = view.shifts.find((x) => x.leaderless)!;
    // 2026-12-04 16:00 CST is 08:00 UTC.
    expect(flagged).toMatchObject({ startMs: at('08:00'), people: 1, leaders: 0 });
    expect(view.shifts.find((x) => x.startMs === Date.parse('2026-12-04T00:00:00Z'))).toMatchObject({
      people: 3,
      leaders: 1,
      leaderless: false,
    });

    const coverage = await get('county', '/api/supervision/coverage');
    const c = coverage.json<{
      rows: Array<{ mineId: string; leaderlessShifts: number }>;
      presence: { claims: Record<string, number>; leaderlessMines: number };
    }>();
    expect(c.presence.claims).toEqual({ confirmed: 1, notConfirmed: 1, noCard: 1 });
    expect(c.presence.leaderlessMines).toBe(1);
    expect(c.rows.find((r) => r.mineId === mineA)?.leaderlessShifts).toBe(1);
    // Another county sees none of it.
    const other = await get('county2', '/api/supervision/coverage');
    expect(other.json()).toMatchObject({
      presence: { claims: { confirmed: 0, notConfirmed: 0, noCard: 0 } },
    });
  });
});
