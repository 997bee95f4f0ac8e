/** Page model for the stopped-mine panel of a mine page and the compliance view of an order (ADR 0014). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection } from './app-shell.ts';

export interface WatchCrewDraft {
  crew: number;
  roles: string;
  areas: string;
}

/** Declares a watch crew from the mine page's panel (all three systems kept running, the default). */
export async function declareWatchCrew(page: Page, d: WatchCrewDraft): Promise<void> {
  const panel = page.getByTestId('stopped-panel');
  await panel.getByTestId('stopped-crew').fill(String(d.crew));
  await panel.getByTestId('stopped-roles').fill(d.roles);
  await panel.getByTestId('stopped-areas').fill(d.areas);
  await panel.getByTestId('stopped-submit').click();
  await panel.getByTestId('stopped-declared').waitFor();
}

/** The declarations on the panel as [kind, state, crew size], once it has loaded. */
export async function declarations(page: Page): Promise<Array<[string, string, string]>> {
  await waitUntilIdle(page, 'stopped-panel');
  const out: Array<[string, string, string]> = [];
  for (const card of await page.locator('[data-testid^="stopped-allowance-"]').all()) {
    out.push([
      (await card.getAttribute('data-kind')) ?? '',
      (await card.getAttribute('data-state')) ?? '',
      (await card.getByTestId('stopped-crew-size').innerText()).trim(),
    ]);
  }
  return out;
}

/** Approves the first declaration awaiting approval and waits until the panel shows it approved. */
export async function approveFirstDeclaration(page: Page, reason: string): Promise<void> {
  const card = page.locator('[data-testid^="stopped-allowance-"][data-state="declared"]').first();
  const id = (await card.getAttribute('data-testid'))!;
  await card.getByTestId('stopped-reason').fill(reason);
  await card.getByTestId('stopped-approve').click();
  await page.locator(`[data-testid="${id}"][data-state="approved"]`).waitFor();
}

/** Opens an order's detail page and waits for its compliance view. */
export async function openOrderCompliance(page: Page, orderId: string, baseUrl?: string): Promise<void> {
  await openSection(page, `/orders/order/${encodeURIComponent(orderId)}`, 'order-compliance', baseUrl);
}

/** The compliance rows as mine code → state, and whether the view says "all clear". */
export async function complianceStates(
  page: Page,
): Promise<{ allClear: boolean; states: Record<string, string> }> {
  const view = page.locator('[data-testid="order-compliance"][data-busy="false"]');
  await view.waitFor();
  const states: Record<string, string> = {};
  for (const row of await page.locator('[data-testid^="compliance-"][data-state]').all()) {
    const code = (await row.getAttribute('data-testid'))!.replace(/^compliance-/, '');
    states[code] = (await row.getAttribute('data-state')) ?? '';
  }
  return { allClear: (await view.getAttribute('data-all-clear')) === 'true', states };
}

/** Reloads the compliance view in place and waits for the new answer. */
export async function reloadCompliance(page: Page): Promise<void> {
  await page.getByTestId('order-compliance-reload').click();
  await waitUntilIdle(page, 'order-compliance');
}
