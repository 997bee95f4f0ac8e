import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createMonitoringRuntime, withMineChanged } from '../../src/monitoring/monitoring-wiring.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring, type AppDeps } from '../../src/server/app.ts';
import { standIn, useFixture } from './suite-fixture.ts';
import { asSession, loginAs, type Session, type World } from './world.ts';

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

export interface MonitoredSuite extends MonitoredApp {
  /** Session headers of one of the suite's logged-in users. */
  as: (username: string) => Record<string, string>;
  /** Logs `username` in again (after the clock has moved past a session's life). */
  login: (username: string) => Promise<void>;
  get: (url: string, username: string) => Promise<LightMyRequestResponse>;
  post: (url: string, username: string, payload: unknown) => Promise<LightMyRequestResponse>;
}

/**
 * The monitored app of a describe block over its world (`useWorld`): started and its `users` logged in
 * before the tests, closed after them. `app` and `runtime` stand in for the started ones.
 */
export function useMonitoredApp(
  world: World,
  options: { users: readonly string[]; sessionTtlMs?: number } & Pick<AppDeps, 'exportRowCap'>,
): MonitoredSuite {
  const { users, sessionTtlMs, ...appOptions } = options;
  const sessions = new Map<string, Session>();
  const started = useFixture(
    async () => {
      const m = await startMonitoredApp(world, sessionTtlMs, appOptions);
      for (const u of users) sessions.set(u, await loginAs(m.app, u));
      return m;
    },
    (m) => m.app.close(),
  );
  const as = (username: string) => {
    const s = sessions.get(username);
    if (!s) throw new Error(`${username} is not logged in`);
    return asSession(s);
  };
  return {
    app: standIn(() => started.app),
    runtime: standIn(() => started.runtime),
    send: (f) => started.send(f),
    as,
    login: async (username) => {
      sessions.set(username, await loginAs(started.app, username));
    },
    get: (url, username) => started.app.inject({ url, headers: as(username) }),
    post: (url, username, payload) =>
      started.app.inject({ method: 'POST', url, headers: as(username), payload: payload as object }),
  };
}
