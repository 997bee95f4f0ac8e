import { createAccessKit, routeWalk, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { orderFor } from '../orders/order-fixtures.ts';
import { createWorld } from '../support/world.ts';
import { STOPPED_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every stopped-mine route × every demo user × targets A and B (test/support/access-walk.ts), both
 * suspended by a stop order. Who may declare (the mine's officer, regulators) and who may approve
 * (regulators, never the declarer) is derived from the permission and separation-of-duties tables.
 */
const world = await createWorld();
const kit = createAccessKit(world);
const orders = kit.perTarget('/api/orders', 'order', (t) =>
  orderFor([t.mine.id], {
    number: `停产〔2026〕${t.mine.code}`,
    reason: '访问检查',
    evacuateWithinMinutes: 60,
  }),
);

const watchCrew = {
  kind: 'watch_crew',
  crewSize: 4,
  roles: ['瓦斯检查工', '主扇司机', '排水工'],
  areaCodes: ['A01'],
  systems: ['ventilation', 'drainage', 'monitoring'],
};

/** A fresh declaration of the target's own officer, for a decision cell. */
const declared = async (t: WalkTarget) =>
  (
    await kit.must<{ allowance: { id: string } }>(t.officer, 'POST', {
      url: `/api/mines/${t.mine.id}/stopped-allowances`,
      payload: watchCrew,
    })
  ).allowance.id;

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/mines/:id/stopped-allowances', 'mine.read', 'mine', [200], {
    params: { id: (t) => t.mine.id },
  }),
  routeWalk('POST /api/mines/:id/stopped-allowances', 'stopped.declare', 'mine', [201], {
    params: { id: (t) => t.mine.id },
    payload: () => watchCrew,
  }),
  routeWalk('POST /api/stopped-allowances/:id/decision', 'stopped.approve', 'mine', [200], {
    params: { id: declared },
    payload: () => ({ decision: 'approve', reason: '核实值守方案' }),
  }),
  routeWalk('GET /api/orders/:id/compliance', 'order.read', 'mine', [200], {
    params: { id: orders.idOf },
  }),
];

kit.walk({
  module: 'stopped-mine',
  walks: WALKS,
  walkedRoutes: STOPPED_WALKED_ROUTES,
  setup: orders.make,
});
