import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import type { AppDeps, MonitoringDeps } from '../../app.ts';
import { registerListExport } from '../../list-export-route.ts';
import { principalOf } from '../../auth.ts';
import { consoleGroupingOf } from './alarm-console.routes.ts';
import { monitoringOf } from './monitoring-access.ts';
import { regionIdSchema, regionQuery } from '../../route-schemas.ts';
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

export function registerAlarmRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;

  r.get(
    '/api/alarms',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Alarms in your scope: critical first, unacknowledged first, newest first.',
        querystring: alarmFilters.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: alarmPageSchema },
      },
    },
    async (req) =>
      searchAlarmsInScope(ports, principalOf(req), req.query, {
        offset: (req.query.page - 1) * req.query.pageSize,
        limit: req.query.pageSize,
      }),
  );

  registerListExport(app, deps, {
    url: '/api/alarms/export',
    list: 'alarms',
    tags: ['alarms'],
    filters: alarmFilters,
    columns: ALARM_COLUMNS,
    load: async (p, f, limit) => (await searchAlarmsInScope(ports, p, f, { offset: 0, limit })).items,
  });

  r.get(
    '/api/alarms/kpis',
    {
      schema: {
        tags: ['alarms'],
        summary:
          'Alarm-system KPIs (ISA-18.2): load per mine, floods, chattering and stale alarms, priorities.',
        querystring: regionQuery,
        response: { 200: alarmKpisSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requirePermission(p, 'alarm.read');
      const m = monitoringOf(deps);
      const scope = await scopedMineFilter(ports, p, req.query.regionId);
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

  r.get(
    '/api/alarms/:id',
    {
      schema: {
        tags: ['alarms'],
        summary: 'One alarm with the full history of its transitions.',
        params: alarmParams,
        response: { 200: alarmDetailSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requirePermission(p, 'alarm.read');
      const m = monitoringOf(deps);
      const [a] = await m.view.alarms([req.params.id]);
      if (!a || !isInScope(p, { regionPath: a.regionPath, mineId: a.mineId })) {
        throw notFound('ALARM_NOT_FOUND', `No alarm "${req.params.id}" in your scope.`);
      }
      return { alarm: a, events: await ports.monitoring.alarmEvents(a.id) };
    },
  );

  r.post(
    '/api/alarms/:id/acknowledge',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Acknowledge an alarm with a comment (what was done).',
        params: alarmParams,
        body: z.object({ comment: z.string().max(2000) }),
        response: { 200: alarmActionSchema },
      },
    },
    async (req) => {
      const m = monitoringOf(deps);
      const alarm = await m.view.act(
        principalOf(req),
        req.params.id,
        { kind: 'acknowledge', actor: principalOf(req).displayName, comment: req.body.comment },
        req.body.comment.trim(),
      );
      return { alarm };
    },
  );

  r.post(
    '/api/alarms/:id/shelve',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Shelve an alarm for 1–480 minutes with a reason; it returns by itself.',
        params: alarmParams,
        body: z.object({ reason: z.string().max(2000), minutes: z.number().int() }),
        response: { 200: alarmActionSchema },
      },
    },
    async (req) => {
      const m = monitoringOf(deps);
      const p = principalOf(req);
      const untilMs = shelveUntil(ports.clock.nowMs(), req.body.minutes);
      const alarm = await m.view.act(
        p,
        req.params.id,
        { kind: 'shelve', actor: p.displayName, reason: req.body.reason, untilMs },
        req.body.reason.trim(),
      );
      return { alarm };
    },
  );

  r.post(
    '/api/alarms/:id/unshelve',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Return a shelved alarm to the console.',
        params: alarmParams,
        body: z.object({}).optional(),
        response: { 200: alarmActionSchema },
      },
    },
    async (req) => {
      const m = monitoringOf(deps);
      const p = principalOf(req);
      return {
        alarm: await m.view.act(p, req.params.id, { kind: 'unshelve', actor: p.displayName }, null),
      };
    },
  );

  r.post(
    '/api/alarms/:id/out-of-service',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Take an alarm out of service (e.g. a sensor being replaced), with a reason.',
        params: alarmParams,
        body: z.object({ reason: z.string().max(2000) }),
        response: { 200: alarmActionSchema },
      },
    },
    async (req) => {
      const m = monitoringOf(deps);
      const p = principalOf(req);
      const alarm = await m.view.act(
        p,
        req.params.id,
        { kind: 'remove_from_service', actor: p.displayName, reason: req.body.reason },
        req.body.reason.trim(),
      );
      return { alarm };
    },
  );

  r.post(
    '/api/alarms/:id/return-to-service',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Return an alarm to service; it re-enters the state of its condition.',
        params: alarmParams,
        body: z.object({}).optional(),
        response: { 200: alarmActionSchema },
      },
    },
    async (req) => {
      const m = monitoringOf(deps);
      const p = principalOf(req);
      return {
        alarm: await m.view.act(p, req.params.id, { kind: 'return_to_service', actor: p.displayName }, null),
      };
    },
  );

  r.get(
    '/api/overview/alarms',
    {
      schema: {
        tags: ['alarms'],
        summary: 'Per mine: active alarms by priority, unacknowledged, people underground (for badges).',
        querystring: regionQuery,
        response: { 200: alarmOverviewSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requirePermission(p, 'alarm.read');
      const m = monitoringOf(deps);
      const scope = await scopedMineFilter(ports, p, req.query.regionId);
      const badges = mineAlarmBadges(await openAlarmsInScope(m, p, scope));
      const underground = await m.view.undergroundCounts(badges.map((x) => x.mineId));
      return { mines: badges.map((x) => ({ ...x, underground: underground.get(x.mineId) ?? 0 })) };
    },
  );
}
