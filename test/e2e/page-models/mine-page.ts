/** Page model for one mine's page (`/mines/:id`). */
import type { Page } from 'playwright-core';
import { appOrigin, attributeOfAll, waitUntilIdle } from './app-shell.ts';

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

/** The licence-suspension line of the facts grid ('' when the licence is not suspended). */
export async function licenceSuspensionText(page: Page): Promise<string> {
  const line = page.getByTestId('fact-licence-suspended');
  return (await line.count()) > 0 ? ((await line.textContent()) ?? '') : '';
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

/** Waits until the live monitoring section has its points (or has failed to load them). */
export async function waitForMonitoring(page: Page): Promise<void> {
  await waitUntilIdle(page, 'mine-monitoring');
}

/** The number of people underground shown in the personnel panel (live), or null before it is known. */
export async function personnelTotal(page: Page): Promise<number | null> {
  const total = page.getByTestId('personnel-total');
  await total.waitFor();
  const value = await total.getAttribute('data-value');
  return value === null ? null : Number(value);
}

/** Waits until the personnel panel shows a total satisfying `predicate` (it updates live). */
export async function waitForPersonnelTotal(
  page: Page,
  predicate: (n: number) => boolean,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await personnelTotal(page);
    if (n !== null && predicate(n)) return n;
    if (Date.now() > deadline) throw new Error(`personnel total ${n} did not satisfy the predicate in time`);
    await page.waitForTimeout(250);
  }
}

/** The per-area rows of the personnel panel. */
export async function personnelAreas(
  page: Page,
): Promise<Array<{ areaCode: string; count: number; text: string }>> {
  const result: Array<{ areaCode: string; count: number; text: string }> = [];
  for (const row of await page.getByTestId('personnel-area-row').all()) {
    result.push({
      areaCode: (await row.getAttribute('data-area-code')) ?? '',
      count: Number(await row.getAttribute('data-count')),
      text: (await row.innerText()).replace(/\s+/g, ' ').trim(),
    });
  }
  return result;
}

export interface PointRow {
  pointId: number;
  sensorType: string;
  /** `ok`, `alarm` (at or past the alarm threshold), `cut` (power-cut level) or `none` (no value). */
  tone: string;
  /** The latest value shown (live), or null. */
  value: number | null;
  hasSettingFinding: boolean;
  text: string;
}

/** What `pointRows` reads of a row in the page (the DOM types are not in the tests' compilation). */
interface RowElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): RowElement | null;
  innerText: string;
}

/**
 * The measuring-point rows of the monitoring table, in table order (grouped by sensor type), read in
 * one pass: the table updates live every second, so the rows are one snapshot of it (and ~80 rows read
 * attribute by attribute took longer than a test may).
 */
export async function pointRows(page: Page): Promise<PointRow[]> {
  await waitForMonitoring(page);
  return page.getByTestId('point-row').evaluateAll((rows: RowElement[]) =>
    rows.map((row) => {
      const value = row.querySelector('[data-value]')?.getAttribute('data-value') ?? null;
      return {
        pointId: Number(row.getAttribute('data-point-id')),
        sensorType: row.getAttribute('data-sensor-type') ?? '',
        tone: row.getAttribute('data-tone') ?? '',
        value: value === null || value === '' ? null : Number(value),
        hasSettingFinding: row.querySelector('[data-testid="setting-finding"]') !== null,
        text: row.innerText.replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}

/** The setting findings of one point (opens its badge), in the UI's language. */
export async function settingFindings(page: Page, pointId: number): Promise<string[]> {
  const badge = page.locator(
    `[data-testid="point-row"][data-point-id="${pointId}"] [data-testid="setting-finding"]`,
  );
  if ((await badge.count()) === 0) return [];
  if ((await badge.getAttribute('open')) === null) await badge.locator('summary').click();
  return (await badge.locator('li').allInnerTexts()).map((s) => s.trim());
}

/** Clicks a point row: adds its live curve (or removes it when shown). */
export async function togglePointChart(page: Page, pointId: number): Promise<void> {
  await page.locator(`[data-testid="point-row"][data-point-id="${pointId}"]`).click();
}

/** The point ids whose curves are shown. */
export async function chartedPoints(page: Page): Promise<number[]> {
  return (await attributeOfAll(page.getByTestId('point-chart'), 'data-point-id')).map(Number);
}

/** Waits until a point's curve has loaded and has at least `minSamples` samples. */
export async function waitForChart(
  page: Page,
  pointId: number,
  minSamples = 1,
  timeoutMs = 15_000,
): Promise<void> {
  const chart = page.locator(`[data-testid="point-chart"][data-point-id="${pointId}"]`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await chart.count()) > 0 && Number(await chart.getAttribute('data-samples')) >= minSamples) return;
    if (Date.now() > deadline)
      throw new Error(`chart of point ${pointId} has fewer than ${minSamples} samples`);
    await page.waitForTimeout(250);
  }
}

/**
 * The threshold lines drawn on a point's curve (`upperAlarm`, `upperPowerCut`, `upperPowerRestore`,
 * `lower…`) with their values; the first chart when no point is given.
 */
export async function chartThresholds(page: Page, pointId?: number): Promise<Record<string, number>> {
  const chart =
    pointId === undefined
      ? page.getByTestId('point-chart').first()
      : page.locator(`[data-testid="point-chart"][data-point-id="${pointId}"]`);
  await chart.waitFor();
  const result: Record<string, number> = {};
  for (const line of await chart.locator('[data-threshold]').all()) {
    const key = await line.getAttribute('data-threshold');
    if (key !== null) result[key] = Number(await line.getAttribute('data-value'));
  }
  return result;
}

/** The mine's active alarms as listed on its page (rows `alarm-row` inside `mine-alarms`). */
export async function mineAlarmIds(page: Page): Promise<string[]> {
  const section = page.locator('[data-testid="mine-alarms"][data-busy="false"]');
  await section.waitFor();
  return attributeOfAll(section.getByTestId('alarm-row'), 'data-alarm-id');
}

/** Records a gas-class appraisal from the mine page (regulators) and waits for the page to reload. */
export async function recordGasClassAppraisal(
  page: Page,
  gasClass: string,
  reportRef: string,
): Promise<void> {
  await page.getByTestId('keyfacts-appraisal').click();
  await page.getByTestId('keyfacts-gas-class').selectOption(gasClass);
  await page.getByTestId('keyfacts-ref').fill(reportRef);
  await page.getByTestId('keyfacts-submit').click();
  await page.getByTestId('keyfacts-form-appraisal').waitFor({ state: 'detached' });
  await waitForMinePage(page);
}
