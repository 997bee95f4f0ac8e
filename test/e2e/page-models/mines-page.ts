/** Page model for the mines table (`/mines`). */
import type { Page } from 'playwright-core';
import { attributeOfAll, waitUntilIdle, sectionOpener } from './app-shell.ts';

export type MineSortColumn = 'name' | 'code' | 'capacity' | 'status' | 'region';
export type CapacityFilter = '' | 'lt300k' | 'ge300k';

/** Waits until the table shows the answer for the current filters (debounce and request done). */
export async function waitForMines(page: Page): Promise<void> {
  await waitUntilIdle(page, 'mines-page');
}

/** Opens the mines table, optionally with URL filters (`q`, `regionId`, `status`, `gasClass`, `capacity`, `page`, `sort`, `order`). */
export const openMines = sectionOpener('/mines', waitForMines);

/** Types into the search box and waits for the debounced search to land in the URL and the table. */
export async function filterByText(page: Page, text: string): Promise<void> {
  await page.getByTestId('filter-q').fill(text);
  await page.waitForURL((url) => (url.searchParams.get('q') ?? '') === text.trim());
  await waitForMines(page);
}

async function selectFilter(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).selectOption(value);
  await waitForMines(page);
}

/** Filters by region id ('' for all). */
export async function filterByRegion(page: Page, regionId: string): Promise<void> {
  await selectFilter(page, 'filter-region', regionId);
}

/** Filters by status ('' for all). */
export async function filterByStatus(page: Page, status: string): Promise<void> {
  await selectFilter(page, 'filter-status', status);
}

/** Filters by gas class ('' for all). */
export async function filterByGasClass(page: Page, gasClass: string): Promise<void> {
  await selectFilter(page, 'filter-gas', gasClass);
}

/** Filters by capacity: < 300 kt/yr, ≥ 300 kt/yr, or '' for all. */
export async function filterByCapacity(page: Page, capacity: CapacityFilter): Promise<void> {
  await selectFilter(page, 'filter-capacity', capacity);
}

/** Clears every filter (the button shows only while a filter is set). */
export async function clearFilters(page: Page): Promise<void> {
  const reset = page.getByTestId('filter-reset');
  if ((await reset.count()) === 0) return;
  await reset.click();
  await waitForMines(page);
}

/** Sorts by a column header, clicking until it sorts in `order`. */
export async function sortMinesBy(
  page: Page,
  column: MineSortColumn,
  order: 'asc' | 'desc' = 'asc',
): Promise<void> {
  const wanted = order === 'asc' ? 'ascending' : 'descending';
  const header = page.locator('th', { has: page.getByTestId(`sort-${column}`) });
  for (let i = 0; i < 2; i++) {
    if ((await header.getAttribute('aria-sort')) === wanted) break;
    await page.getByTestId(`sort-${column}`).click();
    await waitForMines(page);
  }
}

/** The total number of mines matching the filters (all pages). */
export async function mineTotal(page: Page): Promise<number> {
  const total = page.locator('[data-testid="mine-total"][data-value]');
  await total.waitFor();
  return Number(await total.getAttribute('data-value'));
}

/** The current page and the page count. */
export async function currentPage(page: Page): Promise<{ page: number; pages: number }> {
  const info = page.getByTestId('page-info');
  return {
    page: Number(await info.getAttribute('data-page')),
    pages: Number(await info.getAttribute('data-pages')),
  };
}

/** Goes to the next page and waits for it. */
export async function nextPage(page: Page): Promise<void> {
  await page.getByTestId('page-next').click();
  await waitForMines(page);
}

/** Goes to the previous page and waits for it. */
export async function prevPage(page: Page): Promise<void> {
  await page.getByTestId('page-prev').click();
  await waitForMines(page);
}

/** Whether the next / previous buttons can be used. */
export async function pagingState(page: Page): Promise<{ hasNext: boolean; hasPrev: boolean }> {
  return {
    hasNext: await page.getByTestId('page-next').isEnabled(),
    hasPrev: await page.getByTestId('page-prev').isEnabled(),
  };
}

/** The ids of the mines on the current page, in table order. */
export async function visibleMineIds(page: Page): Promise<string[]> {
  return attributeOfAll(page.getByTestId('mine-row'), 'data-mine-id');
}

/** The mine names on the current page, in table order. */
export async function visibleMineNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('mine-name').allInnerTexts()).map((s) => s.trim());
}

/** The region names shown on the current page (in the UI's language), in table order. */
export async function visibleMineRegionNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('mine-region').allInnerTexts()).map((s) => s.trim());
}

/** The status codes (e.g. `producing`) of the mines on the current page. */
export async function visibleMineStatuses(page: Page): Promise<string[]> {
  return attributeOfAll(page.getByTestId('mine-row').locator('[data-status]'), 'data-status');
}

/** The ids of rows carrying the red "small mine" tag. */
export async function visibleSmallMineIds(page: Page): Promise<string[]> {
  return attributeOfAll(
    page.getByTestId('mine-row').filter({ has: page.getByTestId('small-mine-tag') }),
    'data-mine-id',
  );
}

/** Clicks a mine's row and waits for its page (or the "cannot open" page). */
export async function clickMineRow(page: Page, mineId: string): Promise<void> {
  await page.locator(`[data-testid="mine-row"][data-mine-id="${mineId}"]`).click();
  await page
    .locator('[data-testid="mine-page"][data-busy="false"], [data-testid="mine-denied"]')
    .first()
    .waitFor();
}

/** The alarm badges on the current page: per mine, standing alarms by priority (only mines that have any). */
export async function mineAlarmBadges(
  page: Page,
): Promise<Array<{ mineId: string; critical: number; high: number; medium: number; low: number }>> {
  const result: Array<{ mineId: string; critical: number; high: number; medium: number; low: number }> = [];
  for (const row of await page
    .getByTestId('mine-row')
    .filter({ has: page.getByTestId('mine-alarm-badge') })
    .all()) {
    const badge = row.getByTestId('mine-alarm-badge');
    result.push({
      mineId: (await row.getAttribute('data-mine-id')) ?? '',
      critical: Number(await badge.getAttribute('data-critical')),
      high: Number(await badge.getAttribute('data-high')),
      medium: Number(await badge.getAttribute('data-medium')),
      low: Number(await badge.getAttribute('data-low')),
    });
  }
  return result;
}
