/** Page model for the supervision coverage view (`/supervision`). */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitUntilIdle, sectionOpener } from './app-shell.ts';

export type CoverageGapName = 'plan' | 'responsible' | 'group' | 'leader';

/** Waits until the coverage table and KPI tiles show the answer for the current filters. */
export async function waitForCoverage(page: Page): Promise<void> {
  await waitUntilIdle(page, 'supervision-section');
}

/** Opens the coverage view, optionally with URL filters (`regionId`, `gap`, `mine=only`). */
export const openCoverage = sectionOpener('/supervision', waitForCoverage);

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

/** Opens bulk assignment from the coverage view (the button regulators see). */
export async function openBulkAssignment(page: Page, baseUrl?: string): Promise<void> {
  await openCoverage(page, {}, baseUrl);
  await page.getByTestId('coverage-bulk').click();
  await waitUntilIdle(page, 'bulk-assign-page');
}

/** Filters the bulk list by region and status, then selects every mine shown; returns their ids. */
export async function selectAllMinesBy(page: Page, regionId: string, status: string): Promise<string[]> {
  await page.getByTestId('bulk-filter-region').selectOption(regionId);
  await page.getByTestId('bulk-filter-status').selectOption(status);
  await waitUntilIdle(page, 'bulk-assign-page');
  await page.getByTestId('bulk-select-all').check();
  const rows = await page.getByTestId('bulk-mine-row').all();
  return Promise.all(rows.map(async (r) => (await r.getAttribute('data-mine-id')) ?? ''));
}

/** Chooses the leader and the group leader by their names and submits; returns the result's summary. */
export async function assignInBulk(page: Page, leaderName: string, groupLeaderName: string): Promise<string> {
  await page.getByTestId('bulk-leader').selectOption({ label: leaderName });
  await page.getByTestId('bulk-group-leader').selectOption({ label: groupLeaderName });
  await page.getByTestId('bulk-submit').click();
  return (await page.getByTestId('bulk-result-summary').innerText()).trim();
}

/**
 * Records a site visit on the open mine supervision page between two instants (typed into the
 * browser's datetime-local fields in the browser's own time zone), claiming to have gone underground.
 */
export async function recordUndergroundVisit(page: Page, fromMs: number, toMs: number): Promise<void> {
  const local = (ms: number) =>
    page.evaluate((t) => {
      const d = new Date(t);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, ms);
  await page.getByTestId('visit-start').fill(await local(fromMs));
  await page.getByTestId('visit-end').fill(await local(toMs));
  await page.getByTestId('visit-underground').check();
  const before = await page.getByTestId('visit-row').count();
  await page.getByTestId('visit-save').click();
  await expect.poll(() => page.getByTestId('visit-row').count(), { timeout: 10_000 }).toBeGreaterThan(before);
}
