import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/core/access/permissions.ts';
import type { Role } from '../../src/core/access/types.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';
import { ORDERS_WALKED_ROUTES } from './route-walks/orders.ts';

/**
 * Every orders route × every demo user × (a target in `county`'s county, one in `county2`'s): 401
 * without a session, 403 without the permission, 404 outside the scope, else the business answer.
 * Mutations whose second call meets a changed state (an application already pending or decided)
 * accept that state's 409 as the in-scope answer: it proves the call got past permission and scope.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')] as const;
const regionOf = (m: (typeof targets)[number]) => province.region(m.regionId);

interface Fixture {
  order: string;
  resumption: string;
  campaign: string;
}
const fx = new Map<string, Fixture>();
let serial = 0;

const signItem = (role: Role) =>
  role === 'leader'
    ? 'leader_signoff'
    : role === 'group_member'
      ? 'group_inspection'
      : role === 'mine_safety_bureau'
        ? 'bureau_review'
        : 'department_head';

interface Walk {
  key: string;
  permission: Permission;
  /** 'none': no target, everyone in scope; 'mine' / 'region': judged by the target's mine or region. */
  by: 'none' | 'mine' | 'region';
  ok: readonly number[];
  request(
    t: (typeof targets)[number],
    f: Fixture,
    role: Role,
  ): { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
}

const WALKS: readonly Walk[] = [
  {
    key: 'GET /api/orders',
    permission: 'order.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/orders' }),
  },
  {
    key: 'POST /api/orders/preview',
    permission: 'order.issue',
    by: 'mine',
    ok: [200],
    request: (t) => ({
      method: 'POST',
      url: '/api/orders/preview',
      payload: { number: 'P-1', kind: 'suspend_mine', legalBasis: 'art 48', reason: 'walk', mineIds: [t.id] },
    }),
  },
  {
    key: 'POST /api/orders',
    permission: 'order.issue',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/orders',
      payload: {
        number: `W-${++serial}`,
        kind: 'lift',
        legalBasis: 'art 48',
        reason: 'walk',
        mineIds: [t.id],
      },
    }),
  },
  {
    key: 'GET /api/orders/gas-control-violations',
    permission: 'order.read',
    by: 'region',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/orders/gas-control-violations?regionId=${t.regionId}` }),
  },
  {
    key: 'GET /api/orders/:id',
    permission: 'order.read',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/orders/${f.order}` }),
  },
  {
    key: 'POST /api/orders/:id/notice',
    permission: 'order.issue',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/orders/${f.order}/notice`,
      payload: { noticeDate: '2026-12-05', noticeRef: 'N-1' },
    }),
  },
  {
    key: 'GET /api/orders/resumptions',
    permission: 'order.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/orders/resumptions' }),
  },
  {
    key: 'POST /api/orders/resumptions',
    permission: 'resumption.apply',
    by: 'mine',
    ok: [409],
    request: (t) => ({ method: 'POST', url: '/api/orders/resumptions', payload: { mineId: t.id } }),
  },
  {
    key: 'GET /api/orders/resumptions/:id',
    permission: 'order.read',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/orders/resumptions/${f.resumption}` }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/sign-offs',
    permission: 'resumption.sign',
    by: 'mine',
    // A step taken before its turn answers 409 RESUMPTION_STEP_OUT_OF_ORDER: past permission and scope.
    ok: [200, 409],
    request: (_t, f, role) => ({
      method: 'POST',
      url: `/api/orders/resumptions/${f.resumption}/sign-offs`,
      payload: { item: signItem(role) },
    }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/decision',
    permission: 'resumption.decide',
    by: 'mine',
    ok: [200, 409],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/orders/resumptions/${f.resumption}/decision`,
      payload: { decision: 'reject', reason: 'walk' },
    }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/notice',
    permission: 'resumption.decide',
    by: 'mine',
    ok: [200],
    request: (_t, f) => ({
      method: 'POST',
      url: `/api/orders/resumptions/${f.resumption}/notice`,
      payload: { noticeDate: '2026-12-07', noticeRef: 'N-1' },
    }),
  },
  {
    key: 'GET /api/orders/campaigns',
    permission: 'order.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/orders/campaigns' }),
  },
  {
    key: 'POST /api/orders/campaigns',
    permission: 'campaign.manage',
    by: 'region',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/orders/campaigns',
      payload: {
        name: 'walk',
        regionId: t.regionId,
        startsOn: '2026-12-01',
        endsOn: '2027-01-01',
        items: [{ text: 'check', dueOn: '2026-12-31' }],
      },
    }),
  },
  {
    key: 'GET /api/orders/campaigns/:id',
    permission: 'order.read',
    by: 'region',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/orders/campaigns/${f.campaign}` }),
  },
  {
    key: 'POST /api/orders/campaigns/:id/marks',
    permission: 'campaign.progress',
    by: 'mine',
    ok: [200],
    request: (t, f) => ({
      method: 'POST',
      url: `/api/orders/campaigns/${f.campaign}/marks`,
      payload: { mineId: t.id, itemId: 'i1', done: true },
    }),
  },
  {
    key: 'GET /api/orders/campaigns/:id/report',
    permission: 'order.read',
    by: 'region',
    ok: [200],
    request: (_t, f) => ({ method: 'GET', url: `/api/orders/campaigns/${f.campaign}/report` }),
  },
];

