/**
 * `npm run bench:web -- [--runs 5] [--users county,province] [--no-build] [--mines N]`
 *
 * Lighthouse-style figures of the web UI, written to bench/results/web-figures.json and printed:
 *
 * 1. The bundle: `npm run build:web` (unless --no-build), then every chunk of web/dist/assets with its
 *    raw and gzip size (gzip level 9 from node:zlib, like Vite's report), grouped by section (the chunk's
 *    name without its hash), and what the first page needs (index.html's script and stylesheet).
 * 2. First page interactive: a fresh `npm start`-like server (`node src/cli/main.ts serve --demo` on a
 *    throwaway data directory: the real demo province and the simulator) and headless Chromium. Per
 *    run, a fresh browser context (cold cache) opens /login — its navigation timing (TTFB, DOM content
 *    loaded, load, first contentful paint) — then logs in; the time from the click on "log in" to the
 *    work list shown with its data (`today-list`, data-busy=false) is measured inside the page with the
 *    Performance API (performance.now() at the click and when a MutationObserver sees the list). Then the
 *    same context reloads `/` (warm cache, signed in): navigation timing and time to the work list from
 *    the navigation's start. Bytes transferred are the navigation's and resources' transferSize.
 *
 * Medians over the runs, and each run. Figures depend on the machine: no test asserts on them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { startServerProcess } from './support/server-process.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'web/dist');
const RESULTS = join(ROOT, 'bench/results/web-figures.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    users: { type: 'string', default: 'county,province' },
    'no-build': { type: 'boolean', default: false },
    mines: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const USERS = (args.users ?? '').split(',').filter(Boolean);

interface Chunk {
  file: string;
  section: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

/** Every asset of the build with its gzip size; `initial` are those index.html loads itself. */
function measureBundle(): {
  chunks: Chunk[];
  initial: { bytes: number; gzipBytes: number; files: string[] };
} {
  if (!args['no-build'])
    execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const assets = join(DIST, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file): Chunk => {
      const body = readFileSync(join(assets, file));
      return {
        file,
        section: file.replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, ''),
        kind: file.endsWith('.js') ? 'js' : 'css',
        bytes: statSync(join(assets, file)).size,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const first = chunks.filter((c) => files.includes(c.file));
  return {
    chunks,
    initial: {
      files,
      bytes: first.reduce((s, c) => s + c.bytes, 0),
      gzipBytes: first.reduce((s, c) => s + c.gzipBytes, 0),
    },
  };
}

interface NavTiming {
  ttfbMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  firstContentfulPaintMs: number | null;
  transferredBytes: number;
  /** How long the first page's API reads took (resource timing: request to last byte), by path. */
  apiMs: Record<string, number>;
}

/** The document's navigation timing and the bytes it and its resources took, read from the page. */
const navTiming = (page: Page): Promise<NavTiming> =>
  page.evaluate(() => {
    // Runs in the page (the bench is typed without the DOM library): the entries' fields used here.
    type Entry = { name: string; startTime: number; duration: number; transferSize: number };
    type Nav = Entry & { responseStart: number; domContentLoadedEventEnd: number; loadEventEnd: number };
    const entries = (type: string) =>
      (performance.getEntriesByType as unknown as (t: string) => Entry[])(type);
    const nav = entries('navigation')[0] as Nav;
    const fcp = entries('paint').find((e) => e.name === 'first-contentful-paint');
    return {
      ttfbMs: nav.responseStart,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      loadMs: nav.loadEventEnd,
      firstContentfulPaintMs: fcp === undefined ? null : fcp.startTime,
      transferredBytes: nav.transferSize + entries('resource').reduce((s, r) => s + r.transferSize, 0),
      apiMs: Object.fromEntries(
        ['/api/session', '/api/today', '/api/notifications', '/api/dashboard'].flatMap((path) => {
          const hit = entries('resource').filter((r) => new URL(r.name).pathname === path);
          return hit.length === 0 ? [] : [[path, Math.round(hit.at(-1)!.duration)]];
        }),
      ),
    };
  });

/** Installed before the page's scripts: performance.now() when the work list shows its data. */
const WATCH_TODAY = `(() => {
  const w = window;
  w.__todayAt = null;
  const check = () => {
    if (w.__todayAt === null && document.querySelector('[data-testid="today-list"][data-busy="false"]'))
      w.__todayAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="login-submit"]')) w.__submitAt = performance.now();
  }, true);
})();`;

const readMark = (page: Page, name: string) =>
  page.evaluate((n) => (globalThis as unknown as Record<string, number | null>)[n] ?? null, name);

interface Run {
  login: NavTiming;
  /** From the click on "log in" to the work list shown with its data. */
  loginToTodayMs: number;
  /** Bytes transferred from opening /login to the work list shown. */
  loginToTodayBytes: number;
  /** The API reads of the first page after logging in, by path. */
  loginApiMs: Record<string, number>;
  /** Signed in, warm cache: reloading / until the work list shows its data (from the navigation's start). */
  reload: NavTiming & { todayReadyMs: number };
}

async function measureRun(baseUrl: string, username: string, password: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(WATCH_TODAY);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`, { waitUntil: 'load' });
    await page.getByTestId('login-username').waitFor();
    const login = await navTiming(page);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="today-list"][data-busy="false"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (globalThis as unknown as { __todayAt: number | null }).__todayAt !== null,
    );
    const [submitAt, todayAt] = [await readMark(page, '__submitAt'), await readMark(page, '__todayAt')];
    if (submitAt === null || todayAt === null) throw new Error('the page did not record its marks');
    const { transferredBytes, apiMs } = await navTiming(page);

    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await page.locator('[data-testid="today-list"][data-busy="false"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (globalThis as unknown as { __todayAt: number | null }).__todayAt !== null,
    );
    const reload = { ...(await navTiming(page)), todayReadyMs: (await readMark(page, '__todayAt'))! };
    await context.close();
    return {
      login,
      loginToTodayMs: todayAt - submitAt,
      loginToTodayBytes: transferredBytes,
      loginApiMs: apiMs,
      reload,
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const bundle = measureBundle();
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-web-figures-'));
  const started = performance.now();
  const server = await startServerProcess(
    {
      ...process.env,
      DATABASE_URL: join(dataDir, 'redline.db'),
      REDLINE_DATA_DIR: dataDir,
      ...(args.mines === undefined ? {} : { REDLINE_DEMO_MINES: args.mines }),
    },
    { args: ['--demo'], readyTimeoutMs: 300_000 },
  );
  const startMs = performance.now() - started;
  try {
    const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as Array<{
      username: string;
      password: string;
    }>;
    const perUser: Record<string, { median: Record<string, number>; runs: Run[] }> = {};
    for (const username of USERS) {
      const account = accounts.find((a) => a.username === username);
      if (!account) throw new Error(`no demo account ${username}`);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureRun(server.baseUrl, username, account.password));
      const m = (f: (r: Run) => number) => round(median(runs.map(f)));
      perUser[username] = {
        median: {
          loginPageTtfbMs: m((r) => r.login.ttfbMs),
          loginPageDomContentLoadedMs: m((r) => r.login.domContentLoadedMs),
          loginPageLoadMs: m((r) => r.login.loadMs),
          loginPageFirstContentfulPaintMs: m((r) => r.login.firstContentfulPaintMs ?? Number.NaN),
          loginToTodayMs: m((r) => r.loginToTodayMs),
          loginToTodayKb: m((r) => r.loginToTodayBytes / 1024),
          reloadDomContentLoadedMs: m((r) => r.reload.domContentLoadedMs),
          reloadTodayReadyMs: m((r) => r.reload.todayReadyMs),
          apiTodayMs: m((r) => r.loginApiMs['/api/today'] ?? Number.NaN),
          apiNotificationsMs: m((r) => r.loginApiMs['/api/notifications'] ?? Number.NaN),
        },
        runs,
      };
    }
    const sections = Object.values(
      bundle.chunks.reduce<Record<string, { section: string; bytes: number; gzipBytes: number }>>(
        (acc, c) => {
          const s = (acc[c.section] ??= { section: c.section, bytes: 0, gzipBytes: 0 });
          s.bytes += c.bytes;
          s.gzipBytes += c.gzipBytes;
          return acc;
        },
        {},
      ),
    ).sort((a, b) => b.gzipBytes - a.gzipBytes);
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      command: `node bench/web-figures.ts ${process.argv.slice(2).join(' ')}`.trim(),
      serverStartMs: round(startMs),
      runs: RUNS,
      firstPage: perUser,
      bundle: {
        initial: bundle.initial,
        totalGzipBytes: bundle.chunks.reduce((s, c) => s + c.gzipBytes, 0),
        sections,
        chunks: bundle.chunks,
      },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);

    console.log(`server ready (seeded) in ${round(startMs / 1000)} s; ${RUNS} runs per user, medians:`);
    console.table(Object.fromEntries(Object.entries(perUser).map(([u, v]) => [u, v.median])));
    console.log(
      `first page needs ${bundle.initial.files.join(', ')}: ${round(bundle.initial.bytes / 1024)} kB, ${round(bundle.initial.gzipBytes / 1024)} kB gzip`,
    );
    console.table(
      sections.map((s) => ({
        section: s.section,
        kB: round(s.bytes / 1024),
        gzipKB: round(s.gzipBytes / 1024),
      })),
    );
    console.log(`wrote ${RESULTS}`);
  } finally {
    await server.stop(20_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
