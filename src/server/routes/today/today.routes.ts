import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../../core/access/permissions.ts';
import { getToday, TODAY_KINDS } from '../../../core/today/today-use-cases.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { resumptionDeps } from '../orders/orders.routes.ts';

const kind = z.enum(TODAY_KINDS as [string, ...string[]]);
const todayItem = z.object({
  kind,
  ref: z.string(),
  mineId: z.string().nullable(),
  mineName: z.string().nullable(),
  mineCode: z.string().nullable(),
  title: z.string().nullable(),
  dueOn: z.string().nullable(),
  atMs: z.number().nullable(),
  code: z.string().nullable(),
  count: z.number().nullable(),
});
const todayResponse = z.object({
  asOf: z.string(),
  today: z.string(),
  sections: z.array(z.object({ kind, total: z.number().int(), items: z.array(todayItem) })),
});

/** GET /api/today: the caller's work list (src/core/today), in their scope. */
export function registerTodayRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/today',
    {
      schema: {
        tags: ['today'],
        summary:
          "Today's work list in your scope: unacknowledged critical alarms, accidents, mines that must not produce, overdue and due hazards, resumption steps and deadlines, directives not read back, coverage gaps and visits due.",
        response: { 200: todayResponse },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requirePermission(p, 'region.read');
      return getToday(
        { ...deps.ports, ...resumptionDeps(deps.ports), monitoring: deps.monitoring?.view ?? null },
        p,
      );
    },
  );
}
