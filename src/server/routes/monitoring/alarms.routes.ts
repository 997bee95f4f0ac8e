import { z } from 'zod';
import { isInScope, requirePermission } from '../../../core/access/permissions.ts';
import type { Principal } from '../../../core/access/types.ts';
import { notFound } from '../../../core/errors.ts';
import {
  ALARM_KPI_WINDOW_MS,
  chatteringAlarmIds,
  computeAlarmKpis,
  mineAlarmBadges,
} from '../../../core/monitoring/alarms/alarm-kpis.ts';
import { ALARM_PRIORITIES, type AlarmState } from '../../../core/monitoring/alarms/alarm-lifecycle.ts';
import { shelveUntil } from '../../../core/monitoring/alarms/alarm-use-cases.ts';
import { ALARM_RULES } from '../../../core/monitoring/engine/engine-types.ts';
import type { AlarmView } from '../../../core/monitoring/monitoring-ports.ts';
import { scopedMineFilter } from '../../../core/registry/mine-use-cases.ts';
import type { Ports } from '../../../core/ports.ts';
import { ALARM_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import type { MonitoringDeps } from '../../app.ts';
import type { AlarmEvent } from '../../../core/monitoring/alarms/alarm-lifecycle.ts';
import { routeModule } from '../../route-kit.ts';
import { consoleGroupingOf } from './alarm-console.routes.ts';
import { alarmScopeOf, monitoringOf } from './monitoring-access.ts';
import { pageFields, regionIdSchema, regionQuery } from '../../route-schemas.ts';
import {
  alarmActionSchema,
  alarmDetailSchema,
  alarmKpisSchema,
  alarmOverviewSchema,
  alarmPageSchema,
} from './monitoring.schemas.ts';

const STATE_FILTERS: Record<string, readonly AlarmState[] | undefined> = {
  active: ['unack_active', 'ack_active', 'rtn_unack'],
  unacknowledged: ['unack_active', 'rtn_unack'],
  shelved: ['shelved'],
  all: undefined,
};

const alarmParams = z.object({ id: z.string().min(1).max(200) });

const alarmFilters = z.object({
  regionId: regionIdSchema.optional(),
  mineId: z.string().min(1).max(100).optional(),
  priority: z.enum(ALARM_PRIORITIES as [string, ...string[]]).optional(),
  state: z.enum(['active', 'unacknowledged', 'shelved', 'all']).default('active'),
  rule: z.enum(ALARM_RULES as [string, ...string[]]).optional(),
});

/** The alarm list (and its export): the filters within the caller's scope, critical first. */
async function searchAlarmsInScope(
  ports: Ports,
  p: Principal,
  q: z.infer<typeof alarmFilters>,
  page: { offset: number; limit: number },
) {
  requirePermission(p, 'alarm.read');
  const scope = await scopedMineFilter(ports, p, q.regionId);
  if (q.mineId !== undefined) {
    const mine = await ports.mines.get(q.mineId);
    if (!mine || !isInScope(p, { regionPath: mine.regionPath, mineId: mine.id })) {
      throw notFound('MINE_NOT_FOUND', `No mine "${q.mineId}" in your scope.`);
    }
  }
  return ports.monitoring.searchAlarms({
    regionPath: scope.regionPath,
    mineId: q.mineId ?? scope.mineId,
    priority: q.priority as never,
    rule: q.rule as never,
    states: STATE_FILTERS[q.state],
    ...page,
  });
}

/** The alarms not back to normal in the filter (derived from the caller's scope) that the caller may see. */
async function openAlarmsInScope(
  m: MonitoringDeps,
  principal: Principal,
  filter: { regionPath?: string; mineId?: string },
): Promise<AlarmView[]> {
  const alarms = await m.view.openAlarms(filter);
  return alarms.filter((a) => isInScope(principal, { regionPath: a.regionPath, mineId: a.mineId }));
}

export const registerAlarmRoutes = routeModule(['alarms'], (route, deps) => {
  const { ports } = deps;

  route.get(
    '/api/alarms',
    {
      summary: 'Alarms in your scope: critical first, unacknowledged first, newest first.',
      query: alarmFilters.extend(pageFields),
      response: alarmPageSchema,
    },
    ({ principal, query }) =>
      searchAlarmsInScope(ports, principal, query, {
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
  );

  route.listExport({
    url: '/api/alarms/export',
    list: 'alarms',
    filters: alarmFilters,
    columns: ALARM_COLUMNS,
    load: async (p, f, limit) => (await searchAlarmsInScope(ports, p, f, { offset: 0, limit })).items,
  });

  route.get(
    '/api/alarms/kpis',
    {
      summary:
        'Alarm-system KPIs (ISA-18.2): load per mine, floods, chattering and stale alarms, priorities.',
      query: regionQuery,
      response: alarmKpisSchema,
    },
    async ({ principal: p, query }) => {
      const { m, scope } = await alarmScopeOf(deps, p, query.regionId);
      const now = ports.clock.nowMs();
      const { alarms, grouping } = await consoleGroupingOf(deps, m, p, scope);
      const events = await ports.monitoring.eventsSince(
        now - ALARM_KPI_WINDOW_MS,
        scope.regionPath ?? null,
        scope.mineId ?? null,
      );
      const chatteringIds = chatteringAlarmIds(events, now).map(([id]) => id);
      return computeAlarmKpis({
        nowMs: now,
        openAlarms: alarms,
        grouping,
        events,
        chatteringAlarms: new Map((await m.view.alarms(chatteringIds)).map((a) => [a.id, a])),
        minesWithAlarms: await m.view.countMinesWithAlarms(scope),
      });
    },
  );

  route.get(
    '/api/alarms/:id',
    {
      summary: 'One alarm with the full history of its transitions.',
      params: alarmParams,
      response: alarmDetailSchema,
    },
    async ({ principal: p, params }) => {
      requirePermission(p, 'alarm.read');
      const m = monitoringOf(deps);
      const [a] = await m.view.alarms([params.id]);
      if (!a || !isInScope(p, { regionPath: a.regionPath, mineId: a.mineId })) {
        throw notFound('ALARM_NOT_FOUND', `No alarm "${params.id}" in your scope.`);
      }
      return { alarm: a, events: await ports.monitoring.alarmEvents(a.id) };
    },
  );

  /** An operator's action on one alarm: the lifecycle event it records and the note audited with it. */
  const alarmAction = <B extends z.ZodType>(
    verb: string,
    summary: string,
    body: B,
    action: (body: z.output<B>, actor: string) => { event: AlarmEvent; note: string | null },
  ) =>
    route.post(
      `/api/alarms/:id/${verb}`,
      { summary, params: alarmParams, body, response: alarmActionSchema },
      async ({ principal, params, body }) => {
        const { event, note } = action(body as z.output<B>, principal.displayName);
        return { alarm: await monitoringOf(deps).view.act(principal, params.id, event, note) };
      },
    );
  const noBody = z.object({}).optional();
  const reasonBody = z.object({ reason: z.string().max(2000) });

  alarmAction(
    'acknowledge',
    'Acknowledge an alarm with a comment (what was done).',
    z.object({ comment: z.string().max(2000) }),
    ({ comment }, actor) => ({ event: { kind: 'acknowledge', actor, comment }, note: comment.trim() }),
  );
  alarmAction(
    'shelve',
    'Shelve an alarm for 1–480 minutes with a reason; it returns by itself.',
    reasonBody.extend({ minutes: z.number().int() }),
    ({ reason, minutes }, actor) => ({
      event: { kind: 'shelve', actor, reason, untilMs: shelveUntil(ports.clock.nowMs(), minutes) },
      note: reason.trim(),
    }),
  );
  alarmAction('unshelve', 'Return a shelved alarm to the console.', noBody, (_, actor) => ({
    event: { kind: 'unshelve', actor },
    note: null,
  }));
  alarmAction(
    'out-of-service',
    'Take an alarm out of service (e.g. a sensor being replaced), with a reason.',
    reasonBody,
    ({ reason }, actor) => ({ event: { kind: 'remove_from_service', actor, reason }, note: reason.trim() }),
  );
  alarmAction(
    'return-to-service',
    'Return an alarm to service; it re-enters the state of its condition.',
    noBody,
    (_, actor) => ({ event: { kind: 'return_to_service', actor }, note: null }),
  );

  route.get(
    '/api/overview/alarms',
    {
      summary: 'Per mine: active alarms by priority, unacknowledged, people underground (for badges).',
      query: regionQuery,
      response: alarmOverviewSchema,
    },
    async ({ principal: p, query }) => {
      const { m, scope } = await alarmScopeOf(deps, p, query.regionId);
      const badges = mineAlarmBadges(await openAlarmsInScope(m, p, scope));
      const underground = await m.view.undergroundCounts(badges.map((x) => x.mineId));
      return { mines: badges.map((x) => ({ ...x, underground: underground.get(x.mineId) ?? 0 })) };
    },
  );
});
