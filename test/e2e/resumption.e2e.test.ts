import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  applyForResumption,
  canTakeStep,
  ensureLanguage,
  currentStep,
  issueSuspension,
  openIssuedOrder,
  mineStatus,
  openOrders,
  openResumptions,
  resumptionCard,
  stepStates,
  takeStep,
  waitForMinePage,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/**
 * Resumption acceptance as the law words it, from the UI only, on a fresh demo with its simulator
 * running: the county suspends the officer's mine (picked by code), the officer applies, the group
 * inspects, the leader signs, the county department head signs, the bureau agrees and the government
 * head approves. Each user sees the step their role takes; a step taken out of turn is refused.
 */
describeInBrowser('resumption acceptance in the browser (ADR 0009)', () => {
  const server = useBrowserSuite({
    server: { monitoring: true, simIntervalMs: 10_000 },
    pageTimeoutMs: 30_000,
    startTimeoutMs: 180_000,
  });
  const as = (username: string) => server.newPage(username);
  /** Full-page screenshots at desktop and phone width. */
  async function shoot(page: Page, name: string) {
    await screenshot(page, `${name}-1440`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('officer applies → group → leader → department head → bureau → government head; each step offered only to its signer in turn; the mine produces again', async () => {
    const officerUser = server.province.users.find((u) => u.username === 'officer')!;
    if (officerUser.scope.kind !== 'mine') throw new Error('officer has a mine scope');
    const mineId = officerUser.scope.mineId;
    const mine = server.province.mines.find((m) => m.id === mineId)!;
    expect(mine.status).toBe('producing');

    // The county regulator suspends the mine, picking it by (part of) its name.
    const county = await as('county');
    await openOrders(county, server.baseUrl);
    const issued = await issueSuspension(county, {
      number: '示煤安停〔2026〕31号',
      mineQuery: mine.name.slice(0, 4),
      mineCode: mine.code,
      basis: '煤矿安全生产条例 第四十八条',
      reason: '主斜井皮带机隐患未整改，责令停产整顿',
    });
    expect(issued).toContain('1 座');
    await shoot(county, 'resumption-01-county-suspends');
    // The issued order opens: its basis, reason and the mine it suspended, by code.
    expect(await openIssuedOrder(county, '示煤安停〔2026〕31号')).toEqual({ [mine.code]: 'affected' });
    await shoot(county, 'resumption-01b-order-detail');

    // The officer applies from 复产验收, picking the mine by its code.
    const officer = await as('officer');
    await officer.getByTestId('nav-orders').click();
    await officer.getByTestId('orders-tab-resumptions').click();
    await officer.locator('[data-testid="resumptions"][data-busy="false"]').waitFor();
    await applyForResumption(officer, mine.code.slice(-6), mine.code, '皮带机隐患已整改，申请复产验收');
    expect(await currentStep(officer, mine.code)).toBe('group_inspection');
    await shoot(officer, 'resumption-02-officer-applied');

    // The leader comes first: no button yet — the group has not inspected (the server refuses an
    // out-of-turn step too: test/orders/resumption.test.ts).
    const leader = await as('leader');
    await openResumptions(leader, server.baseUrl);
    expect(await canTakeStep(leader, mine.code, 'leader_signoff')).toBe(false);
    expect(await canTakeStep(leader, mine.code, 'group_inspection')).toBe(false);
    expect(await currentStep(leader, mine.code)).toBe('group_inspection');
    await shoot(leader, 'resumption-03-leader-not-yet');

    const group = await as('group');
    await openResumptions(group, server.baseUrl);
    expect(await canTakeStep(group, mine.code, 'group_inspection')).toBe(true);
    expect(await takeStep(group, mine.code, 'group_inspection', '现场检查合格')).toBeNull();

    await openResumptions(leader);
    expect(await canTakeStep(leader, mine.code, 'leader_signoff')).toBe(true);
    expect(await takeStep(leader, mine.code, 'leader_signoff', '同意复产')).toBeNull();

    // The government head is offered no approval before the department head and the bureau.
    const govhead = await as('govhead');
    await openResumptions(govhead, server.baseUrl);
    expect(await canTakeStep(govhead, mine.code, 'government_approval')).toBe(false);

    // The department head signs: the simulator's monitoring and positioning data count as online.
    await openResumptions(county);
    const card = resumptionCard(county, mine.code);
    expect(await card.getByTestId('check-monitoring_online').getAttribute('data-done')).toBe('true');
    expect(await card.getByTestId('check-personnel_online').getAttribute('data-done')).toBe('true');
    // The server's details come as codes and numbers, shown from the catalogue in the user's language.
    expect(await card.getByTestId('check-monitoring_online-detail').textContent()).toMatch(
      /最近 \d+ 分钟数据完整/,
    );
    expect(await takeStep(county, mine.code, 'department_head', '验收合格')).toBeNull();

    const bureau = await as('bureau');
    await openResumptions(bureau, server.baseUrl);
    expect(await takeStep(bureau, mine.code, 'bureau_review', '审核同意')).toBeNull();
    await shoot(bureau, 'resumption-04-bureau-agreed');

    await openResumptions(govhead);
    expect(await canTakeStep(govhead, mine.code, 'government_approval')).toBe(true);
    expect(await takeStep(govhead, mine.code, 'government_approval', '同意复产')).toBeNull();
    expect(await stepStates(govhead, mine.code)).toEqual({
      group_inspection: 'done',
      leader_signoff: 'done',
      department_head: 'done',
      bureau_review: 'done',
      government_approval: 'done',
    });
    expect(await resumptionCard(govhead, mine.code).getAttribute('data-status')).toBe('approved');
    await shoot(govhead, 'resumption-05-approved');
    await ensureLanguage(govhead, 'en');
    expect(
      await resumptionCard(govhead, mine.code).getByTestId('check-monitoring_online-detail').textContent(),
    ).toMatch(/data for the last \d+ min/);
    await shoot(govhead, 'resumption-05-approved-en');

    // The officer's own mine page shows it producing again.
    await officer.getByTestId('nav-my-mine').click();
    await waitForMinePage(officer);
    expect((await mineStatus(officer)).status).toBe('producing');
  }, 300_000);

  it('复产验收 lists every mine of the demo in review with its step', async () => {
    const inReview = server.province.mines.filter((m) => m.status === 'resumption_review');
    expect(inReview.length).toBeGreaterThan(0);
    const province = await as('province');
    await openResumptions(province, server.baseUrl);
    for (const m of inReview) {
      const card = resumptionCard(province, m.code);
      expect(await card.getAttribute('data-status')).toBe('pending');
      expect(await card.getByTestId('resumption-current').textContent()).toContain('督导组现场检查');
    }
    await shoot(province, 'resumption-06-list');
  }, 120_000);
});
