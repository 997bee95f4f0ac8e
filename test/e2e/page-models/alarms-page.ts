/**
 * Page model for the alarm console (`/alarms`) and the alarm detail panel (also on mine pages).
 * Alarm ids contain `|` (`<mineId>|<rule>|<subject>`), so rows are found by attribute value.
 */
import type { Locator, Page } from 'playwright-core';
import { waitUntilIdle, sectionOpener } from './app-shell.ts';

export type AlarmPriority = 'critical' | 'high' | 'medium' | 'low';
export type AlarmStateFilter = 'active' | 'unacknowledged' | 'shelved' | 'all';
export type AlarmKpi = AlarmPriority | 'unacknowledged' | 'shelved' | 'rate';

export interface AlarmRow {
  id: string;
  mineId: string;
  priority: string;
  state: string;
  rule: string;
  /** The row's visible text (priority, state, time, mine, type, message, …). */
  text: string;
}

export interface AlarmPredicate {
  rule?: string;
  mineId?: string;
  priority?: AlarmPriority;
  state?: string;
}

/** A CSS attribute selector value, quoted (alarm ids and rules are plain text). */
function quoted(value: string): string {
  return JSON.stringify(value);
}

function rowSelector(predicate: AlarmPredicate & { id?: string }): string {
  let selector = '[data-testid="alarm-row"]';
  if (predicate.id !== undefined) selector += `[data-alarm-id=${quoted(predicate.id)}]`;
  if (predicate.rule !== undefined) selector += `[data-rule=${quoted(predicate.rule)}]`;
  if (predicate.mineId !== undefined) selector += `[data-mine-id=${quoted(predicate.mineId)}]`;
  if (predicate.priority !== undefined) selector += `[data-priority=${quoted(predicate.priority)}]`;
  if (predicate.state !== undefined) selector += `[data-state=${quoted(predicate.state)}]`;
  return selector;
}

/** The row of one alarm (in the console, or on a mine page). */
export function alarmRow(page: Page, id: string): Locator {
  return page.locator(rowSelector({ id }));
}

/** Waits until the console shows the answer for its filters. */
export async function waitForAlarms(page: Page): Promise<void> {
  await waitUntilIdle(page, 'alarms-page');
  await page.getByTestId('alarm-table').waitFor();
}

/**
 * Opens the alarm console, optionally with URL filters (`regionId`, `mineId`, `priority`, `state`,
 * `rule`, `page`, `alarm`), and waits for the table.
 */
export const openAlarms = sectionOpener('/alarms', waitForAlarms);

/** Waits until the live feed is connected (the console shows "live"). */
export async function waitForLive(page: Page, timeoutMs = 10_000): Promise<void> {
  await page
    .locator('[data-testid="live-status"][data-state="open"]')
    .first()
    .waitFor({ timeout: timeoutMs });
}

/** The alarm rows shown, in table order (console or mine page). */
export async function alarmRows(page: Page): Promise<AlarmRow[]> {
  const rows: AlarmRow[] = [];
  for (const row of await page.getByTestId('alarm-row').all()) {
    const [id, mineId, priority, state, rule, text] = await Promise.all([
      row.getAttribute('data-alarm-id'),
      row.getAttribute('data-mine-id'),
      row.getAttribute('data-priority'),
      row.getAttribute('data-state'),
      row.getAttribute('data-rule'),
      row.innerText(),
    ]);
    rows.push({
      id: id ?? '',
      mineId: mineId ?? '',
      priority: priority ?? '',
      state: state ?? '',
      rule: rule ?? '',
      text: text.replace(/\s+/g, ' ').trim(),
    });
  }
  return rows;
}

/**
 * Waits, without reloading, for a row matching the predicate to appear (live alarms are inserted
 * from the `/api/live` feed) and returns it.
 */
export async function waitForAlarm(
  page: Page,
  predicate: AlarmPredicate,
  timeoutMs = 30_000,
): Promise<AlarmRow> {
  const row = page.locator(rowSelector(predicate)).first();
  await row.waitFor({ timeout: timeoutMs });
  const id = (await row.getAttribute('data-alarm-id')) ?? '';
  const found = (await alarmRows(page)).find((r) => r.id === id);
  if (found === undefined) throw new Error(`alarm row ${id} disappeared`);
  return found;
}

/** The number on one KPI tile (`kpi-alarm-critical`, `…-unacknowledged`, `…-shelved`, `…-rate`). */
export async function alarmKpi(page: Page, kpi: AlarmKpi): Promise<number> {
  const tile = page.getByTestId(`kpi-alarm-${kpi}`);
  await tile.waitFor();
  return Number(await tile.getAttribute('data-value'));
}

