import { expect, it } from 'vitest';
import {
  bellCount,
  bellItem,
  issueWarningNotice,
  openBell,
  openDirectives,
  switchLanguage,
} from './page-models/index.ts';
import { describeInBrowser, localInput, screenshot } from './support/browser.ts';
import { findLeaks } from './support/language-leaks.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/**
 * The notification bell (issue 16) in the browser: a province regulator issues a notice to a county;
 * the county regulator's bell and tab title count it at once over the live feed, without a reload;
 * opening it from the bell marks it read and opens the notice.
 */
describeInBrowser('notification bell in the browser', () => {
  const server = useBrowserSuite({ server: { monitoring: true }, stopTimeoutMs: 60_000 });

  it("a province notice rings the county regulator's bell and tab title live; opening it marks it read", async () => {
    const county = server.province.users.find((u) => u.username === 'county');
    if (county?.scope.kind !== 'region') throw new Error('county must be region-scoped');
    const [issuer, page] = await Promise.all([server.newPage('province'), server.newPage('county')]);
    await page.getByTestId('today-list').waitFor();
    await page.locator('[data-testid="bell"]').waitFor();
    // The bell has read its list once (overdue work of the demo county may already be there).
    await expect.poll(() => page.getByTestId('bell').getAttribute('data-unread')).not.toBeNull();
    const before = await bellCount(page);
    // A marker on the window: it is gone if the page reloads.
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));

    const title = '关于立即开展皮带运输系统防灭火排查的警示通报';
    await openDirectives(issuer, server.baseUrl);
    await issueWarningNotice(issuer, {
      title,
      body: '各煤矿立即排查输送带保护装置，严禁保护失效运行。',
      cause: '输送带保护失效，托辊摩擦起火',
      regionId: county.scope.regionId,
      deadlineLocal: localInput(Date.now() + 48 * 3_600_000),
    });

    await expect.poll(() => bellCount(page), { timeout: 15_000 }).toBe(before + 1);
    expect(await page.title()).toMatch(new RegExp(`^\\(${before + 1}\\) .*红线 Redline$`));
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await openBell(page);
    const item = bellItem(page, title);
    // The panel is wholly in the chosen language: only the data (titles, mine names) may be Chinese.
    const data = await page.evaluate(async () => {
      const r = await fetch('/api/notifications');
      const body = (await r.json()) as { items: Array<{ title: string | null; mineName: string | null }> };
      return body.items.flatMap((i) => [i.title, i.mineName]).filter((x): x is string => x !== null);
    });
    const leaks = async (lang: 'zh-CN' | 'en') =>
      findLeaks(await page.getByTestId('bell-panel').innerText(), lang, new Set(data));
    expect(await leaks('zh-CN')).toEqual([]);
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.innerText()).toContain('事故警示通报');
    await screenshot(page, 'bell-open-zh-1440');
    await switchLanguage(page); // a click outside the panel closes it
    await openBell(page);
    await expect.poll(() => item.innerText()).toContain('Accident warning notice');
    expect(await leaks('en')).toEqual([]);
    await screenshot(page, 'bell-open-en-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await openBell(page);
    const box = await page.getByTestId('bell-panel').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'bell-open-en-390');
    await switchLanguage(page);
    await openBell(page);
    await screenshot(page, 'bell-open-zh-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await bellItem(page, title).click();
    await page.waitForURL(/\/directives\/[^/]+$/);
    await page.locator('[data-testid="directive-detail"][data-busy="false"]').waitFor();
    expect(await page.getByTestId('directive-detail').innerText()).toContain(title);
    await expect.poll(() => bellCount(page)).toBe(before);
    await expect.poll(() => page.title()).not.toMatch(new RegExp(`^\\(${before + 1}\\)`));
    await openBell(page);
    expect(await bellItem(page, title).getAttribute('data-read')).toBe('true');

    // Read is stored: a fresh page of the same user still has it read.
    await page.reload();
    await openBell(page);
    expect(await bellItem(page, title).getAttribute('data-read')).toBe('true');
    expect(await bellCount(page)).toBe(before);
  }, 120_000);
});
