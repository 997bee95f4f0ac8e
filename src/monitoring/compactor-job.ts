import type { MonitoringStore } from '../core/monitoring/monitoring-ports.ts';
import type { Clock } from '../core/ports.ts';

/** How often the compactor looks for closed windows in the head. */
export const COMPACTION_INTERVAL_MS = 60_000;

/**
 * The periodic telemetry compaction (ADR 0005): every `intervalMs` (and once at start) the closed
 * windows of the durable head become blocks. Runs never overlap; a failed run is reported and the
 * next one retries (compaction is idempotent and crash-safe). Embedded mode: the serving process
 * runs it; distributed mode: the scheduler leader (one process at a time).
 */
export function startCompactor(
  store: Pick<MonitoringStore, 'compactReadings'>,
  clock: Clock,
  onError: (e: unknown) => void,
  intervalMs = COMPACTION_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = store
      .compactReadings(clock.nowMs())
      .then(() => undefined)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