/** The total number of alarms matching the filters (all pages). */
export async function alarmTotal(page: Page): Promise<number> {
  const total = page.locator('[data-testid="alarm-total"][data-value]');
  await total.waitFor();
  return Number(await total.getAttribute('data-value'));
}

async function selectAlarmFilter(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).selectOption(value);
  await waitForAlarms(page);
}

/** Filters by region id ('' for all). */
export async function filterAlarmsByRegion(page: Page, regionId: string): Promise<void> {
  await selectAlarmFilter(page, 'alarm-filter-region', regionId);
}

/** Filters by priority ('' for all). */
export async function filterAlarmsByPriority(page: Page, priority: AlarmPriority | ''): Promise<void> {
  await selectAlarmFilter(page, 'alarm-filter-priority', priority);
}

/** Filters by state (active is the default). */
export async function filterAlarmsByState(page: Page, state: AlarmStateFilter): Promise<void> {
  await selectAlarmFilter(page, 'alarm-filter-state', state);
}

/** Filters by rule code ('' for all). */
export async function filterAlarmsByRule(page: Page, rule: string): Promise<void> {
  await selectAlarmFilter(page, 'alarm-filter-rule', rule);
}

/** Waits for the detail panel of `id` to show its data. */
async function waitForDetail(page: Page, id: string): Promise<Locator> {
  const detail = page.locator(`[data-testid="alarm-detail"][data-alarm-id=${quoted(id)}][data-busy="false"]`);
  await detail.locator('[data-testid="alarm-history"]').waitFor();
  return detail;
}

/** Clicks an alarm's row (console or mine page) and waits for its detail panel with the history. */
export async function openAlarmDetail(page: Page, id: string): Promise<void> {
  const detail = page.locator(`[data-testid="alarm-detail"][data-alarm-id=${quoted(id)}]`);
  if ((await detail.count()) === 0) await alarmRow(page, id).click();
  await waitForDetail(page, id);
}

/** Closes the detail panel. */
export async function closeAlarmDetail(page: Page): Promise<void> {
  await page.getByTestId('alarm-detail-close').click();
  await page.getByTestId('alarm-detail').waitFor({ state: 'detached' });
}

export interface AlarmHistoryEvent {
  kind: string;
  cause: string;
  from: string;
  to: string;
  text: string;
}

/** The open detail panel's history, newest first. */
export async function alarmHistory(page: Page): Promise<AlarmHistoryEvent[]> {
  const rows = page.getByTestId('alarm-detail').getByTestId('alarm-event-row');
  const result: AlarmHistoryEvent[] = [];
  for (const row of await rows.all()) {
    result.push({
      kind: (await row.getAttribute('data-kind')) ?? '',
      cause: (await row.getAttribute('data-cause')) ?? '',
      from: (await row.getAttribute('data-from')) ?? '',
      to: (await row.getAttribute('data-to')) ?? '',
      text: (await row.innerText()).replace(/\s+/g, ' ').trim(),
    });
  }
  return result;
}

/** The state shown by the open detail panel. */
export async function alarmDetailState(page: Page): Promise<string> {
  return (await page.getByTestId('alarm-detail').getAttribute('data-state')) ?? '';
}

/** Whether the open detail panel offers acknowledge / shelve / unshelve (hidden for read-only roles). */
export async function alarmActionsAvailable(
  page: Page,
): Promise<{ acknowledge: boolean; shelve: boolean; unshelve: boolean }> {
  const detail = page.getByTestId('alarm-detail');
  return {
    acknowledge: (await detail.getByTestId('alarm-ack-submit').count()) > 0,
    shelve: (await detail.getByTestId('alarm-shelve-submit').count()) > 0,
    unshelve: (await detail.getByTestId('alarm-unshelve').count()) > 0,
  };
}

/** The error shown for the last action in the detail panel, or null. */
export async function alarmActionError(page: Page): Promise<string | null> {
  const error = page.getByTestId('alarm-action-error');
  return (await error.count()) === 0 ? null : (await error.innerText()).trim();
}

async function waitForAction(page: Page, action: string): Promise<void> {
  await page
    .locator(`[data-testid="alarm-action-done"][data-action="${action}"], [data-testid="alarm-action-error"]`)
    .first()
    .waitFor();
  const error = await alarmActionError(page);
  if (error !== null) throw new Error(`alarm ${action} failed: ${error}`);
  // The history reloads after the action.
  await waitUntilIdle(page, 'alarm-detail');
}

/** Opens the alarm's detail, acknowledges it with `comment` and waits for the answer and the new history. */
export async function acknowledgeAlarm(page: Page, id: string, comment: string): Promise<void> {
  await openAlarmDetail(page, id);
  await page.getByTestId('alarm-ack-comment').fill(comment);
  await page.getByTestId('alarm-ack-submit').click();
  await waitForAction(page, 'acknowledge');
}

