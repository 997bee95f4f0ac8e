import { expect, it } from 'vitest';
import { briefingPdfUrl, openRiskTab, pickBriefingInUi } from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('briefing: the province regulator reads the briefing and the risk ranking', () => {
  const server = useBrowserSuite({ height: 1000, pageTimeoutMs: 15_000 });
  const newPage = (username: string) => server.newPage(username);

  it('previews the province for a period, downloads the PDF, and ranks mines with factor bars', async () => {
    const province = server.province.regions[0]!;
    expect(province.level).toBe('province');
    const page = await newPage('province');

    const today = new Date().toISOString().slice(0, 10);
    const from = `${today.slice(0, 4)}-01-01`;
    const preview = await pickBriefingInUi(page, { regionId: province.id, from, to: today });
    expect(Number(preview.totalMines)).toBe(server.province.mines.length);
    expect(server.province.mines.length).toBe(300);
    await screenshot(page, 'briefing-province-preview');

    const pdfUrl = await briefingPdfUrl(page);
    const search = new URL(pdfUrl).searchParams;
    expect([search.get('regionId'), search.get('from'), search.get('to')]).toEqual([
      province.id,
      from,
      today,
    ]);
    const pdf = await page.request.get(pdfUrl);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(1000);

    const rows = await openRiskTab(page);
    expect(page.url()).toMatch(/\/briefing\/risk/);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.score).toBeLessThanOrEqual(rows[i - 1]!.score);
    const top = rows[0]!;
    expect(top.score).toBeGreaterThan(0);
    expect(top.segments).toBeGreaterThan(0);
    // The bar is the score: its segments' points add up to it.
    expect(top.segmentPoints).toBeCloseTo(top.score, 0);
    const demoIds = new Set(server.province.mines.map((m) => m.id));
    for (const r of rows) expect(demoIds.has(r.mineId)).toBe(true);
    await screenshot(page, 'briefing-province-risk');
  }, 120_000);
});
