import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import { login, openMine, switchLanguage, waitForLive, waitForMonitoring } from './page-models/index.ts';
import { chooseCurveSpan, curveState, dragCurve, pointCurve, seriesSpan } from './page-models/point-curve.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

interface PointsBody {
  points: Array<{ id: number; unit: string; thresholds: Record<string, number | null> }>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Issue 16: a point's live curve drawn by uPlot, with its thresholds and legend; a longer period reads
 * the per-minute or per-hour aggregates, a range dragged across the plot reads the raw readings again.
 */
describeInBrowser('live point curves, in the browser', () => {
  const server = useBrowserSuite({ server: { monitoring: true }, stopTimeoutMs: 60_000 });
  const user = (username: string) => server.province.users.find((u) => u.username === username)!;

  it('a mine safety officer zooms a methane curve out to a month and a day and into a few hours, in zh-CN and English at 1440 and 390 px', async () => {
    const officer = user('officer');
    if (officer.scope.kind !== 'mine') throw new Error('officer must be mine-scoped');
    const mineId = officer.scope.mineId;
    const page = await server.newPage();
    await login(page, server.baseUrl, 'officer', TEST_PASSWORD);
    await openMine(page, mineId);
    await waitForMonitoring(page);
    await waitForLive(page);

    // The first curve (a methane point): the uPlot canvas, raw readings of the last 30 minutes, live.
    const curve = pointCurve(page);
    const opened = await curveState(curve);
    const pointId = Number(await curve.getAttribute('data-point-id'));
    const points = (
      (await (await page.request.get(`${server.baseUrl}/api/mines/${mineId}/points`)).json()) as PointsBody
    ).points;
    const point = points.find((p) => p.id === pointId)!;
    expect(opened).toMatchObject({ resolution: 'raw', isLive: true, resolutionLabel: '原始读数' });
    expect(opened.samples).toBeGreaterThan(0);
    // Every enforced threshold is in the legend with its value (a methane point has an alarm threshold at least).
    const enforced = Object.fromEntries(Object.entries(point.thresholds).filter(([, v]) => v !== null));
    expect(enforced.upperAlarm).toBeDefined();
    expect(opened.thresholds).toEqual(enforced);
    expect(opened.legend[0]).toBe('测值');
    expect(opened.legend).toContain(`报警 ${enforced.upperAlarm} ${point.unit}`);
    // The axis is in China Standard Time: the plot's range line says so.
    expect(await curve.getByTestId('chart-readout').innerText()).toContain('（北京时间）');
    await curve.scrollIntoViewIfNeeded();
    await screenshot(page, 'point-curve-live-zh-1440');

    // A month: per-hour aggregates.
    expect(seriesSpan(await chooseCurveSpan(curve, 30 * DAY_MS))).toBe(30 * DAY_MS);
    const month = await curveState(curve);
    expect(month).toMatchObject({ resolution: '1h', isLive: true, resolutionLabel: '每小时汇总' });
    expect(month.legend.slice(0, 2)).toEqual(['每小时均值', '每小时最小–最大']);

    // A day: the request spans a day and the answer is the per-minute aggregates, with their band.
    const dayRequest = await chooseCurveSpan(curve, DAY_MS);
    expect(seriesSpan(dayRequest)).toBe(DAY_MS);
    const day = await curveState(curve);
    expect(day).toMatchObject({ resolution: '1m', isLive: true, resolutionLabel: '每分钟汇总' });
    expect(day.legend.slice(0, 2)).toEqual(['每分钟均值', '每分钟最小–最大']);
    await screenshot(page, 'point-curve-day-zh-1440');

    // Dragging across the last sixth of the day zooms into about four hours: raw readings again, no
    // longer following the live feed, with the way back to live offered.
    const zoomRequest = await dragCurve(curve, 5 / 6, 1);
    const zoomedSpan = seriesSpan(zoomRequest);
    expect(zoomedSpan).toBeGreaterThan(2 * HOUR_MS);
    expect(zoomedSpan).toBeLessThan(6 * HOUR_MS);
    const zoomed = await curveState(curve);
    expect(zoomed).toMatchObject({ resolution: 'raw', isLive: false, resolutionLabel: '原始读数' });
    expect(zoomed.samples).toBeGreaterThan(0);
    expect(await curve.getByTestId('curve-live').isVisible()).toBe(true);
    // A step earlier asks for the same span, half of it earlier.
    const [earlier] = await Promise.all([
      page.waitForRequest((r) => r.url().includes(`/points/${pointId}/series`)),
      curve.getByTestId('curve-earlier').click(),
    ]);
    expect(seriesSpan(earlier)).toBe(zoomedSpan);
    expect(Number(new URL(earlier.url()).searchParams.get('toMs'))).toBeLessThan(
      Number(new URL(zoomRequest.url()).searchParams.get('toMs')),
    );
    await curve.and(page.locator('[data-busy="false"]')).waitFor();
    await screenshot(page, 'point-curve-zoomed-zh-1440');

    // English: the same curve's labels.
    await switchLanguage(page);
    await expect.poll(async () => (await curveState(curve)).resolutionLabel).toBe('Raw readings');
    const en = await curveState(curve);
    expect(en.legend).toContain(`Alarm ${enforced.upperAlarm} ${point.unit}`);
    expect(await curve.getByTestId('chart-readout').innerText()).toContain('(China Standard Time)');
    await screenshot(page, 'point-curve-zoomed-en-1440');

    // 390 px: the plot shrinks to the phone's width and keeps its legend; back to live.
    await page.setViewportSize({ width: 390, height: 844 });
    await curve.getByTestId('curve-live').click();
    await expect.poll(async () => (await curveState(curve)).isLive).toBe(true);
    await expect
      .poll(async () => (await curve.locator('.uplot canvas').boundingBox())?.width ?? 999)
      .toBeLessThanOrEqual(390);
    const phone = await curveState(curve);
    expect(phone.resolution).toBe('raw');
    expect(phone.legend).toContain(`Alarm ${enforced.upperAlarm} ${point.unit}`);
    await curve.scrollIntoViewIfNeeded();
    await screenshot(page, 'point-curve-live-en-390');
    await switchLanguage(page);
    await expect.poll(async () => (await curveState(curve)).resolutionLabel).toBe('原始读数');
    await screenshot(page, 'point-curve-live-zh-390');
    await page.close();
  }, 120_000);
});
