/** Page model for the briefing section (`/briefing`, `/briefing/risk`). */
import type { Page } from 'playwright-core';
import { waitUntilIdle, openSection } from './app-shell.ts';

/** Opens the briefing of a region and period; returns the preview's mine total and hazards found. */
export async function openBriefing(
  page: Page,
  q: { regionId: string; from: string; to: string },
  baseUrl?: string,
): Promise<{ totalMines: string; hazardsFound: string }> {
  const qs = new URLSearchParams(q).toString();
  await openSection(page, `/briefing?${qs}`, 'briefing-section', baseUrl);
  await page.getByTestId('briefing-preview').waitFor();
  const cell = (testId: string) => page.locator(`[data-testid="${testId}"] td`).nth(1).innerText();
  return {
    totalMines: await cell('briefing-status-total'),
    hazardsFound: await cell('briefing-hazards-found'),
  };
}

/** Opens the risk ranking; returns the mine ids in rank order. */
export async function openRiskRanking(page: Page, regionId?: string, baseUrl?: string): Promise<string[]> {
  const qs = regionId ? `?regionId=${regionId}` : '';
  await openSection(page, `/briefing/risk${qs}`, 'risk-page', baseUrl);
  const ids: string[] = [];
  for (const row of await page.getByTestId('risk-row').all())
    ids.push((await row.getAttribute('data-mine-id')) ?? '');
  return ids;
}

/**
 * Opens /briefing and picks the region and period with the page's own controls; waits for the
 * preview of that region. Returns the preview's mine total and hazards found.
 */
export async function pickBriefingInUi(
  page: Page,
  q: { regionId: string; from: string; to: string },
  baseUrl?: string,
): Promise<{ totalMines: string; hazardsFound: string }> {
  await openSection(page, '/briefing', 'briefing-section', baseUrl);
  await page.getByTestId('briefing-region').selectOption(q.regionId);
  await page.getByTestId('briefing-from').fill(q.from);
  await page.getByTestId('briefing-to').fill(q.to);
  await page.waitForURL((u) => u.searchParams.get('from') === q.from && u.searchParams.get('to') === q.to);
  await waitUntilIdle(page, 'briefing-section');
  await page.locator(`[data-testid="briefing-preview"][data-region-id="${q.regionId}"]`).waitFor();
  const cell = (testId: string) => page.locator(`[data-testid="${testId}"] td`).nth(1).innerText();
  return {
    totalMines: await cell('briefing-status-total'),
    hazardsFound: await cell('briefing-hazards-found'),
  };
}

/** The absolute address of the briefing's PDF download link, as the page shows it now. */
export async function briefingPdfUrl(page: Page): Promise<string> {
  const href = await page.getByTestId('briefing-pdf').getAttribute('href');
  if (href === null) throw new Error('the PDF link has no href');
  return new URL(href, page.url()).toString();
}

/** Opens the risk ranking through the section's tab; returns each row's rank, score and factor segments. */
export async function openRiskTab(
  page: Page,
): Promise<Array<{ mineId: string; rank: number; score: number; segments: number; segmentPoints: number }>> {
  await page.getByTestId('briefing-tab-risk').click();
  await waitUntilIdle(page, 'risk-page');
  await page.getByTestId('risk-row').first().waitFor();
  const out: Array<{ mineId: string; rank: number; score: number; segments: number; segmentPoints: number }> =
    [];
  for (const row of await page.getByTestId('risk-row').all()) {
    let segmentPoints = 0;
    const segs = await row.getByTestId('factor-seg').all();
    for (const seg of segs) segmentPoints += Number(await seg.getAttribute('data-points'));
    out.push({
      mineId: (await row.getAttribute('data-mine-id')) ?? '',
      rank: Number(await row.locator('td').first().innerText()),
      score: Number(await row.getAttribute('data-score')),
      segments: segs.length,
      segmentPoints,
    });
  }
  return out;
}
