import { z } from 'zod';
import { isInScope } from '../../../core/access/permissions.ts';
import type { Principal } from '../../../core/access/types.ts';
import { INCIDENT_ARTICLES } from '../../../core/monitoring/correlation/incident-correlator.ts';
import { isIncidentRule } from '../../../core/monitoring/engine/engine-types.ts';
import {
  groupAlarms,
  type ConsoleGrouping,
  type StopOrderRef,
} from '../../../core/monitoring/flood/alarm-grouping.ts';
import type { AlarmView } from '../../../core/monitoring/monitoring-ports.ts';
import type { AppDeps, MonitoringDeps } from '../../app.ts';
import { routeModule } from '../../route-kit.ts';
import { alarmScopeOf, regionIdQuery } from './monitoring-access.ts';
import { alarmConsoleSchema } from './monitoring.schemas.ts';

/** Stop orders in force that the grouping may attribute alarms to (newest first). */
async function stopOrdersInForce(deps: AppDeps): Promise<StopOrderRef[]> {
  const orders = (await deps.ports.orders.listOrders({ status: 'in_force' }, 100)).filter(
    (o) => o.kind !== 'lift',
  );
  return Promise.all(
    orders.map(async (o) => ({
      id: o.id,
      number: o.number,
      effectiveAtMs: Date.parse(o.effectiveAt),
      mineIds: (await deps.ports.orders.listOrderMines(o.id))
        .filter((r) => r.outcome === 'affected' && r.liftedAt === null)
        .map((r) => r.mineId),
    })),
  );
}

/**
 * The open alarms the caller may see in `scope` and how the console groups them (ADR 0012). Shared by
 * the console and the KPIs, so both count a parent once.
 */
export async function consoleGroupingOf(
  deps: AppDeps,
  m: MonitoringDeps,
  principal: Principal,
  scope: { regionPath?: string; mineId?: string },
): Promise<{ alarms: AlarmView[]; grouping: ConsoleGrouping }> {
  const alarms = (await m.view.openAlarms(scope)).filter((a) =>
    isInScope(principal, { regionPath: a.regionPath, mineId: a.mineId }),
  );
  const orders = alarms.some(
    (a) => a.rule === 'people_in_stopped_mine' || a.rule === 'activity_in_stopped_mine',
  )
    ? await stopOrdersInForce(deps)
    : [];
  return { alarms, grouping: groupAlarms(alarms, orders) };
}

export const registerAlarmConsoleRoutes = routeModule(['alarms'], (route, deps) => {
  route.get(
    '/api/alarms/console',
    {
      summary:
        'The console’s parents: correlation incidents first (with evidence and articles), then floods grouped by cause (a stop order, an outage, a burst), each with its children.',
      query: z.object({
        regionId: regionIdQuery,
        mineId: z.string().min(1).max(100).optional(),
      }),
      response: alarmConsoleSchema,
    },
    async ({ principal: p, query }) => {
      const { m, scope } = await alarmScopeOf(deps, p, query.regionId);
      const filter = query.mineId === undefined ? scope : { ...scope, mineId: query.mineId };
      const { alarms, grouping } = await consoleGroupingOf(deps, m, p, filter);
      const byId = new Map(alarms.map((a) => [a.id, a]));
      const groups = grouping.groups.map((g) => {
        const parent = g.parentAlarmId === null ? null : (byId.get(g.parentAlarmId) ?? null);
        return {
          ...g,
          parent,
          articles: parent && isIncidentRule(parent.rule) ? INCIDENT_ARTICLES[parent.rule] : [],
          children: g.childIds.flatMap((id) => byId.get(id) ?? []),
        };
      });
      return {
        groups,
        /** Ids of every alarm a parent stands for (the console leaves them out of its table). */
        groupedIds: [...grouping.groupOf.keys()].sort(),
        openAlarms: alarms.length,
        /** What the operator sees: each parent once, plus the alarms in no group. */
        shown: groups.length + alarms.length - grouping.groupOf.size,
      };
    },
  );
});
