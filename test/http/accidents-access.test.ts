import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/core/access/permissions.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';
import { ACCIDENTS_WALKED_ROUTES } from './route-walks/accidents.ts';

/**
 * Every accidents route × every demo user × (a mine in `county`'s county, one in `county2`'s): 401 without
 * a session, 403 without the permission, 404 outside the scope, else the business answer. Repeated
 * mutations that meet a changed state (the county report already recorded, the investigation already
 * extended) accept that 409: it proves the call got past permission and scope.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')] as const;
type Target = (typeof targets)[number];
const accidentOf = new Map<string, string>();
const figures = { deaths: 1, seriousInjuries: 0, minorInjuries: 2, directLossCny: 100_000 };

interface Walk {
  key: string;
  permission: Permission;
  by: 'none' | 'mine' | 'region';
  ok: readonly number[];
  request(
    t: Target,
    accidentId: string,
  ): { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
}

const WALKS: readonly Walk[] = [
  {
    key: 'GET /api/accidents',
    permission: 'accident.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/accidents' }),
  },
  {
    key: 'POST /api/accidents/grade',
    permission: 'accident.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'POST', url: '/api/accidents/grade', payload: { ...figures } }),
  },
  {
    key: 'POST /api/accidents',
    permission: 'accident.record',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/accidents',
      payload: { ...figures, mineId: t.id, occurredAt: '2026-12-04T10:00:00.000Z', type: 'walk' },
    }),
  },
  {
    key: 'GET /api/accidents/accountability',
    permission: 'accountability.read',
    by: 'region',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/accidents/accountability?regionId=${t.regionId}` }),
  },
  {
    key: 'GET /api/accidents/:id',
    permission: 'accident.read',
    by: 'mine',
    ok: [200],
    request: (_t, id) => ({ method: 'GET', url: `/api/accidents/${id}` }),
  },
  {
    key: 'GET /api/accidents/:id/preceded',
    permission: 'accident.read',
    by: 'mine',
    ok: [200],
    request: (_t, id) => ({ method: 'GET', url: `/api/accidents/${id}/preceded` }),
  },
  {
    key: 'POST /api/accidents/:id/reports',
    permission: 'accident.report',
    by: 'mine',
    ok: [200, 409],
    request: (_t, id) => ({
      method: 'POST',
      url: `/api/accidents/${id}/reports`,
      payload: { level: 'county', reportedAt: '2026-12-04T10:30:00.000Z' },
    }),
  },
  {
    key: 'POST /api/accidents/:id/investigation',
    permission: 'accident.investigate',
    by: 'mine',
    ok: [200, 409],
    request: (_t, id) => ({
      method: 'POST',
      url: `/api/accidents/${id}/investigation`,
      payload: { event: 'extend' },
    }),
  },
  {
    key: 'POST /api/accidents/:id/accountability',
    permission: 'accountability.record',
    by: 'mine',
    ok: [201],
    request: (_t, id) => ({
      method: 'POST',
      url: `/api/accidents/${id}/accountability`,
      payload: {
        personName: '张三',
        post: '矿长',
        chain: 'enterprise',
        action: 'warning',
        decidedOn: '2026-12-05',
      },
    }),
  },
  {
    key: 'POST /api/accidents/import',
    permission: 'accident.import',
    by: 'none',
    ok: [200],
    request: () => ({
      method: 'POST',
      url: '/api/accidents/import',
      payload: {
        fileName: 'walk.csv',
        csv: 'Date,Type,Killed\n2001-01-01,Explosion,5\n',
        mapping: {
          dataset: 'WALK',
          country: 'US',
          columns: { occurredOn: 'Date', type: 'Type', deaths: 'Killed' },
          dateFormat: 'yyyy-mm-dd',
        },
      },
    }),
  },
];

describe('accidents routes: role × scope', () => {
  let app: FastifyInstance;
  let sessions: Map<string, Session>;

  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
    const boss = asSession(sessions.get('province')!);
    for (const t of targets) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/accidents',
        headers: boss,
        payload: { ...figures, mineId: t.id, occurredAt: '2026-12-04T10:00:00.000Z', type: 'fixture' },
      });
      if (res.statusCode !== 201) throw new Error(`fixture: ${res.body}`);
      accidentOf.set(t.id, res.json<{ accident: { id: string } }>().accident.id);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the authorization matrix counts as covered', () => {
    expect(WALKS.map((w) => w.key)).toEqual([...ACCIDENTS_WALKED_ROUTES]);
  });

  for (const w of WALKS) {
    it(`${w.key}: no session → 401`, async () => {
      const req = w.request(targets[0], 'x');
      expect((await app.inject({ method: req.method, url: req.url, payload: req.payload })).statusCode).toBe(
        401,
      );
    });
    for (const user of world.province.users) {
      for (const t of targets) {
        const allowed = hasPermission(user.role, w.permission);
        const sees =
          w.by === 'none'
            ? true
            : w.by === 'mine'
              ? province.seesMine(user, t)
              : province.seesRegion(user, province.region(t.regionId));
        const expected = !allowed ? [403] : !sees ? [404] : w.ok;
        it(`${w.key} ${user.username} (${user.role}) on ${t.regionId} → ${expected.join('/')}`, async () => {
          const req = w.request(t, accidentOf.get(t.id)!);
          const res = await app.inject({
            method: req.method,
            url: req.url,
            payload: req.payload,
            headers: asSession(sessions.get(user.username)!),
          });
          expect(expected, res.body).toContain(res.statusCode);
          if (res.statusCode === 404) expect(res.body).not.toContain(t.name);
        });
      }
    }
  }

  it('lists show only the accidents the scope covers', async () => {
    for (const user of world.province.users) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/accidents',
        headers: asSession(sessions.get(user.username)!),
      });
      const ids = res.json<{ accidents: Array<{ id: string }> }>().accidents.map((a) => a.id);
      for (const t of targets)
        expect(ids.includes(accidentOf.get(t.id)!), `${user.username} ${t.id}`).toBe(
          province.seesMine(user, t),
        );
    }
  });
});
