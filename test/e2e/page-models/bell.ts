/** Page model for the notification bell in the top bar. */
import type { Locator, Page } from 'playwright-core';

/** The unread count the bell shows (0 when it shows none). */
export async function bellCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('bell').getAttribute('data-unread')) ?? '0');
}

/** Opens the bell's panel (if closed) and returns it. */
export async function openBell(page: Page): Promise<Locator> {
  const panel = page.getByTestId('bell-panel');
  if (!(await panel.isVisible())) await page.getByTestId('bell').click();
  await panel.waitFor();
  return panel;
}

/** The bell's item whose title is `title`. */
export function bellItem(page: Page, title: string): Locator {
  return page.getByTestId('bell-panel').getByTestId('bell-item').filter({ hasText: title });
}
