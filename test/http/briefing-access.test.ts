import { expect, it } from 'vitest';
import { createAccessKit, type AccessWalk } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { errorOf } from './http-kit.ts';
import { BRIEFING_WALKED_ROUTES } from './route-walks.ts';

/**
 * The briefing rows of the authorization matrix: every briefing route × every demo user × the county of
 * target A and of target B (test/support/access-walk.ts); a region outside the scope → 404 REGION_NOT_FOUND.
 */
const kit = createAccessKit(await createWorld());
const PERIOD = 'from=2026-11-01&to=2026-12-31';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const report = (path: string, type: string, withPeriod = true): AccessWalk => ({
  key: `GET /api/briefing/${path}`,
  permission: path === 'risk' || path === 'next-visits' ? 'risk.read' : 'briefing.read',
  scope: 'region',
  ok: 200,
  notFoundCode: 'REGION_NOT_FOUND',
  type,
  call: (t) => ({ url: `/api/briefing/${path}?regionId=${t.region.id}${withPeriod ? `&${PERIOD}` : ''}` }),
});

kit.walk({
  module: 'briefing',
  walkedRoutes: BRIEFING_WALKED_ROUTES,
  walks: [
    report('summary', 'application/json'),
    report('report.pdf', 'application/pdf'),
    report('report.xlsx', XLSX),
    report('risk', 'application/json', false),
    report('next-visits', 'application/json', false),
  ],
  more() {
    it('a bad period is a 400 with a specific code', async () => {
      const res = await kit.app.inject({
        method: 'GET',
        url: `/api/briefing/summary?regionId=${kit.targets[0].region.id}&from=2026-12-31&to=2026-12-01`,
        headers: kit.as('province'),
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('BRIEFING_PERIOD_INVALID');
    });
  },
});
