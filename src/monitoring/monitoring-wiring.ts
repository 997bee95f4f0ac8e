import { DEFAULT_ALARM_POLICY, type AlarmPolicy } from '../core/monitoring/alarms/alarm-lifecycle.ts';
import type { Ports, TelemetryWriter } from '../core/ports.ts';
import { THRESHOLD_TABLES } from '../core/monitoring/thresholds/regulations-2016-threshold-table.ts';
import { selectThresholdTable } from '../core/monitoring/thresholds/threshold-table.ts';
import type { ReadingTimePolicy } from '../core/monitoring/engine/reading-time-policy.ts';
import { LiveHub } from './live-hub.ts';
import { MonitoringRuntime, type MineScope } from './monitoring-runtime.ts';
import type { MonitoringView } from './monitoring-view.ts';
import type { OpenDatabase } from '../storage/database.ts';
import { createPostgresTelemetryWriter } from '../storage/telemetry/postgres-telemetry-writer.ts';
import { createSqliteTelemetryWriter } from '../storage/telemetry/sqlite-telemetry-writer.ts';
import { allocatePointIds } from '../storage/telemetry/point-ids.ts';

/** The telemetry writer for the open engine: prepared statements on SQLite, COPY on PostgreSQL. */
export function createTelemetryWriter(database: OpenDatabase): TelemetryWriter {
  if (database.sqlite) return createSqliteTelemetryWriter(database.db, database.sqlite);
  if (database.pgPool) return createPostgresTelemetryWriter(database.pgPool);
  throw new Error('No telemetry writer for this database.');
}

/** The reading-time policy from the configuration (the raw retention bounds how old a reading may be). */
export function readingTimePolicyOf(config: {
  readingFutureSkewMs: number;
  readingLateAfterMs: number;
  rawRetentionDays: number;
}): ReadingTimePolicy {
  return {
    futureSkewMs: config.readingFutureSkewMs,
    lateAfterMs: config.readingLateAfterMs,
    maxAgeMs: config.rawRetentionDays * 86_400_000,
  };
}

/** Builds (not starts) the monitoring runtime over the open database, with the regulation table in force today. */
export function createMonitoringRuntime(
  database: OpenDatabase,
  ports: Ports,
  options: {
    pointCapacity?: number;
    /** Where live events go (an in-process hub by default; NATS in a worker). */
    hub?: Pick<LiveHub, 'isWatched' | 'publish'>;
    allocatePointIds?: (n: number) => Promise<number[]>;
    scope?: MineScope;
    /** Minutes before an unacknowledged alarm escalates, per priority (null: never). */
    escalationMinutes?: Record<'critical' | 'high' | 'medium' | 'low', number | null>;
    /** Which reading times are believable (platform policy; defaults in reading-time-policy.ts). */
    readingTime?: ReadingTimePolicy;
    /** Platform policy: gas pre-alarm fraction of the alarm level (default 0.8). */
    preAlarmFraction?: number;
  } = {},
): { runtime: MonitoringRuntime; hub: LiveHub } {
  const table = selectThresholdTable(THRESHOLD_TABLES, ports.clock.nowIso().slice(0, 10));
  if (!table) throw new Error('No regulation threshold table is in force today.');
  const hub = new LiveHub();
  const runtime = new MonitoringRuntime({
    ports,
    writer: createTelemetryWriter(database),
    hub: options.hub ?? hub,
    // PostgreSQL: ids from the database's sequence (migration 0028), so processes sharing it never clash.
    ...(options.allocatePointIds
      ? { allocatePointIds: options.allocatePointIds }
      : database.pgPool
        ? { allocatePointIds: (n: number) => allocatePointIds(database.pgPool!, n) }
        : {}),
    ...(options.scope ? { scope: options.scope } : {}),
    engine: {
      capacity: options.pointCapacity ?? 200_000,
      thresholds: table,
      ...(options.readingTime ? { readingTime: options.readingTime } : {}),
      ...(options.preAlarmFraction === undefined ? {} : { preAlarmFraction: options.preAlarmFraction }),
      policy: options.escalationMinutes
        ? {
            ...DEFAULT_ALARM_POLICY,
            escalateAfterMs: Object.fromEntries(
              Object.entries(options.escalationMinutes).map(([k, v]) => [k, v === null ? null : v * 60_000]),
            ) as AlarmPolicy['escalateAfterMs'],
          }
        : DEFAULT_ALARM_POLICY,
    },
  });
  return { runtime, hub };
}

/**
 * The ports of a process that reaches monitoring, with the `mineChanged` port wired: after a mine's
 * status or facts change commits, monitoring re-reads and re-judges the mine (the engine in this
 * process, or — through the stored view — the worker that owns it). Wired once per composition root.
 */
export function withMineChanged(ports: Ports, view: Pick<MonitoringView, 'refreshMine'>): Ports {
  return { ...ports, mineChanged: (mineId) => view.refreshMine(mineId) };
}
