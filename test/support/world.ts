import type { FastifyInstance } from 'fastify';
import { principalFor, publicUser } from '../../src/core/access/authentication.ts';
import type { Principal } from '../../src/core/access/types.ts';
import type { Ports } from '../../src/core/ports.ts';
import { withMineChanged } from '../../src/monitoring/monitoring-wiring.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, type MonitoringDeps } from '../../src/server/app.ts';
import { generateDemoProvince, type DemoProvince } from '../../src/sim/demo-province.ts';
import { loadDemoProvince } from '../../src/sim/load-demo-province.ts';
import { createPorts } from '../../src/storage/create-ports.ts';
import { createTestDatabase, type EngineName, type TestDatabase } from './engines.ts';
import { createFixedClock, createSequentialIds } from './fixed-clock.ts';
import { useFixture } from './suite-fixture.ts';
import { beforeAll } from 'vitest';

/** Every demo user's password in tests. */
export const TEST_PASSWORD = 'correct-horse-battery';

export interface World {
  database: TestDatabase;
  ports: Ports;
  clock: ReturnType<typeof createFixedClock>;
  province: DemoProvince;
  principal(username: string): Promise<Principal>;
  dispose(): Promise<void>;
}

/**
 * A fresh database on `engine` holding a small demo province (real stores, fixed clock), with the demo's
 * supervision assignments unless `withoutAssignments` (for tests that make every assignment themselves).
 */
export async function createWorld(
  engine: EngineName = 'sqlite',
  mineCount = 60,
  options: { withoutAssignments?: boolean } = {},
): Promise<World> {
  const database = await createTestDatabase(engine);
  const clock = createFixedClock();
  const ports = createPorts(database.db, clock, createSequentialIds());
  const province = generateDemoProvince({ seed: 7, mineCount, now: clock.nowIso() });
  await loadDemoProvince(
    { ...ports, hasher: argon2Hasher },
    province,
    Object.fromEntries(province.users.map((u) => [u.username, TEST_PASSWORD])),
    { withoutAssignments: options.withoutAssignments ?? false },
  );
  return {
    database,
    ports,
    clock,
    province,
    async principal(username) {
      const u = await ports.users.getByUsername(username);
      if (!u) throw new Error(`no user ${username}`);
      return principalFor(ports, publicUser(u), 'session');
    },
    dispose: () => database.dispose(),
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** What a test may set of the app: monitoring, the session life, where uploaded evidence goes. */
export interface TestAppOptions {
  monitoring?: MonitoringDeps;
  sessionTtlMs?: number;
  evidenceDir?: string;
}

export async function buildTestApp(world: World, options: TestAppOptions = {}): Promise<FastifyInstance> {
  // With monitoring, a mine's change reaches it as in `serve` (the composition root wires the port).
  return buildApp({
    ports: options.monitoring ? withMineChanged(world.ports, options.monitoring.view) : world.ports,
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: options.sessionTtlMs ?? 3_600_000, cookieSecure: false },
    ...(options.monitoring ? { monitoring: options.monitoring } : {}),
    ...(options.evidenceDir ? { evidenceDir: options.evidenceDir } : {}),
  });
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'redline_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `redline_session=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

/** Headers for an authenticated request from a browser session. */
export const asSession = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/**
 * The world of a describe block: made before its tests (a fresh one before each with `each`), disposed
 * after them (test/support/suite-fixture.ts).
 */
export function useWorld(
  engine: EngineName = 'sqlite',
  mineCount = 60,
  options: { withoutAssignments?: boolean; each?: boolean } = {},
): World {
  const { each, ...worldOptions } = options;
  return useFixture(
    () => createWorld(engine, mineCount, worldOptions),
    (world) => world.dispose(),
    { each },
  );
}

/** The app over a suite's world (`useWorld`): built before its tests, closed after them. */
export function useTestApp(world: World, options: TestAppOptions = {}): FastifyInstance {
  return useFixture(
    () => buildTestApp(world, options),
    (app) => app.close(),
  );
}

/** Logs `users` in to a suite's app (`useTestApp`) before its tests; returns their session headers by name. */
export function useSessions(
  app: FastifyInstance,
  users: readonly string[],
): (username: string) => Record<string, string> {
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    for (const u of users) sessions.set(u, await loginAs(app, u));
  });
  return (username) => {
    const s = sessions.get(username);
    if (!s) throw new Error(`${username} is not logged in`);
    return asSession(s);
  };
}
