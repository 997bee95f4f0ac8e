import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { generalHazard } from '../hazards/hazard-fixtures.ts';
import { orderFor } from '../orders/order-fixtures.ts';
import { asSession, loginAs } from '../support/world.ts';
import {
  openBriefing,
  openHazard,
  openHitWithKeys,
  openMine,
  exportList,
  printedText,
  searchEmptyText,
  searchFor,
  shownMineId,
  switchLanguage,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/**
 * Issue 16 in the browser: the top bar's search (within the scope, keyboard friendly, at 1440 and
 * 390 px), a list's export, and printing the mine page, an order, a hazard and the briefing to A4.
 */
describeInBrowser('search, export and print, in the browser', () => {
  const server = useBrowserSuite({ mineCount: 120 });
  const post = async (username: string, url: string, payload: object) => {
    const s = await loginAs(server.app, username);
    const res = await server.app.inject({ method: 'POST', url, headers: asSession(s), payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<Record<string, { id: string }>>();
  };
  /** Navigation and top-bar labels that must never be printed. */
  const NAV_LABELS = ['退出登录', '煤矿台账', '矿井分布图', '今日待办', '审计与安全日志', 'English'];

  it('a county regulator finds a mine by part of its name and by its code, and an order by its number; an out-of-scope mine is not found', async () => {
    const mine = server.mineOf('officer');
    const other = server.mineOf('officer2');
    const order = await post(
      'province',
      '/api/orders',
      orderFor([mine.id], { number: '示煤安停〔2026〕816号', reason: '检索测试' }),
    );
    const page = await server.newPage('county');
    const part = mine.name.slice(0, 3);
    const byName = await searchFor(page, part);
    expect(
      byName
        .filter((h) => h.group === 'mines')
        .map((h) => h.text)
        .join('\n'),
    ).toContain(mine.name);
    await screenshot(page, 'global-search-zh-1440');

    const byCode = await searchFor(page, mine.code);
    expect(byCode).toHaveLength(1);
    expect(byCode[0]!.text).toContain(mine.code);
    await openHitWithKeys(page, 0);
    await page.locator('[data-testid="mine-page"][data-busy="false"]').waitFor();
    expect(await shownMineId(page)).toBe(mine.id);

    const byNumber = await searchFor(page, '〔2026〕816');
    expect(byNumber.map((h) => h.group)).toEqual(['orders']);
    expect(byNumber[0]!.text).toContain('示煤安停〔2026〕816号');
    await openHitWithKeys(page, 0);
    await page.locator('[data-testid="order-detail"][data-busy="false"]').waitFor();
    expect(page.url()).toContain(order.order!.id);

    expect(await searchFor(page, other.code)).toEqual([]);
    expect(await searchEmptyText(page)).toBe('没有找到匹配的结果');
    expect((await searchFor(page, other.name)).map((h) => h.text).join()).not.toContain(other.code);

    await switchLanguage(page);
    expect((await searchFor(page, mine.code))[0]!.text).toContain(mine.code);
    await screenshot(page, 'global-search-en-1440');
    expect(await searchFor(page, other.code)).toEqual([]);
    expect(await searchEmptyText(page)).toBe('Nothing matches');

    // At 390 px the search is an icon that expands over the bar.
    for (const lang of ['zh-CN', 'en'] as const) {
      const phone = await server.newPage('county', { width: 390, height: 844, locale: lang });
      if (lang === 'en') await switchLanguage(phone);
      expect(await phone.getByTestId('global-search-input').isVisible()).toBe(false);
      const hits = await searchFor(phone, mine.code);
      expect(hits).toHaveLength(1);
      const box = await phone.getByTestId('global-search-input').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await screenshot(phone, `global-search-${lang === 'en' ? 'en' : 'zh'}-390`);
      await openHitWithKeys(phone, 0);
      await phone.locator('[data-testid="mine-page"][data-busy="false"]').waitFor();
      expect(await shownMineId(phone)).toBe(mine.id);
    }
  });

  it('exports the mines list with its filters as a CSV with Chinese headers', async () => {
    const page = await server.newPage('county');
    await page.goto(`${server.baseUrl}/mines?status=producing`);
    await page.locator('[data-testid="mines-page"][data-busy="false"]').waitFor();
    const total = Number(await page.getByTestId('mine-total').getAttribute('data-value'));
    await screenshot(page, 'mines-export-zh-1440');
    const file = await exportList(page, 'csv');
    expect(file.name).toMatch(/^redline-mines-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('煤矿编码,煤矿名称,所属区域');
    expect(lines).toHaveLength(total + 1);
    for (const line of lines.slice(1)) expect(line).toContain(',生产,');

    // The control in English and on a phone: the same export, its words in the page's language.
    await switchLanguage(page);
    await screenshot(page, 'mines-export-en-1440');
    const en = await exportList(page, 'csv');
    expect(en.bytes.toString('utf8')).toContain('Mine code,Mine,Region');
    for (const lang of ['zh-CN', 'en'] as const) {
      const phone = await server.newPage('county', { width: 390, height: 844, locale: lang });
      if (lang === 'en') await switchLanguage(phone);
      await phone.goto(`${server.baseUrl}/mines?status=producing`);
      await phone.locator('[data-testid="mines-page"][data-busy="false"]').waitFor();
      const box = await phone.getByTestId('export-xlsx').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await screenshot(phone, `mines-export-${lang === 'en' ? 'en' : 'zh'}-390`);
    }
  });

  const printChecks = async (page: Page, name: string, expected: readonly string[]) => {
    const { text, pages } = await printedText(page, name);
    const flat = text.replace(/\s+/g, '');
    for (const e of expected) expect(flat, `${name} prints ${e}`).toContain(e.replace(/\s+/g, ''));
    for (const label of NAV_LABELS) expect(flat, `${name} must not print ${label}`).not.toContain(label);
    expect(flat).toContain('打印时间');
    expect(flat).toContain('北京时间');
    expect(pages).toBeGreaterThan(0);
    return { flat, pages };
  };

  it('prints the mine page, an order, a hazard and the briefing as A4 without navigation', async () => {
    const mine = server.mineOf('officer');
    const hazard = await post('officer', '/api/hazards', generalHazard(mine.id, { title: '回风巷积水待排' }));
    const order = await post(
      'province',
      '/api/orders',
      orderFor([mine.id], {
        number: '示煤安停〔2026〕817号',
        kind: 'close_mine',
        legalBasis: '《煤矿安全生产条例》第七十条',
        reason: '打印测试',
      }),
    );

    const county = await server.newPage('county');
    await openMine(county, mine.id);
    await printChecks(county, 'mine', [mine.name, mine.code]);

    await openHazard(county, hazard.hazard!.id);
    await printChecks(county, 'hazard', ['回风巷积水待排', mine.name]);

    await county.goto(`${server.baseUrl}/orders/order/${order.order!.id}`);
    await county.locator('[data-testid="order-detail"][data-busy="false"]').waitFor();
    await printChecks(county, 'order', ['示煤安停〔2026〕817号', '打印测试']);

    const province = await server.newPage('province');
    const scope = server.user('province').scope;
    if (scope.kind !== 'region') throw new Error('province must be region-scoped');
    await openBriefing(
      province,
      { regionId: scope.regionId, from: '2026-11-01', to: '2026-11-30' },
      server.baseUrl,
    );
    const briefing = await printChecks(province, 'briefing', ['2026-11-01', '2026-11-30']);
    expect(briefing.flat).toContain('地区：');
    // The section's own tabs are navigation too.
    expect(briefing.flat).not.toContain('风险排名');
  });
});
