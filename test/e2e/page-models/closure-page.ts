/** Page model for the closure section (`/closure`). */
import type { Page } from 'playwright-core';
import { appOrigin, waitUntilIdle, openSection } from './app-shell.ts';
import { pickMine } from './resumption-page.ts';

/** Opens the closures list (with the start form for regulators). */
export async function openClosures(page: Page, baseUrl?: string): Promise<void> {
  await openSection(page, '/closure', 'closure-list', baseUrl);
}

/** Starts the closure of a mine (picked by its code) from the list page and waits for its detail page. */
export async function startClosure(page: Page, mineCode: string, reason: string): Promise<void> {
  await pickMine(page, 'closure-new-mine', mineCode, mineCode);
  await page.getByTestId('closure-new-reason').fill(reason);
  await page.getByTestId('closure-new-submit').click();
  await page
    .locator('[data-testid="closure-detail"][data-busy="false"] [data-testid="closure-status"]')
    .waitFor();
}

/** Opens the closure of a mine from the list. */
export async function openClosureOfMine(page: Page, mineId: string, baseUrl?: string): Promise<void> {
  await openClosures(page, baseUrl);
  await page.getByTestId(`closure-row-${mineId}`).locator('a').click();
  await page.locator('[data-testid="closure-detail"] [data-testid="closure-status"]').waitFor();
}

/** The visible state of a step (its data-state attribute). */
export async function stepState(page: Page, step: string): Promise<string> {
  return (await page.getByTestId(`closure-step-${step}`).getAttribute('data-state')) ?? '';
}

async function waitForStepState(page: Page, step: string, state: string): Promise<void> {
  await page.locator(`[data-testid="closure-step-${step}"][data-state="${state}"]`).waitFor();
}

/** Records a step as done with its evidence text. */
export async function recordStep(page: Page, step: string, evidence: string): Promise<void> {
  await page.getByTestId(`closure-evidence-${step}`).fill(evidence);
  await page.getByTestId(`closure-record-${step}`).click();
  await waitForStepState(page, step, 'recorded');
}

/** Verifies a recorded step (regulators). */
export async function verifyStep(page: Page, step: string): Promise<void> {
  await page.getByTestId(`closure-verify-${step}`).click();
  await waitForStepState(page, step, 'verified');
}

/** The closure's status label. */
export async function closureStatus(page: Page): Promise<string> {
  return (await page.getByTestId('closure-status').textContent()) ?? '';
}

/** Opens one closure tab (`candidates`, `targets`, `cases`) and waits for it to load. */
export async function openClosureTab(
  page: Page,
  tab: 'candidates' | 'targets' | 'cases',
  baseUrl?: string,
): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/closure/${tab}`);
  await page.locator(`[data-testid="closure-${tab}"][data-busy="false"]`).waitFor();
}

/** Fields rendered as `<select>` in the closure forms. */
const SELECT_FIELDS = new Set(['regionId', 'kind']);

/** Fills and submits one of the closure forms; waits until it is idle and throws the error it shows. */
async function submitForm(page: Page, form: string, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = page.getByTestId(`${form}-${name}`);
    if (SELECT_FIELDS.has(name)) await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId(`${form}-submit`).click();
  // The form may go away on success (a case action form is replaced by the next one).
  await page.locator(`[data-testid="${form}"][data-busy="true"]`).waitFor({ state: 'detached' });
  const error = page.getByTestId(`${form}-error`);
  if ((await error.count()) > 0) throw new Error(`${form}: ${(await error.innerText()).trim()}`);
}

/** Adds a district target on the targets tab (regulators). */
export async function addClosureTarget(
  page: Page,
  target: { regionId: string; deadline: string; minesToClose: number; capacity: number; note?: string },
): Promise<void> {
  await submitForm(page, 'closure-target-new', {
    regionId: target.regionId,
    deadline: target.deadline,
    minesToClose: String(target.minesToClose),
    capacityToWithdrawTPerYear: String(target.capacity),
    ...(target.note ? { note: target.note } : {}),
  });
  await waitUntilIdle(page, 'closure-targets');
}

/** Names a mine on the policy closure list from the candidates tab (regulators). */
export async function addToPolicyListInUi(
  page: Page,
  entry: { mineId: string; reason: string; source: string },
): Promise<void> {
  await submitForm(page, 'closure-policy-new', entry);
  await page.getByTestId(`candidate-${entry.mineId}`).waitFor();
}

/** Records a transformation on the open closure page (regulators). */
export async function recordTransformationInUi(
  page: Page,
  x: { what: string; startedOn: string; jobs: number; note?: string },
): Promise<void> {
  const before = await page.getByTestId('closure-transformation').count();
  await submitForm(page, 'closure-transformation-new', {
    what: x.what,
    startedOn: x.startedOn,
    jobs: String(x.jobs),
    ...(x.note ? { note: x.note } : {}),
  });
  await page.getByTestId('closure-transformation').nth(before).waitFor();
}

/** Opens one crackdown case from the cases tab. */
export async function openClosureCase(page: Page, caseId: string, baseUrl?: string): Promise<void> {
  await page.goto(`${appOrigin(page, baseUrl)}/closure/cases/${encodeURIComponent(caseId)}`);
  await page.locator('[data-testid="case-detail"][data-busy="false"] [data-testid="case-status"]').waitFor();
}

/** The case status code on screen. */
export async function closureCaseStatus(page: Page): Promise<string> {
  return (await page.getByTestId('case-status').getAttribute('data-value')) ?? '';
}

/** Moves the open case along: investigate, decide (with the decision text) or close; waits for the new status. */
export async function advanceCaseInUi(
  page: Page,
  event: 'investigate' | 'decide' | 'close',
  text?: string,
): Promise<void> {
  const next = { investigate: 'investigating', decide: 'decided', close: 'closed' }[event];
  await submitForm(page, `case-${event}`, text !== undefined ? { text } : {});
  await page.locator(`[data-testid="case-status"][data-value="${next}"]`).waitFor();
}

/** Adds evidence (alarm, hazard, visit, data_gap, inspection, document) to the open case. */
export async function addCaseEvidenceInUi(
  page: Page,
  evidence: { kind: string; ref: string; note?: string },
): Promise<void> {
  const before = await page.getByTestId('case-evidence-item').count();
  await submitForm(page, 'case-evidence-new', {
    kind: evidence.kind,
    ref: evidence.ref,
    ...(evidence.note ? { note: evidence.note } : {}),
  });
  await page.getByTestId('case-evidence-item').nth(before).waitFor();
}

/** On the cases tab: opens a case by hand (type, mine picked by code, summary); waits for its page. */
export async function openNewCaseInUi(
  page: Page,
  c: { type: string; mineCode: string; summary: string },
): Promise<void> {
  await page.getByTestId('case-new-type').selectOption(c.type);
  await pickMine(page, 'case-new-mine', c.mineCode, c.mineCode);
  await page.getByTestId('case-new-summary').fill(c.summary);
  await page.getByTestId('case-new-submit').click();
  await page.locator('[data-testid="case-detail"][data-busy="false"] [data-testid="case-status"]').waitFor();
}
