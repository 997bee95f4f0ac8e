import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';
import { STOPPED_WALKED_ROUTES } from './route-walks/stopped.ts';
import { walkRoleScopeCells, type RoleScopeWalk } from './route-walk-kit.ts';

/**
 * Every stopped-mine route × every demo user × (the `officer`'s mine in `county`'s county, `officer2`'s in
 * `county2`'s), both suspended by a stop order: 401 without a session, 403 without the permission, 404
 * outside the scope (the body never names the mine), else the business answer. Who may declare (the mine's
 * officer, regulators) and who may approve (regulators, never the declarer) is derived from the tables.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')] as const;
type Target = (typeof targets)[number];
const orders = new Map<string, string>();
const declarer = new Map<string, string>([
  [targets[0].id, 'officer'],
  [targets[1].id, 'officer2'],
]);

const watchCrew = {
  kind: 'watch_crew',
  crewSize: 4,
  roles: ['瓦斯检查工', '主扇司机', '排水工'],
  areaCodes: ['A01'],
  systems: ['ventilation', 'drainage', 'monitoring'],
};

let app: FastifyInstance;
let sessions: Map<string, Session>;
const post = async (who: string, url: string, payload: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url, payload, headers: asSession(sessions.get(who)!) });
  if (res.statusCode >= 300) throw new Error(`set-up ${url} as ${who}: ${res.statusCode} ${res.body}`);
  return res;
};
/** A fresh declaration of the target's own officer, for a decision cell. */
const declared = async (t: Target) =>
  (await post(declarer.get(t.id)!, `/api/mines/${t.id}/stopped-allowances`, watchCrew)).json<{
    allowance: { id: string };
  }>().allowance.id;

const WALKS: readonly RoleScopeWalk[] = [
  {
    key: 'GET /api/mines/:id/stopped-allowances',
    permission: 'mine.read',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/mines/${t.id}/stopped-allowances` }),
  },
  {
    key: 'POST /api/mines/:id/stopped-allowances',
    permission: 'stopped.declare',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: `/api/mines/${t.id}/stopped-allowances`,
      payload: watchCrew,
    }),
  },
  {
    key: 'POST /api/stopped-allowances/:id/decision',
    permission: 'stopped.approve',
    ok: [200],
    request: async (t) => ({
      method: 'POST',
      url: `/api/stopped-allowances/${await declared(t)}/decision`,
      payload: { decision: 'approve', reason: '核实值守方案' },
    }),
  },
  {
    key: 'GET /api/orders/:id/compliance',
    permission: 'order.read',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/orders/${orders.get(t.id)}/compliance` }),
  },
];

describe('stopped-mine routes: role × scope', () => {
  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
    for (const t of targets) {
      const res = await post('province', '/api/orders', {
        number: `停产〔2026〕${t.code}`,
        kind: 'suspend_mine',
        legalBasis: '煤矿安全生产条例第48条',
        reason: '访问检查',
        mineIds: [t.id],
        evacuateWithinMinutes: 60,
      });
      orders.set(t.id, res.json<{ order: { id: string } }>().order.id);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the authorization matrix counts as covered', () => {
    expect(WALKS.map((w) => w.key)).toEqual([...STOPPED_WALKED_ROUTES]);
  });

  walkRoleScopeCells({
    walks: WALKS,
    targets,
    users: world.province.users,
    seesMine: (user, t) => province.seesMine(user, t),
    app: () => app,
    session: (username) => sessions.get(username)!,
  });
});
