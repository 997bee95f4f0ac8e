import type * as FastifyModule from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import { ROLES } from '../../src/core/access/types.ts';
import type { MineStatus, Region } from '../../src/core/registry/types.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { asSession, buildTestApp, createWorld, loginAs, type Session } from '../support/world.ts';
import {
  createCodeSource,
  errorOf,
  indexProvince,
  loginAll,
  mineFacts,
  toCsv,
  type Response,
} from './http-kit.ts';

/**
 * THE authorization matrix: every /api route × every demo user (all 8 roles) × a target in the
 * `county` user's county and one in `county2`'s. The expected answer of each cell is derived from
 * ROLE_PERMISSIONS and the user's scope, never written per cell:
 *   no session → 401; role lacks a permission → 403 FORBIDDEN; target outside scope → 404 (and the
 *   body never names the target); otherwise the route's 2xx, with its effect checked in the store.
 */

// Every route the app registers, recorded by an onRoute hook installed on the Fastify instance the
// moment buildApp creates it, so that no route (plugins included) is registered before the hook.
const recorded = vi.hoisted(() => [] as Array<{ method: string; url: string }>);
vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof FastifyModule>();
  const recordingFastify = ((options?: FastifyModule.FastifyServerOptions) => {
    const app = real.default(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) recorded.push({ method, url: route.url });
    });
    return app;
  }) as typeof real.default;
  return { ...real, default: recordingFastify, fastify: recordingFastify };
});

const world = await createWorld();
afterAll(() => world.dispose());
const province = indexProvince(world);
const codes = createCodeSource(world);

/** The users walked: all ten demo users, so every role is seen from both sides of the county line. */
const USERS: readonly DemoUserSpec[] = world.province.users;

interface Target {
  label: string;
  mine: DemoMine;
  region: Region;
}

// Target A: the `officer` user's mine, in the `county` user's county (990102, city 990100).
// Target B: the `officer2` user's mine, in the `county2` user's county (another city).
const mineA = province.mineOf('officer');
const mineB = province.mineOf('officer2');
const TARGETS: readonly Target[] = [
  { label: `county's county (mine ${mineA.id})`, mine: mineA, region: province.region(mineA.regionId) },
  { label: `county2's county (mine ${mineB.id})`, mine: mineB, region: province.region(mineB.regionId) },
];

/** How a route's target is scoped. `region-write` regions must lie inside a region scope. */
type ScopeKind = 'mine' | 'region-read' | 'region-write' | 'none';

interface Expected {
  status: number;
  code?: string;
  /** The action is permitted and in scope: its effect must be visible afterwards. */
  allowed: boolean;
  /** A bulk import answers 200 with the out-of-scope row rejected instead of a 404. */
  rejectedRow?: boolean;
}

interface Attempt {
  user: DemoUserSpec | null;
  target: Target | null;
  expected: Expected;
}

interface Prepared {
  url: string;
  payload?: string | Record<string, unknown>;
  headers?: Record<string, string>;
  /** Checks the store after the answer: the effect when allowed, nothing changed otherwise. */
  check?(res: Response): Promise<void> | void;
}

interface RouteSpec {
  permissions: readonly Permission[];
  scope: ScopeKind;
  okStatus: number;
  notFoundCode?: string;
  outOfScope?: 'not-found' | 'rejected-row';
  /** Text a 2xx answer must contain for the target (proof it really answered about that target). */
  reveals?(t: Target): string;
  /** For scope-less listings: text present exactly when the user can see the target. */
  visibleWhenSeen?(t: Target): string;
  /** The cell needs its own session (logout would end the shared one). */
  ownSession?: boolean;
  prepare(a: Attempt): Promise<Prepared> | Prepared;
}

const storedMine = async (id: string) => {
  const m = await world.ports.mines.get(id);
  if (!m) throw new Error(`mine ${id} vanished`);
  return m;
};

/** The next step of a lifecycle round trip, so repeated allowed transitions stay legal. */
const NEXT_EVENT: Partial<Record<MineStatus, { event: string; to: MineStatus }>> = {
  producing: { event: 'suspend', to: 'suspended' },
  suspended: { event: 'apply_resumption', to: 'resumption_review' },
  resumption_review: { event: 'approve_resumption', to: 'producing' },
  construction: { event: 'complete_construction', to: 'producing' },
};

let patchCount = 0;

