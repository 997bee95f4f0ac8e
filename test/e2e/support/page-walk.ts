import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentLanguage, ensureLanguage, type Lang } from '../page-models/index.ts';
import { screenshot } from './browser.ts';

/** Waits until no part of the page is still loading (busy markers, loading lines, "Loading…" text). */
export async function settle(page: Page): Promise<void> {
  const loading = page.locator(
    '[data-busy="true"], [data-testid="page-loading"], [data-testid="app-loading"], .loading-line',
  );
  await expect.poll(async () => loading.count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(
      async () =>
        page
          .locator('main')
          .getByText(/^(加载中…|Loading…)$/)
          .count(),
      { timeout: 15_000 },
    )
    .toBe(0);
}

/** Both languages at both widths. */
export const EVERY_VIEW: ReadonlyArray<readonly [Lang, number]> = [
  ['zh-CN', 1440],
  ['zh-CN', 390],
  ['en', 1440],
  ['en', 390],
];

/**
 * Screenshots of the page as it stands, in every view: `${name}-zh-1440`, `${name}-zh-390`, `${name}-en-1440`
 * and `${name}-en-390` (a phone is 844 px high). The page is left in the language and size it had.
 */
export async function screenshotEveryView(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 1000 };
  const lang = await currentLanguage(page);
  for (const [view, width] of EVERY_VIEW) {
    await page.setViewportSize(width === size.width ? size : { width, height: 844 });
    await ensureLanguage(page, view);
    await screenshot(page, `${name}-${view === 'en' ? 'en' : 'zh'}-${width}`);
  }
  await page.setViewportSize(size);
  await ensureLanguage(page, lang);
}

/**
 * Opens each path in zh-CN and English, at 1440 and at 390 px (or the `views` given), waits until it
 * has settled and hands it to `visit` (the accessibility walk and the design-system checks go through every page this way).
 */
export async function walkPages(
  page: Page,
  baseUrl: string,
  paths: readonly string[],
  visit: (where: { lang: Lang; width: number; path: string }) => Promise<void>,
  views: ReadonlyArray<readonly [Lang, number]> = EVERY_VIEW,
): Promise<void> {
  for (const [lang, width] of views) {
    await page.setViewportSize({ width, height: width > 600 ? 1000 : 844 });
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId('sidenav').waitFor({ state: 'attached' });
      await ensureLanguage(page, lang);
      await settle(page);
      await visit({ lang, width, path });
    }
  }
}

/** Every page the province regulator can open (ids URI-encoded): the language crawl and the a11y walk. */
export function provincePaths(mine: string, hazard: string): string[] {
  return [
    '/',
    '/mines',
    `/mines/${mine}`,
    '/map',
    '/alarms',
    '/hazards',
    `/hazards/${hazard}`,
    '/hazards/new',
    '/hazards/proposals',
    '/orders',
    '/orders/resumptions',
    '/orders/gas',
    '/orders/campaigns',
    '/supervision',
    `/supervision/mines/${mine}`,
    '/directives',
    '/expertise',
    `/expertise/mines/${mine}`,
    '/expertise/upgrading',
    '/expertise/formalism',
    '/closure',
    '/closure/candidates',
    '/closure/targets',
    '/closure/cases',
    '/accidents',
    '/accidents/reference',
    '/accidents/accountability',
    '/briefing',
    '/briefing/risk',
    '/security/tokens',
    '/security/audit',
    '/security/events',
  ];
}

/** Every page a mine safety officer can open, at its own mine. */
export function officerPaths(mine: string, hazard: string): string[] {
  return [
    '/',
    `/mines/${mine}`,
    '/alarms',
    '/hazards',
    `/hazards/${hazard}`,
    '/hazards/self-check',
    '/orders',
    '/orders/resumptions',
    '/directives',
    '/closure',
    '/expertise',
    '/security/tokens',
  ];
}
