/**
 * Preloaded into the server process by the soak benchmark (`node --import …/memory-probe.ts src/cli/main.ts
 * serve`) when it is started with an IPC channel: once a second it reports the V8 heap, the event-loop
 * utilisation and the event-loop delay to the parent, and on request it runs the V8 sampling profiler
 * over a stretch of time (the soak's run, not its set-up) and writes the profile to a file. It only
 * observes; the server is the real one.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** What the parent may ask: start the profiler, or stop it and write the profile to `file`. */
export type ProbeCommand = { kind: 'profile-start' } | { kind: 'profile-stop'; file: string };

/** The answer to `profile-stop`, once the file is written (or why not). */
export interface ProfileWritten {
  kind: 'profile-written';
  file: string;
  error?: string;
}

/** What the probe sends once a second. */
export interface MemoryProbeMessage {
  kind: 'memory-probe';
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** Share of the last second the event loop was busy (0–1). */
  eventLoopUtilization: number;
  /** Event-loop delay over the last second, ms. */
  delayP99Ms: number;
  delayMaxMs: number;
}

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const elu = performance.eventLoopUtilization(now, last);
    last = now;
    const m = process.memoryUsage();
    const message: MemoryProbeMessage = {
      kind: 'memory-probe',
      rssBytes: m.rss,
      heapUsedBytes: m.heapUsed,
      heapTotalBytes: m.heapTotal,
      externalBytes: m.external,
      arrayBuffersBytes: m.arrayBuffers,
      eventLoopUtilization: elu.utilization,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
    };
    delay.reset();
    process.send?.(message);
  }, 1000);
  timer.unref();

  let session: Session | null = null;
  process.on('message', (m: ProbeCommand) => {
    void (async () => {
      if (m.kind === 'profile-start' && session === null) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 1000 });
        await session.post('Profiler.start');
      } else if (m.kind === 'profile-stop' && session !== null) {
        const answer: ProfileWritten = { kind: 'profile-written', file: m.file };
        try {
          const { profile } = await session.post('Profiler.stop');
          writeFileSync(m.file, JSON.stringify(profile));
        } catch (e) {
          answer.error = e instanceof Error ? e.message : String(e);
        }
        session.disconnect();
        session = null;
        process.send?.(answer);
      }
    })();
  });
  process.channel?.unref();
}
