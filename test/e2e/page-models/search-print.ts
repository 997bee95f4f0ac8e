/** Page model for the top bar's global search, a list's export control and printing a page to PDF. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { waitUntilIdle } from './app-shell.ts';

export interface SearchHit {
  group: string;
  text: string;
}

/** Types into the top bar's search (opening it first on a phone) and returns the hits once shown. */
export async function searchFor(page: Page, text: string): Promise<SearchHit[]> {
  const input = page.getByTestId('global-search-input');
  if (!(await input.isVisible())) await page.getByTestId('global-search-toggle').click();
  await input.fill(text);
  // Settled: the hits, or "nothing matches", for this text (not a previous one's).
  await waitUntilIdle(page, 'global-search-results');
  const hits: SearchHit[] = [];
  for (const hit of await page.locator('[data-testid="global-search-results"] [role="option"]').all()) {
    hits.push({
      group: ((await hit.getAttribute('data-testid')) ?? '').replace('search-hit-', ''),
      text: (await hit.innerText()).replace(/\s+/g, ' '),
    });
  }
  return hits;
}

/** The search's "nothing matches" line, or '' while it shows hits. */
export async function searchEmptyText(page: Page): Promise<string> {
  const p = page.locator('[data-testid="global-search-results"] p');
  return (await p.count()) > 0 ? await p.innerText() : '';
}

/** Moves to the `n`-th hit with the arrow keys and opens it with Enter. */
export async function openHitWithKeys(page: Page, n: number): Promise<void> {
  const input = page.getByTestId('global-search-input');
  for (let i = 0; i < n; i++) await input.press('ArrowDown');
  await input.press('Enter');
}

/** Clicks the list's export control for `format` and returns the downloaded file's name and bytes. */
export async function exportList(
  page: Page,
  format: 'xlsx' | 'csv',
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${format}`).first().click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Prints the page to an A4 PDF with Chromium and returns the PDF's text (pdftotext) and page count. */
export async function printedText(page: Page, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: 'A4' });
  // Kept with the screenshots (test-results/prints/) so a reviewer can look at the printed pages.
  const dir = join(import.meta.dirname, '../../../test-results/prints');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0') };
}
