import { expect, it } from 'vitest';
import { person } from '../../src/core/monitoring/engine/engine.test-helper.ts';
import { TEST_PASSWORD } from '../support/world.ts';
import { login, openAlarms, openHazard, switchLanguage } from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/**
 * Issue 12 step 6 in the browser: a major hazard proposed by monitoring evidence (ADR 0012) on the
 * alarm console, confirmed into a major hazard or dismissed with a reason by a regulator.
 */
describeInBrowser('major hazards proposed by monitoring, in the browser', () => {
  const server = useBrowserSuite({ server: { monitoring: true }, stopTimeoutMs: 60_000 });
  const newPage = () => server.newPage();
  const user = (username: string) => server.province.users.find((u) => u.username === username)!;

  it('a county regulator confirms a major hazard proposed by monitoring and dismisses another with a reason, in zh-CN and English at 1440 and 390 px', async () => {
    const county = user('county');
    if (county.scope.kind !== 'region') throw new Error('county must be region-scoped');
    const countyId = county.scope.regionId;
    const runtime = server.monitoring!.runtime;
    // Two mines of the county the simulator leaves silent (closed or closing, no scenario running):
    // their positioning system reports more people underground than 120 % of the approved maximum
    // (2020 criteria art. 4(6)), through the runtime's personnel ingest (what an RYSS file feeds).
    const busy = new Set(server.monitoring!.demo.scenarios.active().map((s) => s.mineId));
    const [first, second] = server.province.mines.filter(
      (m) =>
        m.regionId === countyId &&
        (m.status === 'closed' || m.status === 'closing') &&
        m.approvedMaxUnderground > 0 &&
        !busy.has(m.id),
    );
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    const now = Date.now();
    // The people as a positioning snapshot (RYSS) lists them: underground for half an hour.
    const crew = (mineCode: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        person(`${mineCode.slice(-4)}${String(i).padStart(5, '0')}`, null, now - 30 * 60_000, {
          name: `测试人员${i + 1}`,
        }),
      );
    const counts = new Map<string, number>();
    for (const m of [first!, second!]) {
      const n = Math.ceil(m.approvedMaxUnderground * 1.2) + 1;
      counts.set(m.id, n);
      await runtime.ingestPersonnel(m.code, crew(m.code, n), now);
    }

    const page = await newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await openAlarms(page, {}, server.baseUrl);
    const panel = page.getByTestId('monitoring-proposals');
    const proposal = (mineId: string) =>
      panel.locator(
        `[data-testid="monitoring-proposal"][data-mine-id="${mineId}"][data-category="2020-1-6"]`,
      );
    const confirmed = proposal(first!.id);
    const dismissed = proposal(second!.id);
    await confirmed.waitFor({ timeout: 15_000 });
    await dismissed.waitFor();

    // zh-CN: the proposal, its mine, its evidence (the head count) and the criterion it meets.
    const text = async (l: typeof confirmed) => (await l.innerText()).replace(/\s+/g, ' ');
    expect(await panel.locator('h2').innerText()).toBe('监测证据提出的重大隐患');
    expect(await text(confirmed)).toContain('井下人员超过核定人数20%以上（监测证据）');
    expect(await text(confirmed)).toContain(first!.name);
    expect(await confirmed.getByTestId('incident-evidence').innerText()).toContain(
      `井下人员 ${counts.get(first!.id)} 人`,
    );
    const criterion = confirmed.getByTestId('monitoring-proposal-criterion');
    expect(await criterion.innerText()).toContain('《煤矿重大事故隐患判定标准》第四条第（六）项');
    expect(await criterion.innerText()).toContain('超过定员 20% 以上');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'alarm-console-hazard-proposals-zh-1440');

    await switchLanguage(page);
    await expect
      .poll(() => text(confirmed))
      .toContain('People underground 20 % or more over the approved maximum');
    expect(await criterion.innerText()).toContain('MEM order 4 (2020) art. 4(6)');
    expect(await confirmed.getByTestId('incident-evidence').innerText()).toContain(
      `${counts.get(first!.id)} people underground`,
    );
    await screenshot(page, 'alarm-console-hazard-proposals-en-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'alarm-console-hazard-proposals-en-390');
    await switchLanguage(page);
    await expect.poll(() => text(confirmed)).toContain('井下人员超过核定人数20%以上');
    await screenshot(page, 'alarm-console-hazard-proposals-zh-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Confirmed: the proposal leaves the panel and a major hazard of that criterion exists, audited.
    const note = '人员定位显示超员，列为重大隐患督办';
    await confirmed.getByTestId('monitoring-proposal-note').fill(note);
    await confirmed.getByTestId('monitoring-proposal-confirm').click();
    await expect.poll(() => confirmed.count(), { timeout: 10_000 }).toBe(0);
    const alarmId = `${first!.id}|headcount_over_limit|`;
    const confirmAudit = (await server.ports.audit.listByTarget('alarm', alarmId)).find(
      (a) => a.action === 'monitoring_hazard.confirm',
    );
    expect(confirmAudit?.actorName).toBe(county.displayName);
    expect(confirmAudit!.after).toMatchObject({ decision: 'confirmed', note, mineId: first!.id });
    const hazardId = (confirmAudit!.after as { hazardId: string }).hazardId;
    await openHazard(page, hazardId, server.baseUrl);
    expect(await page.getByTestId('hazard-title').innerText()).toBe(
      '井下人员超过核定人数20%以上（监测证据）',
    );
    expect(await page.getByTestId('hazard-grade').innerText()).toBe('重大隐患');
    expect(await page.getByTestId('hazard-page').innerText()).toContain(first!.name);
    // Its stored description is the official record in Chinese: the rule, the criterion, the count.
    const pageText = await page.getByTestId('hazard-page').innerText();
    expect(pageText).toContain(
      '监测证据提请：井下超员（报警 ' +
        alarmId +
        '；《煤矿重大事故隐患判定标准》（应急管理部令第4号）第四条第（六）项）。',
    );
    // One evidence item a line (the stored line breaks are kept on screen).
    expect(pageText).toMatch(
      new RegExp(`\\n- \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · 井下人数：${counts.get(first!.id)}人`),
    );
    expect(pageText).not.toContain('Proposed from monitoring');
    await screenshot(page, 'hazard-from-monitoring-proposal-zh-1440');

    // Dismissed: refused without a reason (the proposal stays), then dismissed with one, audited.
    await openAlarms(page, {}, server.baseUrl);
    await dismissed.waitFor({ timeout: 15_000 });
    await dismissed.getByTestId('monitoring-proposal-dismiss').click();
    await expect.poll(() => text(dismissed)).toContain('驳回须说明理由');
    const reason = '该矿已关闭，人员系闭坑工程施工队伍，另案处理';
    await dismissed.getByTestId('monitoring-proposal-note').fill(reason);
    await dismissed.getByTestId('monitoring-proposal-dismiss').click();
    await expect.poll(() => dismissed.count(), { timeout: 10_000 }).toBe(0);
    const dismissAudit = (
      await server.ports.audit.listByTarget('alarm', `${second!.id}|headcount_over_limit|`)
    ).find((a) => a.action === 'monitoring_hazard.dismiss');
    expect(dismissAudit?.actorName).toBe(county.displayName);
    expect(dismissAudit!.after).toMatchObject({ decision: 'dismissed', note: reason, hazardId: null });
    // Neither comes back.
    const listed = await page.request.get(`${server.baseUrl}/api/hazards/monitoring-proposals`);
    const keys = ((await listed.json()) as { items: Array<{ mineId: string }> }).items.map((p) => p.mineId);
    expect(keys).not.toContain(first!.id);
    expect(keys).not.toContain(second!.id);
  });

  it('the monitoring tick ran without errors', () => {
    expect(server.log.filter((line) => /failed/i.test(line))).toEqual([]);
  });
});
