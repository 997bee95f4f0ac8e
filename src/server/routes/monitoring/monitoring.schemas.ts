import { z } from 'zod';
import { ALARM_PRIORITIES, ALARM_STATES } from '../../../core/monitoring/alarms/alarm-lifecycle.ts';
import type { AlarmGroup, AlarmGroupKind } from '../../../core/monitoring/flood/alarm-grouping.ts';
import type { AlarmKpis, MineAlarmBadge } from '../../../core/monitoring/alarms/alarm-kpis.ts';
import type { PointThresholds } from '../../../core/monitoring/alarm-evaluator.ts';
import type { PointRecord } from '../../../core/monitoring/engine/engine-types.ts';
import type { PersonUnderground } from '../../../core/monitoring/engine/personnel-rules.ts';
import type { FloodLine } from '../../../core/monitoring/flood/flood-kpis.ts';
import type { AlarmEventRow, AlarmView, Series } from '../../../core/monitoring/monitoring-ports.ts';
import type { PersonnelAreaCount } from '../../../monitoring/monitoring-view.ts';
import type { ScenarioControl } from '../../app.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';
import { alarmRuleSchema, evidenceItemSchema } from '../hazards/hazards.schemas.ts';

/**
 * Answers of the monitoring routes: alarms, measuring points, personnel and the demo scenarios (the
 * live feed is Server-Sent Events and the readings export CSV, neither JSON).
 */

export const alarmStateSchema = namedEnum(ALARM_STATES, 'AlarmState');
export const alarmPrioritySchema = namedEnum(ALARM_PRIORITIES, 'AlarmPriority');

export const alarmViewSchema = component<AlarmView>()('AlarmView', {
  ...fields.strings('id', 'mineId'),
  pointId: z.number().nullable(),
  subject: z.string(),
  rule: alarmRuleSchema,
  message: z.string(),
  ...fields.nullableNumbers('value', 'peakValue', 'peakMs'),
  ...fields.numbers('firstRaisedMs', 'updatedMs', 'receivedMs', 'activations'),
  evidence: z.array(evidenceItemSchema).nullable().optional(),
  state: alarmStateSchema,
  priority: alarmPrioritySchema,
  conditionActive: z.boolean(),
  ...fields.nullableNumbers('activeSinceMs', 'activeSinceReceivedMs', 'escalatedAtMs'),
  escalationLevel: z.number(),
  shelvedUntilMs: z.number().nullable(),
  ...fields.nullableStrings('lastActor', 'lastComment'),
  ...fields.strings('mineName', 'mineCode', 'regionName', 'regionNameEn', 'regionPath'),
  ...fields.nullableStrings('sensorType', 'location', 'unit', 'substationCode'),
});

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
  ...fields.nullableStrings('mineId', 'mineName'),
  mineCount: z.number(),
  priority: alarmPrioritySchema,
  childIds: z.array(z.string()),
  ...fields.numbers('unacknowledged', 'sinceMs'),
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
    ...fields.numbers('openAlarms', 'shown'),
  })
  .meta({ id: 'AlarmConsole' });

/** GET /api/alarms: one page of alarms and how many match in all. */
export const alarmPageSchema = z.object({ items: z.array(alarmViewSchema), total: z.number() });

export const alarmEventSchema = component<AlarmEventRow>()('AlarmEvent', {
  ...fields.strings('id', 'alarmId', 'mineId'),
  atMs: z.number(),
  receivedMs: z.number().nullable(),
  kind: z.string(),
  ...fields.nullableStrings('fromState', 'toState'),
  cause: z.string(),
  ...fields.nullableStrings('actor', 'comment'),
  value: z.number().nullable(),
  priority: z.string(),
  escalationLevel: z.number().nullable(),
});

/** GET /api/alarms/:id: the alarm with every transition. */
export const alarmDetailSchema = z.object({ alarm: alarmViewSchema, events: z.array(alarmEventSchema) });

/** The alarm actions (acknowledge, shelve, …): the alarm as it now stands. */
export const alarmActionSchema = z.object({ alarm: alarmViewSchema });

const priorityCountsSchema = z.object({
  ...fields.numbers('critical', 'high', 'medium', 'low'),
});

const floodLineSchema = component<FloodLine>()('FloodLine', {
  id: z.string(),
  kind: z.enum(['stop_order', 'mine_outage', 'gateway_outage', 'burst']),
  label: z.string(),
  ...fields.nullableStrings('mineId', 'mineName'),
  ...fields.numbers('mineCount', 'count', 'sinceMs'),
});

/** GET /api/alarms/kpis. */
export const alarmKpisSchema = component<AlarmKpis>()('AlarmKpis', {
  ...fields.numbers('alarmsPerOperatorHour', 'rawAlarmsLastHour', 'alarmsLast10Min', 'rawAlarmsLast10Min'),
  isFlood: z.boolean(),
  floods: z.array(floodLineSchema),
  incidents: z.number(),
  activeByPriority: priorityCountsSchema,
  ...fields.numbers('unacknowledged', 'shelved', 'alarmsPer10MinPerMine'),
  chattering: z.array(
    z.object({ alarmId: z.string(), mineName: z.string(), rule: z.string(), activations: z.number() }),
  ),
  stale: z.array(
    z.object({ alarmId: z.string(), mineName: z.string(), rule: z.string(), activeSinceMs: z.number() }),
  ),
  priorityLast24h: priorityCountsSchema,
});

