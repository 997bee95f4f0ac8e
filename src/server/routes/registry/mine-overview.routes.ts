import { accidentHistoryOf } from '../../../core/briefing/briefing-use-cases.ts';
import { getMineOverview } from '../../../core/overview/mine-overview.ts';
import { idParams } from '../../route-schemas.ts';
import { routeModule } from '../../route-kit.ts';
import { mineOverviewSchema } from './mine-overview.schemas.ts';

/** GET /api/mines/:id/overview: the mine's 360° page in one answer (src/core/overview). */
export const registerMineOverviewRoutes = routeModule(['registry'], (route, { monitoring, ports }) => {
  route.get(
    '/api/mines/:id/overview',
    {
      summary:
        "One mine's 360° view in your scope: open and overdue hazards, orders in force, supervision (plan, responsible person, group, leader, last visits, gaps), its risk score and rank with the factors, live alarms and incidents, closure, accidents and cases. A section your role may not read is null.",
      params: idParams,
      response: mineOverviewSchema,
    },
    ({ principal, params }) =>
      getMineOverview(
        {
          ...ports,
          monitoring: monitoring?.view ?? null,
          accidentHistory: accidentHistoryOf(ports),
        },
        principal,
        params.id,
      ),
  );
});
