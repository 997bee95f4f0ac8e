/** Page model for one mine's page (`/mines/:id`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

/** Waits until the mine page has loaded, or the "cannot open this mine" page is shown. */
export async function waitForMinePage(page: Page): Promise<void> {
  await page
    .locator('[data-testid="mine-page"][data-busy="false"], [data-testid="mine-denied"]')
    .first()
    .waitFor();
}

/** Opens a mine's page once logged in (or with `baseUrl`), and waits for it or for the denial. */
export async function openMine(page: Page, mineId: string, baseUrl?: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/mines/${encodeURIComponent(mineId)}`);
  await waitForMinePage(page);
}

/** Whether the UI shows "you cannot open this mine, or it does not exist". */
export async function isMineDenied(page: Page): Promise<boolean> {
  return (await page.getByTestId('mine-denied').count()) > 0;
}

/** The id of the mine on screen. */
export async function shownMineId(page: Page): Promise<string | null> {
  return page.getByTestId('mine-page').getAttribute('data-mine-id');
}

/** The mine's name as shown in the header. */
export async function mineName(page: Page): Promise<string> {
  return (await page.getByTestId('mine-page').getByTestId('mine-name').innerText()).trim();
}

/** The mine's 12-digit code. */
export async function mineCode(page: Page): Promise<string> {
  return (await page.getByTestId('mine-code').innerText()).trim();
}

/** The status code (e.g. `suspended`) and its displayed label. */
export async function mineStatus(page: Page): Promise<{ status: string; label: string }> {
  const pill = page.getByTestId('mine-status');
  return { status: (await pill.getAttribute('data-status')) ?? '', label: (await pill.innerText()).trim() };
}

/** The region chain from province down, as displayed. */
export async function mineRegionChain(page: Page): Promise<string[]> {
  return (await page.getByTestId('mine-region-chain').locator('.crumb').allInnerTexts()).map((s) =>
    s.replace(/^›\s*/, '').trim(),
  );
}

export type MineFact =
  | 'capacity'
  | 'gas-class'
  | 'gas-control'
  | 'max-underground'
  | 'enterprise'
  | 'operator'
  | 'licence'
  | 'mechanisation'
  | 'coordinates'
  | 'status-since';

/** The text of one fact in the facts grid (label excluded). */
export async function mineFact(page: Page, fact: MineFact): Promise<string> {
  return (await page.getByTestId(`fact-${fact}`).locator('dd').innerText()).trim();
}

/** Whether the licence validity is shown as expired (red). */
export async function isLicenceExpired(page: Page): Promise<boolean> {
  return (await page.getByTestId('fact-licence').locator('[data-expired="true"]').count()) > 0;
}

/** Whether the page carries the red "small mine" tag. */
export async function hasSmallMineTag(page: Page): Promise<boolean> {
  return (await page.getByTestId('mine-page').getByTestId('small-mine-tag').count()) > 0;
}

/** The status history rows, newest as the server orders them. */
export async function statusHistory(page: Page): Promise<Array<{ from: string; to: string; text: string }>> {
  const rows = page.getByTestId('status-history-row');
  const result: Array<{ from: string; to: string; text: string }> = [];
  for (const row of await rows.all()) {
    result.push({
      from: (await row.getAttribute('data-from')) ?? '',
      to: (await row.getAttribute('data-to')) ?? '',
      text: (await row.innerText()).trim(),
    });
  }
  return result;
}

/** The audit trail rows: action code and the row's visible text (who, when, changes). */
export async function auditTrail(page: Page): Promise<Array<{ action: string; text: string }>> {
  const rows = page.getByTestId('audit-trail').getByTestId('audit-row');
  const result: Array<{ action: string; text: string }> = [];
  for (const row of await rows.all()) {
    result.push({
      action: (await row.getAttribute('data-action')) ?? '',
      text: (await row.innerText()).trim(),
    });
  }
  return result;
}
