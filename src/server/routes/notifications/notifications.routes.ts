import { z } from 'zod';
import { requirePermission } from '../../../core/access/permissions.ts';
import {
  getNotifications,
  markNotificationsRead,
  MAX_MARK_KEYS,
} from '../../../core/notifications/notification-use-cases.ts';
import { routeModule } from '../../route-kit.ts';
import { noContent } from '../../route-schemas.ts';
import { resumptionDeps } from '../orders/orders.routes.ts';
import { notificationsViewSchema } from './notifications.schemas.ts';

/** The notification bell (src/core/notifications): what is addressed to the caller, and marking it read. */
export const registerNotificationRoutes = routeModule(['today'], (route, { monitoring, ports }) => {
  route.get(
    '/api/notifications',
    {
      summary:
        'Your notification bell: directives reaching your scope, alarms escalated to your level, and overdue work (hazards past deadline, orders past their notice or evacuation deadline), each marked read or not, with the unread count.',
      response: notificationsViewSchema,
    },
    ({ principal: p }) => {
      requirePermission(p, 'region.read');
      return getNotifications(
        { ...ports, ...resumptionDeps(ports), monitoring: monitoring?.view ?? null },
        p,
      );
    },
  );
  route.post(
    '/api/notifications/read',
    {
      summary: 'Mark notifications read for you (by their keys); a key already read stays read.',
      body: z.object({ keys: z.array(z.string().min(1).max(200)).min(1).max(MAX_MARK_KEYS) }),
      response: noContent,
      status: 204,
    },
    async ({ principal: p, body }) => {
      requirePermission(p, 'region.read');
      await markNotificationsRead(ports, p, body.keys);
    },
  );
});
