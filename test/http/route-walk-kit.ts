import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { hasPermission, type Permission } from '../../src/core/access/permissions.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { asSession, type Session } from '../support/world.ts';

export interface WalkRequest {
  method: 'GET' | 'POST';
  url: string;
  payload?: Record<string, unknown>;
}

/** One route of a module's access walk: the permission it needs and what it answers when allowed. */
export interface RoleScopeWalk {
  key: string;
  permission: Permission;
  /** 'mine' (default): judged by the target mine's scope; 'none': everyone with the permission. */
  by?: 'none' | 'mine';
  ok: readonly number[];
  /** The request for a target (may set up what it needs, e.g. a fresh item to decide). */
  request(t: DemoMine): WalkRequest | Promise<WalkRequest>;
}

/**
 * Registers a module's role × scope cells (the shape of the authorization matrix, for the routes it
 * counts as walked elsewhere): each route without a session → 401; each demo user × target → 403 without
 * the permission, 404 outside the scope (the body never names the mine), else the route's answer.
 */
export function walkRoleScopeCells(ctx: {
  walks: readonly RoleScopeWalk[];
  targets: readonly DemoMine[];
  users: readonly DemoUserSpec[];
  seesMine(user: DemoUserSpec, mine: DemoMine): boolean;
  app(): FastifyInstance;
  session(username: string): Session;
}): void {
  for (const w of ctx.walks) {
    it(`${w.key}: no session → 401`, async () => {
      const req = await w.request(ctx.targets[0]!);
      const res = await ctx.app().inject({ method: req.method, url: req.url, payload: req.payload });
      expect(res.statusCode).toBe(401);
    });
    for (const user of ctx.users) {
      for (const t of ctx.targets) {
        const allowed = hasPermission(user.role, w.permission);
        const sees = w.by === 'none' || ctx.seesMine(user, t);
        const expected = !allowed ? [403] : !sees ? [404] : w.ok;
        it(`${w.key} ${user.username} (${user.role}) on ${t.regionId} → ${expected.join('/')}`, async () => {
          const req = await w.request(t);
          const res = await ctx.app().inject({
            method: req.method,
            url: req.url,
            payload: req.payload,
            headers: asSession(ctx.session(user.username)),
          });
          expect(expected, res.body).toContain(res.statusCode);
          if (res.statusCode === 404) expect(res.body).not.toContain(t.name);
        });
      }
    }
  }
}
