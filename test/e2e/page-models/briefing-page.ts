/** Page model for the briefing section (`/briefing`, `/briefing/risk`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

/** Opens the briefing of a region and period; returns the preview's mine total and hazards found. */
export async function openBriefing(
  page: Page,
  q: { regionId: string; from: string; to: string },
  baseUrl?: string,
): Promise<{ totalMines: string; hazardsFound: string }> {
  const qs = new URLSearchParams(q).toString();
  await page.goto(`${appOrigin(page, baseUrl)}/briefing?${qs}`);
  await page.locator('[data-testid="briefing-section"][data-busy="false"]').waitFor();
  await page.getByTestId('briefing-preview').waitFor();
  const cell = (testId: string) => page.locator(`[data-testid="${testId}"] td`).nth(1).innerText();
  return {
    totalMines: await cell('briefing-status-total'),
    hazardsFound: await cell('briefing-hazards-found'),
  };
}

/** Opens the risk ranking; returns the mine ids in rank order. */
export async function openRiskRanking(page: Page, regionId?: string, baseUrl?: string): Promise<string[]> {
  const qs = regionId ? `?regionId=${regionId}` : '';
  await page.goto(`${appOrigin(page, baseUrl)}/briefing/risk${qs}`);
  await page.locator('[data-testid="risk-page"][data-busy="false"]').waitFor();
  const ids: string[] = [];
  for (const row of await page.getByTestId('risk-row').all())
    ids.push((await row.getAttribute('data-mine-id')) ?? '');
  return ids;
}
