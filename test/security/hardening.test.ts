import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { LoginThrottle } from '../../src/core/access/login-throttle.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring, type AppDeps, type ScenarioControl } from '../../src/server/app.ts';
import { asSession, createWorld, loginAs, TEST_PASSWORD, type World } from '../support/world.ts';
import { encodeGb18030, errorOf, indexProvince } from '../http/http-kit.ts';

/** Issue 13, findings 4 and 7: headers, charsets, scoped scenarios, timeouts, feeds, login limits. */

let world: World;
let monitoring: ReturnType<typeof createMonitoringRuntime>;
const apps: FastifyInstance[] = [];

/** Scenarios running on the two target mines, as the demo simulator reports them. */
const scenarios = (mineIds: string[]): ScenarioControl => ({
  available: () => [{ name: 'songzao', timeline: [] }],
  active: () => mineIds.map((mineId) => ({ name: 'songzao', mineId, mineName: mineId, startedAtMs: 0 })),
  start: () => Promise.reject(new Error('not started in this test')),
});

async function appWith(
  overrides: Partial<AppDeps> = {},
  config?: AppDeps['config'],
): Promise<FastifyInstance> {
  const province = indexProvince(world);
  const app = await buildApp({
    ports: world.ports,
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: config ?? { sessionTtlMs: 3_600_000, cookieSecure: false },
    monitoring: embeddedMonitoring(
      monitoring.runtime,
      monitoring.hub,
      scenarios([province.mineOf('officer').id, province.mineOf('officer2').id]),
    ),
    ...overrides,
  });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  world = await createWorld();
  monitoring = createMonitoringRuntime(world.database, world.ports);
  await monitoring.runtime.start();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await world.dispose();
});

