import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assignHazard, reportHazard } from '../../src/core/hazards/hazard-use-cases.ts';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { embeddedMonitoring } from '../../src/server/app.ts';
import { GENERAL_PLAN, generalHazard } from '../hazards/hazard-fixtures.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, buildTestApp, createWorld, type Session, type World } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';

/**
 * The notification bell over HTTP: directives reaching the scope and overdue hazards, each user's own
 * read marks, and the live feed's hint — never an item or a hint from another county.
 */
interface Item {
  key: string;
  kind: string;
  ref: string;
  mineId: string | null;
  title: string | null;
  isRead: boolean;
}
interface Bell {
  unread: number;
  items: Item[];
}

const HOUR_MS = 3_600_000;

describeEachEngine('notification bell', (engine) => {
  let world: World;
  let app: FastifyInstance;
  let base: string;
  let sessions: Map<string, Session>;

  beforeAll(async () => {
    world = await createWorld(engine, 24);
    const { runtime, hub } = createMonitoringRuntime(world.database, world.ports);
    await runtime.start();
    app = await buildTestApp(world, { monitoring: embeddedMonitoring(runtime, hub) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    sessions = await loginAll(app, ['province', 'county', 'county2', 'city', 'officer', 'officer2']);
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const bell = async (user: string): Promise<Bell> => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: asSession(sessions.get(user)!),
    });
    expect(res.statusCode).toBe(200);
    return res.json<Bell>();
  };
  const markRead = (user: string, keys: string[]) =>
    app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: asSession(sessions.get(user)!),
      payload: { keys },
    });
  const regionOf = (user: string) => {
    const u = indexProvince(world).user(user);
    if (u.scope.kind !== 'region') throw new Error(`${user} is not region-scoped`);
    return u.scope.regionId;
  };
  const issueTo = async (regionId: string, title: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/directives',
      headers: asSession(sessions.get('province')!),
      payload: {
        kind: 'directive',
        title,
        body: '立即开展皮带运输系统防灭火专项排查。',
        deadline: new Date(world.clock.nowMs() + 48 * HOUR_MS).toISOString(),
        isReplyRequired: false,
        regionId,
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ directive: { id: string } }>().directive.id;
  };

  /** Opens the live feed of `user`; `events()` is what arrived so far. */
  async function listen(user: string) {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/live`, {
      headers: { cookie: sessions.get(user)!.cookie },
      signal: ctrl.signal,
    });
    expect(res.status).toBe(200);
    let text = '';
    const body = res.body as ReadableStream<Uint8Array>;
    const pump = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of body) text += decoder.decode(chunk);
      } catch {
        // aborted by close()
      }
    })();
    return {
      events: () => text,
      close: async () => {
        ctrl.abort();
        await pump;
      },
    };
  }

  it("a directive to county2's county reaches county2 and its mine, live; county and officer get nothing", async () => {
    const [feed2, feed1] = [await listen('county2'), await listen('county')];
    const id = await issueTo(regionOf('county2'), '关于皮带火灾隐患排查的紧急通知');
    await expect.poll(() => feed2.events()).toContain('event: notifications');
    // The other county's feed carries no hint (alarms may pass; the notification never does).
    await new Promise((r) => setTimeout(r, 300));
    expect(feed1.events()).not.toContain('event: notifications');
    await Promise.all([feed1.close(), feed2.close()]);

    for (const user of ['county2', 'officer2']) {
      const item = (await bell(user)).items.find((i) => i.ref === id);
      expect(item).toMatchObject({
        kind: 'directive',
        title: '关于皮带火灾隐患排查的紧急通知',
        isRead: false,
      });
    }
    for (const user of ['county', 'officer', 'city', 'province'])
      expect(JSON.stringify(await bell(user))).not.toContain(id);
  });

  it("an overdue hazard rings for its county and mine, never for another county's", async () => {
    const officer = await world.principal('officer');
    const mineId = indexProvince(world).mineOf('officer').id;
    const { hazard } = await reportHazard(
      world.ports,
      officer,
      generalHazard(mineId, { title: '铃声逾期隐患' }),
    );
    const due = new Date(world.clock.nowMs() + 24 * HOUR_MS).toISOString().slice(0, 10);
    await assignHazard(world.ports, officer, hazard.id, { ...GENERAL_PLAN, deadline: due });
    world.clock.advance(3 * 24 * HOUR_MS);
    sessions = await loginAll(app, [...sessions.keys()]); // the sessions expired meanwhile

    for (const user of ['county', 'officer', 'city', 'province']) {
      const item = (await bell(user)).items.find((i) => i.ref === hazard.id);
      expect(item).toMatchObject({ kind: 'hazard_overdue', mineId, title: '铃声逾期隐患', isRead: false });
    }
    for (const user of ['county2', 'officer2'])
      expect(JSON.stringify(await bell(user))).not.toContain(hazard.id);
  });

  it('marking read is per user and persists; the unread count goes down by one', async () => {
    const before = await bell('county');
    const item = before.items.find((i) => i.kind === 'hazard_overdue' && !i.isRead);
    expect(item).toBeDefined();
    expect((await markRead('county', [item!.key])).statusCode).toBe(204);
    const after = await bell('county');
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((i) => i.key === item!.key)?.isRead).toBe(true);
    // Marking again changes nothing; another user's mark is their own.
    expect((await markRead('county', [item!.key])).statusCode).toBe(204);
    expect((await bell('county')).unread).toBe(after.unread);
    expect((await bell('officer')).items.find((i) => i.key === item!.key)?.isRead).toBe(false);
  });

  it('refuses an empty or oversized list of keys, and answers 401 without a session', async () => {
    expect((await markRead('county', [])).statusCode).toBe(400);
    expect((await markRead('county', ['x'.repeat(201)])).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
