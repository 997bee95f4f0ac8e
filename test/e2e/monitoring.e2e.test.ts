import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  acknowledgeAlarm,
  activeScenarios,
  alarmActionsAvailable,
  alarmDetailState,
  alarmHistory,
  alarmGroups,
  alarmKpi,
  alarmRow,
  chartedPoints,
  chartThresholds,
  expandIncident,
  hasScenarioPanel,
  incidentCard,
  login,
  openAlarmDetail,
  openAlarms,
  openMine,
  personnelTotal,
  pointRows,
  shownMineId,
  startScenario,
  switchLanguage,
  waitForAlarm,
  waitForAlarmState,
  waitForChart,
  waitForLive,
  waitForMonitoring,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/** What `/api/alarms/:id` answers (the fields checked here). */
interface AlarmDetailBody {
  alarm: {
    id: string;
    state: string;
    rule: string;
    priority: string;
    mineId: string;
    lastComment: string | null;
  };
  events: Array<{
    kind: string;
    cause: string;
    fromState: string | null;
    toState: string | null;
    actor: string | null;
    comment: string | null;
  }>;
}

interface PointsBody {
  points: Array<{
    id: number;
    sensorType: string;
    thresholds: Record<string, number | null>;
  }>;
}

const ACK_COMMENT = '已责令立即撤出井下人员，派员现场核查';

/**
 * Run in the page (a string: the test code is compiled without the DOM types): records the time of
 * the click on the diaoshuidong start button (`window.__clickAt`) and, per mine, the first time a
 * critical "people in a stopped mine" row is in the document (`window.__rowAt[mineId]`).
 */