describe('orders routes: role × scope', () => {
  let app: FastifyInstance;
  let sessions: Map<string, Session>;

  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
    const boss = asSession(sessions.get('province')!);
    for (const [i, t] of targets.entries()) {
      const o = await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: boss,
        payload: {
          number: `FX-${i}`,
          kind: 'suspend_mine',
          legalBasis: 'art 48',
          reason: 'fixture',
          mineIds: [t.id],
        },
      });
      // The mine's own officer applies, so no walked regulator is the applicant (separation of duties).
      const officer = asSession(sessions.get(i === 0 ? 'officer' : 'officer2')!);
      const r = await app.inject({
        method: 'POST',
        url: '/api/orders/resumptions',
        headers: officer,
        payload: { mineId: t.id },
      });
      const c = await app.inject({
        method: 'POST',
        url: '/api/orders/campaigns',
        headers: boss,
        payload: {
          name: `fx ${i}`,
          regionId: t.regionId,
          startsOn: '2026-12-01',
          endsOn: '2027-01-01',
          items: [{ text: 'check', dueOn: '2026-12-31' }],
        },
      });
      if (o.statusCode !== 201 || r.statusCode !== 201 || c.statusCode !== 201)
        throw new Error(`fixtures: ${o.body} ${r.body} ${c.body}`);
      fx.set(t.id, {
        order: o.json<{ order: { id: string } }>().order.id,
        resumption: r.json<{ resumption: { id: string } }>().resumption.id,
        campaign: c.json<{ campaign: { id: string } }>().campaign.id,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the authorization matrix counts as covered', () => {
    expect(WALKS.map((w) => w.key)).toEqual([...ORDERS_WALKED_ROUTES]);
  });

  for (const w of WALKS) {
    it(`${w.key}: no session → 401`, async () => {
      const req = w.request(targets[0], { order: 'x', resumption: 'x', campaign: 'x' }, 'viewer');
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
              : province.seesRegion(user, regionOf(t));
        const expected = !allowed ? [403] : !sees ? [404] : w.ok;
        it(`${w.key} ${user.username} (${user.role}) on ${t.regionId} → ${expected.join('/')}`, async () => {
          const req = w.request(t, fx.get(t.id)!, user.role);
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

  it('lists show only what the scope covers', async () => {
    for (const user of world.province.users) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/orders',
        headers: asSession(sessions.get(user.username)!),
      });
      const ids = res.json<{ orders: Array<{ id: string }> }>().orders.map((o) => o.id);
      for (const t of targets)
        expect(ids.includes(fx.get(t.id)!.order), `${user.username} ${t.id}`).toBe(
          province.seesMine(user, t),
        );
    }
  });
});
