import type { World } from '../support/world.ts';

/**
 * Makes a mine look online to the resumption checklist: one monitoring point with a reading in every
 * minute of the last `minutes`, and a fresh personnel snapshot. Written straight to the tables the
 * monitoring pipeline fills.
 */
export async function seedOnlineData(world: World, mineId: string, pointId: number, minutes = 24 * 60 + 5) {
  const db = world.database.db;
  const now = world.clock.nowMs();
  await db
    .insertInto('monitoring_points')
    .values({
      id: pointId,
      mine_id: mineId,
      point_code: `P${pointId}`,
      system_code: '01',
      substation_code: '001',
      sensor_type: 'methane',
      value_type: 'analog',
      unit: '%',
      location: 'return airway',
      location_class: null,
      on_text: '',
      off_text: '',
      range_low: 0,
      range_high: 4,
      mine_thresholds_json: '{}',
      effective_thresholds_json: '{}',
      regulation_row_ids: '',
      setting_findings_json: '[]',
      power_cut_feeds: '',
      defined_at: now - minutes * 60_000,
      withdrawn: 0,
    })
    .execute();
  const start = Math.floor(now / 60_000) * 60_000 - minutes * 60_000;
  const rows = Array.from({ length: minutes + 1 }, (_, i) => start + i * 60_000)
    .filter((m) => m < now)
    .flatMap((m) => [
      { point_id: pointId, ts_ms: m, value: 0.1, status: 0 },
      { point_id: pointId, ts_ms: m + 30_000, value: 0.2, status: 0 },
    ])
    .filter((r) => r.ts_ms < now);
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('readings_head')
      .values(rows.slice(i, i + 200))
      .execute();
  await db
    .insertInto('people_underground')
    .values({
      mine_id: mineId,
      card_code: `C${pointId}`,
      name: '值班员',
      area_code: null,
      station_code: null,
      entered_mine_ms: now - 3_600_000,
      is_mine_leader: 0,
      snapshot_ms: now - 60_000,
    })
    .execute();
}
