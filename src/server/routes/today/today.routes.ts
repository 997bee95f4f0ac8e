import { requirePermission } from '../../../core/access/permissions.ts';
import { getToday } from '../../../core/today/today-use-cases.ts';
import { routeModule } from '../../route-kit.ts';
import { resumptionDeps } from '../orders/orders.routes.ts';
import { todayViewSchema } from './today.schemas.ts';

/** GET /api/today: the caller's work list (src/core/today), in their scope. */
export const registerTodayRoutes = routeModule(['today'], (route, { monitoring, ports }) => {
  route.get(
    '/api/today',
    {
      summary:
        "Today's work list in your scope: unacknowledged critical alarms, accidents, mines that must not produce, overdue and due hazards, resumption steps and deadlines, directives not read back, coverage gaps and visits due.",
      response: todayViewSchema,
    },
    ({ principal: p }) => {
      requirePermission(p, 'region.read');
      return getToday({ ...ports, ...resumptionDeps(ports), monitoring: monitoring?.view ?? null }, p);
    },
  );
});
