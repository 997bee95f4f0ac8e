import type { Kysely } from 'kysely';
import { DEFAULT_DAYS_PER_ESCALATION_LEVEL, runDailyReview } from '../core/hazards/hazard-review.ts';
import { openSilentMineCases } from '../core/monitoring/stopped/silent-mine-cases.ts';
import { applyDueOrders } from '../core/orders/order-use-cases.ts';
import type { Ports } from '../core/ports.ts';
import type { MonitoringStore } from '../core/monitoring/monitoring-ports.ts';
import { compactionJob } from '../monitoring/compactor-job.ts';
import { createEquipmentState } from '../monitoring/equipment-state.ts';
import type { MonitoringRuntime } from '../monitoring/monitoring-runtime.ts';
import type { MonitoringView } from '../monitoring/monitoring-view.ts';
import type { Logger } from '../platform/logger.ts';
import { maintainTelemetryPartitions } from '../storage/dialect/telemetry-ddl.ts';
import type { Database } from '../storage/schema.ts';
import type { Job } from '../platform/job-runner.ts';

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Redline's periodic jobs, declared once for both modes and run by `runJobs` under the leader (the one
 * embedded process; the advisory-lock holder among gateways and API servers in the distributed mode).
 * Every job is idempotent, and each runs once when leadership begins, then at its interval.
 */
export function periodicJobs(deps: {
  ports: Ports;
  db: Kysely<Database>;
  /** Monitoring as the routes see it (the hazard review asks whether equipment runs). */
  view: MonitoringView | undefined;
  /** The monitoring runtime of this process, in the embedded mode (workers tick their own). */
  runtime?: MonitoringRuntime;
  config: { rawRetentionDays: number; aggregateRetentionDays: number; silentMineCaseAfterMs: number };
  log: Pick<Logger, 'warn'>;
  /** Who compacts the head (default the monitoring store on this thread; the serving process of a SQLite file passes its compaction thread). */
  compactor?: Pick<MonitoringStore, 'compactReadings'>;
}): Job[] {
  const { ports, config, log } = deps;
  const equipment = createEquipmentState(deps.view);
  const jobs: Job[] = [
    {
      // PostgreSQL's reading partitions for the coming days, then retention (regulation: real-time values
      // kept at least 3 months, statistics at least 2 years). Nothing to partition on SQLite.
      name: 'telemetry-upkeep',
      intervalMs: HOUR,
      run: async () => {
        const now = ports.clock.nowMs();
        await maintainTelemetryPartitions(deps.db, now);
        await ports.monitoring.purgeOld(
          [],
          now - config.rawRetentionDays * DAY,
          now - config.aggregateRetentionDays * DAY,
        );
      },
    },
    compactionJob(deps.compactor ?? ports.monitoring, ports.clock),
    {
      // Scheduled orders come into force when their time comes; their mines reach monitoring through
      // the mineChanged port.
      name: 'due-orders',
      intervalMs: MINUTE,
      run: async () => {
        const r = await applyDueOrders(ports);
        for (const f of r.failed) log.warn({ event: 'order.not-applied', order: f.orderId, code: f.code });
      },
    },
    {
      // Hazards: overdue escalation and the running-equipment rule (each acts at most once a day).
      name: 'hazard-review',
      intervalMs: HOUR,
      run: async () => {
        await runDailyReview(ports, equipment, { daysPerEscalationLevel: DEFAULT_DAYS_PER_ESCALATION_LEVEL });
      },
    },
    {
      // A mine silent for a day (any status but closed) gets an evasion case (ADR 0014).
      name: 'silent-mine-cases',
      intervalMs: HOUR,
      run: async () => {
        for (const id of await openSilentMineCases(ports, config.silentMineCaseAfterMs))
          log.warn({ event: 'case.silent-mine', case: id });
      },
    },
  ];
  const runtime = deps.runtime;
  if (runtime) {
    jobs.push({
      // Periodic rules (silent points, flat lines, shelves, escalation) and the live readings flush.
      name: 'monitoring-tick',
      intervalMs: SECOND,
      run: async () => {
        await runtime.tick();
      },
    });
  }
  return jobs;
}
