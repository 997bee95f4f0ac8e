import pg from 'pg';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { DEFAULT_DAYS_PER_ESCALATION_LEVEL, runDailyReview } from '../core/hazards/hazard-review.ts';
import { applyDueOrders } from '../core/orders/order-use-cases.ts';
import { openSilentMineCases } from '../core/monitoring/stopped/silent-mine-cases.ts';
import type { Ports } from '../core/ports.ts';
import type { MonitoringView } from '../ingest/monitoring-view.ts';
import { createEquipmentState } from '../server/routes/hazards/equipment-state.ts';
import { maintainTelemetryPartitions } from '../storage/dialect/telemetry-ddl.ts';
import type { Database } from '../storage/schema.ts';

const SCHEDULER_LOCK = 0x52444c4a; // "RDLJ"
const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The periodic jobs of the distributed mode — reading partitions ahead and retention (hourly),
 * telemetry compaction (every minute),
 * scheduled orders coming into force (every minute), the hazard review (hourly) — run by exactly one
 * gateway or API server at a time: the one holding a PostgreSQL advisory lock. Should it die, another
 * takes the lock within `retryMs` and carries on (each job is idempotent).
 */
export function startScheduler(deps: {
  databaseUrl: string;
  db: Kysely<Database>;
  ports: Ports;
  view: MonitoringView;
  config: Pick<Readonly<Config>, 'rawRetentionDays' | 'aggregateRetentionDays' | 'silentMineCaseAfterMs'>;
  log: (e: Record<string, unknown> & { event: string }) => void;
  retryMs?: number;
}): { close(): Promise<void> } {
  const { ports, log } = deps;
  let client: pg.Client | null = null;
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, job: () => Promise<void>, name: string) => {
    const run = () => {
      job().catch((e: unknown) => log({ event: 'scheduler.job-failed', job: name, error: String(e) }));
    };
    run();
    timers.push(setInterval(run, ms));
  };

  const startJobs = () => {
    log({ event: 'scheduler.leading' });
    every(
      HOUR,
      async () => {
        const now = ports.clock.nowMs();
        await maintainTelemetryPartitions(deps.db, now);
        await ports.monitoring.purgeOld(
          [],
          now - deps.config.rawRetentionDays * 86_400_000,
          now - deps.config.aggregateRetentionDays * 86_400_000,
        );
      },
      'partitions-and-retention',
    );
    // Telemetry compaction (ADR 0005) by the leader alone: one compactor for the whole database.
    every(
      MINUTE,
      async () => {
        await ports.monitoring.compactReadings(ports.clock.nowMs());
      },
      'compaction',
    );
    every(
      MINUTE,
      async () => {
        const r = await applyDueOrders(ports);
        for (const id of r.affectedMineIds) await deps.view.refreshMine(id);
        for (const f of r.failed) log({ event: 'order.not-applied', order: f.orderId, code: f.code });
      },
      'due-orders',
    );
    const equipment = createEquipmentState(deps.view);
    every(
      HOUR,
      async () => {
        await runDailyReview(ports, equipment, { daysPerEscalationLevel: DEFAULT_DAYS_PER_ESCALATION_LEVEL });
      },
      'hazard-review',
    );
    // A mine silent for a day (any status but closed) gets an evasion case (ADR 0014).
    every(
      HOUR,
      async () => {
        for (const id of await openSilentMineCases(ports, deps.config.silentMineCaseAfterMs))
          log({ event: 'case.silent-mine', case: id });
      },
      'silent-mine-cases',
    );
  };

  const tryLead = async () => {
    if (closed || client) return;
    const c = new pg.Client({ connectionString: deps.databaseUrl, application_name: 'redline-scheduler' });
    c.on('error', () => undefined);
    try {
      await c.connect();
      const r = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [SCHEDULER_LOCK]);
      if (r.rows[0]?.ok && !closed) {
        client = c;
        c.on('end', () => {
          // Lost the lock with the connection: stop, and try to lead again later.
          for (const t of timers.splice(0)) clearInterval(t);
          client = null;
        });
        startJobs();
      } else await c.end();
    } catch (e) {
      log({ event: 'scheduler.lock-failed', error: String(e) });
      await c.end().catch(() => undefined);
    }
  };
  void tryLead();
  const retry = setInterval(() => void tryLead(), deps.retryMs ?? 10_000);
  retry.unref();
  return {
    async close() {
      closed = true;
      clearInterval(retry);
      for (const t of timers.splice(0)) clearInterval(t);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
