/** Page model for the accidents section (`/accidents`). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection, readRows } from './app-shell.ts';
import { pickMine } from './resumption-page.ts';

/** Opens the accident list (with the record form for regulators and mine officers). */
export async function openAccidents(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/accidents', 'accidents-list', baseUrl);
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
  return formGrade(page);
}

/** Opens one accident and waits for its timeline; returns the ids of hazards flagged as never rectified. */
export async function openAccident(page: Page, id: string, baseUrl?: string): Promise<string[]> {
  await openSection(page, `/accidents/${id}`, 'accident-detail', baseUrl);
  const flagged = page.locator('[data-testid="preceded-timeline"] li[data-open="true"]');
  const ids: string[] = [];
  for (const el of await flagged.all()) ids.push((await el.getAttribute('data-testid')) ?? '');
  return ids;
}

/** The grade the record form shows right now (data-grade of the computed grade). */
export async function formGrade(page: Page): Promise<string | null> {
  return page.getByTestId('accident-form-preview-grade').getAttribute('data-grade');
}

/** The grade and investigation level the record form shows right now, as read. */
export async function formGradeText(page: Page): Promise<{ grade: string; level: string }> {
  return {
    grade: (await page.getByTestId('accident-form-preview-grade').innerText()).trim(),
    level: (await page.getByTestId('accident-form-preview-level').innerText()).trim(),
  };
}

