/**
 * Page model for the expertise section: `/expertise` (gas-control experts and gaps), `/expertise/mines/:id`
 * (a mine's expertise card), `/expertise/upgrading` and `/expertise/formalism`.
 */
import type { Page } from 'playwright-core';
import { attr, openSection, readEach, readRows, waitUntilIdle, sectionOpener } from './app-shell.ts';

type ExpertisePageId =
  'expertise-gas-page' | 'expertise-mine-page' | 'expertise-upgrading-page' | 'expertise-formalism-page';

/** Waits until one of the expertise pages has its data. */
export async function waitForExpertisePage(page: Page, testId: ExpertisePageId): Promise<void> {
  await waitUntilIdle(page, testId);
}

/** Opens the gas-control page (experts, gaps), optionally for one region. */
export const openGasControl = sectionOpener('/expertise', (page) =>
  waitForExpertisePage(page, 'expertise-gas-page'),
);

/** The gaps table: high-gas / outburst mines lacking an expert or a recent approved assessment. */
export async function expertiseGapRows(page: Page): Promise<Array<{ mineId: string; gaps: string[] }>> {
  return readEach(page.getByTestId('expertise-gap-row'), async (r) => ({
    mineId: await attr(r, 'data-mine-id'),
    gaps: (await attr(r, 'data-gaps')).split(' ').filter(Boolean),
  }));
}

/** The experts table: each expert and the mines they are assigned to. */
export async function expertRows(page: Page): Promise<Array<{ expertId: string; mineIds: string[] }>> {
  return readEach(page.getByTestId('expert-row'), async (r) => ({
    expertId: await attr(r, 'data-expert-id'),
    mineIds: (await attr(r, 'data-mines')).split(' ').filter(Boolean),
  }));
}

/** A regulator assigns an expert to a mine from its gaps row; waits until the row no longer lacks an expert. */
export async function assignExpertFromGaps(page: Page, mineId: string, expertId: string): Promise<void> {
  const row = page.locator(`[data-testid="expertise-gap-row"][data-mine-id="${mineId}"]`);
  await row.getByTestId('expertise-assign-expert').selectOption(expertId);
  await row.getByTestId('expertise-assign').click();
  await page
    .locator(`[data-testid="expertise-gap-row"][data-mine-id="${mineId}"][data-gaps~="no_expert"]`)
    .waitFor({ state: 'detached' });
  await waitForExpertisePage(page, 'expertise-gas-page');
}

/** Opens a mine's expertise card. */
export async function openMineExpertise(page: Page, mineId: string, baseUrl?: string): Promise<void> {
  await openSection(page, `/expertise/mines/${encodeURIComponent(mineId)}`, 'expertise-mine-page', baseUrl);
}

/** The mine's gas-control capability flag as the card shows it. */
export async function capabilityFlag(page: Page): Promise<boolean> {
  return (await page.getByTestId('expertise-capability').getAttribute('data-value')) === 'true';
}

/** The assessments on the card, newest first. */
export async function assessmentRows(
  page: Page,
): Promise<Array<{ id: string; state: string; conclusion: string }>> {
  return readRows(page.getByTestId('assessment-row'), {
    id: 'data-assessment-id',
    state: 'data-state',
    conclusion: 'data-conclusion',
  });
}

/** A gas expert signs an assessment on the open card; returns the new assessment's id. */
export async function signAssessmentInUi(
  page: Page,
  input: {
    summary: string;
    conclusion?: 'capable' | 'not_capable';
    assessedOn?: string;
    validUntil?: string;
  },
): Promise<string> {
  const before = new Set((await assessmentRows(page)).map((a) => a.id));
  const form = page.getByTestId('assessment-form');
  if (input.assessedOn) await form.getByTestId('assessment-date').fill(input.assessedOn);
  if (input.validUntil) await form.getByTestId('assessment-valid-until').fill(input.validUntil);
  if (input.conclusion) await form.getByTestId('assessment-conclusion').selectOption(input.conclusion);
  await form.getByTestId('assessment-summary').fill(input.summary);
  await form.getByTestId('assessment-sign').click();
  await page.getByTestId('assessment-row').nth(before.size).waitFor();
  await waitForExpertisePage(page, 'expertise-mine-page');
  const added = (await assessmentRows(page)).find((a) => !before.has(a.id));
  if (!added) throw new Error('no new assessment appeared');
  return added.id;
}

/** A regulator approves (or withdraws, with a reason) an assessment; waits for its new state. */
export async function decideAssessmentInUi(
  page: Page,
  assessmentId: string,
  decision: { approve: true } | { withdraw: string },
): Promise<void> {
  const row = page.locator(`[data-testid="assessment-row"][data-assessment-id="${assessmentId}"]`);
  if ('approve' in decision) {
    await row.getByTestId('assessment-approve').click();
  } else {
    await row.getByTestId('assessment-withdraw-reason').fill(decision.withdraw);
    await row.getByTestId('assessment-withdraw').click();
  }
  const state = 'approve' in decision ? 'approved' : 'withdrawn';
  await page
    .locator(`[data-testid="assessment-row"][data-assessment-id="${assessmentId}"][data-state="${state}"]`)
    .waitFor();
  await waitForExpertisePage(page, 'expertise-mine-page');
}

