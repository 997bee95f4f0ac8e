import { z } from 'zod';
import { invalidInput } from '../../../core/errors.ts';
import {
  ALARM_EVIDENCE_SLACK_MS,
  activationsOf,
  compareAlarmEvidence,
} from '../../../core/monitoring/evidence/alarm-evidence.ts';
import { fields, idParams } from '../../route-schemas.ts';
import { routeModule } from '../../route-kit.ts';
import { mineInScope, monitoringOf } from './monitoring-access.ts';

const DAY_MS = 86_400_000;
const DEFAULT_SPAN_MS = 7 * DAY_MS;
const MAX_SPAN_MS = 92 * DAY_MS;
/** How many hidden alarms and unhandled records are listed (the counts are always whole). */
const LISTED = 100;

const activation = z.object({
  ...fields.strings('alarmId', 'rule', 'pointCode'),
  raisedMs: z.number(),
  clearedMs: z.number().nullable(),
});
const mineRecord = z.object({
  ...fields.strings('pointCode', 'anomalyCode', 'sensorTypeName', 'location'),
  startMs: z.number(),
  endMs: z.number().nullable(),
  ...fields.strings('cause', 'measures'),
});

export const alarmEvidenceResponse = z.object({
  mineId: z.string(),
  ...fields.numbers('fromMs', 'toMs'),
  redlineCount: z.number().int(),
  mineCount: z.number().int(),
  hiddenCount: z.number().int(),
  unhandledCount: z.number().int(),
  handlingRate: z.number().min(0).max(1).nullable(),
  slackMinutes: z.number(),
  hidden: z.array(activation),
  unhandled: z.array(mineRecord),
});

export const registerEvidenceRoutes = routeModule(['monitoring'], (route, deps) => {
  route.get(
    '/api/mines/:id/alarm-evidence',
    {
      summary:
        "Redline's alarms against the mine's own alarm records (YCBJ) over a period: alarms the mine never reported (hidden), records without a handling measure, and the mine's alarm-handling rate.",
      params: idParams,
      query: z.object({
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
      }),
      response: alarmEvidenceResponse,
    },
    async ({ principal, params, query }) => {
      const m = monitoringOf(deps);
      const mine = await mineInScope(m, principal, params.id, 'monitoring.read');
      const toMs = query.to === undefined ? deps.ports.clock.nowMs() : Date.parse(query.to);
      const fromMs = query.from === undefined ? toMs - DEFAULT_SPAN_MS : Date.parse(query.from);
      if (fromMs > toMs || toMs - fromMs > MAX_SPAN_MS) {
        throw invalidInput(
          'EVIDENCE_RANGE_INVALID',
          `"from" must not be after "to", and the period may span at most ${MAX_SPAN_MS / DAY_MS} days.`,
        );
      }
      const store = deps.ports.monitoring;
      // A mine record that began a day before the period may still report an alarm inside it.
      const [edges, records] = await Promise.all([
        store.alarmEdges(mine.id, fromMs, toMs),
        store.mineAlarmRecords(mine.id, fromMs - DAY_MS, toMs),
      ]);
      const e = compareAlarmEvidence(
        activationsOf(edges, fromMs, toMs),
        records,
        fromMs,
        toMs,
        ALARM_EVIDENCE_SLACK_MS,
      );
      return {
        mineId: mine.id,
        fromMs,
        toMs,
        redlineCount: e.redlineCount,
        mineCount: e.mineCount,
        hiddenCount: e.hidden.length,
        unhandledCount: e.unhandled.length,
        handlingRate: e.handlingRate,
        slackMinutes: ALARM_EVIDENCE_SLACK_MS / 60_000,
        hidden: e.hidden.slice(0, LISTED),
        unhandled: e.unhandled.slice(0, LISTED).map((x) => ({
          pointCode: x.pointCode,
          anomalyCode: x.anomalyCode,
          sensorTypeName: x.sensorTypeName,
          location: x.location,
          startMs: x.startMs,
          endMs: x.endMs,
          cause: x.cause,
          measures: x.measures,
        })),
      };
    },
  );
});
