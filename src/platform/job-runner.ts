import type { Logger } from './logger.ts';

/** A periodic job, declared as data: it runs when its process starts leading, then every `intervalMs`. */
export interface Job {
  name: string;
  intervalMs: number;
  /** Idempotent: a run may be repeated by the next leader after a crash. */
  run(): Promise<void>;
}

/**
 * Who runs the jobs. `start` calls `lead` when this process becomes the one that runs them and `follow`
 * when it stops being it (e.g. lost its lock); `close` gives the leadership up.
 */
export interface Leadership {
  start(lead: () => void, follow: () => void): void;
  close(): Promise<void>;
}

/** The embedded mode: the one process always leads. */
export function alwaysLeader(): Leadership {
  return {
    start: (lead) => lead(),
    close: () => Promise.resolve(),
  };
}

/**
 * Runs the jobs while `leadership` says this process leads: each at once, then every `intervalMs`. A
 * job's runs never overlap (a run still going when the next is due is skipped); a failed run is logged
 * (`job.failed`) and the next one retries.
 */
export function runJobs(
  jobs: readonly Job[],
  leadership: Leadership,
  log: Pick<Logger, 'info' | 'error'>,
): { close(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  let timers: NodeJS.Timeout[] = [];
  const runOnce = (job: Job) => {
    if (running.has(job.name)) return;
    const run = job
      .run()
      .catch((e: unknown) => log.error({ event: 'job.failed', job: job.name, error: String(e) }))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  const stopTimers = () => {
    for (const t of timers) clearInterval(t);
    timers = [];
  };
  leadership.start(
    () => {
      log.info({ event: 'jobs.leading', jobs: jobs.map((j) => j.name) });
      stopTimers();
      for (const job of jobs) {
        runOnce(job);
        const timer = setInterval(() => runOnce(job), job.intervalMs);
        timer.unref();
        timers.push(timer);
      }
    },
    () => {
      log.info({ event: 'jobs.following' });
      stopTimers();
    },
  );
  return {
    async close() {
      stopTimers();
      await leadership.close();
      await Promise.all(running.values());
    },
  };
}
