import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

/** Who was underground when, and the visitors' positioning cards (migration 0024), on every engine. */
describeEachEngine('presence store contract', (engine) => {
  const world = useWorld(engine, 20, { each: true });

  const person = (cardCode: string, enteredMineAtMs: number | null, isMineLeader = false) => ({
    cardCode,
    name: `人员${cardCode}`,
    areaCode: null,
    stationCode: null,
    enteredMineAtMs,
    isMineLeader,
  });

  it('stretches each stay to the last positioning snapshot that still shows the card', async () => {
    const [a, b] = world.province.mines;
    const t0 = Date.parse('2026-12-04T00:00:00Z');
    const min = 60_000;
    // Two snapshots of mine A: C1 stays on, L1 (a mine leader) comes out; C2 has no entry time.
    await world.ports.monitoring.replacePeople(
      a!.id,
      [person('C1', t0), person('L1', t0 + min, true), person('C2', null)],
      t0 + 5 * min,
    );
    await world.ports.monitoring.replacePeople(a!.id, [person('C1', t0)], t0 + 60 * min);
    // C1 comes back later: a second stay. Mine B has its own.
    await world.ports.monitoring.replacePeople(a!.id, [person('C1', t0 + 120 * min)], t0 + 130 * min);
    await world.ports.monitoring.replacePeople(b!.id, [person('C1', t0)], t0 + 10 * min);

    const stays = await world.ports.supervision.staysOf([a!.id], t0, t0 + 200 * min);
    expect(stays.map((s) => [s.cardCode, s.enteredMs - t0, s.lastSeenMs - t0, s.isMineLeader])).toEqual([
      ['C1', 0, 60 * min, false],
      ['L1', min, 5 * min, true],
      ['C1', 120 * min, 130 * min, false],
    ]);
    // Only the stays that overlap the window, only the cards asked for.
    const window = await world.ports.supervision.staysOf([a!.id, b!.id], t0 + 30 * min, t0 + 100 * min, [
      'C1',
    ]);
    expect(window.map((s) => [s.mineId, s.enteredMs - t0])).toEqual([[a!.id, 0]]);
    expect(await world.ports.supervision.staysOf([], t0, t0 + 200 * min)).toEqual([]);
  });

  it('keeps one positioning card per user, replaced when set again', async () => {
    const leader = await world.principal('leader');
    const group = await world.principal('group');
    const set = (userId: string, cardCode: string) =>
      world.ports.supervision.setCard({
        userId,
        cardCode,
        setById: 'u-reg',
        setByName: '张伟',
        setAt: '2026-12-05T00:00:00.000Z',
      });
    await set(leader.userId, 'V-001');
    await set(leader.userId, 'V-002');
    await set(group.userId, 'V-100');
    const cards = await world.ports.supervision.cardsOf([leader.userId, group.userId, 'nobody']);
    expect([...cards.entries()].sort()).toEqual(
      [
        [leader.userId, 'V-002'],
        [group.userId, 'V-100'],
      ].sort(),
    );
    expect((await world.ports.supervision.cardsOf([])).size).toBe(0);
  });

  it('lists the mines assigned to a leader or group member', async () => {
    const leader = await world.principal('leader');
    const ids = await world.ports.supervision.assignedMineIds(leader.userId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(leader.assignedMineIds);
    expect(await world.ports.supervision.assignedMineIds('nobody')).toEqual([]);
  });
});
