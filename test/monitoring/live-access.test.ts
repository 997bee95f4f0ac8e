import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring } from '../../src/server/app.ts';
import { indexProvince, loginAll } from '../http/http-kit.ts';
import { createWorld, type Session } from '../support/world.ts';

/**
 * The live feed's row of the authorization matrix (streams never end, so `inject` cannot walk them):
 * every demo user × a mine in `county`'s county and one in `county2`'s, over a real socket.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')];

describe('GET /api/live: role × scope', () => {
  let app: FastifyInstance;
  let base: string;
  let sessions: Map<string, Session>;

  beforeAll(async () => {
    const { runtime, hub } = createMonitoringRuntime(world.database, world.ports);
    await runtime.start();
    app = await buildApp({
      ports: world.ports,
      hasher: argon2Hasher,
      secrets: cryptoSecrets,
      config: { sessionTtlMs: 3_600_000, cookieSecure: false },
      monitoring: embeddedMonitoring(runtime, hub),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  async function open(cookie: string | null, mineId: string) {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/live?mineId=${mineId}`, {
      headers: cookie ? { cookie } : {},
      signal: ctrl.signal,
    });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('event-stream') ? '' : await res.text();
    ctrl.abort();
    return { status: res.status, type, body };
  }

  it('no session → 401', async () => {
    expect((await open(null, targets[0]!.id)).status).toBe(401);
  });

  for (const user of world.province.users) {
    for (const mine of targets) {
      const seen = province.seesMine(user, mine);
      it(`${user.username} (${user.role}) on ${mine.id} → ${seen ? '200 stream' : '404'}`, async () => {
        const r = await open(sessions.get(user.username)!.cookie, mine.id);
        if (seen) {
          expect(r.status).toBe(200);
          expect(r.type).toContain('text/event-stream');
        } else {
          expect(r.status).toBe(404);
          expect(r.body).toContain('MINE_NOT_FOUND');
          expect(r.body).not.toContain(mine.name);
        }
      });
    }
  }
});
