/** Page model for the supervision coverage view (`/supervision`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

export type CoverageGapName = 'plan' | 'responsible' | 'group' | 'leader';

/** Waits until the coverage table and KPI tiles show the answer for the current filters. */
export async function waitForCoverage(page: Page): Promise<void> {
  await page.locator('[data-testid="supervision-section"][data-busy="false"]').waitFor();
}

/** Opens the coverage view, optionally with URL filters (`regionId`, `gap`, `mine=only`). */
export async function openCoverage(
  page: Page,
  query: Record<string, string> = {},
  baseUrl?: string,
): Promise<void> {
  const qs = new URLSearchParams(query).toString();
  await page.goto(`${appOrigin(page, baseUrl)}/supervision${qs === '' ? '' : `?${qs}`}`);
  await waitForCoverage(page);
}

/** The rows of the coverage table in display order: mine id, its gaps, and whether it is the user's own. */
export async function coverageRows(
  page: Page,
): Promise<Array<{ mineId: string; gaps: string[]; isMine: boolean }>> {
  const rows = await page.getByTestId('coverage-row').all();
  return Promise.all(
    rows.map(async (r) => ({
      mineId: (await r.getAttribute('data-mine-id')) ?? '',
      gaps: ((await r.getAttribute('data-gaps')) ?? '').split(' ').filter(Boolean),
      isMine: (await r.getAttribute('data-mine')) === 'true',
    })),
  );
}

/** Shows only mines lacking one of the four ('' for all). */
export async function filterCoverageByGap(page: Page, gap: CoverageGapName | ''): Promise<void> {
  await page.getByTestId('coverage-filter-gap').selectOption(gap);
  await waitForCoverage(page);
}

/** The number on one KPI tile (e.g. 'missing-plan', 'leader-overdue', 'complete'). */
export async function coverageKpi(page: Page, tile: string): Promise<string> {
  return (await page.getByTestId(`kpi-${tile}`).locator('.kpi-value').innerText()).trim();
}
