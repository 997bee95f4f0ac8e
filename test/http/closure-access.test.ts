import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/core/access/permissions.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';
import { CLOSURE_WALKED_ROUTES } from './route-walks/closure.ts';

/**
 * Every closure route × every demo user × (a mine in `county`'s county, one in `county2`'s): 401 without
 * a session, 403 without the permission, 404 outside the scope, else the business answer. Mutations
 * whose second call meets a changed state (a step already recorded or verified) accept that state's 409:
 * it proves the call got past permission and scope.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')] as const;
type Target = (typeof targets)[number];
const regionOf = (m: Target) => province.region(m.regionId);

interface Fixture {
  closure: string;
  case: string;
}
const fx = new Map<string, Fixture>();

interface Walk {
  key: string;
  permission: Permission;
  by: 'none' | 'mine' | 'region';
  ok: readonly number[];
  request(
    t: Target,
    f: Fixture,
  ): {
    method: 'GET' | 'POST';
    url: string;
    payload?: Record<string, unknown> | Buffer;
    headers?: Record<string, string>;
  };
}

const steps = (f: Fixture, step: string, what: string) =>
  `/api/closure/closures/${f.closure}/steps/${step}/${what}`;

const WALKS: readonly Walk[] = [
  {
    key: 'GET /api/closure/candidates',
    permission: 'closure.read',
    by: 'region',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/closure/candidates?regionId=${t.regionId}` }),
  },
  {
    key: 'POST /api/closure/policy-list',
    permission: 'closure.manage',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/closure/policy-list',
      payload: { mineId: t.id, reason: 'walk', source: 'doc 1' },
    }),
  },
  {
    key: 'GET /api/closure/targets',
    permission: 'closure.read',
    by: 'region',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/closure/targets?regionId=${t.regionId}` }),
  },
  {
    key: 'GET /api/closure/history',
    permission: 'closure.read',
    by: 'region',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/closure/history?regionId=${t.regionId}` }),
  },
  {
    key: 'POST /api/closure/targets',
    permission: 'closure.manage',
    by: 'region',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/closure/targets',
      payload: {
        regionId: t.regionId,
        deadline: '2027-12-31',
        minesToClose: 2,
        capacityToWithdrawTPerYear: 300_000,
      },
    }),
  },
  {
    key: 'GET /api/closure/closures',
    permission: 'closure.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/closure/closures' }),
  },
  {
    key: 'POST /api/closure/closures',
    permission: 'closure.manage',
    by: 'mine',
    ok: [409],
    request: (t) => ({
      method: 'POST',
      url: '/api/closure/closures',
      payload: { mineId: t.id, reason: 'walk' },
    }),
  },
  {
    key: 'GET /api/closure/closures/:id',
    permission: 'closure.read',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/closure/closures/${f.closure}` }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/record',
    permission: 'closure.step.record',
    by: 'mine',
    ok: [200, 409],
    request: (_t, f) => ({
      method: 'POST',
      url: steps(f, 'power_cut', 'record'),
      payload: { evidence: 'cut at the substation' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/file',
    permission: 'closure.step.record',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({
      method: 'POST',
      url: steps(f, 'shafts_sealed', 'file'),
      payload: Buffer.from('photo'),
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'seal.jpg' },
    }),
  },
  {
    key: 'GET /api/closure/closures/:id/steps/:step/file',
    permission: 'closure.read',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: steps(f, 'equipment_removed', 'file') }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/verify',
    permission: 'closure.step.verify',
    by: 'mine',
    ok: [200, 409],
    request: (_t, f) => ({
      method: 'POST',
      url: steps(f, 'production_stopped', 'verify'),
      payload: { note: 'seen' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/reject',
    permission: 'closure.step.verify',
    by: 'mine',
    ok: [200, 409],
    request: (_t, f) => ({
      method: 'POST',
      url: steps(f, 'licences_revoked', 'reject'),
      payload: { note: 'no document' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/transformations',
    permission: 'closure.manage',
    by: 'mine',
    ok: [201],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/closure/closures/${f.closure}/transformations`,
      payload: { what: 'farm', startedOn: '2027-01-01', jobs: 3 },
    }),
  },
  {
    key: 'GET /api/closure/mines/:mineId/ownership',
    permission: 'closure.read',
    by: 'mine',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/closure/mines/${t.id}/ownership` }),
  },
  {
    key: 'POST /api/closure/mines/:mineId/ownership',
    permission: 'ownership.record',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: `/api/closure/mines/${t.id}/ownership`,
      payload: { kind: 'trusteeship', party: 'X Co', fromDate: '2024-01-01', contractRef: 'TG-1' },
    }),
  },
  {
    key: 'GET /api/closure/cases',
    permission: 'case.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/closure/cases' }),
  },
  {
    key: 'POST /api/closure/cases',
    permission: 'case.manage',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/closure/cases',
      payload: { type: 'false_integration', mineId: t.id, summary: 'walk' },
    }),
  },
  {
    key: 'GET /api/closure/cases/:id',
    permission: 'case.read',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/closure/cases/${f.case}` }),
  },
  {
    key: 'POST /api/closure/cases/:id/evidence',
    permission: 'case.manage',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/closure/cases/${f.case}/evidence`,
      payload: { kind: 'hazard', ref: 'hz-1' },
    }),
  },
  {
    key: 'POST /api/closure/cases/:id/events',
    permission: 'case.manage',
    by: 'mine',
    ok: [200, 409],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/closure/cases/${f.case}/events`,
      payload: { event: 'investigate' },
    }),
  },
];

describe('closure routes: role × scope', () => {
  let app: FastifyInstance;
  let sessions: Map<string, Session>;

  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
    const boss = asSession(sessions.get('province')!);
    const call = async (
      method: 'GET' | 'POST',
      url: string,
      payload?: Record<string, unknown> | Buffer,
      headers?: Record<string, string>,
    ) => {
      const res = await app.inject({ method, url, payload, headers: { ...boss, ...headers } });
      if (res.statusCode >= 300) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };
    for (const [i, t] of targets.entries()) {
      const c = await call('POST', '/api/closure/closures', { mineId: t.id, reason: 'fixture' });
      const closure = c.json<{ closure: { id: string } }>().closure.id;
      // The mine's own officer records, so no walked regulator verifies a step it recorded.
      const officer = asSession(sessions.get(i === 0 ? 'officer' : 'officer2')!);
      for (const step of ['production_stopped', 'licences_revoked', 'equipment_removed', 'shafts_sealed'])
        await call(
          'POST',
          `/api/closure/closures/${closure}/steps/${step}/record`,
          { evidence: 'fixture' },
          officer,
        );
      await call(
        'POST',
        `/api/closure/closures/${closure}/steps/equipment_removed/file`,
        Buffer.from('bytes'),
        {
          'content-type': 'text/plain',
          'x-file-name': 'list.txt',
        },
      );
      const k = await call('POST', '/api/closure/cases', {
        type: 'data_tampering',
        mineId: t.id,
        summary: 'fixture',
      });
      fx.set(t.id, { closure, case: k.json<{ case: { id: string } }>().case.id });
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the authorization matrix counts as covered', () => {
    expect(WALKS.map((w) => w.key)).toEqual([...CLOSURE_WALKED_ROUTES]);
  });

  for (const w of WALKS) {
    it(`${w.key}: no session → 401`, async () => {
      const req = w.request(targets[0], { closure: 'x', case: 'x' });
      const res = await app.inject({
        method: req.method,
        url: req.url,
        payload: req.payload,
        headers: req.headers,
      });
      expect(res.statusCode).toBe(401);
    });
    for (const user of world.province.users) {
      for (const t of targets) {
        const allowed = hasPermission(user.role, w.permission);
        const sees =
          w.by === 'none'
            ? true
            : w.by === 'mine'
              ? province.seesMine(user, t)
              : province.seesRegion(user, regionOf(t));
        const expected = !allowed ? [403] : !sees ? [404] : w.ok;
        it(`${w.key} ${user.username} (${user.role}) on ${t.regionId} → ${expected.join('/')}`, async () => {
          const req = w.request(t, fx.get(t.id)!);
          const res = await app.inject({
            method: req.method,
            url: req.url,
            payload: req.payload,
            headers: { ...asSession(sessions.get(user.username)!), ...req.headers },
          });
          expect(expected, res.body).toContain(res.statusCode);
          if (res.statusCode === 404) expect(res.body).not.toContain(t.name);
        });
      }
    }
  }

  it('lists show only what the scope covers', async () => {
    for (const user of world.province.users) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/closure/closures',
        headers: asSession(sessions.get(user.username)!),
      });
      const ids = res.json<{ closures: Array<{ id: string }> }>().closures.map((c) => c.id);
      for (const t of targets)
        expect(ids.includes(fx.get(t.id)!.closure), `${user.username} ${t.id}`).toBe(
          province.seesMine(user, t),
        );
    }
  });
});
