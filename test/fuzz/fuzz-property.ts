/**
 * What the fuzz suites share with bench/fuzz.ts: a named fast-check property and one way to run it.
 * The Vitest files run each property with a small fixed number of runs; the fuzz script runs the
 * same properties for minutes. Nothing here imports Vitest, so the script runs under plain Node.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';

/** A property over bad input, named so a failure says which door broke. */
export interface FuzzProperty {
  name: string;
  /** Runs in CI (the Vitest suites); the fuzz script runs as many as its time allows. */
  ciRuns: number;
  property: fc.IRawProperty<unknown>;
}

/** Properties built over one world (an app, a runtime), with the way to dispose of it. */
export interface FuzzSuite {
  properties: FuzzProperty[];
  dispose(): Promise<void>;
}

/** Called at the start of every run, so a watchdog can tell a hang from slow progress. */
export interface FuzzHooks {
  onRun?: (property: string) => void;
}

/**
 * A run that takes longer than this fails: a hang must fail, not stall the suite. Generous on
 * purpose (one run parses a few kilobytes or sends one request); it catches a stuck promise, a
 * runaway loop that ends, or input that makes the work explode, not mere slowness.
 */
export const RUN_BUDGET_MS = 10_000;

export interface CheckOptions {
  numRuns: number;
  seed?: number;
  /** fast-check's replay path of one failing run (printed with a failure). */
  path?: string;
  /** Stop (without failing) after this long; the fuzz script's time slice. */
  timeLimitMs?: number;
}

/** Runs one property; the details say whether it failed, with the seed and counterexample. */
export async function checkProperty(p: FuzzProperty, options: CheckOptions): Promise<fc.RunDetails<unknown>> {
  return fc.check(p.property, {
    numRuns: options.numRuns,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.timeLimitMs === undefined
      ? {}
      : { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }),
    // Async runs are raced against the budget by fast-check; sync runs check it themselves (withinBudget).
    timeout: RUN_BUDGET_MS,
    includeErrorInReport: true,
  });
}

/** Runs one property with its CI run count and throws fast-check's report (seed, path, counterexample) on failure. */
export async function assertProperty(p: FuzzProperty, seed?: number): Promise<void> {
  const details = await checkProperty(p, { numRuns: p.ciRuns, ...(seed === undefined ? {} : { seed }) });
  if (details.failed) throw new Error(`${p.name}\n${fc.defaultReportMessage(details)}`);
}

/** FUZZ_SEED=<n> replays the Vitest suites with a fixed seed (fast-check prints the seed of a failure). */
export function seedFromEnvironment(env: Record<string, string | undefined>): number | undefined {
  const s = env.FUZZ_SEED;
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${s}`);
  return n;
}

/**
 * Runs synchronous work and fails when it took longer than the run budget. A synchronous hang cannot
 * be interrupted inside the process (bench/fuzz.ts watches from another thread for that); this catches
 * input that makes the work blow up.
 */
export function withinBudget<T>(what: string, work: () => T): T {
  const t0 = performance.now();
  const out = work();
  const ms = performance.now() - t0;
  assert.ok(ms <= RUN_BUDGET_MS, `${what} took ${Math.round(ms)} ms (budget ${RUN_BUDGET_MS} ms)`);
  return out;
}

/** A reason a user can act on: a non-empty string. */
export function assertReason(reason: unknown, what: string): void {
  assert.equal(typeof reason, 'string', `${what}: the reason is not a string: ${String(reason)}`);
  assert.ok((reason as string).trim() !== '', `${what}: the reason is empty`);
}
