import { expect, it } from 'vitest';
import { ensureLanguage } from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { settle } from './support/page-walk.ts';

/**
 * Each role's day starts on its work list (今日待办): after logging in, every role lands on it, in
 * Chinese on a desk and in English on a phone, and the first line of the list opens the place to act
 * on it — a page that loads without an error, not the list again.
 */
const ROLES = [
  'province',
  'city',
  'county',
  'leader',
  'group',
  'officer',
  'expert',
  'bureau',
  'govhead',
] as const;

describeInBrowser("each role's day from the work list", () => {
  const server = useBrowserSuite({
    pageTimeoutMs: 20_000,
    server: { monitoring: true },
    stopTimeoutMs: 60_000,
  });

  for (const [lang, width, height] of [
    ['zh-CN', 1440, 1000],
    ['en', 390, 844],
  ] as const) {
    it(`every role lands on its work list and its first line opens the place to act (${lang}, ${width} px)`, async () => {
      const opened: string[] = [];
      for (const role of ROLES) {
        const page = await server.newPage(role, { width, height, locale: lang });
        await ensureLanguage(page, lang);
        await page.getByTestId('today-list').waitFor();
        await settle(page);
        expect(new URL(page.url()).pathname, role).toBe('/');
        const title = (await page.locator('h1').first().innerText()).trim();
        expect(title, role).toBe(lang === 'zh-CN' ? '今日待办' : 'Today');
        await screenshot(page, `today-${role}-${lang}-${width}`);
        if (role === 'county') {
          // The registry figures below the list name the county once (it has no districts below it).
          const names = await page.getByTestId('district-table').locator('td:first-child').allInnerTexts();
          expect(names.length, 'county district rows').toBeGreaterThan(0);
          expect(new Set(names).size, names.join(' / ')).toBe(names.length);
        }
        const lines = page.getByTestId('today-line');
        const count = await lines.count();
        // The regulators over the demo region always have work: unacknowledged critical alarms at least.
        if (role === 'province' || role === 'county') expect(count, role).toBeGreaterThan(0);
        if (count === 0) {
          // Nothing today: the list says so instead of showing an empty grid.
          expect(await page.getByTestId('today-clear').count(), role).toBe(1);
          await page.context().close();
          continue;
        }
        const kind = await lines.first().getAttribute('data-kind');
        await lines.first().click();
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe('/');
        await settle(page);
        const errors = await page.getByTestId('error-box').allInnerTexts();
        expect(errors, `${role} ${kind} ${page.url()}`).toEqual([]);
        opened.push(`${role}:${kind}`);
        await page.context().close();
      }
      // Most roles had something to open.
      expect(opened.length).toBeGreaterThanOrEqual(2);
    }, 300_000);
  }
});