describe('headers', () => {
  it('authenticated answers are no-store; CSP allows only its own origin to be called', async () => {
    const app = await appWith();
    const s = await loginAs(app, 'county');
    const res = await app.inject({ url: '/api/session', headers: asSession(s) });
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/ws:|wss:/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const docs = await app.inject({ url: '/api/docs' });
    expect(String(docs.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('HSTS when cookies are secure (COOKIE_SECURE=true)', async () => {
    const app = await appWith({}, { sessionTtlMs: 3_600_000, cookieSecure: true });
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

describe('charsets', () => {
  it('a GB18030 JSON body is decoded as GB18030; an unknown charset is refused clearly', async () => {
    const app = await appWith();
    const s = await loginAs(app, 'county');
    const mine = indexProvince(world).mineOf('officer');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${mine.id}`,
      headers: { ...asSession(s), 'content-type': 'application/json; charset=gb18030' },
      payload: Buffer.from(encodeGb18030(JSON.stringify({ operator: '黔西托管煤业公司' }))),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await world.ports.mines.get(mine.id))?.operator).toBe('黔西托管煤业公司');
    const odd = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${mine.id}`,
      headers: { ...asSession(s), 'content-type': 'application/json; charset=iso-8859-15' },
      payload: '{"operator":"x"}',
    });
    expect(odd.statusCode).toBe(400);
    expect(errorOf(odd).code).toBe('UNSUPPORTED_CHARSET');
  });
});

describe('scoped lists', () => {
  it("/api/scenarios lists running scenarios only on mines in the caller's scope", async () => {
    const app = await appWith();
    const province = indexProvince(world);
    const county = await app.inject({
      url: '/api/scenarios',
      headers: asSession(await loginAs(app, 'county')),
    });
    const ids = county.json<{ active: Array<{ mineId: string }> }>().active.map((a) => a.mineId);
    expect(ids).toEqual([province.mineOf('officer').id]);
    const all = await app.inject({
      url: '/api/scenarios',
      headers: asSession(await loginAs(app, 'province')),
    });
    expect(all.json<{ active: unknown[] }>().active).toHaveLength(2);
  });
});

describe('ingest rejections are capped', () => {
  it('50,000 bad lines: the first 100 with reasons, then the count; over 100,000 lines refused', async () => {
    const app = await appWith();
    const s = await loginAs(app, 'province');
    const send = (lines: number) =>
      app.inject({
        method: 'POST',
        url: '/api/ingest/readings',
        headers: { ...asSession(s), 'content-type': 'application/x-ndjson' },
        payload: '{}\n'.repeat(lines),
      });
    const res = await send(50_000);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ rejected: unknown[]; rejectedCount: number }>();
    expect(body.rejected).toHaveLength(100);
    expect(body.rejectedCount).toBe(50_000);
    expect(res.body.length).toBeLessThan(20_000);
    const big = await send(1_000_000);
    expect(big.statusCode).toBe(400);
    expect(errorOf(big).code).toBe('INGEST_TOO_MANY_LINES');
  });
});

describe('the login limiter', () => {
  const login = (app: FastifyInstance, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

  it("an address's failures are not wiped by another user's good login", async () => {
    const app = await appWith({
      loginThrottle: new LoginThrottle({ maxFailures: (k) => (k.startsWith('ip:') ? 3 : 100) }),
    });
    expect((await login(app, 'viewer', 'wrong-1')).statusCode).toBe(401);
    expect((await login(app, 'leader', 'wrong-2')).statusCode).toBe(401);
    expect((await login(app, 'county', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(app, 'expert', 'wrong-3')).statusCode).toBe(401);
    const refused = await login(app, 'group', 'wrong-4');
    expect(refused.statusCode).toBe(429);
  });

  it('parallel guesses cannot pass the limit; refused attempts are audited', async () => {
    const app = await appWith({ loginThrottle: new LoginThrottle({ maxFailures: 5 }) });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(app, 'officer2', `bad-${i}`)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
    await app.securityRecorder.flush();
    const audit = await world.ports.audit.search({
      kind: 'session.login_refused',
      actor: 'officer2',
      limit: 50,
    });
    expect(audit.length).toBeGreaterThan(0);
    const events = await world.ports.securityLog.search({
      kind: 'login_refused',
      actor: 'officer2',
      limit: 50,
    });
    expect(events.length).toBeGreaterThan(0);
  });
});

describe('the security log records refused requests, rate-limited', () => {
  it("a viewer's forbidden request is recorded with actor, route, target and reason; a flood is capped", async () => {
    const app = await appWith();
    const viewer = await loginAs(app, 'viewer');
    const mine = indexProvince(world).mineOf('officer');
    for (let i = 0; i < 100; i++) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/mines/${mine.id}`,
        headers: asSession(viewer),
        payload: { operator: 'x' },
      });
      expect(res.statusCode).toBe(403);
    }
    await app.securityRecorder.flush();
    const user = await world.ports.users.getByUsername('viewer');
    const events = await world.ports.securityLog.search({ actor: user!.id, kind: 'denied', limit: 500 });
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(30);
    expect(events[0]).toMatchObject({
      route: '/api/mines/:id',
      method: 'PATCH',
      status: 403,
      reason: 'FORBIDDEN',
      actorVia: 'session',
    });
    expect(events[0]!.target).toContain(mine.id);
  });
});

describe('live feeds end with their session', () => {
  const openFeed = async (app: FastifyInstance, cookie: string) => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/live`, { headers: { cookie } });
    expect(res.status, res.status === 200 ? '' : await res.text()).toBe(200);
    const reader = res.body!.getReader();
    const ended = (async () => {
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value as Uint8Array);
      }
    })();
    // Resolves once the feed is open; `ended` once the server closed it.
    return { ended };
  };

  it('logging out closes the feed at once', async () => {
    const app = await appWith();
    const s = await loginAs(app, 'county');
    const { ended } = await openFeed(app, s.cookie);
    await app.inject({ method: 'DELETE', url: '/api/session', headers: asSession(s) });
    const text = await Promise.race([ended, new Promise((r) => setTimeout(() => r('still open'), 10_000))]);
    expect(text).toContain('session-ended');
  });

  it('the feed closes when the session expires', async () => {
    const app = await appWith({}, { sessionTtlMs: 3000, cookieSecure: false });
    const s = await loginAs(app, 'county');
    const { ended } = await openFeed(app, s.cookie);
    const text = await Promise.race([ended, new Promise((r) => setTimeout(() => r('still open'), 10_000))]);
    expect(text).toContain('session-ended');
  });
});

describe('start-up', () => {
  it('serve exits non-zero when its port is taken (EADDRINUSE)', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)),
    );
    const tmp = mkdtempSync(join(tmpdir(), 'redline-bind-'));
    try {
      const main = resolve(import.meta.dirname, '../../src/cli/main.ts');
      const outcome = await promisify(execFile)(process.execPath, [main, 'serve'], {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: join(tmp, 'redline.db'),
          REDLINE_DATA_DIR: tmp,
          MQTT_URL: '',
          LOG_LEVEL: 'silent',
        },
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string; killed?: boolean }) => ({
          code: e.killed ? -1 : e.code,
          stderr: e.stderr,
        }),
      );
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
