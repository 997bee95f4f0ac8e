/** Page model for the accidents section (`/accidents`). */
import type { Page } from 'playwright-core';
import { appOrigin } from './app-shell.ts';

/** Opens the accident list (with the record form for regulators and mine officers). */
export async function openAccidents(page: Page, baseUrl?: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/accidents`);
  await page.locator('[data-testid="accidents-list"][data-busy="false"]').waitFor();
}

/** Types casualty figures into the record form and returns the grade the page computed (data-grade). */
export async function typeCasualties(
  page: Page,
  f: { deaths: number; seriousInjuries: number; directLossCny: number },
): Promise<string | null> {
  await page.getByTestId('accident-form-deaths').fill(String(f.deaths));
  await page.getByTestId('accident-form-seriousInjuries').fill(String(f.seriousInjuries));
  await page.getByTestId('accident-form-directLossCny').fill(String(f.directLossCny));
  await page.waitForTimeout(300);
  return page.getByTestId('accident-form-grade').getAttribute('data-grade');
}

/** Opens one accident and waits for its timeline; returns the ids of hazards flagged as never rectified. */
export async function openAccident(page: Page, id: string, baseUrl?: string): Promise<string[]> {
  await page.goto(`${appOrigin(page, baseUrl)}/accidents/${id}`);
  await page.locator('[data-testid="accident-detail"][data-busy="false"]').waitFor();
  const flagged = page.locator('[data-testid="preceded-timeline"] li[data-open="true"]');
  const ids: string[] = [];
  for (const el of await flagged.all()) ids.push((await el.getAttribute('data-testid')) ?? '');
  return ids;
}
