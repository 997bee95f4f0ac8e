import { z } from 'zod';
import {
  ALARM_LINK_KINDS,
  getAlarmDraft,
  listAlarmLinks,
  type AlarmDraft,
  type AlarmLink,
  type AlarmLinkKind,
} from '../../../core/monitoring/alarm-links.ts';
import { routeModule } from '../../route-kit.ts';
import { component, fields, itemsOf } from '../../route-schemas.ts';
import { caseTypeSchema } from '../closure/closure.schemas.ts';

const alarmParams = z.object({ id: z.string().min(1).max(300) });

export const alarmLinkSchema = component<AlarmLink>()('AlarmLink', {
  alarmId: z.string(),
  kind: z.enum(ALARM_LINK_KINDS as [AlarmLinkKind, ...AlarmLinkKind[]]),
  ...fields.strings('targetId', 'title', 'mineId', 'createdBy', 'createdByName', 'createdAt'),
});

export const alarmDraftSchema = component<AlarmDraft>()('AlarmDraft', {
  ...fields.strings('alarmId', 'mineId', 'mineName', 'mineCode', 'title', 'summary', 'description'),
  pointCode: z.string().nullable(),
  caseType: caseTypeSchema.nullable(),
});

/**
 * One click from the alarm console (issue 15): what the hazard, order and case forms are pre-filled with
 * from an alarm, and what was made from it. The items themselves are created by their own routes with
 * `alarmId`, which stores the link in the same transaction.
 */
export const registerAlarmLinkRoutes = routeModule(['alarms'], (route, { ports }) => {
  route.get(
    '/api/alarms/:id/links',
    {
      summary: 'The hazards, orders and cases made from an alarm in your scope, oldest first.',
      params: alarmParams,
      response: itemsOf(alarmLinkSchema),
    },
    ({ principal, params }) => listAlarmLinks(ports, principal, params.id),
  );
  route.get(
    '/api/alarms/:id/draft',
    {
      summary:
        'What a hazard, order or case made from this alarm is pre-filled with: its mine, a Chinese title, summary and description (rule by name, data times in China Standard Time, the alarm id as reference), the point and the case type.',
      params: alarmParams,
      response: alarmDraftSchema,
    },
    ({ principal, params }) => getAlarmDraft(ports, principal, params.id),
  );
});
