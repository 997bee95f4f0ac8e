import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  accidentFacts,
  cstMinute,
  ensureLanguage,
  fillAccidentForm,
  fillSupplement,
  formGradeText,
  openAccidents,
  saveAccidentForm,
  submitSupplement,
  supplementRows,
  todayAccidentLines,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { screenshotEveryView } from './support/page-walk.ts';
import { findLeaks, isDataKey } from './support/language-leaks.ts';

const DAY_MS = 86_400_000;

/** Every string of a data field (names, titles, reasons) in the API answers the page receives. */
function collectPageData(page: Page): Set<string> {
  const data = new Set<string>();
  const walk = (value: unknown, key: string | null): void => {
    if (typeof value === 'string') {
      if (key !== null && isDataKey(key) && value.trim().length > 1) data.add(value.trim());
    } else if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  page.on('response', (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    res.json().then(
      (body: unknown) => walk(body, null),
      () => undefined,
    );
  });
  return data;
}

/** What in the page's main part is in the other language (data as the page received it, and the typed type). */
async function leaksOf(
  page: Page,
  lang: 'zh-CN' | 'en',
  data: Set<string>,
  typed: string,
): Promise<string[]> {
  return findLeaks(await page.locator('main').innerText(), lang, new Set([...data, typed]));
}

describeInBrowser(
  'accidents: a supplementary report (补报) re-grades an accident, within the window only',
  () => {
    const server = useBrowserSuite({ height: 1000 });

    it('a county regulator records an accident by the mine code, supplements deaths within 30 days, and is refused after', async () => {
      const countyUser = server.province.users.find((u) => u.username === 'county')!;
      if (countyUser.scope.kind !== 'region') throw new Error('the county user is scoped to a region');
      const countyId = countyUser.scope.regionId;
      const mine = server.province.mines.find((m) => m.regionId === countyId)!;
      expect(mine.code).toMatch(/^\d{12}$/);

      // Login through the form, then record an accident two days ago: 1 dead and 1 missing → 一般事故.
      const page = await server.newPage('county');
      const data = collectPageData(page);
      await openAccidents(page);
      const occurredAt = Date.now() - 2 * DAY_MS;
      await fillAccidentForm(page, {
        mineCode: mine.code,
        occurredAtLocal: cstMinute(occurredAt),
        type: '顶板',
        deaths: 1,
        missing: 1,
        seriousInjuries: 0,
        directLossCny: 600_000,
      });
      await expect.poll(async () => (await formGradeText(page)).grade).toBe('一般事故');
      expect((await formGradeText(page)).level).toContain('县级');
      await screenshot(page, 'accident-supplement-form-zh-1440');
      await saveAccidentForm(page);

      let facts = await accidentFacts(page);
      expect(facts).toMatchObject({
        deaths: '1',
        missing: '1',
        investigation: expect.stringContaining('县级'),
      });
      expect(facts.grade).toContain('一般事故');
      expect(facts.occurredAt).toBe(cstMinute(occurredAt).replace('T', ' '));
      expect(facts.supplementWindow).toContain('30日');

      // Within the window: the missing miner found dead and one more death → 3 deaths: 较大事故, city level.
      await fillSupplement(page, {
        changedAtLocal: cstMinute(Date.now() - 60 * 60_000),
        deaths: 3,
        missing: 0,
        seriousInjuries: 0,
        directLossCny: 900_000,
        reason: '失踪人员遇难，1名伤员抢救无效死亡',
      });
      await expect
        .poll(async () => page.getByTestId('supplement-form-preview-grade').innerText())
        .toBe('较大事故');
      expect(await submitSupplement(page)).toEqual({ listed: 1 });
      await expect.poll(async () => (await accidentFacts(page)).grade).toContain('较大事故');
      facts = await accidentFacts(page);
      expect(facts).toMatchObject({ deaths: '3', missing: '0' });
      expect(facts.investigation).toContain('市级');
      const [row] = await supplementRows(page);
      expect(row).toMatchObject({ gradeBefore: 'general', gradeAfter: 'larger' });
      expect(row?.text).toContain('死亡 1 → 3');
      expect(row?.text).toContain('失踪 1 → 0');
      expect(row?.text).toContain('事故等级由一般事故调整为较大事故');
      expect(row?.text).toContain('调查层级由县级');
      expect(row?.text).toContain('失踪人员遇难');
      // The reporting chain of a 较大 accident goes up to the province.
      expect(await page.getByTestId('report-province').count()).toBe(1);
      expect(await leaksOf(page, 'zh-CN', data, '顶板')).toEqual([]);
      await ensureLanguage(page, 'en');
      expect(await leaksOf(page, 'en', data, '顶板')).toEqual([]);
      expect((await accidentFacts(page)).grade).toContain('Larger');
      await ensureLanguage(page, 'zh-CN');
      await screenshotEveryView(page, 'accident-supplement-regraded');

      // Today lists the re-graded accident for the county.
      expect(await todayAccidentLines(page)).toContainEqual(
        expect.stringContaining('经补报重新定级（死亡 3 人），调查层级随之调整'),
      );

      // An accident 40 days ago: a change today is past its 30-day window, refused in Chinese with its last
      // day. This time the mine is picked by typing its full code and pressing Enter.
      await openAccidents(page);
      const longAgo = Date.now() - 40 * DAY_MS;
      await fillAccidentForm(page, {
        pickByEnter: true,
        mineCode: mine.code,
        occurredAtLocal: cstMinute(longAgo),
        type: '运输',
        deaths: 1,
        seriousInjuries: 0,
        directLossCny: 200_000,
      });
      await saveAccidentForm(page);
      const lastDay = new Date(longAgo + 8 * 3_600_000 + 30 * DAY_MS).toISOString().slice(0, 10);
      expect((await accidentFacts(page)).supplementWindow).toContain(lastDay);
      await fillSupplement(page, {
        changedAtLocal: cstMinute(Date.now() - 60_000),
        deaths: 2,
        missing: 0,
        seriousInjuries: 0,
        directLossCny: 200_000,
        reason: '伤员死亡',
      });
      const refused = await submitSupplement(page);
      expect(refused).toEqual({
        error: expect.stringContaining(
          `已超过补报期限：事故发生之日起30日内伤亡人数发生变化的方可补报，本起事故的补报期限为 ${lastDay}（北京时间）`,
        ),
      });
      expect(await supplementRows(page)).toEqual([]);
      expect((await accidentFacts(page)).deaths).toBe('1');
      expect(await leaksOf(page, 'zh-CN', data, '运输')).toEqual([]);
      await screenshotEveryView(page, 'accident-supplement-refused');
    }, 180_000);
  },
);
