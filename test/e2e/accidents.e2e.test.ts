import { expect, it } from 'vitest';
import {
  accountabilityRows,
  addAccountabilityInUi,
  cstMinute,
  fillAccidentForm,
  formGrade,
  formGradeText,
  openAccident,
  openAccidents,
  recordReportNow,
  reportingStatuses,
  saveAccidentForm,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser(
  'accidents: a county regulator records an accident, its reporting and accountability',
  () => {
    const server = useBrowserSuite({ height: 1000 });
    const newPage = (username: string) => server.newPage(username);

    it('3 deaths grade as 较大 before saving; the unit reports within the hour; accountability is listed', async () => {
      const countyUser = server.province.users.find((u) => u.username === 'county')!;
      if (countyUser.scope.kind !== 'region') throw new Error('the county user is scoped to a region');
      const countyId = countyUser.scope.regionId;
      const mine =
        server.province.mines.find((m) => m.regionId === countyId && m.status === 'producing') ??
        server.province.mines.find((m) => m.regionId === countyId)!;

      const county = await newPage('county');
      await openAccidents(county);
      const occurredAt = Date.now() - 30 * 60_000;
      await fillAccidentForm(county, {
        mineCode: mine.code,
        occurredAtLocal: cstMinute(occurredAt),
        type: '顶板',
        deaths: 3,
        seriousInjuries: 2,
        directLossCny: 4_500_000,
      });
      // The grade by Order 493 is computed as the figures are typed, before anything is saved.
      await expect.poll(() => formGrade(county)).toBe('larger');
      expect((await formGradeText(county)).grade).toBe('较大事故');
      expect(await server.ports.accidents.list({ mineId: mine.id }, 10)).toEqual([]);
      await screenshot(county, 'accidents-county-form-graded');

      const id = await saveAccidentForm(county);
      expect(id).not.toBe('');
      await openAccident(county, id);
      expect(await county.getByTestId('accident-grade').getAttribute('data-grade')).toBe('larger');
      expect(await county.getByTestId('accident-title').innerText()).toContain(mine.name);
      // A larger accident goes up to the province; nothing has been reported yet, the unit's hour is running.
      expect(await reportingStatuses(county)).toEqual({ county: 'due', city: 'due', province: 'due' });

      expect(await recordReportNow(county, 'county')).toBe('on_time');
      const statuses = await reportingStatuses(county);
      expect(statuses.county).toBe('on_time');
      expect(statuses.city).toBe('due');

      const decidedOn = new Date().toISOString().slice(0, 10);
      await addAccountabilityInUi(county, {
        personName: '李建国',
        post: '矿长',
        chain: 'enterprise',
        action: 'dismissal',
        decidedOn,
        note: '未落实顶板管理制度',
      });
      const rows = await accountabilityRows(county);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ chain: 'enterprise', action: 'dismissal' });
      expect(rows[0]?.text).toContain('李建国');
      expect(rows[0]?.text).toContain('矿长');
      expect(rows[0]?.text).toContain('企业主体责任');
      expect(rows[0]?.text).toContain('开除');
      expect(rows[0]?.text).toContain(decidedOn);
      await screenshot(county, 'accidents-county-accountability');

      // It was persisted (one record, by the county regulator), and it is still there after a reload.
      const stored = await server.ports.accidents.listAccountability({ accidentId: id }, 10);
      expect(stored.map((r) => [r.personName, r.chain, r.action])).toEqual([
        ['李建国', 'enterprise', 'dismissal'],
      ]);
      await openAccident(county, id);
      expect((await accountabilityRows(county)).map((r) => r.action)).toEqual(['dismissal']);
      expect((await reportingStatuses(county)).county).toBe('on_time');
    }, 120_000);
  },
);
