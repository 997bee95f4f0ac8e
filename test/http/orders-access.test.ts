import type { Role } from '../../src/core/access/types.ts';
import { createAccessKit, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { ORDERS_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every orders route × every demo user × targets A and B (test/support/access-walk.ts). Mutations whose
 * second call meets a changed state (an application already pending or decided) accept that state's 409
 * as the in-scope answer: it proves the call got past permission and scope.
 */
const kit = createAccessKit(await createWorld());

interface Fixture {
  order: string;
  resumption: string;
  campaign: string;
}
const fixtures = new Map<string, Fixture>();
const fx = (t: WalkTarget) => fixtures.get(t.mine.id)!;
let serial = 0;

const signItem = (role: Role) =>
  role === 'leader'
    ? 'leader_signoff'
    : role === 'group_member'
      ? 'group_inspection'
      : role === 'mine_safety_bureau'
        ? 'bureau_review'
        : 'department_head';

const campaign = (name: string, t: WalkTarget) => ({
  name,
  regionId: t.mine.regionId,
  startsOn: '2026-12-01',
  endsOn: '2027-01-01',
  items: [{ text: 'check', dueOn: '2026-12-31' }],
});

const WALKS: readonly AccessWalk[] = [
  {
    key: 'GET /api/orders',
    permission: 'order.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/orders' }),
  },
  {
    key: 'POST /api/orders/preview',
    permission: 'order.issue',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: '/api/orders/preview',
      payload: {
        number: 'P-1',
        kind: 'suspend_mine',
        legalBasis: 'art 48',
        reason: 'walk',
        mineIds: [t.mine.id],
      },
    }),
  },
  {
    key: 'POST /api/orders',
    permission: 'order.issue',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: '/api/orders',
      payload: {
        number: `W-${++serial}`,
        kind: 'lift',
        legalBasis: 'art 48',
        reason: 'walk',
        mineIds: [t.mine.id],
      },
    }),
  },
  {
    key: 'GET /api/orders/gas-control-violations',
    permission: 'order.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/orders/gas-control-violations?regionId=${t.mine.regionId}` }),
  },
  {
    key: 'GET /api/orders/:id',
    permission: 'order.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/orders/${fx(t).order}` }),
  },
  {
    key: 'POST /api/orders/:id/notice',
    permission: 'order.issue',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: `/api/orders/${fx(t).order}/notice`,
      payload: { noticeDate: '2026-12-05', noticeRef: 'N-1' },
    }),
  },
  {
    key: 'GET /api/orders/resumptions',
    permission: 'order.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/orders/resumptions' }),
  },
  {
    key: 'POST /api/orders/resumptions',
    permission: 'resumption.apply',
    scope: 'mine',
    ok: [409],
    call: (t) => ({ url: '/api/orders/resumptions', payload: { mineId: t.mine.id } }),
  },
  {
    key: 'GET /api/orders/resumptions/:id',
    permission: 'order.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/orders/resumptions/${fx(t).resumption}` }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/sign-offs',
    permission: 'resumption.sign',
    scope: 'mine',
    // A step taken before its turn answers 409 RESUMPTION_STEP_OUT_OF_ORDER: past permission and scope.
    ok: [200, 409],
    call: (t, user) => ({
      url: `/api/orders/resumptions/${fx(t).resumption}/sign-offs`,
      payload: { item: signItem(user?.role ?? 'viewer') },
    }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/decision',
    permission: 'resumption.decide',
    scope: 'mine',
    ok: [200, 409],
    call: (t) => ({
      url: `/api/orders/resumptions/${fx(t).resumption}/decision`,
      payload: { decision: 'reject', reason: 'walk' },
    }),
  },
  {
    key: 'POST /api/orders/resumptions/:id/notice',
    permission: 'resumption.decide',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: `/api/orders/resumptions/${fx(t).resumption}/notice`,
      payload: { noticeDate: '2026-12-07', noticeRef: 'N-1' },
    }),
  },
  {
    key: 'GET /api/orders/campaigns',
    permission: 'order.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/orders/campaigns' }),
  },
  {
    key: 'POST /api/orders/campaigns',
    permission: 'campaign.manage',
    scope: 'region',
    ok: [201],
    call: (t) => ({
      url: '/api/orders/campaigns',
      payload: campaign('walk', t),
    }),
  },
  {
    key: 'GET /api/orders/campaigns/:id',
    permission: 'order.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/orders/campaigns/${fx(t).campaign}` }),
  },
  {
    key: 'POST /api/orders/campaigns/:id/marks',
    permission: 'campaign.progress',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: `/api/orders/campaigns/${fx(t).campaign}/marks`,
      payload: { mineId: t.mine.id, itemId: 'i1', done: true },
    }),
  },
  {
    key: 'GET /api/orders/campaigns/:id/report',
    permission: 'order.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/orders/campaigns/${fx(t).campaign}/report` }),
  },
];

kit.walk({
  module: 'orders',
  walks: WALKS,
  walkedRoutes: ORDERS_WALKED_ROUTES,
  list: { url: '/api/orders', field: 'orders', idOf: (t) => fx(t).order },
  async setup() {
    for (const [i, t] of kit.targets.entries()) {
      const o = await kit.must<{ order: { id: string } }>('province', 'POST', {
        url: '/api/orders',
        payload: {
          number: `FX-${i}`,
          kind: 'suspend_mine',
          legalBasis: 'art 48',
          reason: 'fixture',
          mineIds: [t.mine.id],
        },
      });
      // The mine's own officer applies, so no walked regulator is the applicant (separation of duties).
      const r = await kit.must<{ resumption: { id: string } }>(t.officer, 'POST', {
        url: '/api/orders/resumptions',
        payload: { mineId: t.mine.id },
      });
      const c = await kit.must<{ campaign: { id: string } }>('province', 'POST', {
        url: '/api/orders/campaigns',
        payload: campaign(`fx ${i}`, t),
      });
      fixtures.set(t.mine.id, { order: o.order.id, resumption: r.resumption.id, campaign: c.campaign.id });
    }
  },
});