/** An instant as a `datetime-local` value in China Standard Time, as a user in China types it. */
export function cstMinute(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * Fills the record form (mine, local time `YYYY-MM-DDTHH:mm`, type, figures) without saving, so the
 * computed grade can be read before the accident is recorded.
 */
export async function fillAccidentForm(
  page: Page,
  f: {
    /** The mine's code: the user picks the mine by code, never by internal id. */
    mineCode: string;
    /** China Standard Time, `YYYY-MM-DDTHH:mm` (see cstMinute). */
    occurredAtLocal: string;
    type: string;
    deaths: number;
    missing?: number;
    /** Pick by typing the full code and pressing Enter instead of clicking the option. */
    pickByEnter?: boolean;
    seriousInjuries: number;
    minorInjuries?: number;
    directLossCny: number;
  },
): Promise<void> {
  if (f.pickByEnter === true) await pickMineByTypedCode(page, 'accident-form-mine', f.mineCode);
  else await pickMine(page, 'accident-form-mine', f.mineCode, f.mineCode);
  await page.getByTestId('accident-form-time').fill(f.occurredAtLocal);
  await page.getByTestId('accident-form-type').fill(f.type);
  await page.getByTestId('accident-form-deaths').fill(String(f.deaths));
  await page.getByTestId('accident-form-missing').fill(String(f.missing ?? 0));
  await page.getByTestId('accident-form-seriousInjuries').fill(String(f.seriousInjuries));
  await page.getByTestId('accident-form-minorInjuries').fill(String(f.minorInjuries ?? 0));
  await page.getByTestId('accident-form-directLossCny').fill(String(f.directLossCny));
}

/** Saves the filled record form; the page moves to the new accident. Returns its id. */
export async function saveAccidentForm(page: Page): Promise<string> {
  await page.getByTestId('accident-form-submit').click();
  await page.waitForURL(/\/accidents\/(?!reference|accountability|import)[^/?#]+$/);
  await waitUntilIdle(page, 'accident-detail');
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** The reporting chain as shown: level → status (on_time, late, due, overdue). */
export async function reportingStatuses(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await page.locator('[data-testid="accident-reporting"] tbody tr').all()) {
    const level = ((await row.getAttribute('data-testid')) ?? '').replace(/^report-/, '');
    out[level] = (await row.getAttribute('data-status')) ?? '';
  }
  return out;
}

/** Records, now, the report of one level (`county`: the unit's report to the county) and waits for it. */
export async function recordReportNow(page: Page, level: string): Promise<string> {
  await page.getByTestId(`report-${level}-record`).click();
  await page.getByTestId(`report-${level}-record`).waitFor({ state: 'detached' });
  return (await page.getByTestId(`report-${level}`).getAttribute('data-status')) ?? '';
}

/** Adds an accountability record with the form on the accident page and waits until it is listed. */
export async function addAccountabilityInUi(
  page: Page,
  r: { personName: string; post: string; chain: string; action: string; decidedOn: string; note?: string },
): Promise<void> {
  const before = await page.getByTestId('accountability-row').count();
  await page.getByTestId('acct-form-person').fill(r.personName);
  await page.getByTestId('acct-form-post').fill(r.post);
  await page.getByTestId('acct-form-chain').selectOption(r.chain);
  await page.getByTestId('acct-form-action').selectOption(r.action);
  await page.getByTestId('acct-form-decidedOn').fill(r.decidedOn);
  if (r.note !== undefined) await page.getByTestId('acct-form-note').fill(r.note);
  await page.getByTestId('acct-form-submit').click();
  await page.getByTestId('accountability-row').nth(before).waitFor();
}

/** The accountability records listed on the accident page. */
export async function accountabilityRows(
  page: Page,
): Promise<Array<{ chain: string; action: string; text: string }>> {
  return readRows(
    page.getByTestId('accountability-row'),
    { chain: 'data-chain', action: 'data-action' },
    true,
  );
}

/** The accident's facts as shown (grade, investigation level, figures, windows), by key. */
export async function accidentFacts(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await page.locator('[data-testid^="accident-fact-"]').all()) {
    const key = ((await row.getAttribute('data-testid')) ?? '').replace(/^accident-fact-/, '');
    out[key] = (await row.locator('dd').innerText()).trim();
  }
  return out;
}

/** The figures a supplementary report (补报) gives, and when they changed (CST `YYYY-MM-DDTHH:mm`). */
export interface SupplementDraft {
  changedAtLocal: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossCny: number;
  reason: string;
}

/** Fills the 补报 form on the accident page (nothing sent yet). */
export async function fillSupplement(page: Page, d: SupplementDraft): Promise<void> {
  await page.getByTestId('supplement-form-time').fill(d.changedAtLocal);
  await page.getByTestId('supplement-form-deaths').fill(String(d.deaths));
  await page.getByTestId('supplement-form-missing').fill(String(d.missing));
  await page.getByTestId('supplement-form-seriousInjuries').fill(String(d.seriousInjuries));
  await page.getByTestId('supplement-form-directLossCny').fill(String(d.directLossCny));
  await page.getByTestId('supplement-form-reason').fill(d.reason);
}

/** Submits the filled 补报 form; resolves with the new number of supplements listed, or the error shown. */
export async function submitSupplement(page: Page): Promise<{ listed: number } | { error: string }> {
  const before = await page.getByTestId('supplement').count();
  await page.getByTestId('supplement-form-submit').click();
  const listed = page.getByTestId('supplement').nth(before);
  const error = page.getByTestId('supplement-form-error');
  await listed.or(error).first().waitFor();
  if ((await error.count()) > 0) return { error: (await error.innerText()).trim() };
  return { listed: await page.getByTestId('supplement').count() };
}

/** The supplements listed in the accident's history, oldest first. */
export async function supplementRows(
  page: Page,
): Promise<Array<{ gradeBefore: string; gradeAfter: string; text: string }>> {
  return readRows(
    page.getByTestId('supplement'),
    { gradeBefore: 'data-grade-before', gradeAfter: 'data-grade-after' },
    true,
  );
}

/** Opens Today (the first page) and returns the texts of its accident lines. */
export async function todayAccidentLines(page: Page, baseUrl?: string): Promise<string[]> {
  await openSection(page, '/', 'today-list', baseUrl);
  const lines = page.locator('[data-testid="today-accident"] [data-testid="today-line"]');
  return (await lines.allInnerTexts()).map((x) => x.trim());
}

/** Types a mine's full 12-digit code in the picker and presses Enter (no click on the list). */
export async function pickMineByTypedCode(page: Page, testId: string, code: string): Promise<void> {
  const input = page.getByTestId(`${testId}-input`);
  await input.click();
  await input.fill(code);
  await page.getByTestId(`${testId}-option-${code}`).waitFor();
  await input.press('Enter');
  await page.locator(`[data-testid="${testId}-chosen"][data-code="${code}"]`).waitFor();
}
