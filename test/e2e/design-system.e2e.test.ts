import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';
import { layoutFaults, phoneCellLabel } from './support/layout-checks.ts';
import { walkPages } from './support/page-walk.ts';

/**
 * One design system (web/src/components): the pages moved onto it show every table with its headers and an
 * empty state, no button in the browser's grey, no controls running together, nothing wider than a phone;
 * on a phone a table row is a card whose lines carry their column's header; a sortable header sorts.
 * Screenshots of each page at 1440 and 390 px in zh-CN and English.
 */
describeInBrowser('design system: the restyled pages at 1440 and 390 px, in zh-CN and English', () => {
  const server = useBrowserSuite({ mineCount: 60, pageTimeoutMs: 20_000 });

  const officerMine = () => {
    const scope = server.province.users.find((u) => u.username === 'officer')?.scope;
    if (scope?.kind !== 'mine') throw new Error('officer must be mine-scoped');
    return encodeURIComponent(scope.mineId);
  };

  /** Opens each path in both languages at both widths; returns the faults found, one line each. */
  async function walk(username: string, paths: readonly string[]): Promise<string[]> {
    const page = await server.newPage(username, { height: 1000 });
    const faults: string[] = [];
    await walkPages(page, server.baseUrl, paths, async ({ lang, width, path }) => {
      for (const fault of await layoutFaults(page))
        faults.push(`${username} ${lang} ${width} ${path}: ${fault}`);
      const name = path
        .replace(officerMine(), 'mine')
        .replace(/[^a-zA-Z0-9]+/g, '-')
        .replace(/-+$/, '');
      await screenshot(page, `design-${username}${name}-${lang === 'en' ? 'en' : 'zh'}-${width}`);
    });
    return faults;
  }

  /** Each role's walk: the pages it opens (a function: the officer's mine is known once the suite runs). */
  const WALKS: Array<{ title: string; username: string; paths: () => readonly string[] }> = [
    {
      title: 'the province regulator: closure, expertise, security, campaigns, hazards and directives',
      username: 'province',
      paths: () => [
        '/closure',
        '/closure/candidates',
        '/closure/targets',
        '/closure/cases',
        '/expertise',
        `/expertise/mines/${officerMine()}`,
        '/expertise/upgrading',
        '/expertise/formalism',
        '/orders/campaigns',
        '/hazards',
        '/hazards/new',
        '/directives',
        '/security/tokens',
        '/security/audit',
        '/security/events',
      ],
    },
    {
      title: 'a mine safety officer: hazards, self-check, directives, tokens',
      username: 'officer',
      paths: () => ['/hazards', '/hazards/self-check', '/directives', '/closure', '/security/tokens'],
    },
  ];

  for (const { title, username, paths } of WALKS)
    it(
      title,
      async () => {
        expect(await walk(username, paths())).toEqual([]);
      },
      600_000,
    );

  it('a sortable header orders the rows, and on a phone each cell is labelled with its header', async () => {
    const page = await server.newPage('province', { width: 1440 });
    await page.goto(`${server.baseUrl}/closure/candidates`);
    await page.locator('[data-testid="closure-candidates"][data-busy="false"]').waitFor();
    const capacities = async () =>
      (await page.locator('[data-testid^="candidate-m-"] td.num').allInnerTexts()).map((s) =>
        Number(s.replace(/[^0-9]/g, '')),
      );
    expect((await capacities()).length).toBeGreaterThan(1);
    const sortButton = page.getByRole('button', { name: /核定产能|Approved capacity/ });
    await sortButton.click();
    const ascending = await capacities();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await sortButton.click();
    const descending = await capacities();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    const phone = await server.newPage('officer', { width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/security/tokens`);
    await phone.locator('[data-testid="tokens-page"][data-busy="false"]').waitFor();
    await phone.getByTestId('token-name').fill('井下网关');
    await phone.getByTestId('token-create').click();
    await phone.getByTestId('token-secret').waitFor();
    await phone.getByTestId('token-row').first().waitFor();
    expect(await phoneCellLabel(phone, 'token-table')).toBe('名称');
    await screenshot(phone, 'design-token-cards-zh-390');
  }, 120_000);
});
