import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/core/access/permissions.ts';
import type { Region } from '../../src/core/registry/types.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { errorOf, indexProvince, loginAll, type ProvinceIndex } from '../http/http-kit.ts';
import { asSession, buildTestApp, type Session, type World } from './world.ts';

/**
 * The access-walk kit: a module's routes × every demo user × two targets (A: the mine of `officer`, in
 * `county`'s county; B: the mine of `officer2`, in `county2`'s). Each access test declares only its
 * table; the kit derives every cell's expected answer from the role's permissions and the user's scope:
 * no session → 401; role lacks the permission → 403 FORBIDDEN; target outside the scope → 404 (its
 * `notFoundCode` when given, and the body never names the target); otherwise the route's answer.
 */

export interface WalkTarget {
  label: 'A' | 'B';
  mine: DemoMine;
  /** The mine's county. */
  region: Region;
  /** The username of the mine's own safety officer. */
  officer: string;
}

/** What one cell sends; the method is the one in the walk's key. */
export interface WalkCall {
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
}

export interface AccessWalk {
  /** "METHOD /path", exactly as the route is registered. */
  key: string;
  permission: Permission;
  /** What the user's scope must cover: nothing, the target's mine, or the mine's county. */
  scope: 'none' | 'mine' | 'region';
  /** The in-scope answers; a 409 of a changed state proves the call got past permission and scope. */
  ok: number | readonly number[];
  /** The error code every 404 of this walk carries (checked when given). */
  notFoundCode?: string;
  /** The content type of an in-scope answer (checked when given). */
  type?: string;
  /** Builds the cell's request, putting the target in the state the call needs. `user` is null without a session. */
  call(t: WalkTarget, user: DemoUserSpec | null): WalkCall | Promise<WalkCall>;
}

/** What a walk built by `routeWalk` adds to its route: how to fill the path, the query and the body. */
export interface RouteWalkParts {
  /** The value of each `:name` in the key's path, for the target (may put the target in a state first). */
  params?: Record<string, (t: WalkTarget) => string | Promise<string>>;
  /** The query string (without `?`) for the target; `'region'`: `regionId=` the target mine's county. */
  query?: 'region' | ((t: WalkTarget) => string);
  payload?: (t: WalkTarget) => object | Buffer | Promise<object | Buffer>;
  headers?: Record<string, string>;
  notFoundCode?: string;
  type?: string;
}

/**
 * A walk whose URL is its key's own path: each `:name` filled from `parts.params` (in path order), then
 * `?query`; the body from `parts.payload`, built after the path.
 */
export function routeWalk(
  key: string,
  permission: Permission,
  scope: AccessWalk['scope'],
  ok: AccessWalk['ok'],
  parts: RouteWalkParts = {},
): AccessWalk {
  const { params = {}, query, payload, headers, ...checks } = parts;
  const path = key.slice(key.indexOf(' ') + 1);
  return {
    key,
    permission,
    scope,
    ok,
    ...checks,
    async call(t) {
      let url = '';
      for (const segment of path.split('/').slice(1)) {
        const fill = segment.startsWith(':') ? params[segment.slice(1)] : undefined;
        if (segment.startsWith(':') && !fill) throw new Error(`${key}: no value for ${segment}`);
        url += `/${fill ? await fill(t) : segment}`;
      }
      if (query) url += `?${query === 'region' ? `regionId=${t.mine.regionId}` : query(t)}`;
      return { url, ...(payload && { payload: await payload(t) }), ...(headers && { headers }) };
    },
  };
}

export interface AccessTable {
  /** The module, for the suite's title. */
  module: string;
  walks: readonly AccessWalk[];
  /** The routes the authorization matrix counts as walked here (test/http/route-walks.ts). */
  walkedRoutes: readonly string[];
  /** Fixtures made once the app is up and every demo user is logged in. */
  setup?(): Promise<void>;
  /** A list route that must show each target's fixture exactly to the users whose scope covers its mine. */
  list?: { url: string; field: string; idOf(t: WalkTarget): string };
  /** Registers the module's further tests that share the suite's app (`it(...)` calls). */
  more?(): void;
}

export interface AccessKit {
  world: World;
  province: ProvinceIndex;
  targets: readonly [WalkTarget, WalkTarget];
  /** The app under test (set once the suite has started). */
  readonly app: FastifyInstance;
  /** Session headers of a logged-in demo user. */
  as(username: string): Record<string, string>;
  /** A request as `username` that must succeed (for fixtures); returns the parsed body. */
  must<T>(username: string, method: 'GET' | 'POST', call: WalkCall): Promise<T>;
  /** One fixture per target, created by the province regulator (see `PerTarget`). */
  perTarget(url: string, field: string, payload: (t: WalkTarget) => object): PerTarget;
  /** Registers the suite for a table. */
  walk(table: AccessTable): void;
}