/** A gas expert records a guidance visit on the open card (findings: title and category). */
export async function recordGuidanceInUi(
  page: Page,
  input: {
    recommendations: string;
    /** `category`: 'general' (default) or the major-hazard criterion id a major finding cites. */
    findings: Array<{ title: string; category?: string; description?: string }>;
    visitedOn?: string;
  },
): Promise<void> {
  const count = await page.getByTestId('guidance-row').count();
  const form = page.getByTestId('guidance-form');
  if (input.visitedOn) await form.getByTestId('guidance-date').fill(input.visitedOn);
  for (const [i, f] of input.findings.entries()) {
    if (i > 0) await form.getByTestId('guidance-add-finding').click();
    await form.getByTestId(`guidance-finding-title-${i}`).fill(f.title);
    if (f.category) await form.getByTestId(`guidance-finding-category-${i}`).selectOption(f.category);
    if (f.description) await form.getByTestId(`guidance-finding-text-${i}`).fill(f.description);
  }
  await form.getByTestId('guidance-recommendations').fill(input.recommendations);
  await form.getByTestId('guidance-save').click();
  await page.getByTestId('guidance-row').nth(count).waitFor();
  await waitForExpertisePage(page, 'expertise-mine-page');
}

/** A regulator turns finding `index` of a guidance visit into a hazard; returns the hazard id. */
export async function reportGuidanceFindingInUi(page: Page, visitId: string, index: number): Promise<string> {
  const finding = page
    .locator(`[data-testid="guidance-row"][data-visit-id="${visitId}"]`)
    .locator(`[data-testid="guidance-finding"][data-index="${index}"]`);
  await finding.getByTestId('guidance-finding-report').click();
  await finding.getByTestId('guidance-finding-hazard').waitFor();
  return (await finding.getAttribute('data-hazard-id')) ?? '';
}

/** A gas expert records a training session on the open card. */
export async function recordTrainingInUi(
  page: Page,
  input: { title: string; attendees: string[]; heldOn?: string },
): Promise<void> {
  const count = await page.getByTestId('training-row').count();
  const form = page.getByTestId('training-form');
  await form.getByTestId('training-title').fill(input.title);
  if (input.heldOn) await form.getByTestId('training-date').fill(input.heldOn);
  await form.getByTestId('training-attendees').fill(input.attendees.join('\n'));
  await form.getByTestId('training-save').click();
  await page.getByTestId('training-row').nth(count).waitFor();
  await waitForExpertisePage(page, 'expertise-mine-page');
}

/** Opens the upgrading page, optionally for one region. */
export const openUpgrading = sectionOpener('/expertise/upgrading', (page) =>
  waitForExpertisePage(page, 'expertise-upgrading-page'),
);

/** Capacity withdrawn per district (t/yr) and the total, as the table's data attributes hold them. */
export async function capacityWithdrawn(
  page: Page,
): Promise<{ districts: Array<{ regionId: string; withdrawn: number }>; total: number }> {
  const rows = await page.getByTestId('capacity-row').all();
  const districts = await Promise.all(
    rows.map(async (r) => ({
      regionId: await attr(r, 'data-region-id'),
      withdrawn: Number(await r.getAttribute('data-withdrawn')),
    })),
  );
  const total = Number(await page.getByTestId('capacity-total').getAttribute('data-withdrawn'));
  return { districts, total };
}

/** The mergers, with whether each is flagged as a possible false integration. */
export async function mergerRows(page: Page): Promise<Array<{ id: string; questionable: boolean }>> {
  return readEach(page.getByTestId('merger-row'), async (r) => ({
    id: await attr(r, 'data-merger-id'),
    questionable: (await r.getAttribute('data-questionable')) === 'true',
  }));
}

/** Opens the formalism page (`regionId`, `periodDays`, `kind` filters). */
export const openFormalism = sectionOpener('/expertise/formalism', (page) =>
  waitForExpertisePage(page, 'expertise-formalism-page'),
);

/** The ranked formalism flags in display order. */
export async function formalismRows(
  page: Page,
): Promise<Array<{ id: string; kind: string; score: number; explanation: string }>> {
  return readEach(page.getByTestId('formalism-row'), async (r) => ({
    id: await attr(r, 'data-flag-id'),
    kind: await attr(r, 'data-kind'),
    score: Number(await r.getAttribute('data-score')),
    explanation: (await r.getByTestId('formalism-explanation').innerText()).trim(),
  }));
}
