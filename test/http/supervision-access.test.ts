import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import { createPlan, decidePlan } from '../../src/core/supervision/plan-use-cases.ts';
import { recordVisit } from '../../src/core/supervision/visit-use-cases.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { buildTestApp, createWorld, asSession, type Session } from '../support/world.ts';
import { errorOf, indexProvince, loginAll } from './http-kit.ts';
import { SUPERVISION_WALKED_ROUTES } from './route-walks/supervision.ts';

/**
 * The supervision rows of the authorization matrix: every supervision route × every demo user × a
 * target in `county`'s county (A) and one in `county2`'s (B). The expected answer is derived from
 * ROLE_PERMISSIONS and the user's scope: no session → 401; role lacks the permission → 403 FORBIDDEN;
 * target outside the scope → 404 (body never names the mine); otherwise the route's 2xx.
 */
const world = await createWorld();
const province = indexProvince(world);
const mineA = province.mineOf('officer');
const mineB = province.mineOf('officer2');
const TARGETS = [
  { label: 'A', mine: mineA },
  { label: 'B', mine: mineB },
] as const;
type Target = (typeof TARGETS)[number];

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
const visitorOf = async (t: Target) => world.principal(t.label === 'A' ? 'leader' : 'leader2');
const groupOf = (t: Target) => (t.label === 'A' ? province.user('group') : null);

/** The mine's own officer drafts and submits, so no walked regulator is the plan's author (separation of duties). */
async function resetPlan(mine: DemoMine, state: 'none' | 'draft' | 'submitted') {
  await world.ports.supervision.deletePlan(mine.id);
  if (state === 'none') return;
  const author = await world.principal(mine.id === province.mineOf('officer').id ? 'officer' : 'officer2');
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Walk {
  permission: Permission;
  /** 'mine': the user must see the mine; 'region': the user must see the mine's county region. */
  scope: 'mine' | 'region';
  ok: number;
  notFoundCode: string;
  /** Puts the target in the state the allowed call needs; returns the url and body. */
  prepare(t: Target): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

const m = (t: Target) => `/api/supervision/mines/${t.mine.id}`;
const region = (t: Target) => t.mine.regionId;

const WALKS: Record<string, Walk> = {
  'GET /api/supervision/coverage': {
    permission: 'supervision.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/supervision/coverage?regionId=${region(t)}` }),
  },
  'GET /api/supervision/coverage.csv': {
    permission: 'supervision.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/supervision/coverage.csv?regionId=${region(t)}` }),
  },
  'GET /api/supervision/kpi': {
    permission: 'supervision.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/supervision/kpi?regionId=${region(t)}&leaderDays=30&groupDays=14` }),
  },
  'GET /api/supervision/mines/:mineId': {
    permission: 'supervision.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({ url: m(t) }),
  },
  'GET /api/supervision/mines/:mineId/candidates': {
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({ url: `${m(t)}/candidates` }),
  },
  'POST /api/supervision/mines/:mineId/plan': {
    permission: 'supervision.plan.write',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'none');
      return { url: `${m(t)}/plan`, body: { documentRef: 'D-1', measures: [{ text: '加强通风' }] } };
    },
  },
  'PATCH /api/supervision/mines/:mineId/plan': {
    permission: 'supervision.plan.write',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'draft');
      return { url: `${m(t)}/plan`, body: { documentRef: 'D-2', measures: [{ text: '加强通风' }] } };
    },
  },
  'DELETE /api/supervision/mines/:mineId/plan': {
    permission: 'supervision.plan.write',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'draft');
      return { url: `${m(t)}/plan` };
    },
  },
  'POST /api/supervision/mines/:mineId/plan/submit': {
    permission: 'supervision.plan.write',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'draft');
      return { url: `${m(t)}/plan/submit` };
    },
  },
  'POST /api/supervision/mines/:mineId/plan/approve': {
    permission: 'supervision.plan.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'submitted');
      return { url: `${m(t)}/plan/approve` };
    },
  },
  'POST /api/supervision/mines/:mineId/plan/return': {
    permission: 'supervision.plan.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      await resetPlan(t.mine, 'submitted');
      return { url: `${m(t)}/plan/return`, body: { reason: '措施不足' } };
    },
  },
  'POST /api/supervision/mines/:mineId/responsible': {
    permission: 'supervision.responsible.set',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: `${m(t)}/responsible`,
      body: { name: '黄强', position: '矿长', phone: '13800001234' },
    }),
  },
  'POST /api/supervision/mines/:mineId/group': {
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      const id = (await world.principal(groupOf(t)?.username ?? 'group2')).userId;
      return { url: `${m(t)}/group`, body: { leaderUserId: id, memberUserIds: [id] } };
    },
  },
  'POST /api/supervision/mines/:mineId/leader': {
    permission: 'supervision.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => ({ url: `${m(t)}/leader`, body: { userId: (await visitorOf(t)).userId } }),
  },
  'POST /api/supervision/visits': {
    permission: 'supervision.visit.record',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/supervision/visits',
      body: {
        mineId: t.mine.id,
        startedAt: '2026-12-04T08:00:00+08:00',
        endedAt: '2026-12-04T10:30:00+08:00',
        wentToSite: true,
        wentUnderground: true,
        checklist: [{ item: '瓦斯', result: 'ok' }],
      },
    }),
  },
  'GET /api/supervision/visits': {
    permission: 'supervision.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({ url: `/api/supervision/visits?mineId=${t.mine.id}` }),
  },
  'GET /api/supervision/visits/:id': {
    permission: 'supervision.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'SUPERVISION_VISIT_NOT_FOUND',
    prepare: async (t) => ({ url: `/api/supervision/visits/${(await newVisit(t, false)).id}` }),
  },
  'POST /api/supervision/findings/:id/hazard': {
    permission: 'supervision.finding.report',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'SUPERVISION_FINDING_NOT_FOUND',
    prepare: async (t) => ({
      url: `/api/supervision/findings/${(await newVisit(t, true)).findings[0]!.id}/hazard`,
    }),
  },
};

