import type { MonitoringStore } from '../core/monitoring/monitoring-ports.ts';
import type { Clock } from '../core/ports.ts';
import type { Job } from '../platform/job-runner.ts';

/** How often the compactor looks for closed windows in the head. */
export const COMPACTION_INTERVAL_MS = 60_000;

/**
 * The periodic telemetry compaction (ADR 0005): the closed windows of the durable head become blocks.
 * Compaction is idempotent and crash-safe, so a failed run is simply retried by the next. Run by the
 * jobs' leader (src/jobs): the serving process in the embedded mode, one gateway or API server in the
 * distributed mode — one compactor per database.
 */
export function compactionJob(store: Pick<MonitoringStore, 'compactReadings'>, clock: Clock): Job {
  return {
    name: 'compaction',
    intervalMs: COMPACTION_INTERVAL_MS,
    run: async () => {
      await store.compactReadings(clock.nowMs());
    },
  };
}
