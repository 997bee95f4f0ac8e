import { createAccessKit, routeWalk, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
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

/** The path of one step of the target's fixture closure. */
const stepOf = (step: string) => ({ id: (t: WalkTarget) => fx(t).closure, step: () => step });

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/closure/candidates', 'closure.read', 'region', [200], {
    query: 'region',
  }),
  routeWalk('POST /api/closure/policy-list', 'closure.manage', 'mine', [201], {
    payload: (t) => ({ mineId: t.mine.id, reason: 'walk', source: 'doc 1' }),
  }),
  routeWalk('GET /api/closure/targets', 'closure.read', 'region', [200], {
    query: 'region',
  }),
  routeWalk('GET /api/closure/history', 'closure.read', 'region', [200], {
    query: 'region',
  }),
  routeWalk('POST /api/closure/targets', 'closure.manage', 'region', [201], {
    payload: (t) => ({
      regionId: t.mine.regionId,
      deadline: '2027-12-31',
      minesToClose: 2,
      capacityToWithdrawTPerYear: 300_000,
    }),
  }),
  routeWalk('GET /api/closure/closures', 'closure.read', 'none', [200]),
  routeWalk('POST /api/closure/closures', 'closure.manage', 'mine', [409], {
    payload: (t) => ({ mineId: t.mine.id, reason: 'walk' }),
  }),
  routeWalk('GET /api/closure/closures/:id', 'closure.read', 'mine', [200], {
    params: { id: (t) => fx(t).closure },
  }),
  routeWalk('POST /api/closure/closures/:id/steps/:step/record', 'closure.step.record', 'mine', [200, 409], {
    params: stepOf('power_cut'),
    payload: () => ({ evidence: 'cut at the substation' }),
  }),
  routeWalk('POST /api/closure/closures/:id/steps/:step/file', 'closure.step.record', 'mine', [200], {
    params: stepOf('shafts_sealed'),
    payload: () => Buffer.from('photo'),
    headers: { 'content-type': 'image/jpeg', 'x-file-name': 'seal.jpg' },
  }),
  routeWalk('GET /api/closure/closures/:id/steps/:step/file', 'closure.read', 'mine', [200], {
    params: stepOf('equipment_removed'),
  }),
  routeWalk('POST /api/closure/closures/:id/steps/:step/verify', 'closure.step.verify', 'mine', [200, 409], {
    params: stepOf('production_stopped'),
    payload: () => ({ note: 'seen' }),
  }),
  routeWalk('POST /api/closure/closures/:id/steps/:step/reject', 'closure.step.verify', 'mine', [200, 409], {
    params: stepOf('licences_revoked'),
    payload: () => ({ note: 'no document' }),
  }),
  routeWalk('POST /api/closure/closures/:id/transformations', 'closure.manage', 'mine', [201], {
    params: { id: (t) => fx(t).closure },
    payload: () => ({ what: 'farm', startedOn: '2027-01-01', jobs: 3 }),
  }),
  routeWalk('GET /api/closure/mines/:mineId/ownership', 'closure.read', 'mine', [200], {
    params: { mineId: (t) => t.mine.id },
  }),
  routeWalk('POST /api/closure/mines/:mineId/ownership', 'ownership.record', 'mine', [201], {
    params: { mineId: (t) => t.mine.id },
    payload: () => ({ kind: 'trusteeship', party: 'X Co', fromDate: '2024-01-01', contractRef: 'TG-1' }),
  }),
  routeWalk('GET /api/closure/cases', 'case.read', 'none', [200]),
  routeWalk('POST /api/closure/cases', 'case.manage', 'mine', [201], {
    payload: (t) => ({ type: 'false_integration', mineId: t.mine.id, summary: 'walk' }),
  }),
  routeWalk('GET /api/closure/cases/:id', 'case.read', 'mine', [200], { params: { id: (t) => fx(t).case } }),
  routeWalk('POST /api/closure/cases/:id/evidence', 'case.manage', 'mine', [200], {
    params: { id: (t) => fx(t).case },
    payload: () => ({ kind: 'hazard', ref: 'hz-1' }),
  }),
  routeWalk('POST /api/closure/cases/:id/events', 'case.manage', 'mine', [200, 409], {
    params: { id: (t) => fx(t).case },
    payload: () => ({ event: 'investigate' }),
  }),
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
