import { expect, it } from 'vitest';
import {
  createTokenInUi,
  ensureLanguage,
  openAuditTrail,
  openNavigation,
  openSecurityEvents,
  revokeTokenInUi,
  tokenRows,
} from './page-models/index.ts';
import { describeInBrowser, screenshot } from './support/browser.ts';
import { useBrowserSuite } from './support/browser-suite.ts';

describeInBrowser(
  'security: tokens a mine officer controls, and the log the province regulator reads',
  () => {
    const server = useBrowserSuite({ mineCount: 60, pageTimeoutMs: 15_000 });
    const newPage = (username: string, width = 1440) =>
      server.newPage(username, { width, height: width > 600 ? 1000 : 844 });

    it('an officer creates a gateway token (ingest only), sees its last use, and revokes it', async () => {
      const page = await newPage('officer');
      await page.getByTestId('nav-tokens').click();
      const secret = await createTokenInUi(page, { name: '井口上传网关', scopes: ['ingest'] });
      expect(secret).toMatch(/^rl_/);
      // The gateway token may not read anything: 403 off the ingest doors.
      const read = await fetch(`${server.baseUrl}/api/session`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(read.status).toBe(403);
      const rows = await tokenRows(page);
      expect(rows.find((r) => r.name === '井口上传网关')?.state).toBe('active');
      await screenshot(page, 'security-tokens-1440');
      await revokeTokenInUi(page, '井口上传网关');
      const after = await fetch(`${server.baseUrl}/api/session`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(after.status).toBe(401);

      const narrow = await newPage('officer', 390);
      await narrow.goto(`${server.baseUrl}/security/tokens`);
      expect((await tokenRows(narrow)).map((r) => r.state)).toContain('revoked');
      // The same page in English on the phone.
      await ensureLanguage(narrow, 'en');
      expect(await narrow.locator('h1').innerText()).toBe('API tokens');
      expect((await tokenRows(narrow)).map((r) => r.state)).toContain('revoked');
      await screenshot(narrow, 'security-tokens-390');
    }, 120_000);

    it('the province regulator sees refused requests and failed logins, filters them and exports CSV', async () => {
      // A viewer tries what it may not do; someone guesses a password.
      const viewer = await newPage('viewer');
      const mine = server.province.mines[0]!;
      const refused = await viewer.request.patch(`${server.baseUrl}/api/mines/${mine.id}`, {
        data: { operator: 'x' },
        headers: { 'x-csrf-token': 'wrong' },
      });
      expect(refused.status()).toBe(403);
      const guess = await fetch(`${server.baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'county', password: 'not-the-password' }),
      });
      expect(guess.status).toBe(401);

      const page = await newPage('province');
      await page.getByTestId('nav-audit-log').click();
      await page.locator('[data-testid="audit-log-page"][data-busy="false"]').waitFor();
      expect(await page.locator('h1').innerText()).toBe('审计与安全日志');
      const denied = await openSecurityEvents(page, 'denied');
      const viewerName = server.province.users.find((u) => u.username === 'viewer')!.displayName;
      const row = denied.find((r) => r.text.includes(viewerName));
      expect(row?.text).toContain('PATCH /api/mines/:id');
      expect(row?.text).toContain('CSRF_TOKEN_INVALID');
      await screenshot(page, 'security-events-1440');
      const failed = await openSecurityEvents(page, 'login_failed');
      expect(failed.some((r) => r.text.includes('county'))).toBe(true);

      const trail = await openAuditTrail(page, 'session.');
      expect(trail.map((r) => r.action)).toContain('session.login_failed');
      const csvUrl = await page.getByTestId('audit-export').getAttribute('href');
      const csv = await page.request.get(`${server.baseUrl}${csvUrl}`);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain('session.login_failed');

      const narrow = await newPage('province', 390);
      await ensureLanguage(narrow, 'en');
      await openNavigation(narrow);
      await narrow.getByTestId('nav-audit-log').click();
      await narrow.locator('[data-testid="audit-log-page"][data-busy="false"]').waitFor();
      expect(await narrow.locator('h1').innerText()).toBe('Audit & security log');
      const deniedEn = await openSecurityEvents(narrow, 'denied');
      expect(deniedEn.some((r) => r.text.includes('PATCH /api/mines/:id'))).toBe(true);
      await screenshot(narrow, 'security-events-390');
    }, 120_000);
  },
);
