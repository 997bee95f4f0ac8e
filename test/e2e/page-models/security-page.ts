/** Page model for the security section (`/security/tokens`, `/security/audit`, `/security/events`). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection } from './app-shell.ts';

/** Creates a token on the tokens page; returns the secret shown once. */
export async function createTokenInUi(
  page: Page,
  input: { name: string; scopes: Array<'ingest' | 'read' | 'write'> },
  baseUrl?: string,
): Promise<string> {
  await openSection(page, '/security/tokens', 'tokens-page', baseUrl);
  await page.getByTestId('token-name').fill(input.name);
  for (const s of ['ingest', 'read', 'write'] as const) {
    const box = page.getByTestId(`token-scope-${s}`);
    if ((await box.isChecked()) !== input.scopes.includes(s)) await box.click();
  }
  await page.getByTestId('token-create').click();
  return page.getByTestId('token-secret').innerText();
}

/** The token rows: name and state. */
export async function tokenRows(page: Page): Promise<Array<{ id: string; name: string; state: string }>> {
  await waitUntilIdle(page, 'tokens-page');
  const out = [];
  for (const row of await page.getByTestId('token-row').all())
    out.push({
      id: (await row.getAttribute('data-token-id')) ?? '',
      name: await row.locator('td').first().innerText(),
      state: (await row.getAttribute('data-state')) ?? '',
    });
  return out;
}

/** Revokes the token of that name (confirming in the dialog, which names the token). */
export async function revokeTokenInUi(page: Page, name: string): Promise<void> {
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await row.getByTestId('token-revoke').click();
  const dialog = page.getByRole('dialog');
  await dialog.filter({ hasText: name }).waitFor();
  await dialog.getByTestId('token-revoke-dialog-confirm').click();
  await page.locator(`[data-testid="token-row"][data-state="revoked"]`).filter({ hasText: name }).waitFor();
}

/** Opens the security events tab, filtered by kind; returns the rows' kinds and texts. */
export async function openSecurityEvents(
  page: Page,
  kind: string,
  baseUrl?: string,
): Promise<Array<{ kind: string; text: string }>> {
  await openSection(page, '/security/events', 'audit-log-page', baseUrl);
  await page.getByTestId('audit-kind').selectOption(kind);
  await page.getByTestId('audit-apply').click();
  await page.waitForURL(/kind=/);
  await waitUntilIdle(page, 'audit-log-page');
  const out = [];
  for (const row of await page.getByTestId('security-row').all())
    out.push({ kind: (await row.getAttribute('data-kind')) ?? '', text: await row.innerText() });
  return out;
}

/** Opens the audit trail filtered by action kind; returns the rows' actions and texts. */
export async function openAuditTrail(
  page: Page,
  kind: string,
  baseUrl?: string,
): Promise<Array<{ action: string; text: string }>> {
  await openSection(page, `/security/audit?kind=${encodeURIComponent(kind)}`, 'audit-log-page', baseUrl);
  const out = [];
  for (const row of await page.getByTestId('audit-row').all())
    out.push({ action: (await row.getAttribute('data-action')) ?? '', text: await row.innerText() });
  return out;
}
