import type { FastifyInstance } from 'fastify';
import { createMonitoringRuntime, withMineChanged } from '../../src/monitoring/monitoring-wiring.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring, type AppDeps } from '../../src/server/app.ts';
import type { World } from './world.ts';

export interface MonitoredApp {
  runtime: MonitoringRuntime;
  app: FastifyInstance;
  /** Sends a national upload file through the real ingest path; resolves with its outcome. */
  send: (f: { name: string; text: string }) => ReturnType<typeof ingestUploadFile>;
}

/**
 * The app of `world` with the monitoring pipeline running in-process (the embedded mode), as `serve`
 * wires it: for tests that send national files and read the outcome over HTTP.
 */
export async function startMonitoredApp(
  world: World,
  sessionTtlMs = 3_600_000,
  options: Pick<AppDeps, 'exportRowCap'> = {},
): Promise<MonitoredApp> {
  const m = createMonitoringRuntime(world.database, world.ports);
  await m.runtime.start();
  const monitoring = embeddedMonitoring(m.runtime, m.hub);
  const app = await buildApp({
    ports: withMineChanged(world.ports, monitoring.view),
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs, cookieSecure: false },
    monitoring,
    ...options,
  });
  const enc = new TextEncoder();
  return {
    runtime: m.runtime,
    app,
    send: (f) =>
      ingestUploadFile(
        { runtime: m.runtime, store: world.ports.monitoring, ids: world.ports.ids, clock: world.clock },
        f.name,
        enc.encode(f.text),
      ),
  };
}
