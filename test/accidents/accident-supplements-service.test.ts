import { expect, it } from 'vitest';
import { getAccident } from '../../src/core/accidents/accident-use-cases.ts';
import { supplementAccident } from '../../src/core/accidents/supplement-use-cases.ts';
import { getToday } from '../../src/core/today/today-use-cases.ts';
import { resumptionDeps } from '../../src/server/routes/orders/orders.routes.ts';
import { accidentAt, countyRecordsAt } from './accident-fixtures.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

/** Missing persons and supplementary reports (migration 0023) through real stores, on every engine. */
describeEachEngine('accident supplements', (engine) => {
  const world = useWorld(engine, 20);

  it('records by the 12-digit code with missing persons, re-grades on a supplement, audits both, lists it on Today', async () => {
    const {
      county,
      mine,
      accident: a,
    } = await countyRecordsAt(world, '2026-11-20T02:00:00.000Z', (mine) => ({
      mineCode: mine.code,
      // 2026-11-10 09:00 CST
      occurredAt: '2026-11-10T01:00:00.000Z',
      type: '顶板',
      deaths: 1,
      missing: 1,
      seriousInjuries: 0,
      minorInjuries: 3,
      directLossCny: 800_000,
    }));
    expect(a).toMatchObject({ mineId: mine.id, deaths: 1, missing: 1, grade: 'general', regradedAt: null });
    expect((await world.ports.accidents.get(a.id))?.missing).toBe(1);

    let d = await getAccident(world.ports, county, a.id);
    expect(d.chain.investigationLead).toBe('county');
    expect(d.supplementWindow).toMatchObject({ days: 30, lastDay: '2026-12-10', isOpen: true });
    expect(d.supplements).toEqual([]);

    // The missing miner is found dead and another dies in hospital: 3 deaths → 较大, the city investigates.
    world.clock.set('2026-11-25T02:00:00.000Z');
    d = await supplementAccident(world.ports, county, a.id, {
      changedAt: '2026-11-24T08:00:00.000Z',
      deaths: 3,
      missing: 0,
      seriousInjuries: 0,
      directLossCny: 900_000,
      reason: '失踪人员遇难，1名伤员抢救无效死亡',
    });
    expect(d.accident).toMatchObject({
      deaths: 3,
      missing: 0,
      grade: 'larger',
      regradedAt: '2026-11-25T02:00:00.000Z',
    });
    expect(d.chain.investigationLead).toBe('city');
    expect(d.reporting.map((s) => s.level)).toEqual(['county', 'city', 'province']);
    expect(d.supplements).toHaveLength(1);
    expect(d.supplements[0]).toMatchObject({
      changedAt: '2026-11-24T08:00:00.000Z',
      before: { deaths: 1, missing: 1, seriousInjuries: 0, directLossCny: 800_000 },
      after: { deaths: 3, missing: 0, seriousInjuries: 0, directLossCny: 900_000 },
      gradeBefore: 'general',
      gradeAfter: 'larger',
      reason: '失踪人员遇难，1名伤员抢救无效死亡',
      recordedById: county.userId,
      recordedAt: '2026-11-25T02:00:00.000Z',
    });

    const trail = await world.ports.audit.listByTarget('accident', a.id);
    const sup = trail.find((e) => e.action === 'accident.supplement');
    expect(sup).toMatchObject({
      actorId: county.userId,
      before: { deaths: 1, missing: 1, grade: 'general' },
      after: { deaths: 3, missing: 0, grade: 'larger' },
    });
    expect(trail.find((e) => e.action === 'accident.regrade')).toMatchObject({
      before: { grade: 'general', investigationLead: 'county' },
      after: { grade: 'larger', investigationLead: 'city' },
    });

    // A second supplement within the grade: figures move, no second re-grade entry.
    d = await supplementAccident(world.ports, await world.principal('province'), a.id, {
      changedAt: '2026-11-24T09:00:00.000Z',
      deaths: 3,
      missing: 0,
      seriousInjuries: 2,
      directLossCny: 900_000,
      reason: '2名伤员转为重伤',
    });
    expect(d.supplements.map((s) => s.after.seriousInjuries)).toEqual([0, 2]);
    expect(d.accident).toMatchObject({ seriousInjuries: 2, grade: 'larger' });
    const regrades = (await world.ports.audit.listByTarget('accident', a.id)).filter(
      (e) => e.action === 'accident.regrade',
    );
    expect(regrades).toHaveLength(1);

    const today = await getToday(
      { ...world.ports, ...resumptionDeps(world.ports), monitoring: null },
      county,
    );
    const line = today.sections.find((s) => s.kind === 'accident')?.items.find((i) => i.ref === a.id);
    expect(line).toMatchObject({ code: 'regraded', count: 3 });

    // After the window (the change on 12-11 CST), refused, and nothing is stored.
    world.clock.set('2026-12-20T00:00:00.000Z');
    await expect(
      supplementAccident(world.ports, county, a.id, {
        changedAt: '2026-12-10T16:00:00.000Z',
        deaths: 4,
        missing: 0,
        seriousInjuries: 2,
        directLossCny: 900_000,
        reason: '伤员死亡',
      }),
    ).rejects.toMatchObject({
      code: 'ACCIDENT_SUPPLEMENT_WINDOW_CLOSED',
      details: { lastDay: '2026-12-10', windowDays: 30 },
    });
    d = await getAccident(world.ports, county, a.id);
    expect(d.accident.deaths).toBe(3);
    expect(d.supplements).toHaveLength(2);
    expect(d.supplementWindow?.isOpen).toBe(false);
  });

  it('a regulator of another county, and a mine officer, may not supplement', async () => {
    const { accident: a } = await countyRecordsAt(world, '2026-12-01T02:00:00.000Z', (mine) =>
      accidentAt(mine, { occurredAt: '2026-11-30T01:00:00.000Z', type: '运输', deaths: 1 }),
    );
    const input = {
      changedAt: '2026-12-01T01:00:00.000Z',
      deaths: 2,
      missing: 0,
      seriousInjuries: 0,
      directLossCny: 0,
      reason: '伤员死亡',
    };
    await expect(
      supplementAccident(world.ports, await world.principal('county2'), a.id, input),
    ).rejects.toMatchObject({ code: 'ACCIDENT_NOT_FOUND' });
    await expect(
      supplementAccident(world.ports, await world.principal('officer'), a.id, input),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await world.ports.accidents.listSupplements(a.id)).toEqual([]);
  });
});
