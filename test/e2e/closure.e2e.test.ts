import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseArea, readMinePopulation, resolveRefdataDir } from '../../src/sim/reference/mine-population.ts';
import { populationYears } from '../../src/sim/reference/population-history.ts';
import { ryssFile } from '../support/national-files.ts';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  closureStatus,
  login,
  openAlarms,
  openClosureOfMine,
  openClosures,
  recordStep,
  startClosure,
  verifyStep,
  waitForAlarm,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

const STEPS = [
  'production_stopped',
  'explosives_disposed',
  'equipment_removed',
  'power_cut',
  'shafts_sealed',
  'licences_revoked',
  'workers_settled',
  'drawings_handed_over',
  'public_sign',
  'site_restored',
] as const;

describeInBrowser('closure in the browser', () => {
  const server = useBrowserSuite({
    server: { monitoring: true, simIntervalMs: 10_000 },
    pageTimeoutMs: 30_000,
  });
  const newPage = () => server.newPage();

  it('a closure goes step by step to closed; a later personnel upload raises the top alarm', async () => {
    const officer = server.province.users.find((u) => u.username === 'officer');
    if (officer?.scope.kind !== 'mine') throw new Error('no officer');
    const mineId = officer.scope.mineId;
    const mine = await server.ports.mines.get(mineId);
    if (!mine) throw new Error('no mine');

    const county = await newPage();
    await login(county, server.baseUrl, 'county', TEST_PASSWORD);
    await openClosures(county, server.baseUrl);
    await startClosure(county, mine.code, '核定产能低于30万吨/年，列入关闭名单');
    expect((await server.ports.mines.get(mineId))?.status).toBe('closing');

    // The mine records that production stopped from its own session (the mine users' shell has no
    // closure page); it may not verify its own step. The county verifies and records the rest in the UI.
    const mineUser = await newPage();
    await login(mineUser, server.baseUrl, 'officer', TEST_PASSWORD);
    const mineSession = (await (await mineUser.request.get(`${server.baseUrl}/api/session`)).json()) as {
      csrfToken: string;
    };
    const list = (await (await mineUser.request.get(`${server.baseUrl}/api/closure/closures`)).json()) as {
      closures: Array<{ id: string; mineId: string }>;
    };
    const closureId = list.closures.find((c) => c.mineId === mineId)?.id ?? '';
    const stepUrl = (what: string) =>
      `${server.baseUrl}/api/closure/closures/${closureId}/steps/production_stopped/${what}`;
    const recorded = await mineUser.request.post(stepUrl('record'), {
      headers: { 'x-csrf-token': mineSession.csrfToken },
      data: { evidence: '全员升井，停产公告已张贴' },
    });
    expect(recorded.status(), await recorded.text()).toBe(200);
    const selfVerify = await mineUser.request.post(stepUrl('verify'), {
      headers: { 'x-csrf-token': mineSession.csrfToken },
      data: {},
    });
    expect(selfVerify.status()).toBe(403);

    // The county records the eight legal requirements; the city verifies them (who records does not verify).
    await openClosureOfMine(county, mineId, server.baseUrl);
    for (const step of STEPS) {
      if (step !== 'production_stopped') await recordStep(county, step, `${step} 现场照片与记录`);
    }
    await county.getByTestId('closure-verify-public_sign').click();
    await county
      .getByTestId('closure-step-error-public_sign')
      .filter({ hasText: '职责分离' })
      .first()
      .waitFor();
    const city = await newPage();
    await login(city, server.baseUrl, 'city', TEST_PASSWORD);
    await openClosureOfMine(city, mineId, server.baseUrl);
    for (const step of STEPS) {
      if (step === 'site_restored') continue;
      await verifyStep(city, step);
      expect(await closureStatus(city)).toBe('关闭中');
    }
    expect((await server.ports.mines.get(mineId))?.status).toBe('closing');
    await verifyStep(city, 'site_restored');
    await city.locator('[data-testid="closure-status"]', { hasText: '已关闭' }).waitFor();
    expect((await server.ports.mines.get(mineId))?.status).toBe('closed');
    await screenshot(city, 'closure-closed-1440');
    await city.setViewportSize({ width: 390, height: 844 });
    await screenshot(city, 'closure-closed-390');

    // Later, the closed mine's personnel system reports people underground.
    await openAlarms(county, { mineId }, server.baseUrl);
    const session = await county.request.get(`${server.baseUrl}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    // National files carry China Standard Time (UTC+8).
    const cst = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const upload = async (n: number, ms: number) => {
      const file = ryssFile(mine.code, cst(ms), n);
      const res = await county.request.post(`${server.baseUrl}/api/ingest/files`, {
        headers: { 'x-csrf-token': csrfToken, 'x-file-name': file.name, 'content-type': 'text/plain' },
        data: Buffer.from(file.text, 'utf8'),
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
    };
    const alarmId = `${mineId}|people_in_stopped_mine|`;
    const alarmNow = async () => {
      const res = await county.request.get(`${server.baseUrl}/api/alarms/${encodeURIComponent(alarmId)}`);
      return res.ok()
        ? ((await res.json()) as { alarm: { conditionActive: boolean; activeSinceMs: number | null } }).alarm
        : null;
    };
    // First the mine's system reports nobody underground, so no alarm is active before the test's upload.
    await upload(0, Date.now() - 2000);
    expect((await alarmNow())?.conditionActive ?? false).toBe(false);
    const uploadedAt = Date.now();
    await upload(3, uploadedAt);
    const raised = await alarmNow();
    expect(raised?.conditionActive).toBe(true);
    expect(raised!.activeSinceMs!).toBeGreaterThanOrEqual(uploadedAt - 1000);
    const alarm = await waitForAlarm(county, { rule: 'people_in_stopped_mine', mineId });
    expect(alarm.priority).toBe('critical');
    await screenshot(county, 'closure-people-in-closed-mine');
  }, 300_000);

  it("the targets tab shows the area's real mine population year by year", async () => {
    // The history as the seeder writes it: the Guizhou area's real mines of 2011–2023, by district.
    const population = readMinePopulation(resolveRefdataDir(loadConfig(process.env).refdataDir));
    await server.ports.closure.putPopulationYears(
      populationYears(server.province, population, parseArea('guizhou')),
    );
    const page = await newPage();
    await login(page, server.baseUrl, 'province', TEST_PASSWORD);
    await openClosures(page, server.baseUrl);
    await page.getByTestId('closure-tab-targets').click();
    const row = (year: number) => page.getByTestId(`population-year-${year}`).locator('td');
    await page.getByTestId('population-year-2011').waitFor();
    // SOURCE.md's box: 2,195 mines in 2011 (2,101 below 300 kt/yr), 578 in 2019, 363 in 2020.
    expect(await row(2011).allInnerTexts()).toEqual(['2011', '2195', '2101', expect.any(String), '—', '—']);
    expect((await row(2020).allInnerTexts()).slice(0, 3)).toEqual(['2020', '363', '72']);
    expect((await row(2020).allInnerTexts())[4]).toBe('215');
    expect(await page.getByTestId('population-history-reduction').innerText()).toContain('1685');
    await screenshot(page, 'closure-history');
  }, 90_000);
});
