import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { beltHazard } from '../hazards/hazard-fixtures.ts';
import { seriousA11yViolations } from './support/accessibility.ts';
import { describeInBrowser, SCREENSHOT_DIR } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { officerPaths, provincePaths, walkPages } from './support/page-walk.ts';

/**
 * Violations on pages that another engineer's branch owns this session (web/src/pages/supervision): listed
 * here by page, rule and element so that nothing else slips through; remove a line once its page is fixed.
 */
const KNOWN: readonly { path: string; rule: string; target: string }[] = [
  { path: '/supervision', rule: 'select-name', target: 'select[data-testid="coverage-filter-gap"]' },
];

/**
 * Accessibility: every page each role opens, in Chinese on a wide screen (1440 px) and in English on a
 * phone (390 px) — the two views that differ most in layout and text; the language crawl and the design
 * checks walk the other two — has no serious or critical axe-core violation — every control named, every form field
 * labelled, text readable against its background (WCAG AA contrast), landmarks, `<html lang>` right.
 */
const A11Y_VIEWS = [
  ['zh-CN', 1440],
  ['en', 390],
] as const;

describeInBrowser('accessibility: every page per role in zh-CN at 1440 px and English at 390 px', () => {
  const server = useBrowserSuite({ mineCount: 60, pageTimeoutMs: 20_000 });
  const found: string[] = [];
  let hazardId: string | undefined;
  afterAll(() => {
    // The whole list is kept beside the screenshots (an assertion's diff is cut short).
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, '..', 'a11y-violations.txt'), `${found.join('\n')}\n`);
  });

  const officerMine = () => {
    const scope = server.province.users.find((u) => u.username === 'officer')?.scope;
    if (scope?.kind !== 'mine') throw new Error('officer must be mine-scoped');
    return scope.mineId;
  };

  /** A major hazard at the officer's mine (reported once), so hazard pages show a plan and a history. */
  async function hazard(): Promise<string> {
    if (hazardId !== undefined) return hazardId;
    const page = await server.newPage('officer');
    const session = await page.request.get(`${server.baseUrl}/api/session`);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const res = await page.request.post(`${server.baseUrl}/api/hazards`, {
      data: beltHazard(officerMine()),
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.status(), await res.text()).toBe(201);
    hazardId = ((await res.json()) as { hazard: { id: string } }).hazard.id;
    return hazardId;
  }

  /** Opens each path in the two views and keeps what axe finds. */
  async function audit(username: string, paths: readonly string[]): Promise<string[]> {
    const page = await server.newPage(username, { height: 1000, bypassCsp: true });
    const violations: string[] = [];
    await walkPages(
      page,
      server.baseUrl,
      paths,
      async ({ lang, width, path }) => {
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        for (const v of await seriousA11yViolations(page)) {
          const targets = v.targets.filter(
            (target) => !KNOWN.some((k) => k.path === path && k.rule === v.rule && k.target === target),
          );
          if (targets.length > 0)
            violations.push(
              `${username} ${lang} ${width} ${path}: ${v.rule} (${v.impact}) ${targets.join(' | ')}`,
            );
        }
      },
      A11Y_VIEWS,
    );
    found.push(...violations);
    return violations;
  }

  it('the province regulator', async () => {
    const mine = encodeURIComponent(officerMine());
    expect(await audit('province', provincePaths(mine, encodeURIComponent(await hazard())))).toEqual([]);
  }, 900_000);

  it('a mine safety officer, with a major hazard at the mine', async () => {
    const mine = encodeURIComponent(officerMine());
    expect(await audit('officer', officerPaths(mine, encodeURIComponent(await hazard())))).toEqual([]);
  }, 600_000);

  it('a county regulator and a gas expert', async () => {
    const county = await audit('county', [
      '/',
      '/orders',
      '/orders/campaigns',
      '/supervision',
      '/directives',
    ]);
    const expert = await audit('expert', [
      '/expertise',
      `/expertise/mines/${encodeURIComponent(officerMine())}`,
      '/expertise/upgrading',
      '/expertise/formalism',
    ]);
    expect([...county, ...expert]).toEqual([]);
  }, 600_000);
});
