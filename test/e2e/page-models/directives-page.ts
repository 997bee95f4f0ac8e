/** Page model for the directives section (`/directives`, `/directives/:id`). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection, setFields, textOf } from './app-shell.ts';

/** Opens the notices list (with the issue form for regulators). */
export async function openDirectives(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/directives', 'directives-list', baseUrl);
}

export interface NoticeDraft {
  title: string;
  body: string;
  cause: string;
  regionId: string;
  /** The deadline as the browser's local "YYYY-MM-DDTHH:mm:ss". */
  deadlineLocal: string;
}

/** Issues an accident warning notice (written reply required) to a region; returns the confirmation line. */
export async function issueWarningNotice(page: Page, d: NoticeDraft): Promise<string> {
  await setFields(page, {
    'directive-kind': 'accident_warning',
    'directive-region': d.regionId,
    'directive-deadline': d.deadlineLocal,
    'directive-title': d.title,
    'directive-body': d.body,
    'directive-cause': d.cause,
  });
  await page.getByTestId('directive-reply-required').check();
  await page.getByTestId('directive-issue').click();
  return textOf(page, 'directive-issued');
}

/** Opens the notice with this title from the list; returns its id. */
export async function openDirectiveByTitle(page: Page, title: string, baseUrl?: string): Promise<string> {
  await openDirectives(page, baseUrl);
  const row = page.locator(`[data-testid^="directive-row-"][data-title="${title}"]`);
  const id = ((await row.getAttribute('data-testid')) ?? '').replace('directive-row-', '');
  await page.getByTestId(`directive-open-${id}`).click();
  await waitUntilIdle(page, 'directive-detail');
  await page.getByTestId('directive-totals').waitFor();
  return id;
}

/** A mine safety officer confirms reading the open notice and sends the reply. */
export async function readAndReply(page: Page, text: string): Promise<void> {
  await page.getByTestId('directive-read').click();
  await page.getByTestId('directive-reply-text').fill(text);
  await page.getByTestId('directive-reply-submit').click();
  await page.getByTestId('directive-replied').waitFor();
}

/** The open notice's per-mine outcomes as the issuer sees them: mine id → outcome. */
export async function mineOutcomes(page: Page): Promise<Map<string, string>> {
  const rows = page.locator('[data-testid^="directive-mine-"]');
  const out = new Map<string, string>();
  for (const row of await rows.all()) {
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('directive-mine-', '');
    out.set(id, (await row.getAttribute('data-outcome')) ?? '');
  }
  return out;
}

/** Waits until the live view (it polls) shows `n` mines with `outcome`. */
export async function waitForOutcomeCount(
  page: Page,
  outcome: string,
  n: number,
  timeoutMs = 30_000,
): Promise<void> {
  const rows = page.locator(`[data-testid^="directive-mine-"][data-outcome="${outcome}"]`);
  const until = Date.now() + timeoutMs;
  while ((await rows.count()) !== n) {
    if (Date.now() > until) throw new Error(`expected ${n} mines "${outcome}", see ${await rows.count()}`);
    await page.waitForTimeout(500);
  }
}
