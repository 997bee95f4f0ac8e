import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';

const run = promisify(execFile);
const main = resolve(import.meta.dirname, '../../src/cli/main.ts');

/** What one `redline …` run ended with (a failing run is a value, not a throw). */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SeededCli {
  /** The suite's temporary folder, holding `redline.db` and `data/`. */
  readonly tmp: string;
  /** Runs `redline <args>` as a child process on the suite's database. */
  redline: (...args: string[]) => Promise<CliResult>;
}

/**
 * The CLI harness of a describe block: before its tests, a temporary folder and a SQLite database seeded
 * by `redline seed --mines <mines>` (the seed must succeed); after them, the folder is removed.
 */
export function useSeededCli(prefix: string, mines: number): SeededCli {
  let tmp: string | undefined;
  let env: NodeJS.ProcessEnv = {};
  const cli: SeededCli = {
    get tmp() {
      if (!tmp) throw new Error('the CLI suite has not started');
      return tmp;
    },
    redline: (...args) =>
      run(process.execPath, [main, ...args], { env, timeout: 60_000 }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      ),
  };
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), prefix));
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: join(tmp, 'redline.db'),
      REDLINE_DATA_DIR: join(tmp, 'data'),
      LOG_LEVEL: 'silent',
    };
    const seeded = await cli.redline('seed', '--mines', String(mines));
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  return cli;
}
