import { z } from 'zod';
import type {
  NotificationItem,
  NotificationKind,
  NotificationsView,
} from '../../../core/notifications/notification-use-cases.ts';
import { component, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the notification bell's routes, tied to the core's types. */

const KINDS: readonly NotificationKind[] = [
  'directive',
  'escalation',
  'hazard_overdue',
  'notice_overdue',
  'resumption_decision_overdue',
  'people_under_order',
];

export const notificationKindSchema = namedEnum(KINDS, 'NotificationKind');

export const notificationItemSchema = component<NotificationItem>()('NotificationItem', {
  key: z.string(),
  kind: notificationKindSchema,
  ref: z.string(),
  mineId: z.string().nullable(),
  mineName: z.string().nullable(),
  title: z.string().nullable(),
  code: z.string().nullable(),
  level: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  atMs: z.number().nullable(),
  count: z.number().nullable(),
  isRead: z.boolean(),
});

export const notificationsViewSchema = shaped<NotificationsView>()(
  z
    .object({ asOf: z.string(), unread: z.number().int(), items: z.array(notificationItemSchema) })
    .meta({ id: 'NotificationsResponse' }),
);
