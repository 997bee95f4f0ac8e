/** Page model for the orders section (`/orders`). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection, setFields, textOf } from './app-shell.ts';

/** Opens the orders list (with the issue form for regulators). */
export async function openOrders(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/orders', 'orders-list', baseUrl);
}

export interface OrderDraft {
  number: string;
  regionId: string;
  basis: string;
  reason: string;
}

/** Fills the issue form for a region-wide stop-work order and previews it; returns the summary line. */
export async function previewStopWork(page: Page, d: OrderDraft): Promise<string> {
  await setFields(page, {
    'order-kind': 'stop_work',
    'order-number': d.number,
    'order-region': d.regionId,
    'order-basis': d.basis,
    'order-reason': d.reason,
  });
  await page.getByTestId('order-preview').click();
  return textOf(page, 'order-preview-summary');
}

/** Issues the filled order; returns the confirmation line. */
export async function issueOrderNow(page: Page): Promise<string> {
  await page.getByTestId('order-issue').click();
  return textOf(page, 'order-issued');
}

/**
 * The order numbers the list shows once it has reloaded. The list refreshes after an issue, so with
 * `expecting` it first waits (up to the page's default timeout) for a row with that number to appear.
 */
export async function listedOrderNumbers(page: Page, expecting?: string): Promise<string[]> {
  const rows = page.locator('[data-testid^="order-ord-"] td:first-child');
  if (expecting) {
    await rows
      .filter({ hasText: expecting })
      .first()
      .waitFor()
      .catch(() => undefined);
  }
  await waitUntilIdle(page, 'orders-list');
  return rows.allTextContents();
}

/** Opens an issued order from the list by its number; returns the outcome shown for each mine code. */
export async function openIssuedOrder(page: Page, number: string): Promise<Record<string, string>> {
  await page.locator('[data-testid^="order-link-"]', { hasText: number }).first().click();
  await waitUntilIdle(page, 'order-detail');
  const out: Record<string, string> = {};
  for (const row of await page.locator('[data-testid^="order-mine-"]').all()) {
    const code = (await row.getAttribute('data-testid'))!.replace(/^order-mine-/, '');
    out[code] = (await row.getAttribute('data-outcome')) ?? '';
  }
  return out;
}

/** The public-notice block of the open order: its text, whether it is late, and the recorded date. */
export async function orderNotice(page: Page): Promise<{ text: string; late: boolean; recorded: string }> {
  const block = page.getByTestId('order-notice');
  return {
    text: (await page.getByTestId('order-notice-text').textContent()) ?? '',
    late: (await block.getAttribute('data-late')) === 'true',
    recorded: (await block.getAttribute('data-recorded')) ?? '',
  };
}

/** Records the open order's public notice and waits for the detail to show it. */
export async function recordOrderNotice(page: Page, date: string, ref: string): Promise<void> {
  await page.getByTestId('order-notice-date').fill(date);
  await page.getByTestId('order-notice-ref').fill(ref);
  await page.getByTestId('order-notice-submit').click();
  await page.locator(`[data-testid="order-notice"][data-recorded="${date}"]`).waitFor();
}

/** Whether the open order shows the mine's safety production licence as suspended by it. */
export async function isLicenceSuspendedByOrder(page: Page, mineCode: string): Promise<boolean> {
  return (await page.getByTestId(`order-licence-${mineCode}`).getAttribute('data-suspended')) === 'true';
}
