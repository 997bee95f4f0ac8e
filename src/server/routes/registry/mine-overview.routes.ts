import type { FastifyInstance } from 'fastify';
import { accidentHistoryOf } from '../../../core/briefing/briefing-use-cases.ts';
import { getMineOverview } from '../../../core/overview/mine-overview.ts';
import type { AppDeps } from '../../app.ts';
import { idParams } from '../../route-schemas.ts';
import { routeKit } from '../../route-kit.ts';
import { mineOverviewSchema } from './mine-overview.schemas.ts';

/** GET /api/mines/:id/overview: the mine's 360° page in one answer (src/core/overview). */
export function registerMineOverviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const route = routeKit(app, ['registry']);
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
          ...deps.ports,
          monitoring: deps.monitoring?.view ?? null,
          accidentHistory: accidentHistoryOf(deps.ports),
        },
        principal,
        params.id,
      ),
  );
}
