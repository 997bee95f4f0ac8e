import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import { signAssessment } from '../../src/core/expertise/assessment-use-cases.ts';
import { assignExpert, recordGuidance } from '../../src/core/expertise/expert-use-cases.ts';
import { recordGasClassAppraisal } from '../../src/core/registry/key-fact-processes.ts';
import type { DemoUserSpec } from '../../src/sim/demo-province.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { errorOf, indexProvince, loginAll } from './http-kit.ts';
import { EXPERTISE_WALKED_ROUTES } from './route-walks/expertise.ts';

/**
 * The expertise rows of the authorization matrix: every expertise route × every demo user × a target in
 * `county`'s county (A) and one in `county2`'s (B). Expected: no session → 401; role lacks the permission
 * → 403 FORBIDDEN; target outside the scope → 404 (body never names the mine); otherwise the route's 2xx.
 */
const world = await createWorld();
const province = indexProvince(world);
const TARGETS = [
  { label: 'A', mine: province.mineOf('officer') },
  { label: 'B', mine: province.mineOf('officer2') },
] as const;
type Target = (typeof TARGETS)[number];

const provincePrincipal = await world.principal('province');
const expert = await world.principal('expert');
// Assessments apply to high-gas mines: make both targets high-gas.
for (const t of TARGETS)
  await recordGasClassAppraisal(world.ports, provincePrincipal, t.mine.id, {
    gasClass: 'high',
    reportRef: '鉴定报告（测试准备）',
    appraisedOn: '2026-12-01',
  });

const newAssessment = async (t: Target) =>
  signAssessment(world.ports, expert, {
    mineId: t.mine.id,
    assessedOn: '2026-12-01',
    validUntil: '2027-12-01',
    conclusion: 'capable',
    summary: 'walk',
  });

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Walk {
  permission: Permission;
  /** 'mine': the user must see the mine; 'region': its county region; 'none': no target. */
  scope: 'mine' | 'region' | 'none';
  ok: number;
  notFoundCode: string;
  prepare(t: Target): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

const region = (t: Target) => t.mine.regionId;

const WALKS: Record<string, Walk> = {
  'GET /api/expertise/experts': {
    permission: 'expertise.read',
    scope: 'none',
    ok: 200,
    notFoundCode: '',
    prepare: () => ({ url: '/api/expertise/experts' }),
  },
  'PUT /api/expertise/experts/:id/specialities': {
    permission: 'expertise.profile',
    scope: 'none',
    ok: 200,
    notFoundCode: '',
    prepare: () => ({
      url: `/api/expertise/experts/${expert.userId}/specialities`,
      body: { specialities: ['抽采'] },
    }),
  },
  'POST /api/expertise/assignments': {
    permission: 'expertise.assign',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: async (t) => {
      for (const a of await world.ports.expertise.listAssignments({ mineId: t.mine.id }, false)) {
        await world.ports.expertise.updateAssignment({ ...a, endedAt: world.clock.nowIso() });
      }
      return { url: '/api/expertise/assignments', body: { mineId: t.mine.id, expertId: expert.userId } };
    },
  },
  'DELETE /api/expertise/assignments/:id': {
    permission: 'expertise.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSIGNMENT_NOT_FOUND',
    prepare: async (t) => {
      for (const a of await world.ports.expertise.listAssignments({ mineId: t.mine.id }, false)) {
        await world.ports.expertise.updateAssignment({ ...a, endedAt: world.clock.nowIso() });
      }
      const a = await assignExpert(world.ports, provincePrincipal, {
        mineId: t.mine.id,
        expertId: expert.userId,
      });
      return { url: `/api/expertise/assignments/${a.id}` };
    },
  },
  'GET /api/expertise/mines/:id': {
    permission: 'expertise.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({ url: `/api/expertise/mines/${t.mine.id}` }),
  },
  'GET /api/expertise/gaps': {
    permission: 'expertise.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/expertise/gaps?regionId=${region(t)}` }),
  },
  'POST /api/expertise/guidance': {
    permission: 'expertise.guide',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/expertise/guidance',
      body: { mineId: t.mine.id, visitedOn: '2026-12-01', recommendations: '加强抽采', findings: [] },
    }),
  },
  'POST /api/expertise/guidance/:id/findings/:index/hazard': {
    permission: 'expertise.finding.report',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'EXPERTISE_GUIDANCE_NOT_FOUND',
    prepare: async (t) => {
      const v = await recordGuidance(world.ports, expert, {
        mineId: t.mine.id,
        visitedOn: '2026-12-01',
        recommendations: '加强抽采',
        findings: [{ title: '抽采钻孔不足', description: '工作面抽采钻孔间距过大', grade: 'general' }],
      });
      return { url: `/api/expertise/guidance/${v.id}/findings/0/hazard` };
    },
  },
  'POST /api/expertise/trainings': {
    permission: 'expertise.guide',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/expertise/trainings',
      body: { mineId: t.mine.id, title: '瓦斯防治培训', heldOn: '2026-12-01', attendees: ['李四'] },
    }),
  },
  'POST /api/expertise/assessments': {
    permission: 'expertise.assess',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/expertise/assessments',
      body: {
        mineId: t.mine.id,
        assessedOn: '2026-12-01',
        validUntil: '2027-12-01',
        conclusion: 'capable',
        summary: 'ok',
      },
    }),
  },
  'POST /api/expertise/assessments/:id/approve': {
    permission: 'expertise.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
    prepare: async (t) => ({ url: `/api/expertise/assessments/${(await newAssessment(t)).id}/approve` }),
  },
  'POST /api/expertise/assessments/:id/withdraw': {
    permission: 'expertise.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
    prepare: async (t) => ({
      url: `/api/expertise/assessments/${(await newAssessment(t)).id}/withdraw`,
      body: { reason: '材料不全' },
    }),
  },
  'POST /api/expertise/assessments/expire': {
    permission: 'expertise.approve',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/expertise/assessments/expire?regionId=${region(t)}` }),
  },
  'POST /api/expertise/progress': {
    permission: 'upgrade.record',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/expertise/progress',
      body: {
        mineId: t.mine.id,
        recordedOn: '2026-12-01',
        mechanisedFaces: 2,
        intelligentFaces: 1,
        remoteMonitoring: true,
      },
    }),
  },
  'PUT /api/expertise/targets/:id': {
    permission: 'upgrade.manage',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({
      url: `/api/expertise/targets/${region(t)}`,
      body: { intelligentFaces: 5, capacityWithdrawnTPerYear: 900_000, dueOn: '2027-12-31' },
    }),
  },
  'POST /api/expertise/mergers': {
    permission: 'upgrade.manage',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (t) => ({
      url: '/api/expertise/mergers',
      body: { enterpriseName: '黔北能源集团', mergedOn: '2026-11-01', mineIds: [t.mine.id] },
    }),
  },
  'GET /api/expertise/upgrading': {
    permission: 'expertise.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/expertise/upgrading?regionId=${region(t)}` }),
  },
  'GET /api/expertise/formalism': {
    permission: 'formalism.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (t) => ({ url: `/api/expertise/formalism?regionId=${region(t)}` }),
  },
};

function sees(user: DemoUserSpec, walk: Walk, t: Target): boolean {
  if (walk.scope === 'none') return true;
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

describe('expertise routes: role × scope', () => {
  it('walks exactly the routes listed for the authorization matrix', () => {
    expect(Object.keys(WALKS)).toEqual([...EXPERTISE_WALKED_ROUTES]);
    for (const key of EXPERTISE_WALKED_ROUTES) {
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