/**
 * A fixture for each target: `make` (a table's `setup`) POSTs `payload(t)` to the url as the province
 * regulator and keeps the `id` of the answer's `field`; `idOf(t)` gives it back (route params, lists).
 */
export interface PerTarget {
  make: () => Promise<void>;
  idOf: (t: WalkTarget) => string;
}

export function createAccessKit(world: World): AccessKit {
  const province = indexProvince(world);
  const target = (label: 'A' | 'B', officer: string): WalkTarget => {
    const mine = province.mineOf(officer);
    return { label, mine, region: province.region(mine.regionId), officer };
  };
  const targets = [target('A', 'officer'), target('B', 'officer2')] as const;
  let app: FastifyInstance | undefined;
  let sessions = new Map<string, Session>();
  const started = () => {
    if (!app) throw new Error('the access walk has not started');
    return app;
  };
  const as = (username: string) => {
    const s = sessions.get(username);
    if (!s) throw new Error(`${username} is not logged in`);
    return asSession(s);
  };
  const sees = (user: DemoUserSpec, walk: AccessWalk, t: WalkTarget) =>
    walk.scope === 'none'
      ? true
      : walk.scope === 'mine'
        ? province.seesMine(user, t.mine)
        : province.seesRegion(user, t.region);
  const send = async (walk: AccessWalk, call: WalkCall, headers: Record<string, string>) => {
    const method = walk.key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    return started().inject({
      method,
      url: call.url,
      payload: call.payload,
      headers: { ...headers, ...call.headers },
    });
  };

  const kit: AccessKit = {
    world,
    province,
    targets,
    get app() {
      return started();
    },
    as,
    async must<T>(username: string, method: 'GET' | 'POST', call: WalkCall) {
      const res = await started().inject({
        method,
        url: call.url,
        payload: call.payload,
        headers: { ...as(username), ...call.headers },
      });
      if (res.statusCode >= 300) throw new Error(`fixture ${call.url}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    },
    perTarget(url, field, payload) {
      const ids = new Map<string, string>();
      return {
        make: async () => {
          for (const t of targets) {
            const body = await kit.must<Record<string, { id: string }>>('province', 'POST', {
              url,
              payload: payload(t),
            });
            ids.set(t.mine.id, body[field]!.id);
          }
        },
        idOf: (t) => {
          const id = ids.get(t.mine.id);
          if (id === undefined) throw new Error(`no ${field} fixture for target ${t.label}`);
          return id;
        },
      };
    },
    walk(table) {
      describe(`${table.module} routes: role × scope`, () => {
        beforeAll(async () => {
          app = await buildTestApp(world);
          sessions = await loginAll(
            app,
            world.province.users.map((u) => u.username),
          );
          await table.setup?.();
        }, 120_000);
        afterAll(async () => {
          await app?.close();
          await world.dispose();
        });

        it('walks exactly the routes the authorization matrix counts as covered', () => {
          expect(table.walks.map((w) => w.key)).toEqual([...table.walkedRoutes]);
          for (const key of table.walkedRoutes) {
            const [method, url] = key.split(' ') as ['GET', string];
            expect(started().hasRoute({ method, url }), key).toBe(true);
          }
        });

        for (const walk of table.walks) {
          it(`${walk.key}: no session → 401`, async () => {
            const res = await send(walk, await walk.call(targets[0], null), {});
            expect(res.statusCode).toBe(401);
          });
          for (const user of world.province.users) {
            for (const t of targets) {
              const expected = !hasPermission(user.role, walk.permission)
                ? [403]
                : !sees(user, walk, t)
                  ? [404]
                  : [walk.ok].flat();
              it(`${walk.key} ${user.username} (${user.role}) on ${t.label} → ${expected.join('/')}`, async () => {
                const res = await send(walk, await walk.call(t, user), as(user.username));
                expect(expected, `${res.statusCode}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
                if (res.statusCode === 403) expect(errorOf(res).code).toBe('FORBIDDEN');
                if (res.statusCode === 404) {
                  if (walk.notFoundCode) expect(errorOf(res).code).toBe(walk.notFoundCode);
                  expect(res.body).not.toContain(t.mine.name);
                  expect(res.body).not.toContain(t.region.name);
                }
                if (walk.type && res.statusCode < 300)
                  expect(res.headers['content-type']).toContain(walk.type);
              });
            }
          }
        }

        const list = table.list;
        if (list)
          it('lists show only what the scope covers', async () => {
            for (const user of world.province.users) {
              const res = await started().inject({
                method: 'GET',
                url: list.url,
                headers: as(user.username),
              });
              const ids = res.json<Record<string, Array<{ id: string }>>>()[list.field]!.map((x) => x.id);
              for (const t of targets)
                expect(ids.includes(list.idOf(t)), `${user.username} ${t.label}`).toBe(
                  province.seesMine(user, t.mine),
                );
            }
          });
        table.more?.();
      });
    },
  };
  return kit;
}
