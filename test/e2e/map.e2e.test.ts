import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ensureLanguage } from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('the mine map', () => {
  const server = useBrowserSuite({ pageTimeoutMs: 20_000 });
  async function newPage(
    username: string,
    viewport: { width: number; height: number },
    locale: 'zh-CN' | 'en',
  ): Promise<Page> {
    const page = await server.newPage(username, { ...viewport, locale });
    await ensureLanguage(page, locale);
    return page;
  }

  /** The county user's own mines with a recorded position, as the registry holds them. */
  function countyMines() {
    const county = server.province.users.find((u) => u.username === 'county')!;
    if (county.scope.kind !== 'region') throw new Error('county must have a region scope');
    const countyId = county.scope.regionId;
    return server.province.mines.filter(
      (m) => m.regionId === countyId && m.latitude !== null && m.longitude !== null,
    );
  }

  it('a county regulator sees exactly its mines on the map, by status, and a click opens the mine', async () => {
    const page = await newPage('county', { width: 1440, height: 1000 }, 'zh-CN');
    await page.getByTestId('nav-map').click();
    const map = page.getByTestId('mine-map');
    await map.waitFor();
    const mine = countyMines();
    expect(Number(await map.getAttribute('data-mines'))).toBe(mine.length);
    await expect
      .poll(async () => page.getByTestId('map-summary').innerText())
      .toContain(`图上 ${mine.length} 处煤矿`);
    const producing = mine.filter((m) => m.status === 'producing').length;
    expect(await page.getByTestId('map-legend-producing').innerText()).toContain(`生产 ${producing}`);
    // Drawn on a canvas: the first mine's marker position is published once the chart has rendered.
    await expect.poll(async () => map.getAttribute('data-first-mine-x')).not.toBeNull();
    await screenshot(page, 'map-county-zh-1440');
    const id = (await map.getAttribute('data-first-mine'))!;
    const x = Number(await map.getAttribute('data-first-mine-x'));
    const y = Number(await map.getAttribute('data-first-mine-y'));
    await map.click({ position: { x, y } });
    await page.waitForURL(new RegExp(`/mines/${encodeURIComponent(id)}$`));
    const opened = server.province.mines.find((m) => m.id === id)!;
    await expect.poll(async () => page.locator('h1').first().innerText()).toContain(opened.name);
  }, 120_000);

  it('the province regulator sees every mine in English on a phone, narrowed by region', async () => {
    const page = await newPage('province', { width: 390, height: 844 }, 'en');
    await page.goto(`${server.baseUrl}/map`);
    const map = page.getByTestId('mine-map');
    await map.waitFor();
    const all = server.province.mines.filter((m) => m.latitude !== null && m.longitude !== null);
    expect(Number(await map.getAttribute('data-mines'))).toBe(all.length);
    expect(await page.getByTestId('map-summary').innerText()).toContain(`${all.length} mines on the map`);
    expect(await page.getByTestId('map-legend').innerText()).toContain('Producing');
    // The map fits the phone's width.
    const box = (await map.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'map-province-en-390');

    const city = server.province.regions.find((r) => r.level === 'city')!;
    await page.getByTestId('map-region').selectOption(city.id);
    const inCity = all.filter((m) =>
      server.province.regions.some((r) => r.id === m.regionId && r.parentId === city.id),
    );
    await expect.poll(async () => Number(await map.getAttribute('data-mines'))).toBe(inCity.length);
    expect(inCity.length).toBeLessThan(all.length);
  }, 120_000);

  it('a mine safety officer has no map (one mine is not a map) and lands on its work list', async () => {
    const page = await newPage('officer', { width: 1440, height: 1000 }, 'zh-CN');
    expect(await page.getByTestId('nav-map').count()).toBe(0);
    await page.goto(`${server.baseUrl}/map`);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('today-list').waitFor();
  }, 120_000);
});
