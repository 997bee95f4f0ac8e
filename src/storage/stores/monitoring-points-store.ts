import type { Kysely } from 'kysely';
import type { PointRecord } from '../../core/monitoring/engine/engine-types.ts';
import type { PointThresholds } from '../../core/monitoring/alarm-evaluator.ts';
import type { MonitoringPointsStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, json, num, type Conversion } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { inOneTransaction } from '../one-transaction.ts';

/** A list of codes stored comma-separated ('' for none). */
const commaList: Conversion<string[], string> = {
  decode: (c) => (c === '' ? [] : c.split(',')),
  encode: (f) => f.join(','),
};

const pointCodec = defineCodec<PointRecord, Database['monitoring_points']>()({
  ...asIs(
    'id mineId pointCode systemCode substationCode sensorType valueType unit location locationClass onText offText rangeLow rangeHigh',
  ),
  mineThresholds: ['mine_thresholds_json', json<PointThresholds>()],
  effectiveThresholds: ['effective_thresholds_json', json<PointThresholds>()],
  regulationRowIds: ['regulation_row_ids', commaList],
  settingFindings: ['setting_findings_json', json<string[]>()],
  powerCutFeedCodes: ['power_cut_feeds', commaList],
  definedAt: ['defined_at', num],
  withdrawn: ['withdrawn', bool],
});

/** Measuring points (CDDY definitions with their effective thresholds). */
export function createMonitoringPointsStore(db: Kysely<Database>): MonitoringPointsStore {
  const points = recordTable(db, 'monitoring_points', pointCodec);
  return {
    loadPoints: () => points.list({}, ['id']),
    pointsOfMine: (mineId) => points.list({ mine_id: mineId }, ['sensor_type', 'point_code']),
    getPoint: (id) => points.find({ id }),
    pointByCode: (mineId, pointCode) => points.find({ mine_id: mineId, point_code: pointCode }),
    upsertPoints(list) {
      return inOneTransaction(db, async (trx) => {
        const inTransaction = recordTable(trx, 'monitoring_points', pointCodec);
        for (const p of list) await inTransaction.upsert(p);
      });
    },
  };
}