function sees(user: DemoUserSpec, walk: Walk, t: Target): boolean {
  if (walk.scope === 'mine') return province.seesMine(user, t.mine);
  return province.seesRegion(user, province.region(t.mine.regionId));
}

let app: FastifyInstance;
let sessions: Map<string, Session>;
beforeAll(async () => {
  app = await buildTestApp(world);
  sessions = await loginAll(
    app,
    world.province.users.map((u) => u.username),
  );
});
afterAll(async () => {
  await app.close();
  await world.dispose();
});

describe('supervision routes: role × scope', () => {
  it('walks exactly the routes listed for the authorization matrix', () => {
    expect(Object.keys(WALKS)).toEqual([...SUPERVISION_WALKED_ROUTES]);
    for (const key of SUPERVISION_WALKED_ROUTES) {
      const [method, url] = key.split(' ') as [Method, string];
      expect(app.hasRoute({ method, url }), key).toBe(true);
    }
  });

  for (const [key, walk] of Object.entries(WALKS)) {
    const [method, path] = key.split(' ') as [Method, string];
    it(`${key}: no session → 401`, async () => {
      const { url, body } = await walk.prepare(TARGETS[0]);
      const res = await app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      expect(res.statusCode).toBe(401);
    });
    for (const user of world.province.users) {
      for (const t of TARGETS) {
        const allowedRole = ROLE_PERMISSIONS[walk.permission].includes(user.role);
        const inScope = sees(user, walk, t);
        const expected = !allowedRole ? 403 : !inScope ? 404 : walk.ok;
        it(`${key} ${user.username} (${user.role}) on ${t.label} → ${expected}`, async () => {
          const { url, body } = await walk.prepare(t);
          const res = await app.inject({
            method,
            url,
            headers: asSession(sessions.get(user.username)!),
            ...(body === undefined ? {} : { payload: body as object }),
          });
          expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(expected);
          if (expected === 403) expect(errorOf(res).code).toBe('FORBIDDEN');
          if (expected === 404) {
            expect(errorOf(res).code).toBe(walk.notFoundCode);
            expect(res.body).not.toContain(t.mine.name);
          }
        });
      }
    }
  }
});
