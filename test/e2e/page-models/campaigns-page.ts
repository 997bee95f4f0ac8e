/** Page model for 专项整治 (`/orders/campaigns`): create, open, tick progress, read the report. */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection } from './app-shell.ts';

export async function openCampaigns(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/orders/campaigns', 'campaigns', baseUrl);
}

export interface CampaignDraft {
  name: string;
  regionId: string;
  startsOn: string;
  endsOn: string;
  items: Array<{ text: string; dueOn: string }>;
}

/** Fills and submits the create form; waits for the new campaign's page to open. */
export async function createCampaign(page: Page, d: CampaignDraft): Promise<void> {
  await page.getByTestId('campaign-name').fill(d.name);
  await page.getByTestId('campaign-region').selectOption(d.regionId);
  await page.getByTestId('campaign-starts').fill(d.startsOn);
  await page.getByTestId('campaign-ends').fill(d.endsOn);
  for (const [i, it] of d.items.entries()) {
    if (i > 0) await page.getByTestId('campaign-add-item').click();
    await page.getByTestId(`campaign-item-text-${i}`).fill(it.text);
    await page.getByTestId(`campaign-item-due-${i}`).fill(it.dueOn);
  }
  await page.getByTestId('campaign-create').click();
  await waitUntilIdle(page, 'campaign-detail');
}

/** The hints the create form shows before sending ([] when none). */
export async function campaignFormHints(page: Page): Promise<string[]> {
  const list = page.getByTestId('campaign-form-hints');
  return (await list.count()) > 0 ? list.locator('li').allTextContents() : [];
}

/** Opens a campaign from the list by its name. */
export async function openCampaign(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid^="campaign-link-"]', { hasText: name }).first().click();
  await waitUntilIdle(page, 'campaign-detail');
}

/** Ticks (or unticks) one item of one mine and waits for the progress to be stored and shown. */
export async function markCampaignItem(page: Page, mineCode: string, itemId: string, done: boolean) {
  const box = page.getByTestId(`campaign-mark-${mineCode}-${itemId}`);
  await box.setChecked(done);
  await waitUntilIdle(page, 'campaign-detail');
  await page
    .locator(`[data-testid="campaign-mark-${mineCode}-${itemId}"]${done ? ':checked' : ':not(:checked)'}`)
    .waitFor();
}

/** The report row of a district: mines with every item done / mines. */
export async function campaignDistrict(page: Page, regionId: string): Promise<string> {
  const row = page.getByTestId(`campaign-district-${regionId}`);
  await waitUntilIdle(page, 'campaign-report');
  return (await row.locator('td').nth(1).textContent()) ?? '';
}
