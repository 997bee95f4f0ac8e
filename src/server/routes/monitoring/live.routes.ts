import { z } from 'zod';
import { isInScope, requirePermission } from '../../../core/access/permissions.ts';
import { conflict } from '../../../core/errors.ts';
import type { LiveEvent } from '../../../monitoring/live-hub.ts';
import { routeModule } from '../../route-kit.ts';
import { digestToken } from '../../../core/access/authentication.ts';
import { SESSION_COOKIE } from '../../auth.ts';
import { mineInScope, monitoringOf } from './monitoring-access.ts';
import { scenarioStartSchema, scenariosSchema } from './monitoring.schemas.ts';

const HEARTBEAT_MS = 15_000;

export const registerLiveRoutes = routeModule(['monitoring'], (route, deps) => {
  route.get(
    '/api/live',
    {
      summary:
        'Server-Sent Events: `alarm` for every alarm change in your scope; with mineId also `readings` (≤ 1/s) and `personnel` of that mine.',
      query: z.object({ mineId: z.string().min(1).max(100).optional() }),
    },
    async ({ principal: p, query, req, reply }) => {
      requirePermission(p, 'alarm.read');
      const m = monitoringOf(deps);
      const mineId = query.mineId ?? null;
      if (mineId !== null) await mineInScope(m, p, mineId, 'monitoring.read');
      // A notification hint goes to every session whose scope overlaps its region (a mine's own path).
      const ownPath =
        p.scope.kind === 'mine'
          ? ((await deps.ports.mines.get(p.scope.mineId))?.regionPath ?? null)
          : p.scopePath;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\n: connected\n\n`);
      const send = (e: LiveEvent) => {
        if (e.kind === 'notifications') {
          if (ownPath === null || !(ownPath.startsWith(e.regionPath) || e.regionPath.startsWith(ownPath)))
            return;
        } else if (!isInScope(p, { regionPath: e.regionPath, mineId: e.mineId })) return;
        const data = e.kind === 'alarm' ? e.alarm : e.kind === 'notifications' ? {} : e;
        res.write(`event: ${e.kind}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = m.hub.subscribe({ mineId, deliver: send });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      // A session's feed ends with the session: at logout, or when it expires (issue 13).
      const cookie = p.via === 'session' ? req.cookies[SESSION_COOKIE] : undefined;
      const unregister = cookie
        ? route.app.sessionFeeds.add(
            digestToken(cookie),
            req.sessionExpiresAt,
            deps.ports.clock.nowMs(),
            () => {
              res.write('event: session-ended\ndata: {}\n\n');
              res.end();
            },
          )
        : () => undefined;
      res.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        unregister();
      });
    },
  );

  route.get(
    '/api/scenarios',
    {
      summary: 'Demo scenarios: whether the simulator runs, what can start, what runs.',
      response: scenariosSchema,
    },
    async ({ principal: p }) => {
      requirePermission(p, 'alarm.read');
      const s = deps.monitoring?.scenarios;
      if (!s) return { running: false, available: [], active: [] };
      // Running scenarios name their mine: only those of mines in the caller's scope are listed.
      const inScope = await monitoringOf(deps).view.scopePredicate(p);
      return { running: true, available: s.available(), active: s.active().filter((a) => inScope(a.mineId)) };
    },
  );

  route.post(
    '/api/scenarios',
    {
      summary:
        'Start a scripted incident in the demo simulator (songzao: belt fire; diaoshuidong: people in a closed mine).',
      body: z.object({
        name: z.enum(['songzao', 'diaoshuidong']),
        mineId: z.string().min(1).max(100).optional(),
      }),
      response: scenarioStartSchema,
      status: 201,
    },
    async ({ principal: p, body }) => {
      requirePermission(p, 'scenario.start');
      const s = deps.monitoring?.scenarios;
      if (!s)
        throw conflict(
          'SIMULATOR_NOT_RUNNING',
          'The demo simulator is not running (start with `npm start`).',
        );
      const m = monitoringOf(deps);
      if (body.mineId !== undefined) await mineInScope(m, p, body.mineId, 'monitoring.read');
      const scenario = await s.start(body.name, body.mineId ?? null, await m.view.scopePredicate(p));
      return { scenario };
    },
  );
});
