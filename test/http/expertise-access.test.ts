import { signAssessment } from '../../src/core/expertise/assessment-use-cases.ts';
import { assignExpert, recordGuidance } from '../../src/core/expertise/expert-use-cases.ts';
import { recordGasClassAppraisal } from '../../src/core/registry/key-fact-processes.ts';
import { createAccessKit, routeWalk, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
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

/** Ends every open expert assignment at the target's mine, so a new one may be made. */
async function endAssignments(t: Target): Promise<void> {
  for (const a of await world.ports.expertise.listAssignments({ mineId: t.mine.id }, false))
    await world.ports.expertise.updateAssignment({ ...a, endedAt: world.clock.nowIso() });
}

/** A guidance visit to the target's mine with these findings. */
const guidance = <F>(t: Target, findings: F[]) => ({
  mineId: t.mine.id,
  visitedOn: '2026-12-01',
  recommendations: '加强抽采',
  findings,
});

/** A region-filtered route: the target's county in the query; a county out of scope is not found. */
const inRegion = { query: 'region', notFoundCode: 'REGION_NOT_FOUND' } as const;

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/expertise/experts', 'expertise.read', 'none', 200),
  routeWalk('PUT /api/expertise/experts/:id/specialities', 'expertise.profile', 'none', 200, {
    params: { id: () => expert.userId },
    payload: () => ({ specialities: ['抽采'] }),
  }),
  routeWalk('POST /api/expertise/assignments', 'expertise.assign', 'mine', 201, {
    payload: async (t) => {
      await endAssignments(t);
      return { mineId: t.mine.id, expertId: expert.userId };
    },
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('DELETE /api/expertise/assignments/:id', 'expertise.assign', 'mine', 200, {
    params: {
      id: async (t) => {
        await endAssignments(t);
        const a = await assignExpert(world.ports, provincePrincipal, {
          mineId: t.mine.id,
          expertId: expert.userId,
        });
        return a.id;
      },
    },
    notFoundCode: 'EXPERTISE_ASSIGNMENT_NOT_FOUND',
  }),
  routeWalk('GET /api/expertise/mines/:id', 'expertise.read', 'mine', 200, {
    params: { id: (t) => t.mine.id },
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('GET /api/expertise/gaps', 'expertise.read', 'region', 200, inRegion),
  routeWalk('POST /api/expertise/guidance', 'expertise.guide', 'mine', 201, {
    payload: (t) => guidance(t, []),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk(
    'POST /api/expertise/guidance/:id/findings/:index/hazard',
    'expertise.finding.report',
    'mine',
    201,
    {
      params: {
        id: async (t) => {
          const finding = {
            title: '抽采钻孔不足',
            description: '工作面抽采钻孔间距过大',
            grade: 'general',
          } as const;
          return (await recordGuidance(world.ports, expert, guidance(t, [finding]))).id;
        },
        index: () => '0',
      },
      notFoundCode: 'EXPERTISE_GUIDANCE_NOT_FOUND',
    },
  ),
  routeWalk('POST /api/expertise/trainings', 'expertise.guide', 'mine', 201, {
    payload: (t) => ({ mineId: t.mine.id, title: '瓦斯防治培训', heldOn: '2026-12-01', attendees: ['李四'] }),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('POST /api/expertise/assessments', 'expertise.assess', 'mine', 201, {
    payload: (t) => ({
      mineId: t.mine.id,
      assessedOn: '2026-12-01',
      validUntil: '2027-12-01',
      conclusion: 'capable',
      summary: 'ok',
    }),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('POST /api/expertise/assessments/:id/approve', 'expertise.approve', 'mine', 200, {
    params: { id: async (t) => (await newAssessment(t)).id },
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
  }),
  routeWalk('POST /api/expertise/assessments/:id/withdraw', 'expertise.approve', 'mine', 200, {
    params: { id: async (t) => (await newAssessment(t)).id },
    payload: () => ({ reason: '材料不全' }),
    notFoundCode: 'EXPERTISE_ASSESSMENT_NOT_FOUND',
  }),
  routeWalk('POST /api/expertise/assessments/expire', 'expertise.approve', 'region', 200, inRegion),
  routeWalk('POST /api/expertise/progress', 'upgrade.record', 'mine', 201, {
    payload: (t) => ({
      mineId: t.mine.id,
      recordedOn: '2026-12-01',
      mechanisedFaces: 2,
      intelligentFaces: 1,
      remoteMonitoring: true,
    }),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('PUT /api/expertise/targets/:id', 'upgrade.manage', 'region', 200, {
    params: { id: region },
    payload: () => ({ intelligentFaces: 5, capacityWithdrawnTPerYear: 900_000, dueOn: '2027-12-31' }),
    notFoundCode: 'REGION_NOT_FOUND',
  }),
  routeWalk('POST /api/expertise/mergers', 'upgrade.manage', 'mine', 201, {
    payload: (t) => ({ enterpriseName: '黔北能源集团', mergedOn: '2026-11-01', mineIds: [t.mine.id] }),
    notFoundCode: 'MINE_NOT_FOUND',
  }),
  routeWalk('GET /api/expertise/upgrading', 'expertise.read', 'region', 200, inRegion),
  routeWalk('GET /api/expertise/formalism', 'formalism.read', 'region', 200, inRegion),
];

kit.walk({ module: 'expertise', walks: WALKS, walkedRoutes: EXPERTISE_WALKED_ROUTES });