const WATCH_SCENARIO_ROWS = `(() => {
  window.__rowAt = {};
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="scenario-start-diaoshuidong"]'))
      window.__clickAt ??= Date.now();
  }, true);
  const seen = () => {
    const rows = document.querySelectorAll(
      '[data-testid="alarm-row"][data-rule="people_in_stopped_mine"][data-priority="critical"]');
    for (const row of rows) window.__rowAt[row.getAttribute('data-mine-id') ?? ''] ??= Date.now();
    // Or the incident that groups it (correlation, ADR 0012), whichever the console shows first.
    for (const card of document.querySelectorAll('[data-testid="incident-card"]'))
      window.__rowAt[card.getAttribute('data-mine-id') ?? ''] ??= Date.now();
  };
  seen();
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

describeInBrowser('monitoring in the browser', () => {
  const server = useBrowserSuite({ server: { monitoring: true }, stopTimeoutMs: 60_000 });
  const newPage = () => server.newPage();

  const user = (username: string) => server.province.users.find((u) => u.username === username)!;
  /** The alarm raised by the scenario (and its mine), shared with the later tests. */
  let scenarioAlarmId: string | null = null;
  let scenarioMineId: string | null = null;

  it('a county regulator starts diaoshuidong, sees the critical alarm live and acknowledges it', async () => {
    const county = user('county');
    if (county.scope.kind !== 'region') throw new Error('county must be region-scoped');
    const countyId = county.scope.regionId;
    const candidates = server.province.mines.filter(
      (m) => m.regionId === countyId && (m.status === 'closed' || m.status === 'closing'),
    );
    expect(candidates.length).toBeGreaterThan(0);

    const page = await newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await openAlarms(page, {}, server.baseUrl);
    await waitForLive(page);
    await page.getByTestId('scenario-panel').waitFor();
    expect(await hasScenarioPanel(page)).toBe(true);

    // Timestamps taken in the page: the click on the start button, and the first time each critical
    // "people in a stopped mine" row is in the table (inserted from the live feed, no reload).
    await page.evaluate(WATCH_SCENARIO_ROWS);
    const before = await page.evaluate<Record<string, number>>('window.__rowAt');

    const clickedAt = Date.now();
    await startScenario(page, 'diaoshuidong');
    const scenario = (await activeScenarios(page)).find((s) => s.name === 'diaoshuidong');
    expect(scenario).toBeDefined();
    const mineId = scenario!.mineId;
    // The server picked a closed or closing mine of the county.
    expect(candidates.map((m) => m.id)).toContain(mineId);
    expect(before[mineId]).toBeUndefined();
    const mine = server.province.mines.find((m) => m.id === mineId)!;

    // People and activity in a closed mine are one incident: its alarms are under it, not in the table.
    await expandIncident(page, mineId);
    const row = await waitForAlarm(
      page,
      { rule: 'people_in_stopped_mine', priority: 'critical', mineId, state: 'unack_active' },
      10_000,
    );
    const seenAt = Date.now();
    const timing = await page.evaluate<{ clickAt: number | null; rowAt: number | null }>(
      `({ clickAt: window.__clickAt ?? null, rowAt: window.__rowAt[${JSON.stringify(mineId)}] ?? null })`,
    );
    expect(timing.clickAt).not.toBeNull();
    expect(timing.rowAt).not.toBeNull();
    const latencyMs = timing.rowAt! - timing.clickAt!;
    console.log(
      `[monitoring e2e] diaoshuidong at ${mine.name} (${mine.code}): critical row ${latencyMs} ms after the click ` +
        `(observed by the test ${seenAt - clickedAt} ms after it)`,
    );
    expect(latencyMs).toBeGreaterThanOrEqual(0);
    expect(latencyMs).toBeLessThanOrEqual(10_000);
    expect(row.text).toContain(mine.name);
    // It came live: the page was not reloaded (what the test put in the page is still there).
    expect(await page.evaluate<boolean>("'__rowAt' in window")).toBe(true);
    scenarioAlarmId = row.id;
    scenarioMineId = mineId;
    await screenshot(page, 'alarm-console-diaoshuidong');

    // The detail: the raise, then the acknowledgement with the comment and who made it.
    await openAlarmDetail(page, row.id);
    expect(await alarmDetailState(page)).toBe('unack_active');
    const raised = await alarmHistory(page);
    expect(raised.some((e) => e.to === 'unack_active')).toBe(true);
    expect(await alarmActionsAvailable(page)).toMatchObject({ acknowledge: true });
    await screenshot(page, 'alarm-detail-diaoshuidong');

    await acknowledgeAlarm(page, row.id, ACK_COMMENT);
    expect(await alarmDetailState(page)).toBe('ack_active');
    await waitForAlarmState(page, row.id, 'ack_active');
    const history = await alarmHistory(page);
    const raise = history.find((e) => e.to === 'unack_active');
    const ack = history.find((e) => e.from === 'unack_active' && e.to === 'ack_active');
    expect(raise).toBeDefined();
    expect(ack).toBeDefined();
    expect(ack!.text).toContain(ACK_COMMENT);
    expect(ack!.text).toContain(county.displayName);
    // Newest first: the acknowledgement is listed above the raise.
    expect(history.indexOf(ack!)).toBeLessThan(history.indexOf(raise!));
    await screenshot(page, 'alarm-detail-diaoshuidong-acknowledged');

    // The KPI tiles refresh at most every 5 s: the unacknowledged count catches up with the server's.
    const serverUnack = async () => {
      const res = await page.request.get(`${server.baseUrl}/api/alarms/kpis`);
      return ((await res.json()) as { unacknowledged: number }).unacknowledged;
    };
    await expect
      .poll(async () => (await alarmKpi(page, 'unacknowledged')) === (await serverUnack()), {
        timeout: 8_000,
        interval: 250,
      })
      .toBe(true);

    // The API agrees.
    const api = await page.request.get(`${server.baseUrl}/api/alarms/${encodeURIComponent(row.id)}`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as AlarmDetailBody;
    expect(body.alarm).toMatchObject({
      id: row.id,
      state: 'ack_active',
      rule: 'people_in_stopped_mine',
      priority: 'critical',
      mineId,
      lastComment: ACK_COMMENT,
    });
    expect(body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ toState: 'unack_active' }),
        expect.objectContaining({
          fromState: 'unack_active',
          toState: 'ack_active',
          actor: county.displayName,
          comment: ACK_COMMENT,
        }),
      ]),
    );

    // The audit trail has it. `/api/mines/:id/history` lists only the mine's own entries (target
    // 'mine'); alarm entries are kept under target 'alarm', so they are read from the server's store.
    const audit = await server.ports.audit.listByTarget('alarm', row.id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['alarm.raised', 'alarm.acknowledge']));
    const ackAudit = audit.find((a) => a.action === 'alarm.acknowledge')!;
    expect(ackAudit.actorName).toBe(county.displayName);
    expect(ackAudit.after).toMatchObject({ state: 'ack_active', comment: ACK_COMMENT, mineId });
  });

  it('a mine safety officer sees live monitoring of its own mine', async () => {
    const officer = user('officer');
    if (officer.scope.kind !== 'mine') throw new Error('officer must be mine-scoped');
    const mineId = officer.scope.mineId;

    const page = await newPage();
    await login(page, server.baseUrl, 'officer', TEST_PASSWORD);
    await openMine(page, mineId);
    expect(await shownMineId(page)).toBe(mineId);
    await waitForMonitoring(page);
    await waitForLive(page);

    // Every measuring point is listed.
    const pointsApi = await page.request.get(`${server.baseUrl}/api/mines/${mineId}/points`);
    expect(pointsApi.status()).toBe(200);
    const points = ((await pointsApi.json()) as PointsBody).points;
    expect(points.length).toBeGreaterThan(0);
    const rows = await pointRows(page);
    expect(rows.map((r) => r.pointId).sort((a, b) => a - b)).toEqual(
      points.map((p) => p.id).sort((a, b) => a - b),
    );
    expect(rows.some((r) => r.value !== null)).toBe(true);

    // The default methane curve carries the enforced thresholds as lines.
    // The default curves (the first methane and the first CO point) load lazily: wait for the methane one.
    const METHANE = ['0001', '0011', '0043']; // the national methane types
    let methane: (typeof points)[number] | undefined;
    for (const until = Date.now() + 15_000; methane === undefined && Date.now() < until;) {
      const charted = await chartedPoints(page);
      methane = points.find((p) => charted.includes(p.id) && METHANE.includes(p.sensorType));
      if (methane === undefined) await page.waitForTimeout(250);
    }
    expect(methane).toBeDefined();
    await waitForChart(page, methane!.id, 1);
    const lines = await chartThresholds(page, methane!.id);
    expect(methane!.thresholds.upperAlarm).not.toBeNull();
    expect(lines.upperAlarm).toBe(methane!.thresholds.upperAlarm);
    for (const [key, value] of Object.entries(methane!.thresholds)) {
      if (value !== null) expect(lines[key]).toBe(value);
    }

    // Under the curve, the point's raw readings of a chosen period download as CSV.
    const exportBox = page
      .locator(`[data-testid="point-chart"][data-point-id="${methane!.id}"]`)
      .getByTestId('readings-export');
    await exportBox.getByRole('combobox', { name: '导出时段' }).selectOption({ label: '最近1小时' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportBox.getByRole('link', { name: '下载CSV' }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('ts_ms,time_cst,value,status');
    const exported = csv.slice(1).map((l) => Number(l.split(',')[0]));
    expect(exported.length).toBeGreaterThan(0);
    expect(Math.min(...exported)).toBeGreaterThanOrEqual(Date.now() - 3_600_000 - 60_000);

    // People underground: the panel and the API agree (both move with each poll, so read them together).
    let agreed: { ui: number | null; api: number } | null = null;
    for (let i = 0; i < 20 && agreed === null; i++) {
      const ui = await personnelTotal(page);
      const res = await page.request.get(`${server.baseUrl}/api/mines/${mineId}/personnel`);
      const api = ((await res.json()) as { underground: number }).underground;
      if (ui === api) agreed = { ui, api };
      else await page.waitForTimeout(250);
    }
    expect(agreed).not.toBeNull();

    // Live: after a poll or two (every 2 s) the "latest data" time moves on and the curve grows,
    // without a reload.
    const lastData = async () =>
      /(\d{2}:\d{2}:\d{2})/.exec(await page.getByTestId('monitoring-last-data').innerText())?.[1] ?? null;
    const samples = async () =>
      Number(
        await page
          .locator(`[data-testid="point-chart"][data-point-id="${methane!.id}"]`)
          .getAttribute('data-samples'),
      );
    const firstTime = await lastData();
    const firstSamples = await samples();
    const firstValues = (await pointRows(page)).map((r) => r.value).join(',');
    expect(firstTime).not.toBeNull();
    const deadline = Date.now() + 10_000;
    let later = firstTime;
    while (later === firstTime && Date.now() < deadline) {
      await page.waitForTimeout(250);
      later = await lastData();
    }
    expect(later).not.toBe(firstTime);
    const grownDeadline = Date.now() + 6_000;
    while ((await samples()) <= firstSamples && Date.now() < grownDeadline) await page.waitForTimeout(250);
    expect(await samples()).toBeGreaterThan(firstSamples);
    const laterValues = (await pointRows(page)).map((r) => r.value).join(',');
    expect(laterValues).not.toBe(firstValues);
    await screenshot(page, 'mine-live-monitoring');
  });

  it('the mine page compares Redline’s alarms with the mine’s own records, in zh-CN and English at 1440 and 390 px', async () => {
    const officer = user('officer');
    if (officer.scope.kind !== 'mine') throw new Error('officer must be mine-scoped');
    const mineId = officer.scope.mineId;
    const mine = server.province.mines.find((m) => m.id === mineId)!;
    // The mine reported one alarm an hour ago and entered no handling measure for it.
    const start = Date.now() - 3_600_000;
    await server.ports.monitoring.saveMineAlarmRecords([
      {
        mineId,
        pointCode: `${mine.code}01MN000101`,
        sensorTypeName: '甲烷',
        location: '1301工作面',
        unit: '%CH4',
        anomalyCode: '001',
        startMs: start,
        endMs: start + 600_000,
        maxValue: 1.1,
        cause: '',
        measures: '',
        enteredAtMs: null,
        enteredBy: '',
        dataTimeMs: start,
        receivedMs: start,
      },
    ]);
    const page = await newPage();
    await login(page, server.baseUrl, 'officer', TEST_PASSWORD);
    await openMine(page, mineId);
    const panel = page.locator('[data-testid="alarm-evidence"][data-busy="false"]');
    await panel.waitFor();
    expect(await panel.getByTestId('alarm-evidence-mine').innerText()).toBe('1');
    expect(await panel.getByTestId('alarm-evidence-unhandled').innerText()).toBe('1');
    expect(await panel.getByTestId('alarm-evidence-rate').innerText()).toMatch(/^0(\.0)?%$/);
    expect(await panel.locator('h2').innerText()).toContain('报警核验');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'mine-alarm-evidence-zh-1440');
    await switchLanguage(page);
    await expect.poll(() => panel.locator('h2').innerText()).toContain('Alarm check');
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await page.getByTestId('alarm-evidence').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'mine-alarm-evidence-en-390');
    await switchLanguage(page);
  });

  it('a viewer sees the alarm console but cannot act and has no scenario panel', async () => {
    const page = await newPage();
    await login(page, server.baseUrl, 'viewer', TEST_PASSWORD);
    await openAlarms(page, {}, server.baseUrl);
    await waitForLive(page);
    await page.getByTestId('kpi-alarm-critical').waitFor();

    // The simulator does run (the API says so); the panel is withheld from this role.
    const scenarios = await page.request.get(`${server.baseUrl}/api/scenarios`);
    expect(((await scenarios.json()) as { running: boolean }).running).toBe(true);
    expect(await hasScenarioPanel(page)).toBe(false);

    // The scenario's alarm (or any alarm, when this test runs alone) opens read-only.
    let id: string;
    if (scenarioAlarmId !== null && scenarioMineId !== null) {
      id = scenarioAlarmId;
      await expandIncident(page, scenarioMineId);
      await alarmRow(page, id).waitFor();
    } else {
      id = (await waitForAlarm(page, {}, 15_000)).id;
    }
    await openAlarmDetail(page, id);
    expect(await alarmActionsAvailable(page)).toEqual({ acknowledge: false, shelve: false, unshelve: false });
    await page.getByTestId('alarm-readonly').waitFor();
    expect((await alarmHistory(page)).length).toBeGreaterThan(0);
    await screenshot(page, 'viewer-alarm-readonly');

    // And the server refuses the action too.
    const session = await page.request.get(`${server.baseUrl}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const refused = await page.request.post(
      `${server.baseUrl}/api/alarms/${encodeURIComponent(id)}/acknowledge`,
      { headers: { 'x-csrf-token': csrfToken }, data: { comment: '只读用户尝试确认' } },
    );
    expect(refused.status()).toBe(403);
  });

  it('the console shows the incident first, with its evidence and article, in zh-CN and English at 1440 and 390 px', async () => {
    const page = await newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    let mineId = scenarioMineId;
    await openAlarms(page, {}, server.baseUrl);
    if (mineId === null) {
      await startScenario(page, 'diaoshuidong');
      mineId = (await activeScenarios(page)).find((s) => s.name === 'diaoshuidong')!.mineId;
    }
    const mine = server.province.mines.find((m) => m.id === mineId)!;
    const card = incidentCard(page, mineId);
    await card.waitFor({ timeout: 15_000 });
    // Incidents come before every other parent, and the table lists what no parent stands for.
    const groups = await alarmGroups(page);
    const firstOther = groups.findIndex((g) => g.kind !== 'incident');
    const ours = groups.findIndex((g) => g.kind === 'incident' && g.mineId === mineId);
    expect(ours).toBeGreaterThanOrEqual(0);
    if (firstOther !== -1) expect(ours).toBeLessThan(firstOther);
    expect(groups[ours]!.children).toBeGreaterThanOrEqual(2);
    const inTable = page.locator(
      `[data-testid="alarm-table"] [data-testid="alarm-row"][data-alarm-id=${JSON.stringify(`${mineId}|people_in_stopped_mine|`)}]`,
    );
    expect(await inTable.count()).toBe(0);

    const cardText = async () => (await card.innerText()).replace(/\s+/g, ' ');
    expect(await cardText()).toContain('停产/关闭矿井违规作业');
    expect(await cardText()).toContain(mine.name);
    expect(await card.getByTestId('incident-articles').innerText()).toContain('第七十四条');
    expect(await card.locator('[data-testid="incident-evidence"] li').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('alarm-flood-state').innerText()).toMatch(/10分钟内/);
    await screenshot(page, 'alarm-console-incident-zh-1440');

    await switchLanguage(page);
    await expect.poll(cardText).toContain('Work in a stopped or closed mine');
    expect(await card.getByTestId('incident-articles').innerText()).toContain('art. 74(3)');
    await screenshot(page, 'alarm-console-incident-en-1440');

    await page.setViewportSize({ width: 390, height: 844 });
    const box = await card.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'alarm-console-incident-en-390');
    await switchLanguage(page);
    await expect.poll(cardText).toContain('停产/关闭矿井违规作业');
    await screenshot(page, 'alarm-console-incident-zh-390');
  });

  it('a county-wide stop order over producing mines is one parent alarm on the console and in the flood panel', async () => {
    const county = user('county');
    if (county.scope.kind !== 'region') throw new Error('county must be region-scoped');
    const countyId = county.scope.regionId;
    const producing = server.province.mines.filter(
      (m) => m.regionId === countyId && m.status === 'producing',
    );
    expect(producing.length).toBeGreaterThanOrEqual(2);
    const page = await newPage();
    await login(page, server.baseUrl, 'county', TEST_PASSWORD);
    await openAlarms(page, {}, server.baseUrl);
    await waitForLive(page);
    const session = await page.request.get(`${server.baseUrl}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const number = '岩监停〔2026〕88号';
    const issued = await page.request.post(`${server.baseUrl}/api/orders`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        number,
        kind: 'stop_work',
        legalBasis: '煤矿安全生产条例 第四十八条',
        reason: '全县停产整顿',
        regionId: countyId,
      },
    });
    expect(issued.status(), await issued.text()).toBe(201);

    // The console (its parents reload with the live feed) shows the order once, its alarms under it.
    const parent = page.locator('[data-testid="alarm-group"][data-kind="stop_order"]');
    await parent.first().waitFor({ timeout: 20_000 });
    expect(await parent.count()).toBe(1);
    expect(await parent.innerText()).toContain(number);
    const children = Number(await parent.getAttribute('data-children'));
    expect(children).toBeGreaterThanOrEqual(2);
    await parent.getByTestId('alarm-group-toggle').click();
    expect(
      await parent.locator('[data-testid="alarm-row"][data-rule="people_in_stopped_mine"]').count(),
    ).toBe(children);
    // Counted once: the flood panel names the order, whatever the number of mines.
    const floodRow = page.locator('[data-testid="alarm-flood-row"][data-kind="stop_order"]');
    await expect.poll(() => floodRow.count(), { timeout: 10_000 }).toBe(1);
    expect(await floodRow.innerText()).toContain(number);
    // And it says a flood is on, with what grouping made of it.
    await expect.poll(() => page.getByTestId('alarm-flood-state').innerText()).toMatch(/报警泛滥.*合并后/);
    await screenshot(page, 'alarm-console-stop-order-zh-1440');
    await switchLanguage(page);
    await expect.poll(() => floodRow.innerText()).toContain('Stop order');
    await screenshot(page, 'alarm-console-stop-order-en-1440');

    // One acknowledgement for the parent: each child is acknowledged, and audited, on its own.
    const childId = await parent.locator('[data-testid="alarm-row"]').first().getAttribute('data-alarm-id');
    await parent.getByTestId('alarm-group-ack-comment').fill('已通知全县各矿撤出井下人员');
    await parent.getByTestId('alarm-group-ack').locator('button').click();
    await expect
      .poll(async () => (await server.ports.audit.listByTarget('alarm', childId!)).map((a) => a.action), {
        timeout: 15_000,
      })
      .toContain('alarm.acknowledge');
    const ack = (await server.ports.audit.listByTarget('alarm', childId!)).find(
      (a) => a.action === 'alarm.acknowledge',
    );
    expect(ack!.actorName).toBe(county.displayName);
  }, 90_000); // its own waits (the parent up to 20 s, the flood row 10 s, the ribbon) add up past the default 30 s

  it('the simulator and the monitoring tick ran without errors', () => {
    expect(server.log.filter((line) => /failed/i.test(line))).toEqual([]);
    if (scenarioAlarmId !== null)
      expect(server.log.some((line) => line.startsWith('scenario diaoshuidong started'))).toBe(true);
  });
});
