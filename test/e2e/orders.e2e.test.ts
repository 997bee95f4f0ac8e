import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  campaignDistrict,
  campaignFormHints,
  createCampaign,
  markCampaignItem,
  openCampaign,
  openCampaigns,
  ensureLanguage,
  isLicenceSuspendedByOrder,
  issueSuspension,
  licenceSuspensionText,
  openIssuedOrder,
  openMine,
  orderNotice,
  recordOrderNotice,
  recordGasClassAppraisal,
  issueOrderNow,
  kpiValue,
  listedOrderNumbers,
  login,
  openDashboard,
  openOrders,
  previewStopWork,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('orders in the browser', () => {
  const server = useBrowserSuite({});

  it('a county stops one mine: its licence is suspended, the public notice is due in 5 working days and recorded (zh-CN, English)', async () => {
    const county = server.province.users.find((u) => u.username === 'county');
    if (county?.scope.kind !== 'region') throw new Error('no county user');
    const countyId = county.scope.regionId;
    const mine = server.province.mines.find(
      (m) => m.regionId === countyId && m.status === 'producing' && m.licenceNumber !== null,
    );
    if (!mine) throw new Error('no licensed producing mine in the county');
    const page = await server.newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await openOrders(page, server.baseUrl);
    const number = '示县停〔2026〕31号';
    const issued = await issueSuspension(page, {
      number,
      mineQuery: mine.name,
      mineCode: mine.code,
      basis: '煤矿安全生产条例 第四十八条',
      reason: '重大事故隐患，责令停产整顿',
    });
    expect(issued).toContain('1 座');
    await listedOrderNumbers(page, number);
    const outcomes = await openIssuedOrder(page, number);
    expect(outcomes[mine.code]).toBe('affected');
    expect(await isLicenceSuspendedByOrder(page, mine.code)).toBe(true);
    const due = await orderNotice(page);
    expect(due).toMatchObject({ late: false, recorded: '' });
    expect(due.text).toMatch(/应于 \d{4}-\d{2}-\d{2} 前/);
    await screenshot(page, 'order-notice-due-zh');

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await recordOrderNotice(page, today, '示县公告〔2026〕7号');
    expect((await orderNotice(page)).text).toContain('示县公告〔2026〕7号');
    await screenshot(page, 'order-notice-recorded-zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'order-notice-recorded-zh-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await ensureLanguage(page, 'en');
    expect((await orderNotice(page)).text).toContain(`Announced on ${today}`);
    await screenshot(page, 'order-notice-recorded-en');

    await openMine(page, mine.id, server.baseUrl);
    expect(await licenceSuspensionText(page)).toContain(number);
    await screenshot(page, 'mine-licence-suspended-en');
    // The gas class changes only through its appraisal, recorded on the mine page and audited.
    await recordGasClassAppraisal(page, 'outburst', '鉴定报告〔2026〕17号');
    await page.getByTestId('fact-gas-class').filter({ hasText: 'Outburst' }).waitFor();
    await screenshot(page, 'mine-gas-class-appraised-en');
    const audit = await server.ports.audit.listByTarget('mine', mine.id);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['mine.licence_suspend', 'mine.gas_class_appraisal']),
    );
  });

  it('the province regulator stops every mine of a city; the dashboard shows it at once', async () => {
    const city = server.province.users.find((u) => u.username === 'city');
    if (city?.scope.kind !== 'region') throw new Error('no city user');
    const cityId = city.scope.regionId;
    const page = await server.newPage();
    await login(page, server.baseUrl, 'province', TEST_PASSWORD);
    await openDashboard(page, cityId, server.baseUrl);
    const suspendedBefore = await kpiValue(page, 'suspended');
    const producingBefore = await kpiValue(page, 'producing');
    expect(producingBefore).toBeGreaterThan(0);
    await screenshot(page, 'orders-dashboard-before');

    await openOrders(page, server.baseUrl);
    const summary = await previewStopWork(page, {
      number: '示煤安停〔2026〕12号',
      regionId: cityId,
      basis: '煤矿安全生产条例 第四十八条',
      reason: '自12月5日起全市煤矿停产整顿',
    });
    const affected = Number(/将影响 (\d+) 座/.exec(summary)?.[1]);
    expect(affected).toBeGreaterThanOrEqual(producingBefore);
    await screenshot(page, 'orders-preview');
    const issued = await issueOrderNow(page);
    expect(issued).toContain(`${affected} 座`);
    expect(await listedOrderNumbers(page, '示煤安停〔2026〕12号')).toContain('示煤安停〔2026〕12号');
    await screenshot(page, 'orders-issued');

    await openDashboard(page, cityId, server.baseUrl);
    expect(await kpiValue(page, 'suspended')).toBe(suspendedBefore + affected);
    expect(await kpiValue(page, 'producing')).toBe(0);
    await screenshot(page, 'orders-dashboard-after');
  });

  it('a county starts a campaign from the UI; the officer ticks the items of the mine; the report shows it (zh-CN, English)', async () => {
    const county = server.province.users.find((u) => u.username === 'county');
    const officer = server.province.users.find((u) => u.username === 'officer');
    if (county?.scope.kind !== 'region' || officer?.scope.kind !== 'mine') throw new Error('demo users');
    const countyId = county.scope.regionId;
    const officerMineId = officer.scope.mineId;
    const mine = server.province.mines.find((m) => m.id === officerMineId)!;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const name = '冬春季煤矿安全专项整治';

    const page = await server.newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await openCampaigns(page, server.baseUrl);
    await page.getByTestId('campaign-create').click();
    expect((await campaignFormHints(page)).length).toBeGreaterThan(1);
    await createCampaign(page, {
      name,
      regionId: countyId,
      startsOn: today,
      endsOn: later,
      items: [
        { text: '瓦斯抽采系统全面检查', dueOn: later },
        { text: '皮带机保护装置试验', dueOn: later },
      ],
    });
    expect(await page.getByTestId('campaign-detail-name').textContent()).toBe(name);
    expect(await campaignDistrict(page, mine.regionId)).toMatch(/^0\//);
    await screenshot(page, 'campaign-created-zh');

    const officerPage = await server.newPage();
    await login(officerPage, server.baseUrl, 'officer', TEST_PASSWORD);
    await openCampaigns(officerPage, server.baseUrl);
    expect(await officerPage.getByTestId('campaign-form').count()).toBe(0);
    await openCampaign(officerPage, name);
    await markCampaignItem(officerPage, mine.code, 'i1', true);
    await markCampaignItem(officerPage, mine.code, 'i2', true);
    await screenshot(officerPage, 'campaign-officer-marked-zh');

    await page.reload();
    await page.locator('[data-testid="campaign-detail"][data-busy="false"]').waitFor();
    expect(await page.getByTestId(`campaign-mine-${mine.code}`).getAttribute('data-done')).toBe('2');
    expect(await campaignDistrict(page, mine.regionId)).toMatch(/^1\//);
    await screenshot(page, 'campaign-report-zh');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'campaign-report-zh-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await ensureLanguage(page, 'en');
    expect(await page.getByTestId('campaign-report').locator('h3').textContent()).toContain(
      'Report by district',
    );
    await screenshot(page, 'campaign-report-en');
  });
});
