import { signAssessment } from '../../src/core/expertise/assessment-use-cases.ts';
import { assignExpert, recordGuidance } from '../../src/core/expertise/expert-use-cases.ts';
import { recordGasClassAppraisal } from '../../src/core/registry/key-fact-processes.ts';
import { createAccessKit, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { EXPERTISE_WALKED_ROUTES } from './route-walks.ts';

/**
 * The expertise rows of the authorization matrix: every expertise route × every demo user × targets A and
 * B (test/support/access-walk.ts).
 */
const world = await createWorld();
const kit = createAccessKit(world);
type Target = WalkTarget;

const provincePrincipal = await world.principal('province');
const expert = await world.principal('expert');
// Assessments apply to high-gas mines: make both targets high-gas.
for (const t of kit.targets)
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

const region = (t: Target) => t.mine.regionId;

const WALKS: readonly AccessWalk[] = [
  {
    key: 'GET /api/expertise/experts',
    permission: 'expertise.read',
    scope: 'none',
    ok: 200,
    call: () => ({ url: '/api/expertise/experts' }),
  },
  {
    key: 'PUT /api/expertise/experts/:id/specialities',
    permission: 'expertise.profile',
    scope: 'none',
    ok: 200,
    call: () => ({
      url: `/api/expertise/experts/${expert.userId}/specialities`,
      payload: { specialities: ['抽采'] },
    }),
  },
  {
    key: 'POST /api/expertise/assignments',
    permission: 'expertise.assign',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: async (t) => {
      for (const a of await world.ports.expertise.listAssignments({ mineId: t.mine.id }, false)) {
        await world.ports.expertise.updateAssignment({ ...a, endedAt: world.clock.nowIso() });
      }
      return { url: '/api/expertise/assignments', payload: { mineId: t.mine.id, expertId: expert.userId } };
    },
  },
  {
    key: 'DELETE /api/expertise/assignments/:id',
    permission: 'expertise.assign',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSIGNMENT_NOT_FOUND',
    call: async (t) => {
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
  {
    key: 'GET /api/expertise/mines/:id',
    permission: 'expertise.read',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({ url: `/api/expertise/mines/${t.mine.id}` }),
  },
  {
    key: 'GET /api/expertise/gaps',
    permission: 'expertise.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    call: (t) => ({ url: `/api/expertise/gaps?regionId=${region(t)}` }),
  },
  {
    key: 'POST /api/expertise/guidance',
    permission: 'expertise.guide',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: '/api/expertise/guidance',
      payload: { mineId: t.mine.id, visitedOn: '2026-12-01', recommendations: '加强抽采', findings: [] },
    }),
  },
  {
    key: 'POST /api/expertise/guidance/:id/findings/:index/hazard',
    permission: 'expertise.finding.report',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'EXPERTISE_GUIDANCE_NOT_FOUND',
    call: async (t) => {
      const v = await recordGuidance(world.ports, expert, {
        mineId: t.mine.id,
        visitedOn: '2026-12-01',
        recommendations: '加强抽采',
        findings: [{ title: '抽采钻孔不足', description: '工作面抽采钻孔间距过大', grade: 'general' }],
      });
      return { url: `/api/expertise/guidance/${v.id}/findings/0/hazard` };
    },
  },
  {
    key: 'POST /api/expertise/trainings',
    permission: 'expertise.guide',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: '/api/expertise/trainings',
      payload: { mineId: t.mine.id, title: '瓦斯防治培训', heldOn: '2026-12-01', attendees: ['李四'] },
    }),
  },
  {
    key: 'POST /api/expertise/assessments',
    permission: 'expertise.assess',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: '/api/expertise/assessments',
      payload: {
        mineId: t.mine.id,
        assessedOn: '2026-12-01',
        validUntil: '2027-12-01',
        conclusion: 'capable',
        summary: 'ok',
      },
    }),
  },
  {
    key: 'POST /api/expertise/assessments/:id/approve',
    permission: 'expertise.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
    call: async (t) => ({ url: `/api/expertise/assessments/${(await newAssessment(t)).id}/approve` }),
  },
  {
    key: 'POST /api/expertise/assessments/:id/withdraw',
    permission: 'expertise.approve',
    scope: 'mine',
    ok: 200,
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
    call: async (t) => ({
      url: `/api/expertise/assessments/${(await newAssessment(t)).id}/withdraw`,
      payload: { reason: '材料不全' },
    }),
  },
  {
    key: 'POST /api/expertise/assessments/expire',
    permission: 'expertise.approve',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    call: (t) => ({ url: `/api/expertise/assessments/expire?regionId=${region(t)}` }),
  },
  {
    key: 'POST /api/expertise/progress',
    permission: 'upgrade.record',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: '/api/expertise/progress',
      payload: {
        mineId: t.mine.id,
        recordedOn: '2026-12-01',
        mechanisedFaces: 2,
        intelligentFaces: 1,
        remoteMonitoring: true,
      },
    }),
  },
  {
    key: 'PUT /api/expertise/targets/:id',
    permission: 'upgrade.manage',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    call: (t) => ({
      url: `/api/expertise/targets/${region(t)}`,
      payload: { intelligentFaces: 5, capacityWithdrawnTPerYear: 900_000, dueOn: '2027-12-31' },
    }),
  },
  {
    key: 'POST /api/expertise/mergers',
    permission: 'upgrade.manage',
    scope: 'mine',
    ok: 201,
    notFoundCode: 'MINE_NOT_FOUND',
    call: (t) => ({
      url: '/api/expertise/mergers',
      payload: { enterpriseName: '黔北能源集团', mergedOn: '2026-11-01', mineIds: [t.mine.id] },
    }),
  },
  {
    key: 'GET /api/expertise/upgrading',
    permission: 'expertise.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    call: (t) => ({ url: `/api/expertise/upgrading?regionId=${region(t)}` }),
  },
  {
    key: 'GET /api/expertise/formalism',
    permission: 'formalism.read',
    scope: 'region',
    ok: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    call: (t) => ({ url: `/api/expertise/formalism?regionId=${region(t)}` }),
  },
];

kit.walk({ module: 'expertise', walks: WALKS, walkedRoutes: EXPERTISE_WALKED_ROUTES });
