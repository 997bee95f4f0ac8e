import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  activeScenarios,
  alarmFollowUps,
  alarmLinks,
  clickMineRow,
  filterByText,
  followUpAlarm,
  incidentCard,
  mineActions,
  openAlarms,
  openMine,
  openMines,
  OVERVIEW_SECTIONS,
  overviewSections,
  overviewSectionText,
  startScenario,
  switchLanguage,
  takeMineAction,
  waitForLive,
  waitForOverview,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/**
 * Issue 15 in the browser: the mine's 360° page (every module's summary and the actions the role may
 * take) and one click from an alarm to an order, which the alarm then shows.
 */
describeInBrowser('the mine 360° page and one-click follow-up of an alarm, in the browser', () => {
  const server = useBrowserSuite({ server: { monitoring: true }, stopTimeoutMs: 60_000 });
  /** Nothing sticks out sideways at a phone's width. */
  const fitsWidth = async (page: Page) =>
    page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  it('a county regulator opens a mine from the list by its code, sees every section and reports a hazard from it (zh-CN and English, 1440 and 390 px)', async () => {
    const mine = server.mineOf('officer');
    const page = await server.newPage('county');
    await openMines(page, {}, server.baseUrl);
    await filterByText(page, mine.code);
    await clickMineRow(page, mine.id);
    await waitForOverview(page);

    expect(await overviewSections(page)).toEqual([...OVERVIEW_SECTIONS]);
    expect(await overviewSectionText(page, 'risk')).toMatch(/风险分 [\d.]+ · 辖区内第 \d+ 名，共 \d+ 座煤矿/);
    expect(await overviewSectionText(page, 'supervision')).toContain('包保领导');
    // Only what a county regulator may do: no site visit (leaders and groups record those).
    expect(await mineActions(page)).toEqual([
      'report-hazard',
      'issue-order',
      'open-case',
      'assign',
      'record-accident',
      'alarms',
    ]);
    await screenshot(page, 'mine-overview-zh-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'mine-overview-zh-390');
    await switchLanguage(page);
    await expect.poll(() => overviewSectionText(page, 'risk')).toMatch(/Risk score [\d.]+ · Rank \d+ of \d+/);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'mine-overview-en-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'mine-overview-en-1440');
    await switchLanguage(page);

    // The action opens the report form for this mine; the new hazard then shows on the mine's page.
    await takeMineAction(page, 'report-hazard');
    await page.locator('[data-testid="hazard-report-page"][data-busy="false"]').waitFor();
    expect(await page.getByTestId('hazard-report-mine-chosen').getAttribute('data-code')).toBe(mine.code);
    const title = '主斜井皮带机机尾托辊卡死';
    await page.getByTestId('hazard-report-title').fill(title);
    await page.getByTestId('hazard-report-submit').click();
    await page.locator('[data-testid="hazard-page"][data-busy="false"]').waitFor();
    expect(await page.getByTestId('hazard-title').innerText()).toBe(title);
    await openMine(page, mine.id, server.baseUrl);
    await waitForOverview(page);
    expect(await overviewSectionText(page, 'hazards')).toContain(title);
  }, 180_000);

  it("shows a mine safety officer their own mine's page without the sections and actions their role may not use", async () => {
    const mine = server.mineOf('officer');
    const page = await server.newPage('officer');
    await openMine(page, mine.id, server.baseUrl);
    await waitForOverview(page);
    const sections = await overviewSections(page);
    expect(sections).not.toContain('risk');
    expect(sections).not.toContain('cases');
    expect(sections).toContain('hazards');
    expect(await mineActions(page)).toEqual(['report-hazard', 'record-accident', 'alarms']);
  }, 60_000);

  it('during the Diaoshuidong scenario (people in a closed mine) a regulator issues an order from the incident in one click, and the incident then shows the order (zh-CN and English, 1440 and 390 px)', async () => {
    const page = await server.newPage('county');
    await openAlarms(page, {}, server.baseUrl);
    await waitForLive(page);
    await startScenario(page, 'diaoshuidong');
    const mineId = (await activeScenarios(page)).find((s) => s.name === 'diaoshuidong')!.mineId;
    const mine = server.province.mines.find((m) => m.id === mineId)!;
    const card = incidentCard(page, mineId);
    await card.waitFor({ timeout: 30_000 });
    await card.getByTestId('alarm-group-open').first().click();
    const detail = page.locator('[data-testid="alarm-detail"][data-busy="false"]');
    await detail.waitFor();
    const alarmId = (await detail.getAttribute('data-alarm-id'))!;
    expect(alarmId).toContain('incident_stopped_mine_work');
    // Work in a closed mine is evidence of evading supervision: a case may be opened from it too.
    expect(await alarmFollowUps(page)).toEqual(['hazard', 'order', 'case']);
    await screenshot(page, 'alarm-follow-up-zh-1440');

    await followUpAlarm(page, 'order');
    const form = page.locator('[data-testid="order-form"]');
    await form.waitFor();
    expect(await page.getByTestId('follow-up-from-alarm').innerText()).toContain(mine.name);
    expect(await page.getByTestId('order-kind').inputValue()).toBe('suspend_mine');
    expect(await page.getByTestId('order-mine-chosen').getAttribute('data-code')).toBe(mine.code);
    const reason = await page.getByTestId('order-reason').inputValue();
    expect(reason).toContain('停产/关闭矿井违规作业');
    expect(reason).toContain(alarmId);
    expect(reason).toMatch(/数据时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    const number = '渝煤安停〔2026〕15号';
    await page.getByTestId('order-number').fill(number);
    await page.getByTestId('order-basis').fill('《安全生产法》第六十五条');
    await page.getByTestId('order-issue').click();

    // Back on the console with the incident open: it shows the order made from it.
    await page.waitForURL((url) => url.pathname === '/alarms' && url.searchParams.get('alarm') === alarmId);
    await expect
      .poll(async () => (await alarmLinks(page)).map((l) => [l.kind, l.text.includes(number)]), {
        timeout: 10_000,
      })
      .toEqual([['order', true]]);
    await screenshot(page, 'alarm-follow-up-linked-zh-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'alarm-follow-up-linked-zh-390');
    await switchLanguage(page);
    await expect
      .poll(() => page.getByTestId('alarm-follow-up').innerText())
      .toContain('Made from this alarm');
    await screenshot(page, 'alarm-follow-up-linked-en-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'alarm-follow-up-linked-en-1440');

    // The link opens the order; the mine's page lists it in force.
    await page.getByTestId('alarm-link').getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/orders/order/'));
    await openMine(page, mineId, server.baseUrl);
    await waitForOverview(page);
    expect(await overviewSectionText(page, 'orders')).toContain(number);
  }, 180_000);

  it('the monitoring tick ran without errors', () => {
    expect(server.log.filter((line) => /failed/i.test(line))).toEqual([]);
  });
});
