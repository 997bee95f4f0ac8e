import type { Kysely, Selectable } from 'kysely';
import type { PointRecord } from '../../core/monitoring/engine/engine-types.ts';
import type { PointThresholds } from '../../core/monitoring/alarm-evaluator.ts';
import type { MonitoringPointsStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database, MonitoringPointsTable } from '../schema.ts';
import { inOneTransaction } from '../one-transaction.ts';

const toPoint = (r: Selectable<MonitoringPointsTable>): PointRecord => ({
  id: r.id,
  mineId: r.mine_id,
  pointCode: r.point_code,
  systemCode: r.system_code,
  substationCode: r.substation_code,
  sensorType: r.sensor_type,
  valueType: r.value_type,
  unit: r.unit,
  location: r.location,
  locationClass: r.location_class,
  onText: r.on_text,
  offText: r.off_text,
  rangeLow: r.range_low,
  rangeHigh: r.range_high,
  mineThresholds: JSON.parse(r.mine_thresholds_json) as PointThresholds,
  effectiveThresholds: JSON.parse(r.effective_thresholds_json) as PointThresholds,
  regulationRowIds: r.regulation_row_ids === '' ? [] : r.regulation_row_ids.split(','),
  settingFindings: JSON.parse(r.setting_findings_json) as string[],
  powerCutFeedCodes: r.power_cut_feeds === '' ? [] : r.power_cut_feeds.split(','),
  definedAt: Number(r.defined_at),
  withdrawn: r.withdrawn === 1,
});

/** Measuring points (CDDY definitions with their effective thresholds). */
export function createMonitoringPointsStore(db: Kysely<Database>): MonitoringPointsStore {
  return {
    async loadPoints(): Promise<PointRecord[]> {
      return (await db.selectFrom('monitoring_points').selectAll().orderBy('id').execute()).map(toPoint);
    },

    async pointsOfMine(mineId: string): Promise<PointRecord[]> {
      const rows = await db
        .selectFrom('monitoring_points')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('sensor_type')
        .orderBy('point_code')
        .execute();
      return rows.map(toPoint);
    },

    async getPoint(id: number): Promise<PointRecord | undefined> {
      const r = await db.selectFrom('monitoring_points').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toPoint(r);
    },

    async pointByCode(mineId: string, pointCode: string): Promise<PointRecord | undefined> {
      const r = await db
        .selectFrom('monitoring_points')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('point_code', '=', pointCode)
        .executeTakeFirst();
      return r && toPoint(r);
    },

    upsertPoints(points: readonly PointRecord[]): Promise<void> {
      return inOneTransaction(db, async (db) => {
        for (const p of points) {
          const row: MonitoringPointsTable = {
            id: p.id,
            mine_id: p.mineId,
            point_code: p.pointCode,
            system_code: p.systemCode,
            substation_code: p.substationCode,
            sensor_type: p.sensorType,
            value_type: p.valueType,
            unit: p.unit,
            location: p.location,
            location_class: p.locationClass,
            on_text: p.onText,
            off_text: p.offText,
            range_low: p.rangeLow,
            range_high: p.rangeHigh,
            mine_thresholds_json: JSON.stringify(p.mineThresholds),
            effective_thresholds_json: JSON.stringify(p.effectiveThresholds),
            regulation_row_ids: p.regulationRowIds.join(','),
            setting_findings_json: JSON.stringify(p.settingFindings),
            power_cut_feeds: p.powerCutFeedCodes.join(','),
            defined_at: p.definedAt,
            withdrawn: p.withdrawn ? 1 : 0,
          };
          const { id: _id, ...rest } = row;
          await db
            .insertInto('monitoring_points')
            .values(row)
            .onConflict((oc) => oc.column('id').doUpdateSet(rest))
            .execute();
        }
      });
    },
  };
}
