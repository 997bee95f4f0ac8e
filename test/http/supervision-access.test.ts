import { expect, it } from 'vitest';
import { createPlan, decidePlan } from '../../src/core/supervision/plan-use-cases.ts';
import { recordVisit } from '../../src/core/supervision/visit-use-cases.ts';
import { createAccessKit, routeWalk, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { SUPERVISION_WALKED_ROUTES } from './route-walks.ts';

/**
 * The supervision rows of the authorization matrix: every supervision route × every demo user × targets
 * A and B (test/support/access-walk.ts).
 */
const world = await createWorld();
const kit = createAccessKit(world);
const { province } = kit;
type Target = WalkTarget;

// A leader and a group member in county2's county, so that assignments on B can succeed.
const county2Region = province.user('county2').scope;
for (const [username, role] of [
  ['leader2', 'leader'],
  ['group2', 'group_member'],
] as const) {
  await world.ports.users.insert({
    id: `user-${username}`,
    username,
    displayName: `${username} (test)`,
    role,
    scope: county2Region,
    disabled: false,
    createdAt: world.clock.nowIso(),
    passwordHash: 'not-a-login',
  });
}
// Leaders and group members see only their assigned mines: leader2 and group2 supervise B.
const assignedB = { assignedBy: 'system:test', assignedByName: 'test', assignedAt: world.clock.nowIso() };
const mineB = province.mineOf('officer2');
await world.ports.supervision.saveLeader({
  mineId: mineB.id,
  userId: 'user-leader2',
  name: 'leader2',
  ...assignedB,
});
await world.ports.supervision.saveGroup({
  mineId: mineB.id,
  members: [{ userId: 'user-group2', name: 'group2', isLeader: true }],
  ...assignedB,
});
const visitorOf = async (t: Target) => world.principal(t.label === 'A' ? 'leader' : 'leader2');
const groupOf = (t: Target) => (t.label === 'A' ? province.user('group') : null);

/** The mine's own officer drafts and submits, so no walked regulator is the plan's author (separation of duties). */
async function resetPlan({ mine, officer }: Target, state: 'none' | 'draft' | 'submitted') {
  await world.ports.supervision.deletePlan(mine.id);
  if (state === 'none') return;
  const author = await world.principal(officer);
  await createPlan(world.ports, author, mine.id, {
    documentRef: 'walk',
    measures: [{ text: 'measure' }],
  });
  if (state === 'submitted') await decidePlan(world.ports, author, mine.id, 'submit');
}

async function newVisit(t: Target, withFinding: boolean) {
  return recordVisit(world.ports, await visitorOf(t), {
    mineId: t.mine.id,
    startedAt: '2026-12-04T01:00:00Z',
    endedAt: '2026-12-04T02:00:00Z',
    wentToSite: true,
    wentUnderground: false,
    checklist: [{ item: '通风', result: 'ok' }],
    findings: withFinding ? [{ title: '风门损坏', description: '二号风门关不严', grade: 'general' }] : [],
  });
}

const m = (t: Target) => `/api/supervision/mines/${t.mine.id}`;
const region = (t: Target) => t.mine.regionId;

/** A walk of the plan routes: the plan is first put in `state` (author: the mine's own officer). */
const planWalk = (
  method: 'POST' | 'PATCH' | 'DELETE',
  path: '' | '/submit' | '/approve' | '/return',
  state: 'none' | 'draft' | 'submitted',
  ok: number,
  payload?: object,
): AccessWalk => ({
  key: `${method} /api/supervision/mines/:mineId/plan${path}`,
  permission:
    path === '/approve' || path === '/return' ? 'supervision.plan.approve' : 'supervision.plan.write',
  scope: 'mine',
  ok,
  notFoundCode: 'MINE_NOT_FOUND',
  call: async (t) => {
    await resetPlan(t, state);
    return { url: `${m(t)}/plan${path}`, payload };
  },
});

/** A region-filtered route: the target's county in the query; a county out of scope is not found. */
const inRegion = { query: 'region', notFoundCode: 'REGION_NOT_FOUND' } as const;

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/supervision/coverage', 'supervision.read', 'region', 200, inRegion),
  routeWalk('GET /api/supervision/coverage.csv', 'supervision.read', 'region', 200, inRegion),
  routeWalk('GET /api/supervision/kpi', 'supervision.read', 'region', 200, {
    query: (t) => `regionId=${region(t)}&leaderDays=30&groupDays=14`,
    notFoundCode: 'REGION_NOT_FOUND',
  }),
  {
    key: 'GET /api/supervision/mines/:mineId',
    permission: 'supervision.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({ url: m(t) }),
  },
  {
    key: 'GET /api/supervision/mines/:mineId/candidates',
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({ url: `${m(t)}/candidates` }),
  },
  planWalk('POST', '', 'none', 201, { documentRef: 'D-1', measures: [{ text: '加强通风' }] }),
  planWalk('PATCH', '', 'draft', 200, { documentRef: 'D-2', measures: [{ text: '加强通风' }] }),
  planWalk('DELETE', '', 'draft', 200),
  planWalk('POST', '/submit', 'draft', 200),
  planWalk('POST', '/approve', 'submitted', 200),
  planWalk('POST', '/return', 'submitted', 200, { reason: '措施不足' }),
  {
    key: 'POST /api/supervision/mines/:mineId/responsible',
    permission: 'supervision.responsible.set',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: `${m(t)}/responsible`,
      payload: { name: '黄强', position: '矿长', phone: '13800001234' },
    }),
  },
  {
    key: 'POST /api/supervision/mines/:mineId/group',
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: async (t) => {
      const id = (await world.principal(groupOf(t)?.username ?? 'group2')).userId;
      return { url: `${m(t)}/group`, payload: { leaderUserId: id, memberUserIds: [id] } };
    },
  },
  {
    key: 'POST /api/supervision/mines/:mineId/leader',
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: async (t) => ({ url: `${m(t)}/leader`, payload: { userId: (await visitorOf(t)).userId } }),
  },
  routeWalk('POST /api/supervision/visits', 'supervision.visit.record', 'mine', 201, {
    payload: (t) => ({
      mineId: t.mine.id,
      startedAt: '2026-12-04T08:00:00+08:00',
      endedAt: '2026-12-04T10:30:00+08:00',
      wentToSite: true,
      wentUnderground: true,
      checklist: [{ item: '瓦斯', result: 'ok' }],
    }),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('GET /api/supervision/visits', 'supervision.read', 'mine', 200, {
    query: (t) => `mineId=${t.mine.id}`,
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('GET /api/supervision/visits/:id', 'supervision.read', 'mine', 200, {
    params: { id: async (t) => (await newVisit(t, false)).id },
    notFoundCode: 'SUPERVISION_VISIT_NOT_FOUND',
  }),
  routeWalk('POST /api/supervision/findings/:id/hazard', 'supervision.finding.report', 'mine', 201, {
    params: { id: async (t) => (await newVisit(t, true)).findings[0]!.id },
    notFoundCode: 'SUPERVISION_FINDING_NOT_FOUND',
  }),
  {
    key: 'GET /api/supervision/mines/:mineId/leader-shifts',
    permission: 'supervision.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({ url: `${m(t)}/leader-shifts` }),
  },
  {
    // The card's user (a group member in the target's county) must lie in a region that meets the regulator's.
    key: 'POST /api/supervision/users/:userId/card',
    permission: 'supervision.assign',
    scope: 'region',
    ok: 200,
    notFoundCode: 'SUPERVISION_CARD_USER_NOT_FOUND',
    call: async (t) => ({
      url: `/api/supervision/users/${(await world.principal(t.label === 'A' ? 'group' : 'group2')).userId}/card`,
      payload: { cardCode: `CARD-${t.label}` },
    }),
  },
  routeWalk('GET /api/supervision/bulk-candidates', 'supervision.assign', 'none', 200),
  {
    // Out-of-scope mines are refused per mine inside a 200 (checked below), so the walk is scope-less.
    key: 'POST /api/supervision/bulk-assignments',
    permission: 'supervision.assign',
    scope: 'none',
    ok: 200,
    call: async () => ({
      url: '/api/supervision/bulk-assignments',
      payload: { mineIds: [kit.targets[0].mine.id], leaderUserId: (await world.principal('leader')).userId },
    }),
  },
];

kit.walk({
  module: 'supervision',
  walks: WALKS,
  walkedRoutes: SUPERVISION_WALKED_ROUTES,
  more: () => {
    it("a bulk assignment refuses, mine by mine, what lies outside the regulator's county, and changes nothing there", async () => {
      const [a, b] = kit.targets;
      const before = await world.ports.supervision.getLeader(b.mine.id);
      const leader = (await world.principal('leader')).userId;
      const res = await kit.app.inject({
        method: 'POST',
        url: '/api/supervision/bulk-assignments',
        headers: kit.as('county'),
        payload: { mineIds: [a.mine.id, b.mine.id], leaderUserId: leader },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        done: 1,
        refused: 1,
        mines: [
          { mineId: a.mine.id, parts: [{ part: 'leader', ok: true, code: null }] },
          { mineId: b.mine.id, parts: [{ part: 'leader', ok: false, code: 'MINE_NOT_FOUND' }] },
        ],
      });
      expect(res.body).not.toContain(b.mine.name);
      expect(await world.ports.supervision.getLeader(b.mine.id)).toEqual(before);
    });
  },
});
