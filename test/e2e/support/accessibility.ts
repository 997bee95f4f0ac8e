import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** axe-core's browser bundle, injected into the page under test (the app itself never ships it). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on a page: axe's rule id, its impact, what it asks for and where (CSS selectors). */
export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs in the page (a string: the tests' TypeScript has no DOM library). */
const RUN_AXE = `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    })),
)`;

/**
 * Runs axe-core (WCAG 2.1 A/AA rules and axe's best practices) over the page as it stands and returns the
 * serious and critical violations. The page's context must be opened with `bypassCSP` (the app's policy
 * allows no inline script, and axe comes in as one).
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate<A11yViolation[]>(RUN_AXE);
}

/** Fails (naming the page as `label`) when axe finds a serious or critical violation on the page. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const found = await seriousA11yViolations(page);
  expect(
    found,
    `${label}: ${found.map((v) => `${v.rule} (${v.impact}) at ${v.targets.join(', ')}`).join('; ')}`,
  ).toEqual([]);
}
