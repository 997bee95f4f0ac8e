import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import {
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
  const newPage = () => server.newPage();

  it('the province regulator stops every mine of a city; the dashboard shows it at once', async () => {
    const city = server.province.users.find((u) => u.username === 'city');
    if (city?.scope.kind !== 'region') throw new Error('no city user');
    const cityId = city.scope.regionId;
    const page = await newPage();
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
});
