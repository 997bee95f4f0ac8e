import type { Locator, Page, Request } from 'playwright-core';

/** A point's curve on the mine page (`point-chart`), the first one when no point is given. */
export function pointCurve(page: Page, pointId?: number): Locator {
  return pointId === undefined
    ? page.getByTestId('point-chart').first()
    : page.locator(`[data-testid="point-chart"][data-point-id="${pointId}"]`);
}

/** What a curve shows once loaded: its resolution, whether it follows the live feed, the legend's lines. */
export interface CurveState {
  resolution: string;
  isLive: boolean;
  samples: number;
  resolutionLabel: string;
  legend: string[];
  thresholds: Record<string, number>;
}

/** Waits until the curve has loaded (not busy, its uPlot canvas drawn) and reads it. */
export async function curveState(curve: Locator): Promise<CurveState> {
  await curve.and(curve.page().locator('[data-busy="false"]')).waitFor();
  await curve.locator('.uplot canvas').waitFor();
  const thresholds: Record<string, number> = {};
  for (const item of await curve.locator('[data-threshold]').all()) {
    const key = await item.getAttribute('data-threshold');
    if (key !== null) thresholds[key] = Number(await item.getAttribute('data-value'));
  }
  return {
    resolution: (await curve.getAttribute('data-resolution')) ?? '',
    isLive: (await curve.getAttribute('data-live')) === 'true',
    samples: Number(await curve.getAttribute('data-samples')),
    resolutionLabel: (await curve.getByTestId('curve-resolution').innerText()).trim(),
    legend: (await curve.getByTestId('curve-legend').locator('li').allInnerTexts()).map((s) => s.trim()),
    thresholds,
  };
}

/** The span (ms) a series request asks for. */
export function seriesSpan(request: Request): number {
  const url = new URL(request.url());
  return Number(url.searchParams.get('toMs')) - Number(url.searchParams.get('fromMs'));
}

/** Waits for the curve's next series request and its answer. */
function nextSeriesRequest(page: Page, pointId: string): Promise<Request> {
  return page.waitForRequest((r) => r.url().includes(`/points/${pointId}/series`));
}

/** Picks one of the live periods above the curve (30 min, 6 h, 1 day, 7 days); answers the request it made. */
export async function chooseCurveSpan(curve: Locator, spanMs: number): Promise<Request> {
  const pointId = (await curve.getAttribute('data-point-id')) ?? '';
  const [request] = await Promise.all([
    nextSeriesRequest(curve.page(), pointId),
    curve.locator(`[data-testid="curve-span"][data-span-ms="${spanMs}"]`).click(),
  ]);
  await curve.and(curve.page().locator('[data-busy="false"]')).waitFor();
  return request;
}

/**
 * Drags across the plot from `fromFraction` to `toFraction` of its width (0 = left edge of the plot
 * area, 1 = right edge), zooming into that range; answers the request it made.
 */
export async function dragCurve(curve: Locator, fromFraction: number, toFraction: number): Promise<Request> {
  const page = curve.page();
  const pointId = (await curve.getAttribute('data-point-id')) ?? '';
  const over = curve.locator('.uplot .u-over');
  const box = await over.boundingBox();
  if (box === null) throw new Error('the curve has no plot area');
  const y = box.y + box.height / 2;
  const requested = nextSeriesRequest(page, pointId);
  await page.mouse.move(box.x + box.width * fromFraction + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromFraction + toFraction) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * toFraction - 1, y, { steps: 4 });
  await page.mouse.up();
  const request = await requested;
  await curve.and(page.locator('[data-busy="false"]')).waitFor();
  return request;
}
