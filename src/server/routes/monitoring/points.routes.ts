import { Readable } from 'node:stream';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/access/permissions.ts';
import { PLATFORM_POLICY } from '../../../core/monitoring/platform-policy.ts';
import { SENSOR_TYPES } from '../../../core/monitoring/sensor-code-tables.ts';
import type { ReadingChunk } from '../../../core/monitoring/monitoring-ports.ts';
import { fields, idParams, recordIdSchema } from '../../route-schemas.ts';
import type { Principal } from '../../../core/access/types.ts';
import { routeModule } from '../../route-kit.ts';
import { mineInScope, monitoringOf } from './monitoring-access.ts';
import { personnelSchema, pointsSchema, seriesSchema, type PointAnswer } from './monitoring.schemas.ts';

/** Spans longer than this are answered from the per-minute aggregates… */
const RAW_SPAN_MS = 6 * 3_600_000;
/** …and longer than this from the per-hour ones (a week is 168 points). */
const MINUTE_SPAN_MS = 3 * 86_400_000;

const pointParams = z.object({ id: recordIdSchema, pointId: z.coerce.number().int().min(0) });
/** A time span in epoch milliseconds; the routes default what is left out. */
const spanQuery = z.object({
  fromMs: z.coerce.number().int().optional(),
  toMs: z.coerce.number().int().optional(),
});

export const registerPointRoutes = routeModule(['monitoring'], (route, deps) => {
  const { ports } = deps;

  /** A point of a mine in the caller's scope (monitoring.read); another mine's point reads as not found. */
  const pointOfMine = async (principal: Principal, params: z.output<typeof pointParams>) => {
    const m = monitoringOf(deps);
    const mine = await mineInScope(m, principal, params.id, 'monitoring.read');
    const point = await m.view.point(params.pointId);
    if (!point || point.mineId !== mine.id)
      throw notFound('POINT_NOT_FOUND', `No point ${params.pointId} at this mine.`);
    return { mine, point };
  };

  route.get(
    '/api/monitoring/policy',
    {
      summary:
        'The values the monitoring rules use that no regulation sets (platform policy), with the setting that changes each.',
      response: z.object({
        policy: z.array(
          z.object({
            id: z.string(),
            value: z.number(),
            ...fields.strings('unit', 'meaningEn', 'meaningZh'),
            setting: z.string().nullable(),
            source: z.literal('platform policy (no regulation)'),
          }),
        ),
      }),
    },
    ({ principal }) => {
      requirePermission(principal, 'alarm.read');
      return { policy: [...PLATFORM_POLICY] };
    },
  );

  route.get(
    '/api/mines/:id/points',
    {
      summary:
        "A mine's measuring points with the thresholds enforced, its own settings and the latest value.",
      params: idParams,
      response: pointsSchema,
    },
    async ({ principal, params }) => {
      const m = monitoringOf(deps);
      const mine = await mineInScope(m, principal, params.id, 'monitoring.read');
      const points = await ports.monitoring.pointsOfMine(mine.id);
      const last = await ports.monitoring.lastReadings(points.map((p) => p.id));
      return {
        points: points.map((p): PointAnswer => {
          const l = last.get(p.id);
          const t = p.effectiveThresholds;
          return {
            id: p.id,
            pointCode: p.pointCode,
            sensorType: p.sensorType,
            sensorTypeName: SENSOR_TYPES[p.sensorType]?.nameZh ?? p.sensorType,
            sensorTypeNameEn: SENSOR_TYPES[p.sensorType]?.nameEn ?? p.sensorType,
            valueType: p.valueType,
            unit: p.unit,
            location: p.location,
            locationClass: p.locationClass,
            onText: p.onText,
            offText: p.offText,
            thresholds: {
              upperAlarm: t.upperAlarm,
              upperPowerCut: t.upperPowerCut,
              upperPowerRestore: t.upperPowerRestore,
              lowerAlarm: t.lowerAlarm,
              lowerPowerCut: t.lowerPowerCut,
              lowerPowerRestore: t.lowerPowerRestore,
            },
            mineThresholds: p.mineThresholds,
            regulationRowIds: p.regulationRowIds,
            settingFindings: p.settingFindings,
            lastValue: l?.value ?? null,
            lastTsMs: l?.tsMs ?? null,
            lastStatus: l?.status ?? null,
          };
        }),
      };
    },
  );

  route.get(
    '/api/mines/:id/points/:pointId/series',
    {
      summary:
        'A curve: raw readings for spans up to 6 h, per-minute min/mean/max up to 3 days, per-hour beyond.',
      params: pointParams,
      query: spanQuery,
      response: seriesSchema,
    },
    async ({ principal, params, query }) => {
      const { point } = await pointOfMine(principal, params);
      const toMs = query.toMs ?? ports.clock.nowMs();
      const fromMs = query.fromMs ?? toMs - 30 * 60_000;
      const span = toMs - fromMs;
      const resolution = span > MINUTE_SPAN_MS ? '1h' : span > RAW_SPAN_MS ? '1m' : 'raw';
      return ports.monitoring.series(point.id, fromMs, toMs, resolution);
    },
  );

  route.get(
    '/api/mines/:id/points/:pointId/readings.csv',
    {
      summary:
        "A point's raw history as CSV (ts_ms, time in China Standard Time, value, status), streamed from the stored blocks.",
      params: pointParams,
      query: spanQuery,
    },
    async ({ principal, params, query, reply }) => {
      // Scope and point are checked before anything is read or sent.
      const { mine, point } = await pointOfMine(principal, params);
      const toMs = query.toMs ?? ports.clock.nowMs();
      const fromMs = query.fromMs ?? 0;
      const chunks = ports.monitoring.rawReadingChunks(point.id, fromMs, toMs);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${mine.code}-${point.pointCode}.csv"`)
        .send(Readable.from(csvLines(chunks)));
    },
  );

  route.get(
    '/api/mines/:id/personnel',
    {
      summary: 'People underground now, by area, against the approved headcounts.',
      params: idParams,
      response: personnelSchema,
    },
    async ({ principal, params }) => {
      const m = monitoringOf(deps);
      const mine = await mineInScope(m, principal, params.id, 'monitoring.read');
      const { snapshotMs, people, areas } = await m.view.personnel(mine.id);
      return {
        snapshotMs,
        underground: people.length,
        approvedMax: mine.approvedMaxUnderground,
        areas,
        people,
      };
    },
  );
});

const CST_OFFSET_MS = 8 * 3_600_000;

/** A time as ISO-8601 in China Standard Time (what users see). */
function cstIso(ms: number): string {
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/** The CSV text, one window of readings per chunk. */
async function* csvLines(chunks: AsyncIterable<ReadingChunk>): AsyncGenerator<string> {
  yield 'ts_ms,time_cst,value,status\n';
  for await (const c of chunks) {
    let s = '';
    for (let i = 0; i < c.ts.length; i++)
      s += `${c.ts[i]},${cstIso(c.ts[i]!)},${c.values[i]},${c.statuses[i]}\n`;
    if (s !== '') yield s;
  }
}