/** Submits acknowledge with `comment` (may be empty) and returns the error shown, or null. */
export async function tryAcknowledgeAlarm(page: Page, id: string, comment: string): Promise<string | null> {
  await openAlarmDetail(page, id);
  await page.getByTestId('alarm-ack-comment').fill(comment);
  await page.getByTestId('alarm-ack-submit').click();
  await page
    .locator('[data-testid="alarm-action-done"], [data-testid="alarm-action-error"]')
    .first()
    .waitFor();
  return alarmActionError(page);
}

/** Opens the alarm's detail and shelves it for `minutes` (1–480) with `reason`. */
export async function shelveAlarm(page: Page, id: string, reason: string, minutes: number): Promise<void> {
  await openAlarmDetail(page, id);
  const reasonBox = page.getByTestId('alarm-shelve-reason');
  if (!(await reasonBox.isVisible())) await page.locator('.action-shelve > summary').click();
  await reasonBox.fill(reason);
  await page.getByTestId('alarm-shelve-minutes').fill(String(minutes));
  await page.getByTestId('alarm-shelve-submit').click();
  await waitForAction(page, 'shelve');
}

/** Opens the alarm's detail and unshelves it. */
export async function unshelveAlarm(page: Page, id: string): Promise<void> {
  await openAlarmDetail(page, id);
  await page.getByTestId('alarm-unshelve').click();
  await waitForAction(page, 'unshelve');
}

/** Waits until the alarm's row shows `state` (after an action or a live change). */
export async function waitForAlarmState(
  page: Page,
  id: string,
  state: string,
  timeoutMs = 10_000,
): Promise<void> {
  await page.locator(rowSelector({ id, state })).waitFor({ timeout: timeoutMs });
}

/** Whether the scenario panel is shown (regulators, demo simulator running). */
export async function hasScenarioPanel(page: Page): Promise<boolean> {
  return (await page.getByTestId('scenario-panel').count()) > 0;
}

/** Starts a demo scenario from the panel and waits until it is listed as running. */
export async function startScenario(page: Page, name: 'songzao' | 'diaoshuidong'): Promise<void> {
  const panel = page.getByTestId('scenario-panel');
  await panel.waitFor();
  const before = await panel.locator(`[data-testid="scenario-active"][data-name="${name}"]`).count();
  await page.getByTestId(`scenario-start-${name}`).click();
  await panel
    .locator(`[data-testid="scenario-active"][data-name="${name}"]`)
    .nth(before)
    .or(page.getByTestId('scenario-error'))
    .first()
    .waitFor();
  const error = page.getByTestId('scenario-error');
  if ((await error.count()) > 0)
    throw new Error(`scenario ${name} failed: ${(await error.innerText()).trim()}`);
}

/** The running scenarios shown in the panel. */
export async function activeScenarios(page: Page): Promise<Array<{ name: string; mineId: string }>> {
  const result: Array<{ name: string; mineId: string }> = [];
  for (const el of await page.getByTestId('scenario-active').all()) {
    result.push({
      name: (await el.getAttribute('data-name')) ?? '',
      mineId: (await el.getAttribute('data-mine-id')) ?? '',
    });
  }
  return result;
}

/** The incident card of a mine on the console (correlation incidents are listed above the table). */
export function incidentCard(page: Page, mineId: string): Locator {
  return page.locator(`[data-testid="incident-card"][data-mine-id=${quoted(mineId)}]`).first();
}

/**
 * Waits for a mine's incident and opens its children (the alarms in its evidence are shown under it,
 * not in the table).
 */
export async function expandIncident(page: Page, mineId: string, timeoutMs = 15_000): Promise<Locator> {
  const card = incidentCard(page, mineId);
  await card.waitFor({ timeout: timeoutMs });
  const toggle = card.getByTestId('alarm-group-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await card.getByTestId('alarm-group-children').waitFor();
  return card;
}

/** The console's parents in order: kind, mine and the number of children. */
export async function alarmGroups(
  page: Page,
): Promise<Array<{ kind: string; mineId: string; children: number; text: string }>> {
  const out = [];
  for (const g of await page.locator('[data-testid="alarm-groups"] .alarm-group-list > li').all()) {
    const [kind, mineId, children, text] = await Promise.all([
      g.getAttribute('data-kind'),
      g.getAttribute('data-mine-id'),
      g.getAttribute('data-children'),
      g.innerText(),
    ]);
    out.push({ kind: kind ?? '', mineId: mineId ?? '', children: Number(children), text });
  }
  return out;
}