const t = (a: Attempt): Target => {
  if (!a.target) throw new Error('this route needs a target');
  return a.target;
};

const MATRIX: Record<string, RouteSpec> = {
  'GET /api/session': {
    permissions: [],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/session',
      check: (res) => {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ user: { username: a.user?.username } });
      },
    }),
  },
  'DELETE /api/session': {
    permissions: [],
    scope: 'none',
    okStatus: 204,
    ownSession: true,
    prepare: () => ({ url: '/api/session' }),
  },
  'POST /api/tokens': {
    permissions: ['token.create'],
    scope: 'none',
    okStatus: 201,
    prepare: (a) => ({
      url: '/api/tokens',
      payload: { name: 'matrix upload gateway' },
      async check(res) {
        if (!a.expected.allowed) return;
        const { token } = res.json<{ token: string }>();
        const me = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
        expect(me.json()).toMatchObject({ user: { username: a.user?.username } });
      },
    }),
  },
  'GET /api/regions': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 200,
    visibleWhenSeen: (x) => x.region.name,
    prepare: () => ({ url: '/api/regions' }),
  },
  'GET /api/dashboard': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.region.name,
    prepare: (a) => ({
      url: `/api/dashboard?regionId=${t(a).region.id}`,
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ region: { id: t(a).region.id } });
      },
    }),
  },
  'GET /api/mines': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines?regionId=${t(a).region.id}&pageSize=500` }),
  },
  'POST /api/mines': {
    permissions: ['mine.create'],
    scope: 'region-write',
    okStatus: 201,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare(a) {
      const code = codes(t(a).region.id);
      return {
        url: '/api/mines',
        payload: { facts: mineFacts({ code, name: `矩阵${code.slice(-4)}煤矿`, regionId: t(a).region.id }) },
        async check() {
          const stored = await world.ports.mines.getByCode(code);
          if (a.expected.allowed) expect(stored).toMatchObject({ code, regionId: t(a).region.id });
          else expect(stored).toBeUndefined();
        },
      };
    },
  },
  'POST /api/mines/import': {
    permissions: ['mine.import'],
    scope: 'region-write',
    okStatus: 200,
    outOfScope: 'rejected-row',
    prepare(a) {
      const code = codes(t(a).region.id);
      const csv = toCsv([
        ['code', 'name', 'regionId', 'capacity', 'gasClass', 'approvedMaxUnderground'],
        [code, `导入${code.slice(-4)}煤矿`, t(a).region.id, 300000, 'low', 80],
      ]);
      return {
        url: '/api/mines/import',
        payload: csv,
        headers: { 'content-type': 'text/csv' },
        async check(res) {
          const stored = await world.ports.mines.getByCode(code);
          if (a.expected.allowed) {
            expect(res.json()).toMatchObject({ imported: 1, rejected: 0 });
            expect(stored).toMatchObject({ code, regionId: t(a).region.id });
            return;
          }
          expect(stored).toBeUndefined();
          if (a.expected.rejectedRow) {
            expect(res.json()).toMatchObject({ imported: 0, rejected: 1, results: [{ row: 2, ok: false }] });
          }
        },
      };
    },
  },
  'GET /api/mines/:id': {
    permissions: ['mine.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}` }),
  },
  'PATCH /api/mines/:id': {
    permissions: ['mine.update'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      const before = await storedMine(t(a).mine.id);
      const operator = `托管-${a.user?.username ?? 'anonymous'}-${++patchCount}`;
      return {
        url: `/api/mines/${t(a).mine.id}`,
        payload: { operator },
        async check() {
          const after = await storedMine(t(a).mine.id);
          if (a.expected.allowed) expect(after.operator).toBe(operator);
          else expect(after).toEqual(before);
        },
      };
    },
  },
  'GET /api/mines/:id/history': {
    permissions: ['mine.read', 'audit.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}/history` }),
  },
  'POST /api/mines/:id/transitions': {
    permissions: ['mine.transition'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      const before = await storedMine(t(a).mine.id);
      const next = NEXT_EVENT[before.status];
      if (!next) throw new Error(`no round-trip event from ${before.status}`);
      return {
        url: `/api/mines/${t(a).mine.id}/transitions`,
        payload: {
          event: next.event,
          reason: 'Matrix check: stop-work order 2026-07',
          basis: '示煤安〔2026〕7号',
        },
        async check() {
          const after = await storedMine(t(a).mine.id);
          if (a.expected.allowed) expect(after.status).toBe(next.to);
          else expect(after).toEqual(before);
        },
      };
    },
  },
  'GET /api/audit/verify': {
    permissions: ['audit.verify'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/audit/verify',
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ ok: true });
      },
    }),
  },
};

