import { expect, it } from 'vitest';
import { createUser } from '../../src/core/access/accounts.ts';
import { argon2Hasher } from '../../src/platform/system.ts';
import { SEED_ACTOR } from '../../src/sim/load-demo-province.ts';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  assignInBulk,
  login,
  openBulkAssignment,
  openMines,
  mineTotal,
  recordUndergroundVisit,
  selectAllMinesBy,
  switchLanguage,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { screenshotEveryView } from './support/page-walk.ts';

/**
 * Issue 15 (supervision) as the users do it: a county regulator bulk-assigns a leader on contact duty and
 * a supervision group to the mines picked by a filter; the leader logs in and sees only those mines; he
 * records a visit claiming to have gone underground and sees whether his positioning card confirms it.
 */
describeInBrowser('bulk assignment and a leader’s narrowed scope, in the browser', () => {
  const server = useBrowserSuite({ stopTimeoutMs: 60_000 });

  it('a county regulator assigns a leader and a group to the producing mines of the county; the leader sees only those and his card confirms one visit underground', async () => {
    const county2 = server.province.users.find((u) => u.username === 'county2')!;
    if (county2.scope.kind !== 'region') throw new Error('county2 is region-scoped');
    const regionId = county2.scope.regionId;
    // Accounts are made by the administrator, not in this UI: a leader and a group member of county2's
    // county (which the demo leaves without either), the leader carrying positioning card LDR-0001.
    const deps = { ...server.ports, hasher: argon2Hasher };
    const leader = await createUser(deps, SEED_ACTOR, {
      username: 'leader-e2e',
      displayName: '何军（包保领导）',
      role: 'leader',
      scope: county2.scope,
      password: TEST_PASSWORD,
    });
    await createUser(deps, SEED_ACTOR, {
      username: 'group-e2e',
      displayName: '罗兰（督导组）',
      role: 'group_member',
      scope: county2.scope,
      password: TEST_PASSWORD,
    });
    await server.ports.supervision.setCard({
      userId: leader.id,
      cardCode: 'LDR-0001',
      setById: 'system:seed',
      setByName: 'seed',
      setAt: new Date().toISOString(),
    });
    const producing = server.province.mines.filter(
      (m) => m.regionId === regionId && m.status === 'producing',
    );
    expect(producing.length).toBeGreaterThanOrEqual(2);
    const [first, second] = producing as [(typeof producing)[0], (typeof producing)[0]];
    // The first mine's positioning system saw card LDR-0001 underground from 90 to 20 minutes ago.
    const now = Date.now();
    await server.ports.monitoring.replacePeople(
      first.id,
      [
        {
          cardCode: 'LDR-0001',
          name: '何军',
          areaCode: null,
          stationCode: null,
          enteredMineAtMs: now - 90 * 60_000,
          isMineLeader: false,
        },
      ],
      now - 20 * 60_000,
    );

    // The regulator: coverage → bulk assignment → filter → select all → leader + group → assign.
    const reg = await server.newPage('county2');
    await openBulkAssignment(reg, server.baseUrl);
    const picked = await selectAllMinesBy(reg, regionId, 'producing');
    expect(new Set(picked)).toEqual(new Set(producing.map((m) => m.id)));
    const summary = await assignInBulk(reg, '何军（包保领导）', '罗兰（督导组）');
    expect(summary).toBe(`已处理 ${picked.length} 座煤矿：完成 ${2 * picked.length} 项，未完成 0 项`);
    await screenshot(reg, 'supervision-bulk-zh-1440');
    await switchLanguage(reg);
    await expect
      .poll(() => reg.getByTestId('bulk-result-summary').innerText())
      .toBe(`${picked.length} mines processed: ${2 * picked.length} done, 0 not done`);
    await screenshot(reg, 'supervision-bulk-en-1440');
    await reg.setViewportSize({ width: 390, height: 844 });
    const form = await reg.getByTestId('bulk-form').boundingBox();
    expect(form!.x + form!.width).toBeLessThanOrEqual(390);
    await screenshot(reg, 'supervision-bulk-en-390');
    await switchLanguage(reg);
    await screenshot(reg, 'supervision-bulk-zh-390');
    // Audited mine by mine.
    const audit = await server.ports.audit.listByTarget('mine', first.id);
    expect(audit.filter((e) => e.action === 'supervision.leader.set').map((e) => e.actorName)).toEqual([
      county2.displayName,
    ]);

    // The leader: the mine list holds exactly the assigned mines, not the rest of the county.
    const lp = await server.newPage();
    await login(lp, server.baseUrl, 'leader-e2e', TEST_PASSWORD);
    await openMines(lp, {}, server.baseUrl);
    expect(await mineTotal(lp)).toBe(picked.length);
    const rows = await lp.getByTestId('mine-row').all();
    const listed = await Promise.all(rows.map((r) => r.getAttribute('data-mine-id')));
    expect(new Set(listed)).toEqual(new Set(picked));

    // A visit underground at the first mine during the card's stay: confirmed; at the second: not shown.
    /** Records an underground visit from 80 to 30 minutes ago at the mine; returns its card's check. */
    const visitUnderground = async (mineId: string) => {
      await lp.goto(`${server.baseUrl}/supervision/mines/${mineId}`);
      await lp.getByTestId('visit-form').waitFor();
      await recordUndergroundVisit(lp, now - 80 * 60_000, now - 30 * 60_000);
      return lp.getByTestId('visit-card-check').first();
    };
    const check = await visitUnderground(first.id);
    expect(await check.getAttribute('data-check')).toBe('confirmed');
    expect(await check.innerText()).toBe('定位卡已确认下井');
    await switchLanguage(lp);
    await expect.poll(() => check.innerText()).toBe('Card confirms underground');
    await switchLanguage(lp);
    await screenshotEveryView(lp, 'supervision-visit-card');

    const unconfirmed = await visitUnderground(second.id);
    expect(await unconfirmed.getAttribute('data-check')).toBe('not_confirmed');
    expect(await unconfirmed.innerText()).toBe('定位卡未显示下井');
  });
});
