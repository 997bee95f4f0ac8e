/**
 * `node scripts/readme-screenshots.ts`: copies the README's screenshots from the e2e tests' output
 * (test-results/screenshots/, after `npm run build:web` and the e2e runs that take them) into
 * docs/screenshots/, each cropped to its top and scaled down by Chromium itself (the PNG drawn in a page
 * whose viewport is the target size), so each file stays below 300 kB.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const FROM = join(ROOT, 'test-results/screenshots');
const TO = join(ROOT, 'docs/screenshots');
const MAX_BYTES = 300 * 1024;

interface Shot {
  /** The e2e screenshot (without .png). */
  source: string;
  /** The file in docs/screenshots (without .png). */
  target: string;
  /** The source's width in CSS pixels (1440 or 390) and how much of its top to keep. */
  sourceWidth: number;
  keepHeight: number;
  /** The width of the result in pixels. */
  width: number;
}

const SHOTS: readonly Shot[] = [
  {
    source: 'crawl-province-zh-CN',
    target: 'today-province-zh',
    sourceWidth: 1440,
    keepHeight: 1000,
    width: 1100,
  },
  { source: 'map-county-zh-1440', target: 'map-county-zh', sourceWidth: 1440, keepHeight: 900, width: 1100 },
  {
    source: 'bell-open-zh-390',
    target: 'phone-today-bell-zh',
    sourceWidth: 390,
    keepHeight: 844,
    width: 390,
  },
  {
    source: 'alarm-console-incident-zh-1440',
    target: 'alarm-console-incident-zh',
    sourceWidth: 1440,
    keepHeight: 1000,
    width: 1100,
  },
  {
    source: 'mine-live-monitoring',
    target: 'mine-page-live-zh',
    sourceWidth: 1440,
    keepHeight: 1000,
    width: 1100,
  },
  {
    source: 'crawl-province-zh-CN-briefing-risk',
    target: 'risk-ranking-incident-zh',
    sourceWidth: 1440,
    keepHeight: 700,
    width: 1100,
  },
  { source: 'bell-open-en-1440', target: 'bell-en', sourceWidth: 1440, keepHeight: 560, width: 1100 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  mkdirSync(TO, { recursive: true });
  for (const shot of SHOTS) {
    const file = join(FROM, `${shot.source}.png`);
    if (!existsSync(file)) throw new Error(`missing ${file}: run the e2e test that takes it first`);
    const scale = shot.width / shot.sourceWidth;
    const height = Math.round(shot.keepHeight * scale);
    const page = await browser.newPage({ viewport: { width: shot.width, height } });
    const png = readFileSync(file).toString('base64');
    await page.setContent(
      `<body style="margin:0;overflow:hidden"><img style="display:block;width:${shot.width}px" src="data:image/png;base64,${png}"></body>`,
    );
    await page.locator('img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    const out = join(TO, `${shot.target}.png`);
    writeFileSync(out, await page.screenshot({ clip: { x: 0, y: 0, width: shot.width, height } }));
    await page.close();
    const bytes = statSync(out).size;
    console.log(`${shot.target}.png ${shot.width}×${height} ${Math.round(bytes / 1024)} kB`);
    if (bytes > MAX_BYTES) throw new Error(`${out} is ${bytes} bytes (over 300 kB)`);
  }
} finally {
  await browser.close();
}
