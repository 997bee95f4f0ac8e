import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { errorOf, indexProvince, loginAll } from './http-kit.ts';
import { BRIEFING_WALKED_ROUTES } from './route-walks/briefing.ts';

/**
 * The briefing rows of the authorization matrix: every briefing route × every demo user × a region
 * (the county of `officer`'s mine, A, and of `officer2`'s, B). No session → 401; role lacks the
 * permission → 403 FORBIDDEN; region outside the scope → 404 REGION_NOT_FOUND; otherwise 200.
 */
const world = await createWorld();
const province = indexProvince(world);
const TARGETS = [
  { label: 'A', region: province.region(province.mineOf('officer').regionId) },
  { label: 'B', region: province.region(province.mineOf('officer2').regionId) },
] as const;
const PERIOD = 'from=2026-11-01&to=2026-12-31';

const WALKS: Record<string, { permission: Permission; url: (regionId: string) => string; type: string }> = {
  'GET /api/briefing/summary': {
    permission: 'briefing.read',
    url: (r) => `/api/briefing/summary?regionId=${r}&${PERIOD}`,
    type: 'application/json',
  },
  'GET /api/briefing/report.pdf': {
    permission: 'briefing.read',
    url: (r) => `/api/briefing/report.pdf?regionId=${r}&${PERIOD}`,
    type: 'application/pdf',
  },
  'GET /api/briefing/report.xlsx': {
    permission: 'briefing.read',
    url: (r) => `/api/briefing/report.xlsx?regionId=${r}&${PERIOD}`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/briefing/risk': {
    permission: 'risk.read',
    url: (r) => `/api/briefing/risk?regionId=${r}`,
    type: 'application/json',
  },
  'GET /api/briefing/next-visits': {
    permission: 'risk.read',
    url: (r) => `/api/briefing/next-visits?regionId=${r}`,
    type: 'application/json',
  },
};

describe('briefing routes: role × scope', () => {
  let app: FastifyInstance;
  let sessions: Map<string, Session>;
  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes the matrix counts as covered', () => {
    expect(Object.keys(WALKS).sort()).toEqual([...BRIEFING_WALKED_ROUTES].sort());
  });

  for (const [key, walk] of Object.entries(WALKS)) {
    it(`${key} without a session → 401`, async () => {
      const res = await app.inject({ method: 'GET', url: walk.url(TARGETS[0].region.id) });
      expect(res.statusCode).toBe(401);
    });
    for (const user of world.province.users) {
      for (const t of TARGETS) {
        const allowed = ROLE_PERMISSIONS[walk.permission].includes(user.role);
        const sees = user.scope.kind === 'region' && province.seesRegion(user, t.region);
        const expected = !allowed ? 403 : sees ? 200 : 404;
        it(`${key}: ${user.username} (${user.role}) on ${t.label} → ${expected}`, async () => {
          const res = await app.inject({
            method: 'GET',
            url: walk.url(t.region.id),
            headers: asSession(sessions.get(user.username)!),
          });
          expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
          if (expected === 200) expect(res.headers['content-type']).toContain(walk.type);
          if (expected === 403) expect(errorOf(res).code).toBe('FORBIDDEN');
          if (expected === 404) {
            expect(errorOf(res).code).toBe('REGION_NOT_FOUND');
            expect(res.body).not.toContain(t.region.name);
          }
        });
      }
    }
  }

  it('a bad period is a 400 with a specific code', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/briefing/summary?regionId=${TARGETS[0].region.id}&from=2026-12-31&to=2026-12-01`,
      headers: asSession(sessions.get('province')!),
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BRIEFING_PERIOD_INVALID');
  });
});
