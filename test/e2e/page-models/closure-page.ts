/** Page model for the closure section (`/closure`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

/** Opens the closures list (with the start form for regulators). */
export async function openClosures(page: Page, baseUrl?: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/closure`);
  await page.locator('[data-testid="closure-list"][data-busy="false"]').waitFor();
}

/** Starts the closure of a mine from the list page and waits for its detail page. */
export async function startClosure(page: Page, mineId: string, reason: string): Promise<void> {
  await page.getByTestId('closure-new-mine').fill(mineId);
  await page.getByTestId('closure-new-reason').fill(reason);
  await page.getByTestId('closure-new-submit').click();
  await page
    .locator('[data-testid="closure-detail"][data-busy="false"] [data-testid="closure-status"]')
    .waitFor();
}

/** Opens the closure of a mine from the list. */
export async function openClosureOfMine(page: Page, mineId: string, baseUrl?: string): Promise<void> {
  await openClosures(page, baseUrl);
  await page.getByTestId(`closure-row-${mineId}`).locator('a').click();
  await page.locator('[data-testid="closure-detail"] [data-testid="closure-status"]').waitFor();
}

/** The visible state of a step (its data-state attribute). */
export async function stepState(page: Page, step: string): Promise<string> {
  return (await page.getByTestId(`closure-step-${step}`).getAttribute('data-state')) ?? '';
}

async function waitForStepState(page: Page, step: string, state: string): Promise<void> {
  await page.locator(`[data-testid="closure-step-${step}"][data-state="${state}"]`).waitFor();
}

/** Records a step as done with its evidence text. */
export async function recordStep(page: Page, step: string, evidence: string): Promise<void> {
  await page.getByTestId(`closure-evidence-${step}`).fill(evidence);
  await page.getByTestId(`closure-record-${step}`).click();
  await waitForStepState(page, step, 'recorded');
}

/** Verifies a recorded step (regulators). */
export async function verifyStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`closure-verify-${step}`).click();
  await waitForStepState(page, step, 'verified');
}

/** The closure's status label. */
export async function closureStatus(page: Page): Promise<string> {
  return (await page.getByTestId('closure-status').textContent()) ?? '';
}
