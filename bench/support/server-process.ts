/**
 * The real embedded server as a child process (`node src/cli/main.ts serve`), for the crash test and
 * the soak benchmark: start it on a data directory, wait until it answers, kill it (-9) or stop it
 * (SIGTERM), and read what the kernel says about it (resident memory, CPU time). Also runs the other
 * CLI commands (`seed`, `token create`, `audit verify`) as the operator would.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const MAIN = resolve(import.meta.dirname, '../../src/cli/main.ts');

/** A TCP port that was free a moment ago (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Runs `redline <args>` to completion; resolves with its exit code and output (never rejects on exit code). */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        res({ code, stdout, stderr });
      },
    );
  });
}

/** `redline token create --user <user>`: the bearer token a gateway sends. */
export async function createToken(
  env: NodeJS.ProcessEnv,
  user: string,
  name: string,
  scopes = 'ingest',
): Promise<string> {
  const r = await runCli(['token', 'create', '--user', user, '--name', name, '--scopes', scopes], env);
  if (r.code !== 0) throw new Error(`token create failed (${r.code}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { token: string }).token;
}

export interface ServerProcess {
  readonly pid: number;
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** Everything the server wrote (stdout and stderr), for diagnostics. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9, then wait until the process is gone. */
  kill9(): Promise<void>;
  /**
   * SIGTERM (the server's graceful shutdown), then wait; resolves with the exit code. When it has not
   * exited after `graceMs`, it is killed (-9) and the answer is 'hung'.
   */
  stop(graceMs?: number): Promise<number | null | 'hung'>;
}

/**
 * Starts `node src/cli/main.ts serve` with `env` (DATABASE_URL, REDLINE_DATA_DIR, … as the operator
 * sets them) on a free port, and resolves once GET /api/health answers 200. Fails with the server's
 * output when it exits first or does not answer within `readyTimeoutMs`.
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: {
    /** The CLI command (default `serve`; `gateway` for the distributed mode's door). */
    command?: 'serve' | 'gateway';
    args?: readonly string[];
    readyTimeoutMs?: number;
    /** Node options before the script (e.g. `--import` a probe, `--cpu-prof`). */
    nodeArgs?: readonly string[];
    /** Opens an IPC channel and hands every message the server process sends to this function. */
    onMessage?: (message: unknown) => void;
  } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), MAIN, options.command ?? 'serve', ...(options.args ?? [])],
    {
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: options.onMessage ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  if (options.onMessage) child.on('message', options.onMessage);
  const chunks: string[] = [];
  let size = 0;
  const keep = (b: Buffer) => {
    // The last ~1 MB is plenty for a diagnosis; a chatty server must not grow the test's memory.
    chunks.push(b.toString('utf8'));
    size += b.length;
    while (size > 1_000_000 && chunks.length > 1) size -= chunks.shift()!.length;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.once('exit', (code, signal) => res({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const output = () => chunks.join('');
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = performance.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (hasExited) {
      const { code, signal } = await exited;
      throw new Error(`the server exited before answering (code ${code}, signal ${signal}):\n${output()}`);
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/health in time:\n${output()}`);
    }
    const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (child.pid === undefined) throw new Error('the server process has no pid');
  const pid = child.pid;
  return {
    pid,
    baseUrl,
    child,
    output,
    exited,
    kill9: async () => {
      if (!hasExited) child.kill('SIGKILL');
      await exited;
    },
    stop: async (graceMs = 30_000) => {
      if (!hasExited) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        exited.then((e) => e.code),
        new Promise<'hung'>((res) => (timer = setTimeout(() => res('hung'), graceMs))),
      ]);
      clearTimeout(timer);
      if (outcome === 'hung') {
        child.kill('SIGKILL');
        await exited;
      }
      return outcome;
    },
  };
}

/** Resident memory of a process in MiB (VmRSS of /proc/<pid>/status; Linux), or null. */
export function residentMb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat; Linux), or null. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 (1-based), i.e. 11 and 12 here; USER_HZ is 100.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

/** Bytes a process has written: through write syscalls (wchar) and to the storage layer (write_bytes). */
export function writtenBytes(pid: number): { wchar: number; writeBytes: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/io`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
    return { wchar: field('wchar'), writeBytes: field('write_bytes') };
  } catch {
    return null;
  }
}
