import { expect, it } from 'vitest';
import { createAccessKit, routeWalk, type AccessWalk } from '../support/access-walk.ts';
import { errorOf } from './http-kit.ts';
import { createWorld } from '../support/world.ts';
import { ACCIDENTS_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every accidents route × every demo user × targets A and B (test/support/access-walk.ts). Repeated
 * mutations that meet a changed state (the county report already recorded, the investigation already
 * extended) accept that 409: it proves the call got past permission and scope.
 */
const kit = createAccessKit(await createWorld());
const figures = { deaths: 1, seriousInjuries: 0, minorInjuries: 2, directLossCny: 100_000 };
const accidents = kit.perTarget('/api/accidents', 'accident', (t) => ({
  ...figures,
  mineId: t.mine.id,
  occurredAt: '2026-12-04T10:00:00.000Z',
  type: 'fixture',
}));
const accidentOf = accidents.idOf;
/** Each supplement raises the loss, so a repeated cell never repeats the figures. */
let lossCny = 100_000;

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/accidents', 'accident.read', 'none', [200]),
  routeWalk('POST /api/accidents/grade', 'accident.read', 'none', [200], { payload: () => ({ ...figures }) }),
  routeWalk('POST /api/accidents', 'accident.record', 'mine', [201], {
    payload: (t) => ({ ...figures, mineId: t.mine.id, occurredAt: '2026-12-04T10:00:00.000Z', type: 'walk' }),
  }),
  routeWalk('GET /api/accidents/accountability', 'accountability.read', 'region', [200], {
    query: 'region',
  }),
  routeWalk('GET /api/accidents/:id', 'accident.read', 'mine', [200], { params: { id: accidentOf } }),
  routeWalk('GET /api/accidents/:id/preceded', 'accident.read', 'mine', [200], {
    params: { id: accidentOf },
  }),
  routeWalk('POST /api/accidents/:id/reports', 'accident.report', 'mine', [200, 409], {
    params: { id: accidentOf },
    payload: () => ({ level: 'county', reportedAt: '2026-12-04T10:30:00.000Z' }),
  }),
  routeWalk('POST /api/accidents/:id/supplements', 'accident.supplement', 'mine', [201], {
    params: { id: accidentOf },
    payload: () => ({
      changedAt: '2026-12-04T12:00:00.000Z',
      deaths: 1,
      missing: 0,
      seriousInjuries: 0,
      directLossCny: (lossCny += 1000),
      reason: '损失核定',
    }),
  }),
  routeWalk('POST /api/accidents/:id/investigation', 'accident.investigate', 'mine', [200, 409], {
    params: { id: accidentOf },
    payload: () => ({ event: 'extend' }),
  }),
  routeWalk('POST /api/accidents/:id/accountability', 'accountability.record', 'mine', [201], {
    params: { id: accidentOf },
    payload: () => ({
      personName: '张三',
      post: '矿长',
      chain: 'enterprise',
      action: 'warning',
      decidedOn: '2026-12-05',
    }),
  }),
  routeWalk('POST /api/accidents/import', 'accident.import', 'none', [200], {
    payload: () => ({
      fileName: 'walk.csv',
      csv: 'Date,Type,Killed\n2001-01-01,Explosion,5\n',
      mapping: {
        dataset: 'WALK',
        country: 'US',
        columns: { occurredOn: 'Date', type: 'Type', deaths: 'Killed' },
        dateFormat: 'yyyy-mm-dd',
      },
    }),
  }),
];

kit.walk({
  module: 'accidents',
  walks: WALKS,
  walkedRoutes: ACCIDENTS_WALKED_ROUTES,
  list: { url: '/api/accidents', field: 'accidents', idOf: accidentOf },
  setup: accidents.make,
  more() {
    it('records by the 12-digit mine code, and refuses a supplement after the window with its last day', async () => {
      const [a] = kit.targets;
      const recorded = await kit.app.inject({
        method: 'POST',
        url: '/api/accidents',
        headers: kit.as('county'),
        payload: {
          ...figures,
          missing: 2,
          mineCode: a.mine.code,
          occurredAt: '2026-10-01T02:00:00.000Z',
          type: '火灾',
        },
      });
      expect(recorded.statusCode).toBe(201);
      const accident = recorded.json<{ accident: { id: string; mineId: string; grade: string } }>().accident;
      expect(accident).toMatchObject({ mineId: a.mine.id, grade: 'larger' });
      const late = await kit.app.inject({
        method: 'POST',
        url: `/api/accidents/${accident.id}/supplements`,
        headers: kit.as('county'),
        payload: {
          changedAt: '2026-10-08T16:00:00.000Z',
          deaths: 4,
          missing: 0,
          seriousInjuries: 0,
          directLossCny: 100_000,
          reason: '伤员死亡',
        },
      });
      expect(late.statusCode).toBe(409);
      expect(errorOf(late)).toMatchObject({
        code: 'ACCIDENT_SUPPLEMENT_WINDOW_CLOSED',
        details: { windowDays: 7, lastDay: '2026-10-08' },
      });
      const unknown = await kit.app.inject({
        method: 'POST',
        url: '/api/accidents',
        headers: kit.as('county'),
        payload: {
          ...figures,
          mineCode: '999999999999',
          occurredAt: '2026-10-01T02:00:00.000Z',
          type: '顶板',
        },
      });
      expect(unknown.statusCode).toBe(404);
      expect(errorOf(unknown).code).toBe('MINE_NOT_FOUND');
    });
  },
});
