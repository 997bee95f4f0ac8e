import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoMine, DemoUserSpec } from '../../../src/sim/demo-province.ts';
import { afterAll, beforeAll } from 'vitest';
import { TEST_PASSWORD } from '../../support/world.ts';
import { login } from '../page-models/index.ts';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer, type ServerOptions } from './server.ts';

/**
 * The e2e harness: called inside a `describeInBrowser` body, it starts the real server and Chromium
 * before the suite and closes every context, the browser and the server after it. The handle reads as
 * the running server (`server.baseUrl`, `server.province`, `server.ports`) once the suite has started.
 */
export interface BrowserSuite extends Omit<RunningServer, 'stop'> {
  readonly browser: Browser;
  /** A page in a fresh context; logged in when `username` is given. */
  newPage(username?: string, options?: PageOptions): Promise<Page>;
  /** The demo user with this username. */
  user(username: string): DemoUserSpec;
  /** The mine of a mine-scoped demo user (a safety officer). */
  mineOf(username: string): DemoMine;
}

export interface PageOptions {
  width?: number;
  height?: number;
  locale?: 'zh-CN' | 'en';
  /** Lets a test inject a script (axe-core, test/e2e/support/accessibility.ts) past the app's CSP. */
  bypassCsp?: boolean;
}

export interface BrowserSuiteOptions {
  /** Demo mines in the province (300 unless told). */
  mineCount?: number;
  server?: ServerOptions;
  /** How long a locator may wait before it fails (10 s unless told), well before the test's own timeout. */
  pageTimeoutMs?: number;
  /** The viewport's height when a page does not say (900 unless told); the width is 1440. */
  height?: number;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = () => {
    if (!server || !browser) throw new Error('the browser suite has not started');
    return { server, browser };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(options.mineCount ?? 300, options.server),
      launchBrowser(),
    ]);
  }, options.startTimeoutMs ?? 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  }, options.stopTimeoutMs);

  const suite: Pick<BrowserSuite, 'browser' | 'newPage' | 'user' | 'mineOf'> = {
    get browser() {
      return started().browser;
    },
    async newPage(username, page = {}) {
      const s = started();
      const context = await s.browser.newContext({
        viewport: { width: page.width ?? 1440, height: page.height ?? options.height ?? 900 },
        locale: page.locale ?? 'zh-CN',
        bypassCSP: page.bypassCsp ?? false,
      });
      contexts.push(context);
      const p = await context.newPage();
      p.setDefaultTimeout(options.pageTimeoutMs ?? 10_000);
      if (username !== undefined) await login(p, s.server.baseUrl, username, TEST_PASSWORD);
      return p;
    },
    user(username) {
      const found = started().server.province.users.find((u) => u.username === username);
      if (!found) throw new Error(`no demo user ${username}`);
      return found;
    },
    mineOf(username) {
      const scope = suite.user(username).scope;
      if (scope.kind !== 'mine') throw new Error(`${username} is not mine-scoped`);
      return started().server.province.mines.find((m) => m.id === scope.mineId)!;
    },
  };
  // The running server's fields, read through once the suite has started.
  for (const key of ['baseUrl', 'province', 'app', 'ports', 'monitoring', 'log'] as const)
    Object.defineProperty(suite, key, { get: () => started().server[key] });
  return suite as BrowserSuite;
}
