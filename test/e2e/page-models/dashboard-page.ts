/** Page model for the region dashboard (`/`). */
import type { Page } from 'playwright-core';
import { appOrigin, waitUntilIdle } from './app-shell.ts';

export type Kpi = 'mines' | 'producing' | 'suspended' | 'closing' | 'small' | 'gas-risk';

/** Waits until the dashboard shows the answer for the region in the URL. */
export async function waitForDashboard(page: Page): Promise<void> {
  await waitUntilIdle(page, 'dashboard-page');
  await page.getByTestId('kpi-mines').waitFor();
}

/** Opens the dashboard (for a region when given) once logged in. */
export async function openDashboard(page: Page, regionId?: string, baseUrl?: string): Promise<void> {
  const query = regionId === undefined ? '' : `?regionId=${encodeURIComponent(regionId)}`;
  await page.goto(`${appOrigin(page, baseUrl)}/${query}`);
  await waitForDashboard(page);
}

/**
 * A KPI tile's number (`kpi-mines`, `kpi-producing`, `kpi-suspended`, `kpi-closing` = closing + closed,
 * `kpi-small` = capacity < 300 kt/yr, `kpi-gas-risk` = high-gas/outburst without gas-control capability).
 */
export async function kpiValue(page: Page, kpi: Kpi): Promise<number> {
  const value = await page.getByTestId(`kpi-${kpi}`).getAttribute('data-value');
  return Number(value);
}

/** Chooses a region in the dashboard's region select and waits for its figures. */
export async function selectDashboardRegion(page: Page, regionId: string): Promise<void> {
  await page.getByTestId('dashboard-region').selectOption(regionId);
  await waitForDashboard(page);
}

/** The region the dashboard's select shows. */
export async function selectedDashboardRegion(page: Page): Promise<string> {
  return page.getByTestId('dashboard-region').inputValue();
}

export interface DistrictRow {
  regionId: string;
  name: string;
  total: number;
}

/** The rows of the per-district table (name as displayed in the current language). */
export async function districtRows(page: Page): Promise<DistrictRow[]> {
  const rows = page.getByTestId('district-row');
  const result: DistrictRow[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    result.push({
      regionId: (await row.getAttribute('data-region-id')) ?? '',
      name: (await cells.nth(0).innerText()).trim(),
      total: Number((await cells.nth(2).innerText()).replace(/[^\d]/g, '')),
    });
  }
  return result;
}

/** The "mines with critical alarms" tile, once the alarm overview has loaded. */
export async function criticalMinesKpi(page: Page): Promise<number> {
  const tile = page.locator('[data-testid="kpi-critical-mines"][data-value]');
  await tile.waitFor();
  return Number(await tile.getAttribute('data-value'));
}
