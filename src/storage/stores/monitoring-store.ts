import type { Kysely, Selectable } from 'kysely';
import type {
  AlarmChange,
  AlarmRecord,
  AlarmRule,
  EvidenceItem,
  PointRecord,
} from '../../core/monitoring/engine/engine-types.ts';
import type { AlarmPriority, AlarmState } from '../../core/monitoring/alarms/alarm-lifecycle.ts';
import type { PointThresholds } from '../../core/monitoring/alarm-evaluator.ts';
import type { PersonUnderground } from '../../core/monitoring/engine/personnel-rules.ts';
import type { PersonnelArea } from '../../core/monitoring/upload-file/personnel-records.ts';
import type {
  AlarmEventRow,
  AlarmQuery,
  AlarmView,
  IngestFileRecord,
  MonitoringStore,
} from '../../core/monitoring/monitoring-ports.ts';
import type { AlarmsTable, Database, MonitoringPointsTable } from '../schema.ts';
import { purgeTelemetryBefore } from '../dialect/telemetry-ddl.ts';
import { WINDOW_MS, closedBefore, compactHead, windowOf } from '../telemetry/block-store.ts';
import { createHazardDecisionStore } from './monitoring-hazard-decision-store.ts';
import { createEvidenceStore } from './evidence-store.ts';
import { recordUndergroundStays } from './presence-store.ts';
import {
  countStoredReadings,
  newestOf,
  rawWindows,
  readMinuteColumns,
  readRaw,
} from '../telemetry/block-reads.ts';

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

const num = (v: number | null): number | null => (v === null ? null : Number(v));

const toAlarm = (r: Selectable<AlarmsTable>): AlarmRecord => ({
  id: r.id,
  mineId: r.mine_id,
  pointId: r.point_id,
  subject: r.subject,
  rule: r.rule as AlarmRule,
  priority: r.priority as AlarmPriority,
  state: r.state as AlarmState,
  conditionActive: r.condition_active === 1,
  activeSinceMs: num(r.active_since_ms),
  activeSinceReceivedMs: num(r.active_since_received_ms),
  escalationLevel: r.escalation_level,
  escalatedAtMs: num(r.escalated_at_ms),
  shelvedUntilMs: num(r.shelved_until_ms),
  lastActor: r.last_actor,
  lastComment: r.last_comment,
  message: r.message,
  value: r.value,
  firstRaisedMs: Number(r.first_raised_ms),
  updatedMs: Number(r.updated_ms),
  receivedMs: r.received_ms === null ? Number(r.updated_ms) : Number(r.received_ms),
  peakValue: r.peak_value,
  peakMs: num(r.peak_ms),
  activations: r.activations,
  evidence: r.evidence === null ? null : (JSON.parse(r.evidence) as EvidenceItem[]),
});

const alarmColumns = (a: AlarmRecord): AlarmsTable => ({
  id: a.id,
  mine_id: a.mineId,
  point_id: a.pointId,
  subject: a.subject,
  rule: a.rule,
  priority: a.priority,
  state: a.state,
  condition_active: a.conditionActive ? 1 : 0,
  active_since_ms: a.activeSinceMs,
  escalation_level: a.escalationLevel,
  escalated_at_ms: a.escalatedAtMs,
  shelved_until_ms: a.shelvedUntilMs,
  last_actor: a.lastActor,
  last_comment: a.lastComment,
  message: a.message,
  value: Number.isFinite(a.value) ? a.value : null,
  first_raised_ms: a.firstRaisedMs,
  updated_ms: a.updatedMs,
  activations: a.activations,
  peak_value: a.peakValue !== null && Number.isFinite(a.peakValue) ? a.peakValue : null,
  peak_ms: a.peakMs,
  received_ms: a.receivedMs,
  active_since_received_ms: a.activeSinceReceivedMs,
  evidence: a.evidence ? JSON.stringify(a.evidence) : null,
});

/** Alarms joined with what an alarm view shows about its mine, county and point. */
const alarmViewsFrom = (db: Kysely<Database>) =>
  db
    .selectFrom('alarms')
    .innerJoin('mines', 'mines.id', 'alarms.mine_id')
    .innerJoin('regions', 'regions.id', 'mines.region_id')
    .leftJoin('monitoring_points as mp', 'mp.id', 'alarms.point_id');

const ALARM_VIEW_COLUMNS = [
  'mines.name as mine_name',
  'mines.code as mine_code',
  'regions.name as region_name',
  'regions.name_en as region_name_en',
  'mines.region_path as region_path',
  'mp.sensor_type as sensor_type',
  'mp.location as location',
  'mp.unit as unit',
  'mp.substation_code as substation_code',
] as const;

