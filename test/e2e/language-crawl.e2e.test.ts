import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import { beltHazard } from '../hazards/hazard-fixtures.ts';
import { ensureLanguage, login } from './page-models/index.ts';
import { describeInBrowser, launchBrowser, SCREENSHOT_DIR } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { findLeaks, isDataKey } from './support/language-leaks.ts';
import { officerPaths, provincePaths, settle } from './support/page-walk.ts';

/**
 * The language crawl: every page a province regulator and a mine safety officer can open, in Chinese
 * and in English, must show no text in the other language outside data (names of mines, people and
 * places, titles people wrote), no raw code (snake_case values, `hz-…` ids) and no ISO timestamp.
 * One server, one browser; the data strings are the values of data fields in the API answers the page
 * itself received.
 */
describeInBrowser('language crawl: every page in zh-CN and English', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let hazardId = '';
  let accidentId = '\u0000';
  /** Data every session may show (read by the test itself, not by a page). */
  const sharedData = new Set<string>();

  beforeAll(async () => {
    // 60 mines: the simulator of a 300-mine province would cost more than the whole crawl.
    [server, browser] = await Promise.all([startServer(60, { monitoring: true }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  const officerMine = () => {
    const scope = server.province.users.find((u) => u.username === 'officer')?.scope;
    if (scope?.kind !== 'mine') throw new Error('officer must be mine-scoped');
    return scope.mineId;
  };

  async function newSession(username: string): Promise<{ page: Page; data: Set<string> }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // Every string of a data field the page received is data, whatever its language.
    const data = new Set<string>();
    page.on('response', (res) => {
      if (!new URL(res.url()).pathname.startsWith('/api/')) return;
      if (!(res.headers()['content-type'] ?? '').includes('json')) return;
      res.json().then(
        (body: unknown) => collectData(body, null, data),
        () => undefined,
      );
    });
    await login(page, server.baseUrl, username, TEST_PASSWORD);
    return { page, data };
  }

  function collectData(value: unknown, key: string | null, into: Set<string>): void {
    if (typeof value === 'string') {
      if (key !== null && isDataKey(key) && value.trim().length > 1) into.add(value.trim());
      return;
    }
    if (Array.isArray(value)) for (const v of value) collectData(v, key, into);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) collectData(v, k, into);
  }

  async function crawl(username: string, paths: readonly string[]): Promise<string[]> {
    const { page, data } = await newSession(username);
    const found: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const path of paths) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByTestId('sidenav').waitFor({ state: 'attached' });
        await ensureLanguage(page, lang);
        await settle(page);
        const text = await page.locator('body').innerText();
        for (const leak of findLeaks(text, lang, new Set([...data, ...sharedData])))
          found.push(`${username} ${lang} ${path}: ${leak}`);
        // Stable names (a generated id would leave a new file per run).
        const named = path
          .replace(hazardId, 'hazard')
          .replace(officerMine(), 'mine')
          .replace(accidentId, 'accident')
          .replace(/alarm=[^&]*/, 'alarm');
        const name = `crawl-${username}-${lang}${named.replace(/[^a-zA-Z0-9]+/g, '-')}`.replace(/-+$/, '');
        // The visible part only: a full-page shot of the long lists costs more than the check itself.
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
      }
    }
    return found;
  }

  it('shows each page wholly in the chosen language, for the province regulator and a mine safety officer', async () => {
    // A major hazard at the officer's mine, so hazard pages show a criteria item, a plan and a history.
    const officer = await newSession('officer');
    const csrf = (
      (await (await officer.page.request.get(`${server.baseUrl}/api/session`)).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
    const res = await officer.page.request.post(`${server.baseUrl}/api/hazards`, {
      data: beltHazard(officerMine()),
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.status(), await res.text()).toBe(201);
    hazardId = ((await res.json()) as { hazard: { id: string } }).hazard.id;

    // Two scripted incidents, so the console, the mine pages and today's list show live alarms.
    const province = await newSession('province');
    const provinceCsrf = (
      (await (await province.page.request.get(`${server.baseUrl}/api/session`)).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
    const scenarioMines: string[] = [];
    for (const name of ['songzao', 'diaoshuidong']) {
      const started = await province.page.request.post(`${server.baseUrl}/api/scenarios`, {
        data: { name },
        headers: { 'x-csrf-token': provinceCsrf },
      });
      expect(started.status(), await started.text()).toBe(201);
      scenarioMines.push(((await started.json()) as { scenario: { mineId: string } }).scenario.mineId);
    }
    await expect
      .poll(
        async () =>
          (
            (await (await province.page.request.get(`${server.baseUrl}/api/alarms`)).json()) as {
              total: number;
            }
          ).total,
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);

    // Alarm texts quote the mines' own words: point state texts and the names of people underground.
    for (const id of scenarioMines)
      for (const what of ['points', 'personnel']) {
        const res = await province.page.request.get(`${server.baseUrl}/api/mines/${id}/${what}`);
        collectData(await res.json(), null, sharedData);
      }

    // An accident re-graded by a supplementary report, so its page shows the figures, levels and history.
    const post = async (url: string, data: object) => {
      const r = await province.page.request.post(`${server.baseUrl}${url}`, {
        data,
        headers: { 'x-csrf-token': provinceCsrf },
      });
      expect(r.status(), await r.text()).toBe(201);
      return r.json() as Promise<{ accident: { id: string } }>;
    };
    const figures = { deaths: 1, missing: 1, seriousInjuries: 0, minorInjuries: 0, directLossCny: 500_000 };
    const { accident } = await post('/api/accidents', {
      ...figures,
      mineId: officerMine(),
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      type: '顶板',
    });
    await post(`/api/accidents/${accident.id}/supplements`, {
      ...figures,
      deaths: 3,
      missing: 0,
      changedAt: new Date(Date.now() - 3_600_000).toISOString(),
      reason: '失踪人员遇难',
    });
    sharedData.add('顶板');
    accidentId = accident.id;

    const mine = encodeURIComponent(officerMine());
    const hazard = encodeURIComponent(hazardId);
    const accidentPath = `/accidents/${encodeURIComponent(accident.id)}`;
    // An alarm of a scenario mine: the hazard, order and case forms pre-filled from it.
    const scenarioAlarm = (
      (await (
        await province.page.request.get(`${server.baseUrl}/api/alarms?mineId=${scenarioMines[1]}`)
      ).json()) as {
        items: Array<{ id: string }>;
      }
    ).items[0]!.id;
    const fromAlarm = `alarm=${encodeURIComponent(scenarioAlarm)}`;
    const leaks = [
      ...(await crawl('province', [
        ...provincePaths(mine, hazard),
        '/supervision/bulk',
        accidentPath,
        `/hazards/new?${fromAlarm}`,
        `/orders?${fromAlarm}`,
        `/closure/cases?${fromAlarm}`,
      ])),
      ...(await crawl('officer', officerPaths(mine, hazard))),
    ];
    // The whole list is kept beside the screenshots (the assertion's diff is cut short).
    writeFileSync(join(SCREENSHOT_DIR, '..', 'language-leaks.txt'), `${leaks.join('\n')}\n`);
    expect(leaks).toEqual([]);
  }, 600_000);
});
