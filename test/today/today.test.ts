import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access/types.ts';
import { assignHazard, reportHazard } from '../../src/core/hazards/hazard-use-cases.ts';
import { getToday, type TodayDeps, type TodayView } from '../../src/core/today/today-use-cases.ts';
import { resumptionDeps } from '../../src/server/routes/orders/orders.routes.ts';
import { GENERAL_PLAN, generalHazard } from '../hazards/hazard-fixtures.ts';
import { indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

const section = (v: TodayView, kind: string) => v.sections.find((s) => s.kind === kind);

describeEachEngine('today: the work list per role', (engine) => {
  const world = useWorld(engine, 20);
  let deps: TodayDeps;
  let officer: Principal;
  let officer2: Principal;
  let county: Principal;
  let mineId: string;
  beforeAll(async () => {
    deps = { ...world.ports, ...resumptionDeps(world.ports), monitoring: null };
    officer = await world.principal('officer');
    officer2 = await world.principal('officer2');
    county = await world.principal('county');
    mineId = indexProvince(world).mineOf('officer').id;
  });

  it('an overdue hazard is on the list of its mine and its county, never of another mine', async () => {
    world.clock.set('2026-12-05T01:00:00.000Z');
    const { hazard: late } = await reportHazard(
      world.ports,
      officer,
      generalHazard(mineId, { title: '今日清单逾期隐患' }),
    );
    await assignHazard(world.ports, officer, late.id, { ...GENERAL_PLAN, deadline: '2026-12-06' });
    const { hazard: soon } = await reportHazard(
      world.ports,
      officer,
      generalHazard(mineId, { title: '本周到期隐患' }),
    );
    await assignHazard(world.ports, officer, soon.id, { ...GENERAL_PLAN, deadline: '2026-12-12' });
    world.clock.set('2026-12-08T01:00:00.000Z');

    for (const p of [officer, county]) {
      const view = await getToday(deps, p);
      expect(section(view, 'hazard_overdue')?.items.map((i) => i.ref)).toContain(late.id);
      expect(section(view, 'hazard_due_soon')?.items.map((i) => i.ref)).toContain(soon.id);
      expect(section(view, 'hazard_due_soon')?.items.map((i) => i.ref)).not.toContain(late.id);
    }
    const other = await getToday(deps, officer2);
    expect(JSON.stringify(other)).not.toContain(late.id);
  });

  it('a mine sees only its own coverage gaps it can close; a regulator sees counts and visits due', async () => {
    const mine = await getToday(deps, officer);
    for (const item of section(mine, 'coverage_gap')?.items ?? [])
      expect(['plan', 'responsible']).toContain(item.code);
    expect(section(mine, 'visit_due')).toBeUndefined();
    const region = await getToday(deps, county);
    const visits = section(region, 'visit_due');
    expect(visits).toBeDefined();
    // The demo province has leaders who have not visited yet: the county sees how many mines.
    for (const item of visits?.items ?? []) expect(item.count).toBeGreaterThan(0);
  });
});
