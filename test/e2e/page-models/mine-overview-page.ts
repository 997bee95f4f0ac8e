/** Page model for the mine's 360° overview (on `/mines/<id>`) and an alarm's follow-up on the console. */
import type { Page } from 'playwright-core';
import { attributeOfAll, waitUntilIdle } from './app-shell.ts';

export const OVERVIEW_SECTIONS = [
  'alarms',
  'hazards',
  'orders',
  'supervision',
  'risk',
  'closure',
  'accidents',
  'cases',
] as const;
export type OverviewSection = (typeof OVERVIEW_SECTIONS)[number];

/** Waits until the overview cards have loaded. */
export async function waitForOverview(page: Page): Promise<void> {
  await waitUntilIdle(page, 'mine-overview');
  await page.getByTestId('mine-overview-cards').waitFor();
}

/** The overview sections shown, in page order. */
export async function overviewSections(page: Page): Promise<string[]> {
  const ids = await attributeOfAll(
    page.locator('[data-testid="mine-overview-cards"] > section'),
    'data-testid',
  );
  return ids.map((id) => id.replace(/^overview-/, ''));
}

/** One section's visible text (title, summary, lines). */
export async function overviewSectionText(page: Page, section: OverviewSection): Promise<string> {
  return (await page.getByTestId(`overview-${section}`).innerText()).replace(/\s+/g, ' ');
}

/** The actions offered on the mine page (e.g. `report-hazard`, `issue-order`). */
export async function mineActions(page: Page): Promise<string[]> {
  const ids = await attributeOfAll(page.locator('[data-testid="mine-actions"] a'), 'data-testid');
  return ids.map((id) => id.replace(/^mine-action-/, ''));
}

/** Clicks one of the mine page's actions. */
export async function takeMineAction(page: Page, action: string): Promise<void> {
  await page.getByTestId(`mine-action-${action}`).click();
}

/** The follow-up actions offered under the open alarm (`hazard`, `order`, `case`). */
export async function alarmFollowUps(page: Page): Promise<string[]> {
  const panel = page.locator('[data-testid="alarm-follow-up"][data-busy="false"]');
  await panel.waitFor();
  const ids = await attributeOfAll(panel.locator('.follow-up-actions a'), 'data-testid');
  return ids.map((id) => id.replace(/^alarm-follow-up-/, ''));
}

/** Clicks "Report as hazard" / "Issue order" / "Open case" under the open alarm. */
export async function followUpAlarm(page: Page, kind: 'hazard' | 'order' | 'case'): Promise<void> {
  await page.getByTestId(`alarm-follow-up-${kind}`).click();
}

/** What the open alarm shows as made from it. */
export async function alarmLinks(
  page: Page,
): Promise<Array<{ kind: string; targetId: string; text: string }>> {
  await waitUntilIdle(page, 'alarm-follow-up');
  const out = [];
  for (const li of await page.getByTestId('alarm-link').all()) {
    out.push({
      kind: (await li.getAttribute('data-kind')) ?? '',
      targetId: (await li.getAttribute('data-target-id')) ?? '',
      text: (await li.innerText()).replace(/\s+/g, ' '),
    });
  }
  return out;
}
