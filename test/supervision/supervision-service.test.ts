import { expect, it } from 'vitest';
import {
  getSupervisionCard,
  setContactLeader,
  setSupervisionGroup,
} from '../../src/core/supervision/assignment-use-cases.ts';
import { getCoverage, getVisitKpi, type CoverageGap } from '../../src/core/supervision/coverage.ts';
import { createPlan, decidePlan, updatePlan } from '../../src/core/supervision/plan-use-cases.ts';
import {
  listVisits,
  recordVisit,
  type VisitInput,
  reportFindingAsHazard,
} from '../../src/core/supervision/visit-use-cases.ts';
import { createHazardReporter } from '../../src/server/routes/supervision/hazard-reporter.ts';
import { codeOf } from '../support/domain-errors.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';
import {
  countyMines,
  givePlan,
  giveGroup,
  giveLeader,
  giveResponsible,
  PLAN,
  userId,
} from './supervision-fixtures.ts';

const DAY = 86_400_000;

/** A visit to the mine's site between two times, not underground, with an empty checklist. */
const siteVisit = (mineId: string, startedAt: string, endedAt: string): VisitInput => ({
  mineId,
  startedAt,
  endedAt,
  wentToSite: true,
  wentUnderground: false,
  checklist: [],
});

describeEachEngine('supervision use cases', (engine) => {
  // Every assignment here is made by the test itself.
  const world = useWorld(engine, 40, { withoutAssignments: true });

  it('coverage lists exactly the mines missing each of the four, gaps first, closed mines left out', async () => {
    const { all, open } = countyMines(world);
    expect(open.length).toBeGreaterThanOrEqual(4);
    const [full, noPlan, noResponsible, noGroupNoLeader] = open as [
      (typeof open)[0],
      (typeof open)[0],
      (typeof open)[0],
      (typeof open)[0],
    ];
    for (const m of [full, noResponsible, noGroupNoLeader]) await givePlan(world, m);
    await givePlan(world, noPlan, 'submitted');
    for (const m of [full, noPlan, noGroupNoLeader]) await giveResponsible(world, m);
    for (const m of [full, noPlan, noResponsible]) {
      await giveGroup(world, m);
      await giveLeader(world, m);
    }
    const county = await world.principal('county');
    const view = await getCoverage(world.ports, county, {});
    const expected: Record<CoverageGap, string[]> = {
      plan: open.filter((m) => ![full, noResponsible, noGroupNoLeader].includes(m)).map((m) => m.id),
      responsible: open.filter((m) => ![full, noPlan, noGroupNoLeader].includes(m)).map((m) => m.id),
      group: open.filter((m) => ![full, noPlan, noResponsible].includes(m)).map((m) => m.id),
      leader: open.filter((m) => ![full, noPlan, noResponsible].includes(m)).map((m) => m.id),
    };
    for (const gap of ['plan', 'responsible', 'group', 'leader'] as const) {
      const listed = view.rows.filter((r) => r.gaps.includes(gap)).map((r) => r.mineId);
      expect(new Set(listed), gap).toEqual(new Set(expected[gap]));
      const filtered = await getCoverage(world.ports, county, { gap });
      expect(new Set(filtered.rows.map((r) => r.mineId))).toEqual(new Set(expected[gap]));
    }
    expect(view.rows.find((r) => r.mineId === noPlan.id)?.planState).toBe('submitted');
    expect(view.complete).toBe(1);
    expect(view.mines).toBe(open.length);
    expect(view.excludedClosed).toBe(all.length - open.length);
    expect(view.rows.some((r) => r.status === 'closed')).toBe(false);
    // Gaps first: the complete mine is last for a regulator, who has no mines of their own.
    expect(view.rows.at(-1)?.mineId).toBe(full.id);
    expect(view.byDistrict.reduce((n, d) => n + d.mines, 0)).toBe(open.length);

    // A leader sees "my mines" first.
    const leaderView = await getCoverage(world.ports, await world.principal('leader'), {});
    expect(leaderView.rows.slice(0, 3).map((r) => r.isMine)).toEqual([true, true, true]);
    expect(new Set(leaderView.rows.slice(0, 3).map((r) => r.mineId))).toEqual(
      new Set([full.id, noPlan.id, noResponsible.id]),
    );
    const only = await getCoverage(world.ports, await world.principal('leader'), { onlyMine: true });
    expect(only.rows).toHaveLength(3);

    const card = await getSupervisionCard(world.ports, county, full.id);
    expect(card.plan?.state).toBe('approved');
    expect(card.history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'plan.create',
        'plan.submit',
        'plan.approve',
        'responsible.set',
        'group.set',
        'leader.set',
      ]),
    );
    const audit = await world.ports.audit.listByTarget('mine', full.id);
    expect(audit.filter((a) => a.action.startsWith('supervision.')).map((a) => a.actorId)).toContain(
      county.userId,
    );
  });

  it('a plan is approved only by a regulator whose region covers the mine', async () => {
    const mine = countyMines(world).open.at(-1)!;
    const officerlessCounty = await world.principal('county');
    await createPlan(world.ports, officerlessCounty, mine.id, PLAN);
    await decidePlan(world.ports, officerlessCounty, mine.id, 'submit');
    expect(await codeOf(decidePlan(world.ports, await world.principal('county2'), mine.id, 'approve'))).toBe(
      'MINE_NOT_FOUND',
    );
    expect(await codeOf(decidePlan(world.ports, await world.principal('leader'), mine.id, 'approve'))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(decidePlan(world.ports, await world.principal('officer'), mine.id, 'approve'))).toBe(
      'FORBIDDEN',
    );
    // The author of the plan may not decide it (separation of duties).
    expect(await codeOf(decidePlan(world.ports, officerlessCounty, mine.id, 'approve'))).toBe(
      'SEPARATION_OF_DUTIES',
    );
    expect(
      await codeOf(decidePlan(world.ports, await world.principal('city'), mine.id, 'return', '  ')),
    ).toBe('SUPERVISION_PLAN_RETURN_REASON_REQUIRED');
    expect((await getSupervisionCard(world.ports, officerlessCounty, mine.id)).plan?.state).toBe('submitted');
    const returned = await decidePlan(
      world.ports,
      await world.principal('city'),
      mine.id,
      'return',
      '缺资金安排',
    );
    expect(returned).toMatchObject({ state: 'returned', returnReason: '缺资金安排' });
    expect(await codeOf(decidePlan(world.ports, await world.principal('province'), mine.id, 'approve'))).toBe(
      'SUPERVISION_PLAN_TRANSITION_NOT_ALLOWED',
    );
    const edited = await updatePlan(world.ports, officerlessCounty, mine.id, {
      ...PLAN,
      documentRef: '修订版',
    });
    expect(edited).toMatchObject({ state: 'draft', returnReason: null, documentRef: '修订版' });
    await decidePlan(world.ports, officerlessCounty, mine.id, 'submit');
    const approved = await decidePlan(world.ports, await world.principal('province'), mine.id, 'approve');
    expect(approved.state).toBe('approved');
    expect(approved.decidedBy).toBe(await userId(world, 'province'));
  });

  it('the officer drafts its own mine’s plan; bad input leaves the stored plan as it was', async () => {
    const officer = await world.principal('officer');
    const mineId = officer.scope.kind === 'mine' ? officer.scope.mineId : '';
    const card = await getSupervisionCard(world.ports, officer, mineId);
    if (card.plan === null) await createPlan(world.ports, officer, mineId, PLAN);
    const before = (await getSupervisionCard(world.ports, officer, mineId)).plan;
    expect(
      await codeOf(
        updatePlan(world.ports, officer, mineId, {
          documentRef: 'x',
          measures: [{ text: 'ok', dueOn: '2026-13-45' }],
        }),
      ),
    ).toBe('SUPERVISION_PLAN_INVALID');
    expect((await getSupervisionCard(world.ports, officer, mineId)).plan).toEqual(before);
  });

  it('refuses assignments of the wrong role or of someone whose region does not cover the mine', async () => {
    const mine = countyMines(world).open[0]!;
    const county = await world.principal('county');
    expect(await codeOf(setContactLeader(world.ports, county, mine.id, await userId(world, 'group')))).toBe(
      'SUPERVISION_USER_WRONG_ROLE',
    );
    expect(await codeOf(setContactLeader(world.ports, county, mine.id, 'nobody'))).toBe(
      'SUPERVISION_USER_NOT_FOUND',
    );
    const leader = await userId(world, 'leader');
    expect(
      await codeOf(
        setSupervisionGroup(world.ports, county, mine.id, { leaderUserId: leader, memberUserIds: [] }),
      ),
    ).toBe('SUPERVISION_USER_WRONG_ROLE');
    // The leader's county is county's; a mine in county2's county is outside the leader's region.
    const county2 = await world.principal('county2');
    const officer2 = await world.principal('officer2');
    const farMine = officer2.scope.kind === 'mine' ? officer2.scope.mineId : '';
    expect(await codeOf(setContactLeader(world.ports, county2, farMine, leader))).toBe(
      'SUPERVISION_USER_OUT_OF_SCOPE',
    );
  });

  it('records a visit with its duration and whether the visitor went underground', async () => {
    const mine = countyMines(world).open[0]!;
    const leader = await world.principal('leader');
    const visit = await recordVisit(world.ports, leader, {
      ...siteVisit(mine.id, '2026-12-04T09:00:00+08:00', '2026-12-04T11:45:00+08:00'),
      wentUnderground: true,
      checklist: [
        { item: '皮带机保护装置', result: 'problem', note: '烟雾保护未接入' },
        { item: '瓦斯监控', result: 'ok' },
        { item: '人员定位', result: 'not_checked' },
      ],
      notes: '井下检查主运输系统',
      findings: [
        { title: '皮带机烟雾保护失效', description: '主斜井皮带机烟雾保护未接入监控系统', grade: 'general' },
      ],
    });
    expect(visit).toMatchObject({
      durationMinutes: 165,
      wentToSite: true,
      wentUnderground: true,
      startedAt: '2026-12-04T01:00:00.000Z',
      visitorRole: 'leader',
      byAssigned: true,
    });
    const listed = (await listVisits(world.ports, await world.principal('county'), { mineId: mine.id }))
      .items;
    expect(listed[0]).toMatchObject({ id: visit.id, durationMinutes: 165, wentUnderground: true });
    expect(listed[0]?.checklist.map((c) => c.result)).toEqual(['problem', 'ok', 'not_checked']);
    expect(listed[0]?.findings[0]).toMatchObject({ status: 'pending_hazard', hazardId: null });

    // Refused visits, each with the one thing wrong with it (an hour on 2026-12-04 at the site otherwise).
    const refusedVisits = [
      { by: leader, over: { endedAt: '2026-12-04T09:00:00Z' }, code: 'SUPERVISION_VISIT_TIMES_INVALID' },
      {
        by: leader,
        over: { startedAt: '2026-12-05T10:00:00Z', endedAt: '2026-12-05T11:00:00Z' },
        code: 'SUPERVISION_VISIT_IN_FUTURE',
      },
      { by: leader, over: { wentToSite: false, wentUnderground: true }, code: 'SUPERVISION_VISIT_INVALID' },
      { by: await world.principal('county'), over: {}, code: 'FORBIDDEN' },
    ];
    for (const { by, over, code } of refusedVisits) {
      const visitInput = { ...siteVisit(mine.id, '2026-12-04T10:00:00Z', '2026-12-04T11:00:00Z'), ...over };
      expect(await codeOf(recordVisit(world.ports, by, visitInput)), JSON.stringify(over)).toBe(code);
    }
  });

  it('KPI: mines not visited by their leader within N days or their group within M days, on the fixed clock', async () => {
    const [a] = countyMines(world).open as [ReturnType<typeof countyMines>['open'][0]];
    // a has leader and group (from the coverage test) and a leader visit on 2026-12-04.
    const county = await world.principal('county');
    const group = await world.principal('group');
    await recordVisit(world.ports, group, siteVisit(a.id, '2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z'));
    let kpi = await getVisitKpi(world.ports, county, {});
    expect(kpi).toMatchObject({ leaderDays: 30, groupDays: 14 });
    const rowA = () => kpi.overdue.find((r) => r.mineId === a.id);
    // Group visit 15 days before the clock (2026-12-05): overdue for 14 days, not for 20.
    expect(rowA()).toMatchObject({
      leaderOverdue: false,
      groupOverdue: true,
      lastGroupVisitAt: '2026-11-20T01:00:00.000Z',
    });
    kpi = await getVisitKpi(world.ports, county, { groupDays: 20 });
    expect(rowA()).toBeUndefined();
    // Every other open mine lacks a leader visit, so it is overdue.
    expect(kpi.leaderOverdue).toBe(kpi.mines - 1);
    // 40 days on, the leader's visit is too old as well.
    world.clock.advance(40 * DAY);
    kpi = await getVisitKpi(world.ports, county, {});
    expect(rowA()).toMatchObject({ leaderOverdue: true, groupOverdue: true });
    expect(kpi.leaderOverdue).toBe(kpi.mines);
    world.clock.advance(-40 * DAY);
    expect(await codeOf(getVisitKpi(world.ports, county, { leaderDays: 0 }))).toBe(
      'SUPERVISION_KPI_DAYS_INVALID',
    );
  });

  it('a finding becomes a hazard in one step (source inspection); without a reporter it stays pending', async () => {
    const mine = countyMines(world).open[1]!;
    const group = await world.principal('group');
    const visit = await recordVisit(world.ports, group, {
      ...siteVisit(mine.id, '2026-12-03T01:00:00Z', '2026-12-03T01:40:00Z'),
      checklist: [{ item: '消防器材', result: 'problem' }],
      findings: [
        { title: '灭火器过期', description: '井口灭火器 3 具过期', grade: 'general', location: '主井口' },
      ],
    });
    const findingId = visit.findings[0]!.id;
    expect(await codeOf(reportFindingAsHazard({ ...world.ports, hazards: null }, group, findingId))).toBe(
      'SUPERVISION_HAZARD_REPORTING_UNAVAILABLE',
    );
    expect((await world.ports.supervision.getFinding(findingId))?.status).toBe('pending_hazard');
    expect(
      await codeOf(
        reportFindingAsHazard(
          { ...world.ports, hazards: createHazardReporter(world.ports) },
          await world.principal('county2'),
          findingId,
        ),
      ),
    ).toBe('SUPERVISION_FINDING_NOT_FOUND');

    const deps = { ...world.ports, hazards: createHazardReporter(world.ports) };
    const { finding, hazardId } = await reportFindingAsHazard(deps, group, findingId);
    expect(finding).toMatchObject({ status: 'reported', hazardId });
    const hazard = await world.ports.hazards.get(hazardId);
    expect(hazard).toMatchObject({
      mineId: mine.id,
      source: 'inspection',
      grade: 'general',
      title: '灭火器过期',
    });
    expect((await listVisits(world.ports, group, { mineId: mine.id })).items[0]?.findings[0]?.hazardId).toBe(
      hazardId,
    );
    expect(await codeOf(reportFindingAsHazard(deps, group, findingId))).toBe(
      'SUPERVISION_FINDING_ALREADY_REPORTED',
    );
  });
});
