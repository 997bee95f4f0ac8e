import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  auditTrail,
  clickMineRow,
  contentBelowTabs,
  isMineDenied,
  languageSwitchLabel,
  login,
  mineName,
  mineStatus,
  mineTotal,
  navItems,
  notForRoleMessage,
  offeredSectionPaths,
  offeredTabs,
  openMine,
  openMines,
  settled,
  shownMineId,
  statusHistory,
  switchLanguage,
  visibleMineIds,
  visibleMineRegionNames,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('foundation in the browser', () => {
  const server = useBrowserSuite({});

  const countyId = '990102';
  const countyMines = () => server.province.mines.filter((m) => m.regionId === countyId);

  it('a county regulator sees only the mines of its county, in Chinese and in English', async () => {
    const page = await server.newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await screenshot(page, 'county-dashboard-zh');

    await openMines(page, {}, server.baseUrl);
    expect(await mineTotal(page)).toBe(countyMines().length);
    const regions = await visibleMineRegionNames(page);
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(['岩东区']));
    const ids = await visibleMineIds(page);
    expect(ids.every((id) => countyMines().some((m) => m.id === id))).toBe(true);
    // Chinese renders: the page carries the Chinese labels, and the switch offers English.
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await languageSwitchLabel(page)).toBe('English');
    expect(await page.getByTestId('sidenav').innerText()).toContain('煤矿台账');
    await screenshot(page, 'county-mines-zh');

    expect(await switchLanguage(page)).toBe('en');
    expect(await page.getByTestId('sidenav').innerText()).toContain('Mines');
    expect(new Set(await visibleMineRegionNames(page))).toEqual(new Set(['Yandong District']));
    await screenshot(page, 'county-mines-en');

    expect(await switchLanguage(page)).toBe('zh-CN');
    expect(await page.getByTestId('sidenav').innerText()).toContain('煤矿台账');
  });

  it('a county regulator opens a mine and sees its status history from the audit trail', async () => {
    const mine = countyMines().find((m) => m.status === 'producing')!;
    // A status change made through the API (as an order would) must show on the mine page.
    const page = await server.newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    const session = await page.request.get(`${server.baseUrl}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const change = await page.request.post(`${server.baseUrl}/api/mines/${mine.id}/transitions`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { event: 'suspend', reason: '区县停产整顿通知（测试）', basis: '岩东安监〔2026〕1号' },
    });
    expect(change.status()).toBe(200);

    await openMines(page, { q: mine.code }, server.baseUrl);
    await clickMineRow(page, mine.id);
    expect(await shownMineId(page)).toBe(mine.id);
    expect(await mineName(page)).toContain(mine.name);
    expect((await mineStatus(page)).status).toBe('suspended');
    const history = await statusHistory(page);
    expect(history[0]).toMatchObject({ from: 'producing', to: 'suspended' });
    expect(history[0]!.text).toContain('区县停产整顿通知（测试）');
    const audit = await auditTrail(page);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['mine.status.suspend', 'mine.register']),
    );
    await screenshot(page, 'county-mine-page');
  });

  it('a mine safety officer lands on its work list, opens its own mine and cannot open another one', async () => {
    const own = server.province.users.find((u) => u.username === 'officer')!.scope;
    if (own.kind !== 'mine') throw new Error('officer must be mine-scoped');
    const other = countyMines().find((m) => m.id !== own.mineId)!;

    const page = await server.newPage();
    await login(page, server.baseUrl, 'officer', TEST_PASSWORD);
    await page.getByTestId('today-list').waitFor();
    await page.getByTestId('nav-my-mine').click();
    await page.getByTestId('mine-page').waitFor();
    expect(await shownMineId(page)).toBe(own.mineId);
    expect(await navItems(page)).not.toContain('nav-mines');

    await openMine(page, other.id);
    expect(await isMineDenied(page)).toBe(true);
    expect(await page.getByTestId('mine-denied').innerText()).not.toContain(other.name);
    await screenshot(page, 'officer-denied');

    const api = await page.request.get(`${server.baseUrl}/api/mines/${other.id}`);
    expect(api.status()).toBe(404);
    expect(await api.text()).not.toContain(other.name);
  });

  it('a mine safety officer is offered no tab it may not use, and a regulator-only page says so', async () => {
    const page = await server.newPage('officer', { width: 390 });
    const sections = await offeredSectionPaths(page);
    expect(sections).toEqual(expect.arrayContaining(['/orders', '/closure', '/expertise', '/hazards']));
    expect(sections).not.toContain('/briefing');
    expect(sections).not.toContain('/security/audit');
    const offered: string[] = [];
    for (const path of sections) {
      await page.goto(server.baseUrl + path);
      await settled(page);
      const tabs = await offeredTabs(page);
      for (const tab of tabs.length === 0 ? [null] : tabs) {
        if (tab !== null) await page.getByTestId(tab).click();
        await settled(page);
        // A tab offered is a tab that works: something below the tab bar, never the refusal.
        await expect.poll(() => contentBelowTabs(page)).not.toBe('');
        expect(await notForRoleMessage(page)).toBeNull();
        offered.push(tab ?? path);
      }
    }
    expect(offered).toEqual(expect.arrayContaining(['orders-tab-resumptions', 'closure-tab-candidates']));
    for (const regulatorOnly of ['orders-tab-gas', 'closure-tab-cases', 'expertise-tab-formalism'])
      expect(offered).not.toContain(regulatorOnly);

    // Opened by URL, each regulator-only page tells the officer it is not for its role.
    for (const path of [
      '/closure/cases',
      '/orders/gas',
      '/expertise/formalism',
      '/hazards/proposals',
      '/briefing/risk',
      '/security/audit',
    ]) {
      await page.goto(server.baseUrl + path);
      await page.getByTestId('not-for-role').waitFor();
      expect(await notForRoleMessage(page), path).toContain('此页面不对您的角色开放');
      expect(await notForRoleMessage(page)).toContain('煤矿安全员');
    }
    await screenshot(page, 'officer-not-for-role-zh-390');
    expect(await switchLanguage(page)).toBe('en');
    expect(await notForRoleMessage(page)).toContain('Not available for your role');
    expect(await notForRoleMessage(page)).toContain('Mine safety officer');
    await screenshot(page, 'officer-not-for-role-en-390');
  });
});
