import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startDemoMonitoring, type DemoMonitoring } from '../../../src/cli/demo-monitoring.ts';
import { createMonitoringRuntime, withMineChanged } from '../../../src/monitoring/monitoring-wiring.ts';
import type { MonitoringRuntime } from '../../../src/monitoring/monitoring-runtime.ts';
import type { Ports } from '../../../src/core/ports.ts';
import { argon2Hasher, cryptoSecrets, randomIds, systemClock } from '../../../src/platform/system.ts';
import { buildApp, embeddedMonitoring, type MonitoringDeps } from '../../../src/server/app.ts';
import { generateDemoProvince, type DemoProvince } from '../../../src/sim/demo-province.ts';
import { loadDemoProvince } from '../../../src/sim/load-demo-province.ts';
import { createPorts } from '../../../src/storage/create-ports.ts';
import { createTestDatabase, type TestDatabase } from '../../support/engines.ts';
import { TEST_PASSWORD } from '../../support/world.ts';

export const WEB_ROOT = join(import.meta.dirname, '../../../web/dist');

/** The demo province's seed (the same as `serve --demo` by default). */
export const DEMO_SEED = 20201204;

export interface RunningServer {
  baseUrl: string;
  province: DemoProvince;
  app: FastifyInstance;
  /** The server's stores (to check what was persisted, e.g. the audit trail). */
  ports: Ports;
  /** The monitoring runtime and demo simulator, when started with `{ monitoring: true }`. */
  monitoring: { runtime: MonitoringRuntime; demo: DemoMonitoring; intervalMs: number } | null;
  /** What the server logged (scenario starts, simulator problems). */
  log: string[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Also run monitoring as `serve --demo` does: the runtime, its 1 s tick, and the demo simulator
   * polling every `simIntervalMs` (2 s unless told) with the scenarios.
   */
  monitoring?: boolean;
  simIntervalMs?: number;
}

/**
 * Wraps the runtime given to the simulator so that, once stopping, new work is refused and the work
 * already under way can be awaited: nothing may touch the database after it is closed.
 */
function drainable(runtime: MonitoringRuntime): {
  runtime: MonitoringRuntime;
  stopAndDrain(): Promise<void>;
} {
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const guarded = new Proxy(runtime, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Methods run on the real instance (its private fields); their promises are tracked.
      return (...args: unknown[]) => {
        if (stopping) return Promise.reject(new Error('the test server is stopping'));
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          inFlight.add(result);
          const done = () => inFlight.delete(result);
          result.then(done, done);
        }
        return result;
      };
    },
  });
  return {
    runtime: guarded,
    stopAndDrain: async () => {
      stopping = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * The real server (the same buildApp as `npm start`, real clock, real argon2) on 127.0.0.1 with a
 * random port, over a fresh database holding the full 300-mine demo province. The web UI must have
 * been built (`npm run build:web`, which `npm test` does first). With `{ monitoring: true }` the
 * monitoring runtime and the demo simulator run too, wired as in `serve --demo`.
 */
export async function startServer(mineCount = 300, options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests.');
  }
  const database: TestDatabase = await createTestDatabase('sqlite');
  const ports = createPorts(database.db, systemClock, randomIds);
  const province = generateDemoProvince({ seed: DEMO_SEED, mineCount, now: systemClock.nowIso() });
  await loadDemoProvince(
    { ...ports, hasher: argon2Hasher },
    province,
    Object.fromEntries(province.users.map((u) => [u.username, TEST_PASSWORD])),
  );

  const log: string[] = [];
  let monitoring: RunningServer['monitoring'] = null;
  let monitoringDeps: MonitoringDeps | undefined;
  let stopMonitoring = async () => {};
  if (options.monitoring === true) {
    const intervalMs = options.simIntervalMs ?? 2000;
    const { runtime, hub } = createMonitoringRuntime(database, ports);
    await runtime.start();
    const guard = drainable(runtime);
    let stopped = false;
    const ticker = setInterval(() => {
      guard.runtime.tick().catch((e: unknown) => {
        if (!stopped) log.push(`monitoring tick failed: ${e instanceof Error ? e.message : String(e)}`);
      });
    }, 1000);
    const demo = await startDemoMonitoring({
      ports,
      runtime: guard.runtime,
      seed: DEMO_SEED,
      intervalMs,
      log: (m) => {
        if (!stopped) log.push(m);
      },
    });
    monitoring = { runtime, demo, intervalMs };
    monitoringDeps = embeddedMonitoring(runtime, hub, demo.scenarios);
    stopMonitoring = async () => {
      stopped = true;
      clearInterval(ticker);
      demo.stop();
      await guard.stopAndDrain();
    };
  }

  const app = await buildApp({
    ports: monitoringDeps ? withMineChanged(ports, monitoringDeps.view) : ports,
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    webRoot: WEB_ROOT,
    monitoring: monitoringDeps,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    province,
    app,
    ports,
    monitoring,
    log,
    stop: async () => {
      // The simulator and the tick stop (and their work drains) before the app and database close.
      await stopMonitoring();
      await app.close();
      await database.dispose();
    },
  };
}
