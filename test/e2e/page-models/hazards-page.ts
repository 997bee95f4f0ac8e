/** Page model for the hazards section (`/hazards`, `/hazards/new`, `/hazards/:id`, `/hazards/proposals`). */
import type { Page } from 'playwright-core';
import { appOrigin, waitUntilIdle, openSection } from './app-shell.ts';

/** Waits until the hazard page has loaded its data and no action or upload is running. */
export async function waitForHazardPage(page: Page): Promise<void> {
  await waitUntilIdle(page, 'hazard-page');
}

/** Opens the hazard board and waits for its counts. */
export async function openHazardBoard(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/hazards', 'hazards-board', baseUrl);
}

/** Opens one hazard's page. */
export async function openHazard(page: Page, hazardId: string, baseUrl?: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/hazards/${encodeURIComponent(hazardId)}`);
  await waitForHazardPage(page);
}

export interface HazardReport {
  title: string;
  description?: string;
  category?: string;
  area?: string;
  equipment?: string;
}

/** Opens the report form; returns the warning about a criteria edition not encoded yet ('' when none). */
export async function openHazardReportForm(page: Page, baseUrl?: string): Promise<string> {
  await openSection(page, '/hazards/new', 'hazard-report-page', baseUrl);
  const warning = page.getByTestId('criteria-edition-warning');
  return (await warning.count()) > 0 ? ((await warning.textContent()) ?? '') : '';
}

/** Reports a hazard through the form (the officer's own mine) and returns the new hazard's id. */
export async function reportHazardInUi(page: Page, report: HazardReport, baseUrl?: string): Promise<string> {
  await openSection(page, '/hazards/new', 'hazard-report-page', baseUrl);
  if (report.category) await page.getByTestId('hazard-report-category').selectOption(report.category);
  await page.getByTestId('hazard-report-title').fill(report.title);
  if (report.description) await page.getByTestId('hazard-report-description').fill(report.description);
  if (report.area) await page.getByTestId('hazard-report-area').fill(report.area);
  if (report.equipment) await page.getByTestId('hazard-report-equipment').fill(report.equipment);
  await page.getByTestId('hazard-report-submit').click();
  await page.waitForURL(/\/hazards\/hz-/);
  await waitForHazardPage(page);
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error('no hazard id in the URL');
  return decodeURIComponent(id);
}

/** Fills an action form (`hazard-assign`, `hazard-reject`, …) and submits it; waits until the page has reloaded. */
export async function submitHazardAction(
  page: Page,
  form: string,
  values: Record<string, string> = {},
): Promise<void> {
  for (const [name, value] of Object.entries(values)) await page.getByTestId(`${form}-${name}`).fill(value);
  const before = await hazardState(page);
  await page.getByTestId(`${form}-submit`).click();
  await page
    .locator(
      `[data-testid="hazard-page"][data-busy="false"]:not([data-state="${before}"]), [data-testid="${form}-error"]`,
    )
    .first()
    .waitFor();
}

/** Uploads one evidence file and waits until it is listed. */
export async function uploadHazardEvidence(
  page: Page,
  name: string,
  mimeType: string,
  bytes: Buffer,
): Promise<void> {
  const count = await page.getByTestId('hazard-evidence-item').count();
  await page.getByTestId('hazard-evidence-input').setInputFiles({ name, mimeType, buffer: bytes });
  await page.getByTestId('hazard-evidence-item').nth(count).waitFor();
  await waitForHazardPage(page);
}

/** The state code on screen. */
export async function hazardState(page: Page): Promise<string> {
  return (await page.getByTestId('hazard-state').getAttribute('data-value')) ?? '';
}

/** The evidence list: file names and checksums. */
export async function hazardEvidence(page: Page): Promise<Array<{ text: string; sha256: string }>> {
  const items = page.getByTestId('hazard-evidence-item');
  const out: Array<{ text: string; sha256: string }> = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    out.push({
      text: (await item.innerText()).trim(),
      sha256: (await item.getAttribute('data-sha256')) ?? '',
    });
  }
  return out;
}

/** The timeline as shown: action code, who, the note and the time text. */
export async function hazardTimeline(
  page: Page,
): Promise<Array<{ action: string; actor: string; note: string; at: string }>> {
  const entries = page.getByTestId('hazard-timeline-entry');
  const out: Array<{ action: string; actor: string; note: string; at: string }> = [];
  for (let i = 0; i < (await entries.count()); i++) {
    const e = entries.nth(i);
    const note = e.getByTestId('hazard-timeline-note');
    out.push({
      action: (await e.getAttribute('data-action')) ?? '',
      actor: (await e.getByTestId('hazard-timeline-actor').innerText()).trim(),
      note: (await note.count()) > 0 ? (await note.innerText()).replace(/^\s*—\s*/, '').trim() : '',
      at: (await e.locator('time').getAttribute('datetime')) ?? '',
    });
  }
  return out;
}

/** Which action forms the current user is offered on this hazard. */
export async function hazardActionsOffered(page: Page): Promise<string[]> {
  const forms = page.getByTestId('hazard-actions').locator('form[data-testid]');
  const out: string[] = [];
  for (let i = 0; i < (await forms.count()); i++)
    out.push((await forms.nth(i).getAttribute('data-testid')) ?? '');
  return out;
}

/** Closes the supervision listing of a closed hazard (regulators) and waits until it is no longer shown as listed. */
export async function closeHazardListing(page: Page): Promise<void> {
  await page.getByTestId('hazard-unlist-submit').click();
  await page
    .locator(
      '[data-testid="hazard-page"][data-busy="false"]:not(:has([data-testid="hazard-listed"])), [data-testid="hazard-unlist-error"]',
    )
    .first()
    .waitFor();
}

/** Picks a region on the hazard board (empty string = all) and waits for the board to reload. */
export async function filterHazardBoardByRegion(page: Page, regionId: string): Promise<void> {
  await page.getByTestId('hazard-filter-region').selectOption(regionId);
  await waitUntilIdle(page, 'hazards-board');
}

/** Opens the quarterly self-check page. */
export async function openSelfCheck(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/hazards/self-check', 'hazard-self-check', baseUrl);
}

/** Files the officer's quarterly self-check report; returns the filed quarter, or throws the error shown. */
export async function fileSelfCheckInUi(
  page: Page,
  report: { quarter: string; signer: string; summary: string },
): Promise<string> {
  await page.getByTestId('self-check-quarter').fill(report.quarter);
  await page.getByTestId('self-check-signer').fill(report.signer);
  await page.getByTestId('self-check-summary').fill(report.summary);
  await page.getByTestId('self-check-submit').click();
  const outcome = page.locator('[data-testid="self-check-filed"], [data-testid="self-check-error"]').first();
  await outcome.waitFor();
  if ((await outcome.getAttribute('data-testid')) === 'self-check-error')
    throw new Error(`self-check not filed: ${(await outcome.innerText()).trim()}`);
  return (await outcome.getAttribute('data-quarter')) ?? '';
}

/** The mine ids listed as missing their self-check report for a quarter (optionally in one region). */
export async function missingSelfChecks(page: Page, quarter: string, regionId = ''): Promise<string[]> {
  await page.getByTestId('self-check-missing-quarter').fill(quarter);
  await page.getByTestId('self-check-missing-region').selectOption(regionId);
  const panel = page.getByTestId('self-check-missing');
  await page
    .locator(
      '[data-testid="self-check-missing"][data-busy="false"] :is([data-testid="self-check-missing-list"], [data-testid="self-check-missing-none"])',
    )
    .first()
    .waitFor();
  const rows = panel.getByTestId('self-check-missing-row');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).getAttribute('data-mine-id')) ?? '');
  return out;
}