/** GET /api/overview/alarms: a badge per mine with standing or unacknowledged alarms. */
export const alarmOverviewSchema = z.object({
  mines: z.array(
    component<MineAlarmBadge>()('MineAlarmBadge', {
      mineId: z.string(),
      ...fields.numbers('critical', 'high', 'medium', 'low', 'unacknowledged', 'underground'),
    }),
  ),
});

const nullableNumber = z.number().nullable();
const pointThresholdsSchema = component<PointThresholds>()('PointThresholds', {
  upperAlarm: nullableNumber,
  upperAlarmRelease: nullableNumber,
  upperPowerCut: nullableNumber,
  upperPowerRestore: nullableNumber,
  lowerAlarm: nullableNumber,
  lowerAlarmRelease: nullableNumber,
  lowerPowerCut: nullableNumber,
  lowerPowerRestore: nullableNumber,
  upperPreAlarm: nullableNumber.optional(),
  lowerPreAlarm: nullableNumber.optional(),
  upperStrict: z.boolean().optional(),
  lowerInclusive: z.boolean().optional(),
});

/** A measuring point as GET /api/mines/:id/points lists it. */
export type PointAnswer = Pick<
  PointRecord,
  | 'id'
  | 'pointCode'
  | 'sensorType'
  | 'valueType'
  | 'unit'
  | 'location'
  | 'locationClass'
  | 'onText'
  | 'offText'
  | 'mineThresholds'
  | 'regulationRowIds'
  | 'settingFindings'
> & {
  sensorTypeName: string;
  sensorTypeNameEn: string;
  /** What Redline enforces (the six levels of the effective thresholds). */
  thresholds: Pick<
    PointThresholds,
    | 'upperAlarm'
    | 'upperPowerCut'
    | 'upperPowerRestore'
    | 'lowerAlarm'
    | 'lowerPowerCut'
    | 'lowerPowerRestore'
  >;
  lastValue: number | null;
  lastTsMs: number | null;
  lastStatus: number | null;
};

/** GET /api/mines/:id/points. */
export const pointsSchema = z.object({
  points: z.array(
    component<PointAnswer>()('MonitoringPoint', {
      id: z.number(),
      ...fields.strings(
        'pointCode',
        'sensorType',
        'sensorTypeName',
        'sensorTypeNameEn',
        'valueType',
        'unit',
        'location',
      ),
      locationClass: z.string().nullable(),
      ...fields.strings('onText', 'offText'),
      thresholds: pointThresholdsSchema.pick({
        upperAlarm: true,
        upperPowerCut: true,
        upperPowerRestore: true,
        lowerAlarm: true,
        lowerPowerCut: true,
        lowerPowerRestore: true,
      }),
      mineThresholds: pointThresholdsSchema,
      regulationRowIds: z.array(z.string()),
      settingFindings: z.array(z.string()),
      lastValue: nullableNumber,
      lastTsMs: nullableNumber,
      lastStatus: nullableNumber,
    }),
  ),
});

/** GET /api/mines/:id/points/:pointId/series. */
export const seriesSchema = component<Series>()('PointSeries', {
  resolution: z.enum(['raw', '1m', '1h']),
  t: z.array(z.number()),
  v: z.array(z.number()),
  min: z.array(z.number()).nullable(),
  max: z.array(z.number()).nullable(),
});

export const personnelAreaSchema = component<PersonnelAreaCount>()('PersonnelArea', {
  ...fields.strings('areaCode', 'areaName', 'areaType'),
  ...fields.numbers('approved', 'count'),
});

/** GET /api/mines/:id/personnel. */
export const personnelSchema = z.object({
  snapshotMs: nullableNumber,
  ...fields.numbers('underground', 'approvedMax'),
  areas: z.array(personnelAreaSchema),
  people: z.array(
    shaped<PersonUnderground>()(
      z.object({
        ...fields.strings('cardCode', 'name'),
        ...fields.nullableStrings('areaCode', 'stationCode'),
        enteredMineAtMs: nullableNumber,
        isMineLeader: z.boolean(),
      }),
    ),
  ),
});

const scenarioStepSchema = z.object({ offsetMs: z.number(), what: z.string() }).meta({ id: 'ScenarioStep' });
const activeScenarioFields = {
  ...fields.strings('name', 'mineId', 'mineName'),
  startedAtMs: z.number(),
};

/** GET /api/scenarios. */
export const scenariosSchema = z.object({
  running: z.boolean(),
  available: z.array(
    shaped<ReturnType<ScenarioControl['available']>[number]>()(
      z.object({ name: z.string(), timeline: z.array(scenarioStepSchema) }),
    ),
  ),
  active: z.array(
    shaped<ReturnType<ScenarioControl['active']>[number]>()(
      z.object(activeScenarioFields).meta({ id: 'ActiveScenario' }),
    ),
  ),
});

/** POST /api/scenarios: what started. */
export const scenarioStartSchema = z.object({
  scenario: shaped<Awaited<ReturnType<ScenarioControl['start']>>>()(
    z.object({ ...activeScenarioFields, timeline: z.array(scenarioStepSchema) }),
  ),
});
