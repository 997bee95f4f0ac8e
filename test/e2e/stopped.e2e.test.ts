import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonUnderground } from '../../src/core/monitoring/engine/personnel-rules.ts';
import { TEST_PASSWORD, asSession, loginAs } from '../support/world.ts';
import {
  approveFirstDeclaration,
  complianceStates,
  declarations,
  declareWatchCrew,
  ensureLanguage,
  login,
  openMine,
  openOrderCompliance,
  type Lang,
} from './page-models/index.ts';
import { describeInBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * Stopped means stopped (ADR 0014) in the browser: a stop order with an evacuation deadline over two mines
 * of a county; the mine's officer declares its watch crew and a county regulator approves it; the order's
 * compliance view shows one mine clear (only its crew below) and one evacuating, then all clear — in
 * zh-CN and English, at 1440 and 390 px; and the banner of a high-gas mine without gas-control capability.
 */
describeInBrowser('stopped mines in the browser: watch crew and stop-order compliance', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let orderId = '';
  let officerMine = { id: '', code: '' };
  let other = { id: '', code: '' };

  const people = (mineCode: string, area: string, n: number): PersonUnderground[] =>
    Array.from({ length: n }, (_, i) => ({
      cardCode: `${mineCode}${String(i + 1).padStart(5, '0')}`,
      name: `人员${i + 1}`,
      areaCode: area,
      stationCode: null,
      enteredMineAtMs: null,
      isMineLeader: false,
    }));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(60), launchBrowser()]);
    const officer = server.province.users.find((u) => u.username === 'officer')!;
    if (officer.scope.kind !== 'mine') throw new Error('officer is not mine-scoped');
    const mineId = officer.scope.mineId;
    const mine = server.province.mines.find((m) => m.id === mineId)!;
    const second = server.province.mines.find(
      (m) => m.regionId === mine.regionId && m.status === 'producing' && m.id !== mine.id,
    )!;
    officerMine = { id: mine.id, code: mine.code };
    other = { id: second.id, code: second.code };
    const county = await loginAs(server.app, 'county');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: asSession(county),
      payload: {
        number: '示县停〔2026〕7号',
        kind: 'suspend_mine',
        legalBasis: '煤矿安全生产条例第四十八条',
        reason: '重大隐患停产整顿',
        mineIds: [mine.id, second.id],
        evacuateWithinMinutes: 45,
      },
    });
    if (res.statusCode !== 201) throw new Error(`order: ${res.body}`);
    orderId = res.json<{ order: { id: string } }>().order.id;
    // What the mines' personnel systems report (through the real store): 3 on watch, 12 still leaving.
    const now = Date.now();
    await server.ports.monitoring.replacePeople(mine.id, people(mine.code, `${mine.code}0001`, 3), now);
    await server.ports.monitoring.replacePeople(
      second.id,
      people(second.code, `${second.code}0001`, 12),
      now,
    );
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  async function newPage(width: number, lang: Lang, user: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await login(page, server.baseUrl, user, TEST_PASSWORD);
    await ensureLanguage(page, lang);
    return page;
  }

  it('the officer declares the watch crew, a county regulator approves it, and the compliance view reaches all clear', async () => {
    const officer = await newPage(1440, 'zh-CN', 'officer');
    await openMine(officer, officerMine.id, server.baseUrl);
    expect(await declarations(officer)).toEqual([]);
    await declareWatchCrew(officer, {
      crew: 3,
      roles: '瓦斯检查工，主扇司机，排水工',
      areas: `${officerMine.code}0001`,
    });
    expect(await declarations(officer)).toEqual([['watch_crew', 'declared', '3']]);
    // The declarer is offered no approval.
    expect(await officer.getByTestId('stopped-approve').count()).toBe(0);
    await screenshot(officer, 'stopped-watch-crew-declared-zh-1440');

    const regulator = await newPage(1440, 'zh-CN', 'county');
    await openMine(regulator, officerMine.id, server.baseUrl);
    await approveFirstDeclaration(regulator, '值守方案符合要求');
    expect(await declarations(regulator)).toEqual([['watch_crew', 'approved', '3']]);
    await screenshot(regulator, 'stopped-watch-crew-approved-zh-1440');

    await openOrderCompliance(regulator, orderId, server.baseUrl);
    expect(await complianceStates(regulator)).toEqual({
      allClear: false,
      states: { [officerMine.code]: 'clear', [other.code]: 'evacuating' },
    });
    await screenshot(regulator, 'stopped-compliance-zh-1440');

    for (const [width, lang] of [
      [390, 'zh-CN'],
      [1440, 'en'],
      [390, 'en'],
    ] as const) {
      const page = await newPage(width, lang, 'county');
      await openMine(page, officerMine.id, server.baseUrl);
      await declarations(page);
      await screenshot(page, `stopped-watch-crew-approved-${lang === 'en' ? 'en' : 'zh'}-${width}`);
      await openOrderCompliance(page, orderId, server.baseUrl);
      await screenshot(page, `stopped-compliance-${lang === 'en' ? 'en' : 'zh'}-${width}`);
    }

    // The second mine reports everyone out: the view reaches all clear.
    await server.ports.monitoring.replacePeople(other.id, [], Date.now());
    await regulator.getByTestId('order-compliance-reload').click();
    await regulator.locator('[data-testid="order-compliance"][data-all-clear="true"]').waitFor();
    expect(await complianceStates(regulator)).toEqual({
      allClear: true,
      states: { [officerMine.code]: 'clear', [other.code]: 'clear' },
    });
    await screenshot(regulator, 'stopped-compliance-all-clear-zh-1440');

    // A high-gas or outburst mine of the county without gas-control capability carries the banner.
    const lacking = server.province.mines.find(
      (m) =>
        m.regionId === server.province.mines.find((x) => x.id === officerMine.id)!.regionId &&
        m.gasClass !== 'low' &&
        !m.hasGasControlCapability,
    )!;
    await openMine(regulator, lacking.id, server.baseUrl);
    const banner = regulator.getByTestId('gas-control-banner');
    expect(await banner.innerText()).toMatch(/不具备瓦斯防治能力：不得生产/);
    expect(await banner.getAttribute('data-violation')).toBe(
      lacking.status === 'producing' ? 'true' : 'false',
    );
    await screenshot(regulator, 'stopped-gas-control-banner-zh-1440');
  });
});
