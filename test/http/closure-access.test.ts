import { createAccessKit, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { CLOSURE_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every closure route × every demo user × targets A and B (test/support/access-walk.ts). Mutations whose
 * second call meets a changed state (a step already recorded or verified) accept that state's 409: it
 * proves the call got past permission and scope.
 */
const kit = createAccessKit(await createWorld());

interface Fixture {
  closure: string;
  case: string;
}
const fixtures = new Map<string, Fixture>();
const fx = (t: WalkTarget) => fixtures.get(t.mine.id)!;

const steps = (t: WalkTarget, step: string, what: string) =>
  `/api/closure/closures/${fx(t).closure}/steps/${step}/${what}`;

const WALKS: readonly AccessWalk[] = [
  {
    key: 'GET /api/closure/candidates',
    permission: 'closure.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/closure/candidates?regionId=${t.mine.regionId}` }),
  },
  {
    key: 'POST /api/closure/policy-list',
    permission: 'closure.manage',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: '/api/closure/policy-list',
      payload: { mineId: t.mine.id, reason: 'walk', source: 'doc 1' },
    }),
  },
  {
    key: 'GET /api/closure/targets',
    permission: 'closure.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/closure/targets?regionId=${t.mine.regionId}` }),
  },
  {
    key: 'GET /api/closure/history',
    permission: 'closure.read',
    scope: 'region',
    ok: [200],
    call: (t) => ({ url: `/api/closure/history?regionId=${t.mine.regionId}` }),
  },
  {
    key: 'POST /api/closure/targets',
    permission: 'closure.manage',
    scope: 'region',
    ok: [201],
    call: (t) => ({
      url: '/api/closure/targets',
      payload: {
        regionId: t.mine.regionId,
        deadline: '2027-12-31',
        minesToClose: 2,
        capacityToWithdrawTPerYear: 300_000,
      },
    }),
  },
  {
    key: 'GET /api/closure/closures',
    permission: 'closure.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/closure/closures' }),
  },
  {
    key: 'POST /api/closure/closures',
    permission: 'closure.manage',
    scope: 'mine',
    ok: [409],
    call: (t) => ({
      url: '/api/closure/closures',
      payload: { mineId: t.mine.id, reason: 'walk' },
    }),
  },
  {
    key: 'GET /api/closure/closures/:id',
    permission: 'closure.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/closure/closures/${fx(t).closure}` }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/record',
    permission: 'closure.step.record',
    scope: 'mine',
    ok: [200, 409],
    call: (t) => ({
      url: steps(t, 'power_cut', 'record'),
      payload: { evidence: 'cut at the substation' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/file',
    permission: 'closure.step.record',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: steps(t, 'shafts_sealed', 'file'),
      payload: Buffer.from('photo'),
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'seal.jpg' },
    }),
  },
  {
    key: 'GET /api/closure/closures/:id/steps/:step/file',
    permission: 'closure.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: steps(t, 'equipment_removed', 'file') }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/verify',
    permission: 'closure.step.verify',
    scope: 'mine',
    ok: [200, 409],
    call: (t) => ({
      url: steps(t, 'production_stopped', 'verify'),
      payload: { note: 'seen' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/steps/:step/reject',
    permission: 'closure.step.verify',
    scope: 'mine',
    ok: [200, 409],
    call: (t) => ({
      url: steps(t, 'licences_revoked', 'reject'),
      payload: { note: 'no document' },
    }),
  },
  {
    key: 'POST /api/closure/closures/:id/transformations',
    permission: 'closure.manage',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: `/api/closure/closures/${fx(t).closure}/transformations`,
      payload: { what: 'farm', startedOn: '2027-01-01', jobs: 3 },
    }),
  },
  {
    key: 'GET /api/closure/mines/:mineId/ownership',
    permission: 'closure.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/closure/mines/${t.mine.id}/ownership` }),
  },
  {
    key: 'POST /api/closure/mines/:mineId/ownership',
    permission: 'ownership.record',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: `/api/closure/mines/${t.mine.id}/ownership`,
      payload: { kind: 'trusteeship', party: 'X Co', fromDate: '2024-01-01', contractRef: 'TG-1' },
    }),
  },
  {
    key: 'GET /api/closure/cases',
    permission: 'case.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/closure/cases' }),
  },
  {
    key: 'POST /api/closure/cases',
    permission: 'case.manage',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: '/api/closure/cases',
      payload: { type: 'false_integration', mineId: t.mine.id, summary: 'walk' },
    }),
  },
  {
    key: 'GET /api/closure/cases/:id',
    permission: 'case.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/closure/cases/${fx(t).case}` }),
  },
  {
    key: 'POST /api/closure/cases/:id/evidence',
    permission: 'case.manage',
    scope: 'mine',
    ok: [200],
    call: (t) => ({
      url: `/api/closure/cases/${fx(t).case}/evidence`,
      payload: { kind: 'hazard', ref: 'hz-1' },
    }),
  },
  {
    key: 'POST /api/closure/cases/:id/events',
    permission: 'case.manage',
    scope: 'mine',
    ok: [200, 409],
    call: (t) => ({
      url: `/api/closure/cases/${fx(t).case}/events`,
      payload: { event: 'investigate' },
    }),
  },
];

kit.walk({
  module: 'closure',
  walks: WALKS,
  walkedRoutes: CLOSURE_WALKED_ROUTES,
  list: { url: '/api/closure/closures', field: 'closures', idOf: (t) => fx(t).closure },
  async setup() {
    for (const t of kit.targets) {
      const c = await kit.must<{ closure: { id: string } }>('province', 'POST', {
        url: '/api/closure/closures',
        payload: { mineId: t.mine.id, reason: 'fixture' },
      });
      const closure = c.closure.id;
      // The mine's own officer records, so no walked regulator verifies a step it recorded.
      for (const step of ['production_stopped', 'licences_revoked', 'equipment_removed', 'shafts_sealed'])
        await kit.must(t.officer, 'POST', {
          url: `/api/closure/closures/${closure}/steps/${step}/record`,
          payload: { evidence: 'fixture' },
        });
      await kit.must('province', 'POST', {
        url: `/api/closure/closures/${closure}/steps/equipment_removed/file`,
        payload: Buffer.from('bytes'),
        headers: { 'content-type': 'text/plain', 'x-file-name': 'list.txt' },
      });
      const k = await kit.must<{ case: { id: string } }>('province', 'POST', {
        url: '/api/closure/cases',
        payload: { type: 'data_tampering', mineId: t.mine.id, summary: 'fixture' },
      });
      fixtures.set(t.mine.id, { closure, case: k.case.id });
    }
  },
});