const toAlarmView = (
  r: Selectable<AlarmsTable> & {
    mine_name: string;
    mine_code: string;
    region_name: string;
    region_name_en: string;
    region_path: string;
    sensor_type: string | null;
    location: string | null;
    unit: string | null;
    substation_code: string | null;
  },
): AlarmView => ({
  ...toAlarm(r),
  mineName: r.mine_name,
  mineCode: r.mine_code,
  regionName: r.region_name,
  regionNameEn: r.region_name_en,
  regionPath: r.region_path,
  sensorType: r.sensor_type,
  location: r.location,
  unit: r.unit,
  substationCode: r.substation_code,
});

/** Points, alarms and their history, personnel and the ingest log. */
export function createMonitoringStore(db: Kysely<Database>): MonitoringStore {
  return {
    ...createHazardDecisionStore(db),
    ...createEvidenceStore(db),
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

    async upsertPoints(points: readonly PointRecord[]): Promise<void> {
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
    },

    async loadAlarms(): Promise<AlarmRecord[]> {
      return (await db.selectFrom('alarms').selectAll().execute()).map(toAlarm);
    },

    /** Stores the alarms' new states and one history row per change. */
    async saveAlarmChanges(changes: readonly AlarmChange[], nextId: () => string): Promise<void> {
      for (const c of changes) {
        const cols = alarmColumns(c.alarm);
        const { id: _id, ...rest } = cols;
        await db
          .insertInto('alarms')
          .values(cols)
          .onConflict((oc) => oc.column('id').doUpdateSet(rest))
          .execute();
        for (const e of c.effects) {
          await db
            .insertInto('alarm_events')
            .values({
              id: nextId(),
              alarm_id: c.alarm.id,
              mine_id: c.alarm.mineId,
              at_ms: c.atMs,
              kind: e.kind,
              from_state: e.kind === 'state-changed' ? e.from : null,
              to_state: e.kind === 'state-changed' ? e.to : null,
              cause: c.cause,
              actor: c.actor,
              comment: c.comment,
              value: Number.isFinite(c.alarm.value) ? c.alarm.value : null,
              priority: c.alarm.priority,
              escalation_level: e.kind === 'escalate' ? e.level : null,
              received_ms: c.receivedMs,
            })
            .execute();
        }
      }
    },

    async getAlarm(id: string): Promise<AlarmRecord | undefined> {
      const r = await db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toAlarm(r);
    },

    async alarmEvents(alarmId: string): Promise<AlarmEventRow[]> {
      const rows = await db.selectFrom('alarm_events').selectAll().where('alarm_id', '=', alarmId).execute();
      // Newest first, in the order Redline learnt of them: by receipt time (older rows have none), then
      // data time, and at one instant an operator's or the clock's action after the raise or clear it
      // answers (a raise dated by data slightly ahead of the clock still precedes its acknowledgement).
      const rank = (cause: string) => (cause === 'raised' || cause === 'cleared' ? 0 : 1);
      const key = (r: (typeof rows)[number]) => Number(r.received_ms ?? r.at_ms);
      rows.sort(
        (a, b) =>
          key(b) - key(a) ||
          rank(b.cause) - rank(a.cause) ||
          Number(b.at_ms) - Number(a.at_ms) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
      return rows.map((r) => ({
        id: r.id,
        alarmId: r.alarm_id,
        mineId: r.mine_id,
        atMs: Number(r.at_ms),
        receivedMs: num(r.received_ms),
        kind: r.kind,
        fromState: r.from_state,
        toState: r.to_state,
        cause: r.cause,
        actor: r.actor,
        comment: r.comment,
        value: r.value,
        priority: r.priority,
        escalationLevel: r.escalation_level,
      }));
    },

    /** Alarm events since a time within a region (for the KPIs). */
    async eventsSince(sinceMs: number, regionPath: string | null, mineId: string | null) {
      let q = db
        .selectFrom('alarm_events')
        .innerJoin('mines', 'mines.id', 'alarm_events.mine_id')
        .select([
          'alarm_events.alarm_id',
          'alarm_events.mine_id',
          'alarm_events.at_ms',
          'alarm_events.to_state',
          'alarm_events.priority',
          'mines.name as mine_name',
        ])
        .where('alarm_events.at_ms', '>=', sinceMs)
        .where('alarm_events.kind', '=', 'state-changed');
      if (regionPath !== null) q = q.where('mines.region_path', 'like', `${regionPath}%`);
      if (mineId !== null) q = q.where('alarm_events.mine_id', '=', mineId);
      return q.execute();
    },

    async searchAlarms(q: AlarmQuery) {
      let base = alarmViewsFrom(db);
      if (q.regionPath !== undefined) base = base.where('mines.region_path', 'like', `${q.regionPath}%`);
      if (q.mineId !== undefined) base = base.where('alarms.mine_id', '=', q.mineId);
      if (q.priority !== undefined) base = base.where('alarms.priority', '=', q.priority);
      if (q.rule !== undefined) base = base.where('alarms.rule', '=', q.rule);
      if (q.states !== undefined) base = base.where('alarms.state', 'in', [...q.states]);
      const [rows, total] = await Promise.all([
        base
          .selectAll('alarms')
          .select(ALARM_VIEW_COLUMNS)
          .orderBy((eb) =>
            eb
              .case()
              .when('alarms.priority', '=', 'critical')
              .then(0)
              .when('alarms.priority', '=', 'high')
              .then(1)
              .when('alarms.priority', '=', 'medium')
              .then(2)
              .else(3)
              .end(),
          )
          .orderBy((eb) =>
            eb.case().when('alarms.state', 'in', ['unack_active', 'rtn_unack']).then(0).else(1).end(),
          )
          .orderBy('alarms.updated_ms', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { total: Number(total.n), items: rows.map(toAlarmView) };
    },

    async alarmViews(q) {
      if (q.ids !== undefined && q.ids.length === 0) return [];
      let base = alarmViewsFrom(db);
      if (q.ids !== undefined) base = base.where('alarms.id', 'in', [...q.ids]);
      if (q.regionPath !== undefined) base = base.where('mines.region_path', 'like', `${q.regionPath}%`);
      if (q.mineId !== undefined) base = base.where('alarms.mine_id', '=', q.mineId);
      if (q.openOnly === true) {
        base = base.where((eb) =>
          eb.or([eb('alarms.state', '<>', 'normal'), eb('alarms.condition_active', '=', 1)]),
        );
      }
      const rows = await base.selectAll('alarms').select(ALARM_VIEW_COLUMNS).orderBy('alarms.id').execute();
      return rows.map(toAlarmView);
    },

    async countMinesWithAlarms(filter) {
      let q = db.selectFrom('alarms').innerJoin('mines', 'mines.id', 'alarms.mine_id');
      if (filter.regionPath !== undefined) q = q.where('mines.region_path', 'like', `${filter.regionPath}%`);
      if (filter.mineId !== undefined) q = q.where('alarms.mine_id', '=', filter.mineId);
      const r = await q
        .select((eb) => eb.fn.count<number>('alarms.mine_id').distinct().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Blocks merged with the head (storage/telemetry/block-store.ts). */
    async series(pointId: number, fromMs: number, toMs: number, resolution: 'raw' | '1m') {
      if (resolution === 'raw') {
        const r = await readRaw(db, pointId, fromMs, toMs);
        return { resolution, t: r.t, v: r.v, min: null, max: null };
      }
      return { resolution, ...(await readMinuteColumns(db, pointId, fromMs, toMs)) };
    },

    async lastReadings(
      pointIds: readonly number[],
    ): Promise<Map<number, { tsMs: number; value: number; status: number }>> {
      const out = new Map<number, { tsMs: number; value: number; status: number }>();
      for (const r of await newestOf(db, pointIds)) {
        out.set(r.pointId, { tsMs: r.tsMs, value: r.value, status: r.status });
      }
      return out;
    },

    compactReadings(nowMs) {
      return compactHead(db, closedBefore(nowMs));
    },

    rawReadingChunks(pointId, fromMs, toMs) {
      return rawWindows(db, pointId, fromMs, toMs);
    },

    async replaceAreas(mineId: string, areas: readonly PersonnelArea[]): Promise<void> {
      for (const a of areas) {
        await db
          .insertInto('personnel_areas')
          .values({
            mine_id: mineId,
            area_code: a.areaCode,
            area_type: a.areaType,
            name: a.areaName,
            approved_headcount: a.approvedHeadcount,
          })
          .onConflict((oc) =>
            oc.columns(['mine_id', 'area_code']).doUpdateSet({
              area_type: a.areaType,
              name: a.areaName,
              approved_headcount: a.approvedHeadcount,
            }),
          )
          .execute();
      }
    },

    async loadAreas(): Promise<Array<PersonnelArea & { mineId: string }>> {
      const rows = await db.selectFrom('personnel_areas').selectAll().execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        areaCode: r.area_code,
        areaType: r.area_type,
        areaName: r.name,
        approvedHeadcount: r.approved_headcount ?? 0,
      }));
    },

    /** Replaces a mine's people-underground snapshot. */
    async replacePeople(
      mineId: string,
      people: readonly PersonUnderground[],
      snapshotMs: number,
    ): Promise<void> {
      await db.deleteFrom('people_underground').where('mine_id', '=', mineId).execute();
      // The snapshot's time is kept even when nobody is underground: the positioning system is online.
      await db
        .insertInto('personnel_snapshots')
        .values({ mine_id: mineId, snapshot_ms: snapshotMs })
        .onConflict((oc) => oc.column('mine_id').doUpdateSet({ snapshot_ms: snapshotMs }))
        .execute();
      // Who was underground when (migration 0024): the supervision checks read it.
      await recordUndergroundStays(db, mineId, people, snapshotMs);
      for (let i = 0; i < people.length; i += 200) {
        const chunk = people.slice(i, i + 200);
        await db
          .insertInto('people_underground')
          .values(
            chunk.map((p) => ({
              mine_id: mineId,
              card_code: p.cardCode,
              name: p.name,
              area_code: p.areaCode,
              station_code: p.stationCode,
              entered_mine_ms: p.enteredMineAtMs,
              is_mine_leader: p.isMineLeader ? 1 : 0,
              snapshot_ms: snapshotMs,
            })),
          )
          .execute();
      }
    },

    async areasOfMine(mineId: string): Promise<PersonnelArea[]> {
      const rows = await db
        .selectFrom('personnel_areas')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('area_code')
        .execute();
      return rows.map((r) => ({
        areaCode: r.area_code,
        areaType: r.area_type,
        areaName: r.name,
        approvedHeadcount: r.approved_headcount ?? 0,
      }));
    },

    async peopleOfMine(mineId: string) {
      const rows = await db
        .selectFrom('people_underground')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('card_code')
        .execute();
      // An empty snapshot (everyone out) is evidence too: its time is kept in personnel_snapshots.
      const empty =
        rows.length > 0
          ? undefined
          : await db
              .selectFrom('personnel_snapshots')
              .select('snapshot_ms')
              .where('mine_id', '=', mineId)
              .executeTakeFirst();
      return {
        snapshotMs: rows.length > 0 ? Number(rows[0]!.snapshot_ms) : empty ? Number(empty.snapshot_ms) : null,
        people: rows.map((r) => ({
          cardCode: r.card_code,
          name: r.name,
          areaCode: r.area_code,
          stationCode: r.station_code,
          enteredMineAtMs: r.entered_mine_ms === null ? null : Number(r.entered_mine_ms),
          isMineLeader: r.is_mine_leader === 1,
        })),
      };
    },

    async countPeople(mineIds: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      // Chunked: an IN list stays well under both engines' bound-parameter limits.
      for (let i = 0; i < mineIds.length; i += 500) {
        const rows = await db
          .selectFrom('people_underground')
          .select(['mine_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('mine_id', 'in', mineIds.slice(i, i + 500))
          .groupBy('mine_id')
          .execute();
        for (const r of rows) out.set(r.mine_id, Number(r.n));
      }
      return out;
    },

    async loadPeople() {
      const rows = await db.selectFrom('people_underground').selectAll().orderBy('mine_id').execute();
      const byMine = new Map<string, { mineId: string; snapshotMs: number; people: PersonUnderground[] }>();
      for (const r of rows) {
        let m = byMine.get(r.mine_id);
        if (!m) {
          m = { mineId: r.mine_id, snapshotMs: Number(r.snapshot_ms), people: [] };
          byMine.set(r.mine_id, m);
        }
        m.people.push({
          cardCode: r.card_code,
          name: r.name,
          areaCode: r.area_code,
          stationCode: r.station_code,
          enteredMineAtMs: r.entered_mine_ms === null ? null : Number(r.entered_mine_ms),
          isMineLeader: r.is_mine_leader === 1,
        });
      }
      return [...byMine.values()];
    },

    /**
     * Head readings of windows before the raw cutoff go into blocks first (their rollups outlive
     * them), then whole blocks and rollups go on SQLite, whole time partitions on PostgreSQL.
     */
    async purgeOld(_pointIds, rawBeforeMs, aggregatesBeforeMs) {
      await compactHead(db, windowOf(rawBeforeMs));
      return purgeTelemetryBefore(db, WINDOW_MS, rawBeforeMs, aggregatesBeforeMs);
    },

    async logIngestFile(f: IngestFileRecord): Promise<void> {
      await db
        .insertInto('ingest_files')
        .values({
          id: f.id,
          file_name: f.fileName,
          mine_code: f.mineCode,
          file_type: f.fileType,
          encoding: f.encoding,
          outcome: f.outcome,
          accepted: f.accepted,
          rejected: f.rejected,
          rejections_json: JSON.stringify(f.rejections.slice(0, 1000)),
          received_ms: f.receivedMs,
        })
        .execute();
    },

    countReadings(): Promise<number> {
      return countStoredReadings(db);
    },
  };
}
