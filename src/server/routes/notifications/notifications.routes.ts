import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../../core/access/permissions.ts';
import {
  getNotifications,
  markNotificationsRead,
  MAX_MARK_KEYS,
} from '../../../core/notifications/notification-use-cases.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { noContent } from '../../route-schemas.ts';
import { resumptionDeps } from '../orders/orders.routes.ts';
import { notificationsViewSchema } from './notifications.schemas.ts';

/** The notification bell (src/core/notifications): what is addressed to the caller, and marking it read. */
export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['today'],
        summary:
          'Your notification bell: directives reaching your scope, alarms escalated to your level, and overdue work (hazards past deadline, orders past their notice or evacuation deadline), each marked read or not, with the unread count.',
        response: { 200: notificationsViewSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      requirePermission(p, 'region.read');
      return getNotifications(
        { ...deps.ports, ...resumptionDeps(deps.ports), monitoring: deps.monitoring?.view ?? null },
        p,
      );
    },
  );
  r.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['today'],
        summary: 'Mark notifications read for you (by their keys); a key already read stays read.',
        body: z.object({ keys: z.array(z.string().min(1).max(200)).min(1).max(MAX_MARK_KEYS) }),
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      requirePermission(p, 'region.read');
      await markNotificationsRead(deps.ports, p, req.body.keys);
      return reply.status(204).send(null);
    },
  );
}
