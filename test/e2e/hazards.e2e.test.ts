import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  hazardActionsOffered,
  hazardEvidence,
  hazardState,
  hazardTimeline,
  openHazard,
  openHazardBoard,
  reportHazardInUi,
  openHazardReportForm,
  ensureLanguage,
  submitHazardAction,
  uploadHazardEvidence,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('hazards: the closed loop across the mine and the county regulator', () => {
  const server = useBrowserSuite({ height: 1000 });

  /** The mine uploads a photo of the repair and submits the hazard for verification. */
  async function submitWithPhoto(page: Page, fileName: string, bytes: string, note: string): Promise<void> {
    await uploadHazardEvidence(page, fileName, 'image/jpeg', Buffer.from(bytes));
    await submitHazardAction(page, 'hazard-submit', { note });
    expect(await hazardState(page)).toBe('awaiting_verification');
  }

  it('report → five implementations → rectify with evidence → reject → rectify → verify and close, all on the timeline', async () => {
    const officer = await server.newPage('officer');
    // Today the 2026 revision of the criteria is in force but not encoded: the form says so, in both languages.
    expect(await openHazardReportForm(officer, server.baseUrl)).toContain('应急管理部令第21号');
    await screenshot(officer, 'hazards-criteria-2026-warning-zh');
    await ensureLanguage(officer, 'en');
    expect(await openHazardReportForm(officer, server.baseUrl)).toContain('not yet encoded');
    await screenshot(officer, 'hazards-criteria-2026-warning-en');
    await ensureLanguage(officer, 'zh-CN');
    const id = await reportHazardInUi(officer, {
      title: '运输巷皮带托辊损坏',
      description: '3 号托辊卡死，皮带摩擦发热',
      area: '运输大巷',
      equipment: '运输巷皮带',
    });
    expect(await hazardState(officer)).toBe('reported');
    expect(await officer.getByTestId('hazard-area').textContent()).toBe('运输大巷');
    // The mine is offered the mine's steps, never the regulator's.
    const offered = await hazardActionsOffered(officer);
    expect(offered).toContain('hazard-assign');
    expect(offered).not.toContain('hazard-verify');
    expect(offered).not.toContain('hazard-extend');

    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await submitHazardAction(officer, 'hazard-assign', {
      responsiblePerson: '王工（机电科）',
      measures: '更换 3 号托辊并清理积煤',
      deadline,
    });
    expect(await hazardState(officer)).toBe('assigned');
    // The five implementations are set: no empty form for them any more.
    expect(await hazardActionsOffered(officer)).not.toContain('hazard-assign');
    await submitHazardAction(officer, 'hazard-start');
    expect(await hazardState(officer)).toBe('rectifying');
    await submitWithPhoto(officer, '整改后托辊.jpg', 'jpeg bytes of new rollers', '已更换托辊');
    expect((await hazardEvidence(officer))[0]?.text).toContain('整改后托辊.jpg');
    expect(await hazardActionsOffered(officer)).not.toContain('hazard-verify');
    await screenshot(officer, 'hazards-officer-submitted');

    const county = await server.newPage('county');
    await openHazardBoard(county);
    expect(
      await county.locator(`[data-testid="hazard-row"][data-hazard-id="${id}"]`).getAttribute('data-state'),
    ).toBe('awaiting_verification');
    await openHazard(county, id);
    await submitHazardAction(county, 'hazard-reject', { reason: '相邻 4 号托辊也已磨损，需一并更换' });
    expect(await hazardState(county)).toBe('rectifying');
    await screenshot(county, 'hazards-county-rejected');

    await openHazard(officer, id);
    expect(await hazardState(officer)).toBe('rectifying');
    await submitWithPhoto(officer, '4号托辊更换.jpg', 'jpeg bytes of roller 4', '3、4 号托辊均已更换');

    await openHazard(county, id);
    await submitHazardAction(county, 'hazard-verify', { note: '现场复查合格，予以销号' });
    expect(await hazardState(county)).toBe('closed');
    expect(await hazardActionsOffered(county)).toEqual([]);

    const officerName = server.user('officer').displayName;
    const countyName = server.user('county').displayName;
    const timeline = await hazardTimeline(county);
    expect(timeline.map((e) => [e.action, e.actor])).toEqual([
      ['hazard.report', officerName],
      ['hazard.assign', officerName],
      ['hazard.start_rectifying', officerName],
      ['hazard.evidence', officerName],
      ['hazard.submit_for_verification', officerName],
      ['hazard.reject', countyName],
      ['hazard.evidence', officerName],
      ['hazard.submit_for_verification', officerName],
      ['hazard.verify_and_close', countyName],
    ]);
    expect(timeline.find((e) => e.action === 'hazard.reject')?.note).toBe(
      '相邻 4 号托辊也已磨损，需一并更换',
    );
    for (const e of timeline) expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 600_000);
    await screenshot(county, 'hazards-county-closed-timeline');

    // The audit trail holds the same steps, with who and when.
    const audit = [...(await server.ports.audit.listByTarget('hazard', id))].sort((a, b) => a.seq - b.seq);
    expect(audit.map((a) => [a.action, a.actorName, a.at])).toEqual(
      timeline.map((e) => [e.action, e.actor, e.at]),
    );

    await openHazardBoard(officer);
    expect(
      await officer.locator(`[data-testid="hazard-row"][data-hazard-id="${id}"]`).getAttribute('data-state'),
    ).toBe('closed');
  }, 120_000);
});
