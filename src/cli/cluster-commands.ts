import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { JetStreamSink } from '../cluster/jetstream-sink.ts';
import { startLiveIn } from '../cluster/live-bridge.ts';
import { MineDirectory } from '../cluster/mine-directory.ts';
import { NatsCommands } from '../cluster/nats-commands.ts';
import { connectCluster, ensureInStream } from '../cluster/nats-connection.ts';
import { clusterNames } from '../cluster/subjects.ts';
import { startWorker } from '../cluster/worker.ts';
import { advisoryLockLeadership } from '../cluster/scheduler.ts';
import { runJobs } from '../platform/job-runner.ts';
import { periodicJobs } from '../jobs/periodic-jobs.ts';
import { LiveHub } from '../monitoring/live-hub.ts';
import { withMineChanged } from '../monitoring/monitoring-wiring.ts';
import { startIngestAdapters } from '../ingest/mqtt/ingest-adapters.ts';
import { createLogger } from '../platform/logger.ts';
import { argon2Hasher, cryptoSecrets } from '../platform/system.ts';
import { buildApp, storedMonitoring } from '../server/app.ts';
import { openRuntime } from './context.ts';

/** One JSON line per event on stdout (what a log shipper — and the cluster test — reads). */
function eventLog(): {
  logger: ReturnType<typeof createLogger>;
  logLine: (e: Record<string, unknown>) => void;
} {
  const logger = createLogger();
  return { logger, logLine: (e) => logger.info(e) };
}

function requirePostgres(config: Readonly<Config>): void {
  if (!/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new Error('The distributed mode stores in PostgreSQL: set DATABASE_URL=postgres://…');
  }
}

/**
 * The distributed mode's processes (docs/deploy.md): `worker` judges and stores, `gateway` takes data
 * in (HTTP, MQTT, the inbox) onto JetStream and serves the API, `api` serves the API only. Gateways and
 * API servers hold no monitoring state: they read PostgreSQL and hear the live feed from NATS.
 */
export function registerClusterCommands(program: Command, repoRoot: string): void {
  program
    .command('worker')
    .description(
      'Distributed mode: consume partitions of the JetStream stream, judge alarms, store to PostgreSQL',
    )
    .action(async () => {
      const config = loadConfig(process.env);
      requirePostgres(config);
      const rt = await openRuntime(config);
      const { logLine } = eventLog();
      const worker = await startWorker({
        name: config.workerName ?? `${hostname()}-${process.pid}`,
        database: rt.database,
        databaseUrl: config.databaseUrl,
        ports: rt.ports,
        natsUrl: config.natsUrl,
        names: clusterNames(config.natsPrefix, config.partitions),
        pointCapacity: config.pointCapacity,
        escalationMinutes: config.alarmEscalationMinutes,
        log: logLine,
        onFatal: () => process.exit(1), // crash-only: a supervisor restarts it, the others cover meanwhile
      });
      const close = async () => {
        await worker.stop();
        await rt.database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
    });

  for (const kind of ['gateway', 'api'] as const) {
    program
      .command(kind)
      .description(
        kind === 'gateway'
          ? 'Distributed mode: the ingestion doors (HTTP, MQTT, inbox) onto JetStream, and the API and web UI'
          : 'Distributed mode: a stateless API and web UI server over PostgreSQL, live feed from NATS',
      )
      .action(async () => {
        const config = loadConfig(process.env);
        requirePostgres(config);
        const rt = await openRuntime(config);
        const { logger, logLine } = eventLog();
        const names = clusterNames(config.natsPrefix, config.partitions);
        const nats = await connectCluster(config.natsUrl, `redline-${kind}-${hostname()}-${process.pid}`);
        await ensureInStream(nats.jsm, names);
        const directory = new MineDirectory(rt.ports.mines);
        await directory.start();
        const sink = new JetStreamSink({ js: nats.js, names, directory });
        const commands = new NatsCommands({ nc: nats.nc, names, directory, sink });
        const hub = new LiveHub();
        const liveIn = startLiveIn(nats.nc, names, hub);
        const doors =
          kind === 'gateway'
            ? startIngestAdapters({
                runtime: sink,
                ports: rt.ports,
                mqttUrl: config.mqttUrl,
                mqttClientId: config.mqttClientId,
                mqttCredentials: config.mqttCredentials,
                inboxDir: config.inboxDir,
                log: {
                  info: (m) => logLine({ event: 'mqtt', level: 'info', message: m }),
                  warn: (m) => logLine({ event: 'mqtt', level: 'warn', message: m }),
                  error: (m) => logLine({ event: 'mqtt', level: 'error', message: m }),
                },
              })
            : null;
        const monitoring = storedMonitoring({ ports: rt.ports, commands, hub, sink });
        // A mine changed through this server reaches the worker that owns it (ADR 0010).
        const ports = withMineChanged(rt.ports, monitoring.view);
        const jobs = runJobs(
          periodicJobs({ ports, db: rt.database.db, view: monitoring.view, config, log: logger }),
          advisoryLockLeadership({ databaseUrl: config.databaseUrl, log: logger }),
          logger,
        );
        const app = await buildApp({
          ports,
          hasher: argon2Hasher,
          secrets: cryptoSecrets,
          config,
          webRoot: resolve(repoRoot, 'web/dist'),
          logger: { level: config.logLevel },
          monitoring,
          evidenceDir: join(config.dataDir, 'evidence'),
        });
        const close = async (exitCode = 0) => {
          await doors?.close();
          await jobs.close();
          await app.close();
          liveIn.close();
          directory.stop();
          await nats.close();
          await rt.database.close();
          process.exit(exitCode);
        };
        process.once('SIGINT', () => void close());
        process.once('SIGTERM', () => void close());
        let address: string;
        try {
          address = await app.listen({ port: config.port, host: config.host });
        } catch (e) {
          // Cannot take the port: stop everything and exit non-zero instead of lingering (issue 13).
          logLine({ event: `${kind}.listen_failed`, error: e instanceof Error ? e.message : String(e) });
          await close(1);
          return;
        }
        logLine({
          event: `${kind}.listening`,
          url: address,
          stream: names.stream,
          partitions: names.partitions,
        });
      });
  }
}
