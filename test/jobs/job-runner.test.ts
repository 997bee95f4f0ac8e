import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alwaysLeader, runJobs, type Job, type Leadership } from '../../src/platform/job-runner.ts';

/** A leadership the test hands out and takes back. */
function handedLeadership(): Leadership & { lead(): void; follow(): void } {
  let lead = () => {};
  let follow = () => {};
  return {
    start(l, f) {
      lead = l;
      follow = f;
    },
    close: () => Promise.resolve(),
    lead: () => lead(),
    follow: () => follow(),
  };
}

describe('periodic jobs', () => {
  const logged: Array<Record<string, unknown>> = [];
  const log = {
    info: (o: object) => void logged.push(o as Record<string, unknown>),
    error: (o: object) => void logged.push(o as Record<string, unknown>),
  };
  beforeEach(() => {
    logged.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const counting = (name: string, intervalMs: number, fail = false) => {
    const job = {
      name,
      intervalMs,
      runs: 0,
      run: () => {
        job.runs++;
        return fail ? Promise.reject(new Error('database gone')) : Promise.resolve();
      },
    };
    return job satisfies Job;
  };

  it('runs each job at once under the embedded leader, then at its interval, and logs a failure by name', async () => {
    const minute = counting('due-orders', 60_000);
    const broken = counting('compaction', 60_000, true);
    const jobs = runJobs([minute, broken], alwaysLeader(), log);
    expect(minute.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(minute.runs).toBe(3);
    expect(broken.runs).toBe(3);
    expect(logged.filter((e) => e.event === 'job.failed')).toEqual(
      Array.from({ length: 3 }, () => ({
        event: 'job.failed',
        job: 'compaction',
        error: 'Error: database gone',
      })),
    );
    await jobs.close();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(minute.runs).toBe(3);
  });

  it('runs nothing while another process leads, and stops when the lead is lost', async () => {
    const leadership = handedLeadership();
    const hourly = counting('hazard-review', 3_600_000);
    const jobs = runJobs([hourly], leadership, log);
    await vi.advanceTimersByTimeAsync(7_200_000);
    expect(hourly.runs).toBe(0);
    leadership.lead();
    expect(hourly.runs).toBe(1);
    leadership.follow();
    await vi.advanceTimersByTimeAsync(7_200_000);
    expect(hourly.runs).toBe(1);
    await jobs.close();
  });

  it('never overlaps two runs of one job', async () => {
    let finish = () => {};
    let runs = 0;
    const slow: Job = {
      name: 'telemetry-upkeep',
      intervalMs: 1_000,
      run: () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    const jobs = runJobs([slow], alwaysLeader(), log);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    finish();
    await jobs.close();
  });
});
