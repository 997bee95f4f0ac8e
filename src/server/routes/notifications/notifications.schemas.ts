import { z } from 'zod';
import type {
  NotificationItem,
  NotificationKind,
  NotificationsView,
} from '../../../core/notifications/notification-use-cases.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

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
  ...fields.nullableStrings('mineId', 'mineName', 'title', 'code'),
  level: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  ...fields.nullableNumbers('atMs', 'count'),
  isRead: z.boolean(),
});

export const notificationsViewSchema = shaped<NotificationsView>()(
  z
    .object({ asOf: z.string(), unread: z.number().int(), items: z.array(notificationItemSchema) })
    .meta({ id: 'NotificationsResponse' }),
);
