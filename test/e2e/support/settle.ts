import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until no part of the page is still loading (busy markers, loading lines, "Loading…" text). */
export async function settle(page: Page): Promise<void> {
  const loading = page.locator(
    '[data-busy="true"], [data-testid="page-loading"], [data-testid="app-loading"], .loading-line',
  );
  await expect.poll(async () => loading.count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(
      async () =>
        page
          .locator('main')
          .getByText(/^(加载中…|Loading…)$/)
          .count(),
      { timeout: 15_000 },
    )
    .toBe(0);
}
