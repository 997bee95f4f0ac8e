import type { Page } from 'playwright-core';
import { attributeOfAll } from './app-shell.ts';

/** Every tab bar a section page draws (plain tabs, SectionTabs, the expertise and briefing tabs). */
const TAB_BARS = 'main nav.tabs button, main nav.section-tabs a, main nav.ex-tabs a, main nav.bf-tabs a';

/** The sections the navigation offers, as paths (`/orders`, `/closure`, …), the start page left out. */
export async function offeredSectionPaths(page: Page): Promise<string[]> {
  await page.getByTestId('sidenav').waitFor({ state: 'attached' });
  const hrefs = await attributeOfAll(page.getByTestId('sidenav').locator('a'), 'href');
  return hrefs.filter((h) => h !== '/');
}

/** Waits until the content has drawn and nothing in it says it is loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main > :not([data-testid="page-loading"])').first().waitFor();
  await page.locator('main [data-busy="true"]').first().waitFor({ state: 'detached' });
}

/** The tabs the current page offers, by their test ids. */
export async function offeredTabs(page: Page): Promise<string[]> {
  return attributeOfAll(page.locator(TAB_BARS), 'data-testid');
}

/** What the content shows besides its headings and tab bars (empty for a blank page). */
export async function contentBelowTabs(page: Page): Promise<string> {
  let text = await page.locator('main').innerText();
  for (const frame of await page.locator('main h1, main nav').all())
    text = text.replace(await frame.innerText(), '');
  return text.trim();
}

/** The "not available for your role" message, or null when the page does not show it. */
export async function notForRoleMessage(page: Page): Promise<string | null> {
  const message = page.getByTestId('not-for-role');
  return (await message.count()) === 0 ? null : message.innerText();
}
