/** Page model for 复产验收 (`/orders/resumptions`), the mine picker and issuing a suspension to one mine. */
import type { Locator, Page } from 'playwright-core';
import { openSection, setFields, textOf } from './app-shell.ts';

/** Types into a mine picker and picks the row with `code` (the user never sees an internal id). */
export async function pickMine(page: Page, testId: string, query: string, code: string): Promise<void> {
  const input = page.getByTestId(`${testId}-input`);
  await input.click();
  await input.fill(query);
  await page.getByTestId(`${testId}-option-${code}`).click();
  await page.locator(`[data-testid="${testId}-chosen"][data-code="${code}"]`).waitFor();
}

export interface MineOrderDraft {
  number: string;
  mineQuery: string;
  mineCode: string;
  basis: string;
  reason: string;
}

/** On the orders page: issues a suspension (停产整顿) to one mine picked by code or name. */
export async function issueSuspension(page: Page, d: MineOrderDraft): Promise<string> {
  await setFields(page, { 'order-kind': 'suspend_mine', 'order-number': d.number });
  await pickMine(page, 'order-mine', d.mineQuery, d.mineCode);
  await setFields(page, { 'order-basis': d.basis, 'order-reason': d.reason });
  await page.getByTestId('order-issue').click();
  return textOf(page, 'order-issued');
}

/** Opens 复产验收 and waits for the list. */
export async function openResumptions(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/orders/resumptions', 'resumptions', baseUrl);
}

/** The application card of a mine (by its code). */
export function resumptionCard(page: Page, mineCode: string): Locator {
  return page.locator(`[data-testid^="resumption-res"][data-mine-code="${mineCode}"]`).first();
}

/** Applies for the resumption acceptance of a suspended mine picked by code. */
export async function applyForResumption(page: Page, mineQuery: string, mineCode: string, note: string) {
  await pickMine(page, 'resumption-mine', mineQuery, mineCode);
  await page.getByTestId('resumption-note').fill(note);
  await page.getByTestId('resumption-apply').click();
  await resumptionCard(page, mineCode).waitFor();
}

/** The step whose turn it is, as the card says it (its id), or '' once decided. */
export async function currentStep(page: Page, mineCode: string): Promise<string> {
  return (await resumptionCard(page, mineCode).getAttribute('data-step')) ?? '';
}

/** State of each chain step: done / current / waiting. */
export async function stepStates(page: Page, mineCode: string): Promise<Record<string, string>> {
  const steps = resumptionCard(page, mineCode).locator('[data-testid^="step-"][data-state]');
  const out: Record<string, string> = {};
  for (const s of await steps.all()) {
    const id = (await s.getAttribute('data-testid'))!.replace(/^step-/, '');
    out[id] = (await s.getAttribute('data-state')) ?? '';
  }
  return out;
}

/**
 * Clicks the sign (or approve) button of a step with a comment; returns the error the card shows, or
 * null when the step went through (the card then shows it done).
 */
export async function takeStep(
  page: Page,
  mineCode: string,
  step: string,
  comment: string,
): Promise<string | null> {
  const card = resumptionCard(page, mineCode);
  await card.getByTestId('resumption-comment').fill(comment);
  const button =
    step === 'government_approval'
      ? card.getByTestId('resumption-approve')
      : card.getByTestId(`sign-${step}`);
  await button.click();
  const done = card.locator(`[data-testid="step-${step}"][data-state="done"]`);
  const error = card.getByTestId('resumption-error');
  await done.or(error).first().waitFor();
  return (await error.count()) > 0 ? ((await error.textContent()) ?? '').trim() : null;
}

/** Whether the card offers the user a button for `step`. */
export async function canTakeStep(page: Page, mineCode: string, step: string): Promise<boolean> {
  const card = resumptionCard(page, mineCode);
  const id = step === 'government_approval' ? 'resumption-approve' : `sign-${step}`;
  return (await card.getByTestId(id).count()) > 0;
}
