import { z } from 'zod';
import {
  ALARM_PRIORITIES,
  type AlarmPriority,
  type AlarmState,
} from '../../../core/monitoring/alarms/alarm-lifecycle.ts';
import type { AlarmGroup, AlarmGroupKind } from '../../../core/monitoring/flood/alarm-grouping.ts';
import type { AlarmView } from '../../../core/monitoring/monitoring-ports.ts';
import { shaped } from '../../route-schemas.ts';
import { alarmRuleSchema, evidenceItemSchema } from '../hazards/hazards.schemas.ts';

/** Answers of the monitoring routes (the alarm console so far; the other monitoring routes are pending). */

const ALARM_STATES = [
  'normal',
  'unack_active',
  'ack_active',
  'rtn_unack',
  'shelved',
  'suppressed',
  'out_of_service',
] as const satisfies readonly AlarmState[];

export const alarmStateSchema = z.enum(ALARM_STATES).meta({ id: 'AlarmState' });
export const alarmPrioritySchema = z
  .enum(ALARM_PRIORITIES as [AlarmPriority, ...AlarmPriority[]])
  .meta({ id: 'AlarmPriority' });

export const alarmViewSchema = shaped<AlarmView>()(
  z
    .object({
      id: z.string(),
      mineId: z.string(),
      pointId: z.number().nullable(),
      subject: z.string(),
      rule: alarmRuleSchema,
      message: z.string(),
      value: z.number().nullable(),
      peakValue: z.number().nullable(),
      peakMs: z.number().nullable(),
      firstRaisedMs: z.number(),
      updatedMs: z.number(),
      receivedMs: z.number(),
      activations: z.number(),
      evidence: z.array(evidenceItemSchema).nullable().optional(),
      state: alarmStateSchema,
      priority: alarmPrioritySchema,
      conditionActive: z.boolean(),
      activeSinceMs: z.number().nullable(),
      activeSinceReceivedMs: z.number().nullable(),
      escalatedAtMs: z.number().nullable(),
      escalationLevel: z.number(),
      shelvedUntilMs: z.number().nullable(),
      lastActor: z.string().nullable(),
      lastComment: z.string().nullable(),
      mineName: z.string(),
      mineCode: z.string(),
      regionName: z.string(),
      regionNameEn: z.string(),
      regionPath: z.string(),
      sensorType: z.string().nullable(),
      location: z.string().nullable(),
      unit: z.string().nullable(),
      substationCode: z.string().nullable(),
    })
    .meta({ id: 'AlarmView' }),
);

const ALARM_GROUP_KINDS = [
  'incident',
  'stop_order',
  'mine_outage',
  'gateway_outage',
  'burst',
] as const satisfies readonly AlarmGroupKind[];

const alarmGroupFields = {
  id: z.string(),
  kind: z.enum(ALARM_GROUP_KINDS),
  parentAlarmId: z.string().nullable(),
  label: z.string(),
  mineId: z.string().nullable(),
  mineName: z.string().nullable(),
  mineCount: z.number(),
  priority: alarmPrioritySchema,
  childIds: z.array(z.string()),
  unacknowledged: z.number(),
  sinceMs: z.number(),
};
shaped<AlarmGroup>()(z.object(alarmGroupFields));

/** GET /api/alarms/console: the parents (incidents, floods by cause) with their children. */
export const alarmConsoleSchema = z
  .object({
    groups: z.array(
      z
        .object({
          ...alarmGroupFields,
          parent: alarmViewSchema.nullable(),
          articles: z.array(z.object({ zh: z.string(), en: z.string() })).readonly(),
          children: z.array(alarmViewSchema),
        })
        .meta({ id: 'AlarmConsoleGroup' }),
    ),
    groupedIds: z.array(z.string()),
    openAlarms: z.number(),
    shown: z.number(),
  })
  .meta({ id: 'AlarmConsole' });
