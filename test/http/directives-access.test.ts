import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';
import { DIRECTIVES_WALKED_ROUTES } from './route-walks/directives.ts';
import { walkRoleScopeCells, type RoleScopeWalk } from './route-walk-kit.ts';

/**
 * Every directives route × every demo user × (a notice to a mine in `county`'s county, one to a mine in
 * `county2`'s): 401 without a session, 403 without the permission, 404 outside the scope, else the business
 * answer. The read-back walk runs before the reply walk, so each officer replies to a notice it has read.
 */
const world = await createWorld();
const province = indexProvince(world);
const targets = [province.mineOf('officer'), province.mineOf('officer2')] as const;
const notices = new Map<string, string>();
const deadline = () => new Date(world.clock.nowMs() + 86_400_000).toISOString();

const WALKS: readonly RoleScopeWalk[] = [
  {
    key: 'GET /api/directives',
    permission: 'directive.read',
    by: 'none',
    ok: [200],
    request: () => ({ method: 'GET', url: '/api/directives' }),
  },
  {
    key: 'POST /api/directives',
    permission: 'directive.issue',
    by: 'mine',
    ok: [201],
    request: (t) => ({
      method: 'POST',
      url: '/api/directives',
      payload: {
        kind: 'directive',
        title: 'walk',
        body: 'walk body',
        deadline: deadline(),
        isReplyRequired: true,
        mineIds: [t.id],
      },
    }),
  },
  {
    key: 'GET /api/directives/:id',
    permission: 'directive.read',
    by: 'mine',
    ok: [200],
    request: (t) => ({ method: 'GET', url: `/api/directives/${notices.get(t.id)}` }),
  },
  {
    key: 'POST /api/directives/:id/read',
    permission: 'directive.acknowledge',
    by: 'mine',
    ok: [200],
    request: (t) => ({ method: 'POST', url: `/api/directives/${notices.get(t.id)}/read` }),
  },
  {
    key: 'POST /api/directives/:id/reply',
    permission: 'directive.acknowledge',
    by: 'mine',
    ok: [200],
    request: (t) => ({
      method: 'POST',
      url: `/api/directives/${notices.get(t.id)}/reply`,
      payload: { text: '已自查' },
    }),
  },
  {
    key: 'POST /api/directives/:id/visit-requests',
    permission: 'directive.visit',
    by: 'mine',
    ok: [200],
    request: (t) => ({
      method: 'POST',
      url: `/api/directives/${notices.get(t.id)}/visit-requests`,
      payload: {},
    }),
  },
];

describe('directives routes: role × scope', () => {
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
        url: '/api/directives',
        headers: boss,
        payload: {
          kind: 'accident_warning',
          title: `fixture ${t.id}`,
          body: 'fixture',
          causeSummary: 'fixture cause',
          deadline: deadline(),
          isReplyRequired: true,
          mineIds: [t.id],
        },
      });
      if (res.statusCode !== 201) throw new Error(`fixture: ${res.body}`);
      notices.set(t.id, res.json<{ directive: { id: string } }>().directive.id);
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the authorization matrix counts as covered', () => {
    expect(WALKS.map((w) => w.key)).toEqual([...DIRECTIVES_WALKED_ROUTES]);
  });

  walkRoleScopeCells({
    walks: WALKS,
    targets,
    users: world.province.users,
    seesMine: (user, t) => province.seesMine(user, t),
    app: () => app,
    session: (username) => sessions.get(username)!,
  });

  it('lists show only the notices that reach the scope', async () => {
    for (const user of world.province.users) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/directives',
        headers: asSession(sessions.get(user.username)!),
      });
      const ids = res.json<{ directives: Array<{ id: string }> }>().directives.map((d) => d.id);
      for (const t of targets)
        expect(ids.includes(notices.get(t.id)!), `${user.username} ${t.id}`).toBe(province.seesMine(user, t));
    }
  });
});
