import { expect, it } from 'vitest';
import { advanceCaseInUi, closureCaseStatus, openClosureTab, openNewCaseInUi } from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

/** 打击案件 from the UI only: an empty state, the create form with the mine picker, and the case to its decision. */
describeInBrowser('crackdown cases in the browser', () => {
  const server = useBrowserSuite({ pageTimeoutMs: 30_000, startTimeoutMs: 180_000 });
  const as = (username: string, width = 1440) => server.newPage(username, { width });

  it('the county opens a case on a mine picked by code and takes it to a decision; the officer has no cases tab', async () => {
    const countyUser = server.province.users.find((u) => u.username === 'county')!;
    const scope = countyUser.scope;
    if (scope.kind !== 'region') throw new Error('county has a region scope');
    const mine = server.province.mines.find(
      (m) => m.regionId === scope.regionId && m.status === 'producing',
    )!;

    const county = await as('county');
    await openClosureTab(county, 'cases', server.baseUrl);
    expect(await county.getByTestId('cases-empty').textContent()).toBe('暂无打击案件');
    await screenshot(county, 'cases-empty-1440');
    await openNewCaseInUi(county, {
      type: 'illegal_trusteeship',
      mineCode: mine.code,
      summary: '矿井实际由无资质公司托管经营，监控数据长期不变',
    });
    expect(await closureCaseStatus(county)).toBe('open');
    await advanceCaseInUi(county, 'investigate');
    await advanceCaseInUi(county, 'decide', '责令解除托管协议，罚款 50 万元，移送公安');
    expect(await closureCaseStatus(county)).toBe('decided');
    await screenshot(county, 'cases-decided-1440');
    await county.setViewportSize({ width: 390, height: 844 });
    await screenshot(county, 'cases-decided-390');
    const stored = await server.ports.closure.listCases({ mineId: mine.id });
    expect(stored.map((c) => c.status)).toEqual(['decided']);

    // The mine under investigation is not shown the cases tab (the table gives it no case.read).
    const officer = await as('officer');
    await officer.goto(`${server.baseUrl}/closure`);
    await officer.getByTestId('closure-tab-closures').waitFor();
    expect(await officer.getByTestId('closure-tab-cases').count()).toBe(0);
  }, 240_000);
});
