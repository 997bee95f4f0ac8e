import type { Role } from '../../src/core/access/types.ts';
import { createAccessKit, routeWalk, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { orderFor } from '../orders/order-fixtures.ts';
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
  routeWalk('GET /api/orders', 'order.read', 'none', [200]),
  routeWalk('POST /api/orders/preview', 'order.issue', 'mine', [200], {
    payload: (t) => orderFor([t.mine.id], { number: 'P-1', legalBasis: 'art 48', reason: 'walk' }),
  }),
  routeWalk('POST /api/orders', 'order.issue', 'mine', [201], {
    payload: (t) =>
      orderFor([t.mine.id], { number: `W-${++serial}`, kind: 'lift', legalBasis: 'art 48', reason: 'walk' }),
  }),
  routeWalk('GET /api/orders/gas-control-violations', 'order.read', 'region', [200], {
    query: 'region',
  }),
  routeWalk('GET /api/orders/:id', 'order.read', 'mine', [200], { params: { id: (t) => fx(t).order } }),
  routeWalk('POST /api/orders/:id/notice', 'order.issue', 'mine', [200], {
    params: { id: (t) => fx(t).order },
    payload: () => ({ noticeDate: '2026-12-05', noticeRef: 'N-1' }),
  }),
  routeWalk('GET /api/orders/resumptions', 'order.read', 'none', [200]),
  routeWalk('POST /api/orders/resumptions', 'resumption.apply', 'mine', [409], {
    payload: (t) => ({ mineId: t.mine.id }),
  }),
  routeWalk('GET /api/orders/resumptions/:id', 'order.read', 'mine', [200], {
    params: { id: (t) => fx(t).resumption },
  }),
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
  routeWalk('POST /api/orders/resumptions/:id/decision', 'resumption.decide', 'mine', [200, 409], {
    params: { id: (t) => fx(t).resumption },
    payload: () => ({ decision: 'reject', reason: 'walk' }),
  }),
  routeWalk('POST /api/orders/resumptions/:id/notice', 'resumption.decide', 'mine', [200], {
    params: { id: (t) => fx(t).resumption },
    payload: () => ({ noticeDate: '2026-12-07', noticeRef: 'N-1' }),
  }),
  routeWalk('GET /api/orders/campaigns', 'order.read', 'none', [200]),
  routeWalk('POST /api/orders/campaigns', 'campaign.manage', 'region', [201], {
    payload: (t) => campaign('walk', t),
  }),
  routeWalk('GET /api/orders/campaigns/:id', 'order.read', 'region', [200], {
    params: { id: (t) => fx(t).campaign },
  }),
  routeWalk('POST /api/orders/campaigns/:id/marks', 'campaign.progress', 'mine', [200], {
    params: { id: (t) => fx(t).campaign },
    payload: (t) => ({ mineId: t.mine.id, itemId: 'i1', done: true }),
  }),
  routeWalk('GET /api/orders/campaigns/:id/report', 'order.read', 'region', [200], {
    params: { id: (t) => fx(t).campaign },
  }),
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