/** Routes anyone may call; checked separately below. */
const PUBLIC_ROUTES = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/session'];
/** The Swagger UI and its static assets. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

function inScope(kind: ScopeKind, user: DemoUserSpec, target: Target): boolean {
  switch (kind) {
    case 'none':
      return true;
    case 'mine':
      return province.seesMine(user, target.mine);
    case 'region-read':
      return province.seesRegion(user, target.region);
    case 'region-write':
      return user.scope.kind === 'region' && province.seesRegion(user, target.region);
  }
}

function expectedOutcome(spec: RouteSpec, user: DemoUserSpec, target: Target | null): Expected {
  if (spec.permissions.some((p) => !ROLE_PERMISSIONS[p].includes(user.role))) {
    return { status: 403, code: 'FORBIDDEN', allowed: false };
  }
  if (target && !inScope(spec.scope, user, target)) {
    if (spec.outOfScope === 'rejected-row') return { status: 200, allowed: false, rejectedRow: true };
    return { status: 404, code: spec.notFoundCode, allowed: false };
  }
  return { status: spec.okStatus, allowed: true };
}

let app: FastifyInstance;
let sessions: Map<string, Session>;

beforeAll(async () => {
  recorded.length = 0;
  app = await buildTestApp(world);
  await app.ready();
  sessions = await loginAll(
    app,
    USERS.map((u) => u.username),
  );
});
afterAll(() => app.close());

function splitKey(key: string): { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string } {
  const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
  return { method, path };
}

describe('the matrix describes every route', () => {
  it('records the routes the app registers', () => {
    expect(recorded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/mines', 'POST /api/mines/:id/transitions', 'GET /api/health']),
    );
  });

  it('fails for any /api route that is neither in the matrix nor public nor the docs UI', () => {
    const described = new Set([...Object.keys(MATRIX), ...PUBLIC_ROUTES]);
    const undescribed = recorded
      .filter((r) => r.url.startsWith('/api') && !isDocsRoute(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !described.has(key) && !described.has(key.replace(/^HEAD /, 'GET ')));
    expect(
      undescribed,
      'add these routes to MATRIX (or PUBLIC_ROUTES if they are meant to be public)',
    ).toEqual([]);
  });

  it('has no rows for routes that do not exist', () => {
    const registered = new Set(recorded.map((r) => `${r.method} ${r.url}`));
    const stale = [...Object.keys(MATRIX), ...PUBLIC_ROUTES].filter((k) => !registered.has(k));
    expect(stale).toEqual([]);
  });

  it('walks every role, with users on both sides of the county line', () => {
    expect(new Set(USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    expect(province.user('county').scope).toEqual({ kind: 'region', regionId: mineA.regionId });
    expect(province.user('county2').scope).toEqual({ kind: 'region', regionId: mineB.regionId });
    expect(province.region(mineA.regionId).parentId).not.toBe(province.region(mineB.regionId).parentId);
  });

  it('public routes answer without a session', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nobody', password: 'wrong-password' },
    });
    expect(login.statusCode).toBe(401);
    expect(errorOf(login).code).toBe('INVALID_CREDENTIALS');
  });
});

for (const [key, spec] of Object.entries(MATRIX)) {
  const { method } = splitKey(key);
  const targets: ReadonlyArray<Target | null> = spec.scope === 'none' ? [null] : TARGETS;

  describe(key, () => {
    it('no session → 401 NOT_AUTHENTICATED, nothing changed', async () => {
      for (const target of targets) {
        const attempt: Attempt = { user: null, target, expected: { status: 401, allowed: false } };
        const req = await spec.prepare(attempt);
        const res = await app.inject({ method, url: req.url, payload: req.payload, headers: req.headers });
        expect(res.statusCode, res.body).toBe(401);
        expect(errorOf(res).code).toBe('NOT_AUTHENTICATED');
        if (target) expect(res.body).not.toContain(target.mine.name);
        await req.check?.(res);
      }
    });

    for (const user of USERS) {
      for (const target of targets) {
        const expected = expectedOutcome(spec, user, target);
        const where = target ? ` on ${target.label}` : '';
        const title = `${user.username} (${user.role})${where} → ${expected.status}${expected.code ? ` ${expected.code}` : ''}`;
        it(title, async () => {
          const attempt: Attempt = { user, target, expected };
          const session = spec.ownSession ? await loginAs(app, user.username) : sessions.get(user.username)!;
          const req = await spec.prepare(attempt);
          const res = await app.inject({
            method,
            url: req.url,
            payload: req.payload,
            headers: { ...asSession(session), ...req.headers },
          });
          expect(res.statusCode, res.body).toBe(expected.status);
          if (expected.code) expect(errorOf(res).code).toBe(expected.code);
          if (target && !expected.allowed) expect(res.body).not.toContain(target.mine.name);
          if (target && expected.allowed && spec.reveals) expect(res.body).toContain(spec.reveals(target));
          if (spec.visibleWhenSeen && expected.allowed) {
            for (const x of TARGETS) {
              const text = spec.visibleWhenSeen(x);
              if (province.seesRegion(user, x.region)) expect(res.body).toContain(text);
              else expect(res.body).not.toContain(text);
            }
          }
          await req.check?.(res);
          if (spec.ownSession && expected.allowed) {
            const after = await app.inject({ url: '/api/session', headers: asSession(session) });
            expect(after.statusCode).toBe(401);
          }
          if (method === 'GET') {
            const head = await app.inject({ method: 'HEAD', url: req.url, headers: asSession(session) });
            expect(head.statusCode, 'HEAD answers like GET').toBe(expected.status);
          }
        });
      }
    }
  });
}

describe('scope lines the issue insists on', () => {
  it('a county regulator can neither read nor change a mine of another county', async () => {
    const county = asSession(sessions.get('county')!);
    const before = await storedMine(mineB.id);
    const answers = [
      await app.inject({ url: `/api/mines/${mineB.id}`, headers: county }),
      await app.inject({ url: `/api/mines/${mineB.id}/history`, headers: county }),
      await app.inject({
        method: 'PATCH',
        url: `/api/mines/${mineB.id}`,
        headers: county,
        payload: { operator: 'X' },
      }),
      await app.inject({
        method: 'POST',
        url: `/api/mines/${mineB.id}/transitions`,
        headers: county,
        payload: { event: 'order_closure', reason: 'not my county' },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(404);
      expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
      expect(res.body).not.toContain(mineB.name);
    }
    expect(await storedMine(mineB.id)).toEqual(before);
    const list = await app.inject({ url: '/api/mines?pageSize=500', headers: county });
    expect(list.body).not.toContain(mineB.name);
  });

  it('a mine outside the scope is answered exactly like a mine that does not exist', async () => {
    const county = asSession(sessions.get('county')!);
    const outside = errorOf(await app.inject({ url: `/api/mines/${mineB.id}`, headers: county }));
    const missing = errorOf(await app.inject({ url: '/api/mines/m-000000000000', headers: county }));
    expect(outside.code).toBe(missing.code);
    expect(outside.message.replace(mineB.id, '<id>')).toBe(missing.message.replace('m-000000000000', '<id>'));
  });

  it('a mine safety officer cannot open another mine, not even one in the same county', async () => {
    const officer = asSession(sessions.get('officer')!);
    const neighbour = world.province.mines.find((m) => m.regionId === mineA.regionId && m.id !== mineA.id)!;
    for (const other of [neighbour, mineB]) {
      const res = await app.inject({ url: `/api/mines/${other.id}`, headers: officer });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
      expect(res.body).not.toContain(other.name);
    }
    const list = await app.inject({ url: '/api/mines?pageSize=500', headers: officer });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: mineA.id }] });
    expect(list.body).not.toContain(neighbour.name);
  });

  it('listings without a filter show each user exactly the mines of their scope', async () => {
    for (const user of USERS) {
      const res = await app.inject({
        url: '/api/mines?pageSize=500',
        headers: asSession(sessions.get(user.username)!),
      });
      const seen = province.minesSeenBy(user).map((m) => m.id);
      const listed = res.json<{ items: Array<{ id: string }> }>().items.map((m) => m.id);
      // Mines created by the matrix above are not demo mines; compare the demo ones only.
      const demoIds = new Set(world.province.mines.map((m) => m.id));
      expect(listed.filter((id) => demoIds.has(id)).sort(), user.username).toEqual(seen.sort());
    }
  });
});
