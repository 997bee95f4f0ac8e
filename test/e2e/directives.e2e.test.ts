import { expect, it } from 'vitest';
import { createOfficerB } from '../directives/directive-fixtures.ts';
import { TEST_PASSWORD } from '../support/world.ts';
import {
  issueWarningNotice,
  login,
  mineOutcomes,
  openDirectiveByTitle,
  openDirectives,
  readAndReply,
  waitForOutcomeCount,
} from './page-models/index.ts';
import { describeInBrowser, localInput, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser('directives in the browser', () => {
  const server = useBrowserSuite({});
  /** The mines whose outcome on the issuer's page is `outcome`, sorted. */
  const minesWith = (outcomes: Map<string, string>, outcome: string) =>
    [...outcomes]
      .filter(([, o]) => o === outcome)
      .map(([id]) => id)
      .sort();

  it('a county warning notice: two officers read and reply; the issuer sees them done, the rest outstanding, then late', async () => {
    const users = new Map(server.province.users.map((u) => [u.username, u]));
    const county = users.get('county');
    const officer = users.get('officer');
    if (county?.scope.kind !== 'region' || officer?.scope.kind !== 'mine') throw new Error('demo users');
    const countyId = county.scope.regionId;
    const recipients = server.province.mines.filter((m) => m.regionId === countyId && m.status !== 'closed');
    const mineA = officer.scope.mineId;
    const mineB = recipients.find((m) => m.id !== mineA)?.id;
    if (!mineB || recipients.length < 3) throw new Error('the county needs at least three open mines');
    await createOfficerB(server.ports, mineB, { id: 'e2e', name: 'e2e' });

    const [issuer, pageA, pageB] = await Promise.all([server.newPage(), server.newPage(), server.newPage()]);
    await Promise.all([
      login(issuer, server.baseUrl, 'county', TEST_PASSWORD),
      login(pageA, server.baseUrl, 'officer', TEST_PASSWORD),
      login(pageB, server.baseUrl, 'officer-b', TEST_PASSWORD),
    ]);

    const title = '关于某煤矿瓦斯爆炸事故的警示通报';
    const deadlineMs = Date.now() + 30_000;
    await openDirectives(issuer, server.baseUrl);
    const issued = await issueWarningNotice(issuer, {
      title,
      body: '各煤矿立即对照事故原因开展自查，书面报告自查情况。',
      cause: '采空区瓦斯积聚，违章放炮引爆',
      regionId: countyId,
      deadlineLocal: localInput(deadlineMs),
    });
    expect(issued).toContain(`${recipients.length} 座`);
    await screenshot(issuer, 'directives-issued');

    for (const [page, text] of [
      [pageA, '已对照事故原因完成采空区瓦斯检查，未发现积聚。'],
      [pageB, '已停止违章放炮作业，组织全员警示教育。'],
    ] as const) {
      await openDirectiveByTitle(page, title, server.baseUrl);
      await readAndReply(page, text);
    }
    await screenshot(pageA, 'directives-officer-replied');

    await openDirectiveByTitle(issuer, title, server.baseUrl);
    expect(Date.now()).toBeLessThan(deadlineMs);
    const before = await mineOutcomes(issuer);
    expect(before.size).toBe(recipients.length);
    expect(minesWith(before, 'done')).toEqual([mineA, mineB].sort());
    expect(minesWith(before, 'outstanding')).toHaveLength(recipients.length - 2);
    expect(await issuer.getByTestId('directive-totals-done').textContent()).toBe('2');
    await screenshot(issuer, 'directives-issuer-before-deadline');

    // The view polls: once the deadline passes, the same mines turn late without a reload.
    await waitForOutcomeCount(issuer, 'late', recipients.length - 2, 60_000);
    const after = await mineOutcomes(issuer);
    expect(minesWith(after, 'done')).toEqual([mineA, mineB].sort());
    expect(minesWith(after, 'outstanding')).toHaveLength(0);
    expect(await issuer.getByTestId('directive-totals-late').textContent()).toBe(
      String(recipients.length - 2),
    );
    await screenshot(issuer, 'directives-issuer-after-deadline');

    await issuer.getByTestId('directive-visit-request').click();
    expect(await issuer.getByTestId('directive-visit-result').textContent()).toContain(
      String(recipients.length - 2),
    );
  }, 180_000);
});
