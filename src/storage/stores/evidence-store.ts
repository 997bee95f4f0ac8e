import type { Kysely } from 'kysely';
import type { MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import type { RedlineAlarmEdge } from '../../core/monitoring/evidence/alarm-evidence.ts';
import type {
  FeedState,
  MineAlarmRecord,
  PersonnelAlarmFileType,
  PersonnelAlarmRecord,
} from '../../core/monitoring/evidence/evidence-records.ts';
import type { AlarmRule } from '../../core/monitoring/engine/engine-types.ts';
import type { Database } from '../schema.ts';

type EvidenceMethods =
  | 'saveMineAlarmRecords'
  | 'mineAlarmRecords'
  | 'alarmEdges'
  | 'saveFeedStates'
  | 'feedStates'
  | 'savePersonnelAlarmRecords'
  | 'personnelAlarmRecords';

const n = (v: number | string | null): number | null => (v === null ? null : Number(v));
const RECORD_KEY_CHARS = 500;

/** The files beyond readings and positions (migration 0022): YCBJ, FZDY/FZSS, personnel alarm files. */
export function createEvidenceStore(db: Kysely<Database>): Pick<MonitoringStore, EvidenceMethods> {
  return {
    async saveMineAlarmRecords(records: readonly MineAlarmRecord[]): Promise<void> {
      for (const r of records) {
        const row = {
          end_ms: r.endMs,
          sensor_type_name: r.sensorTypeName,
          location: r.location,
          unit: r.unit,
          max_value: r.maxValue,
          cause: r.cause,
          measures: r.measures,
          entered_at_ms: r.enteredAtMs,
          entered_by: r.enteredBy,
          data_time_ms: r.dataTimeMs,
          received_ms: r.receivedMs,
        };
        // A re-sent record (the episode ended, a measure was entered) updates the stored one.
        await db
          .insertInto('mine_alarm_records')
          .values({
            mine_id: r.mineId,
            point_code: r.pointCode,
            anomaly_code: r.anomalyCode,
            start_ms: r.startMs,
            ...row,
          })
          .onConflict((oc) =>
            oc
              .columns(['mine_id', 'point_code', 'anomaly_code', 'start_ms'])
              .doUpdateSet(row)
              .where('mine_alarm_records.data_time_ms', '<=', r.dataTimeMs),
          )
          .execute();
      }
    },

    async mineAlarmRecords(
      mineId: string,
      startFromMs: number,
      startToMs: number,
    ): Promise<MineAlarmRecord[]> {
      const rows = await db
        .selectFrom('mine_alarm_records')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('start_ms', '>=', startFromMs)
        .where('start_ms', '<=', startToMs)
        .orderBy('start_ms')
        .orderBy('point_code')
        .execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        pointCode: r.point_code,
        sensorTypeName: r.sensor_type_name,
        location: r.location,
        unit: r.unit,
        anomalyCode: r.anomaly_code,
        startMs: Number(r.start_ms),
        endMs: n(r.end_ms),
        maxValue: n(r.max_value),
        cause: r.cause,
        measures: r.measures,
        enteredAtMs: n(r.entered_at_ms),
        enteredBy: r.entered_by,
        dataTimeMs: Number(r.data_time_ms),
        receivedMs: Number(r.received_ms),
      }));
    },

    async alarmEdges(mineId: string, fromMs: number, toMs: number): Promise<RedlineAlarmEdge[]> {
      const rows = await db
        .selectFrom('alarm_events')
        .innerJoin('alarms', 'alarms.id', 'alarm_events.alarm_id')
        .select([
          'alarm_events.alarm_id',
          'alarm_events.at_ms',
          'alarm_events.cause',
          'alarms.rule',
          'alarms.subject',
        ])
        .where('alarm_events.mine_id', '=', mineId)
        .where('alarm_events.kind', '=', 'state-changed')
        .where('alarm_events.cause', 'in', ['raised', 'cleared'])
        .where('alarm_events.at_ms', '>=', fromMs)
        .where('alarm_events.at_ms', '<=', toMs)
        .execute();
      return rows.map((r) => ({
        alarmId: r.alarm_id,
        rule: r.rule as AlarmRule,
        subject: r.subject,
        atMs: Number(r.at_ms),
        edge: r.cause === 'raised' ? 'raised' : 'cleared',
      }));
    },

    async saveFeedStates(states: readonly FeedState[]): Promise<void> {
      for (const f of states) {
        const base = { mine_id: f.mineId, substation_code: f.substationCode, received_ms: f.receivedMs };
        if (f.dataTimeMs === null) {
          // An FZDY definition: names the substation, leaves its state alone.
          await db
            .insertInto('feed_states')
            .values({ ...base, location: f.location, run_state: null, power_state: null, data_time_ms: null })
            .onConflict((oc) =>
              oc.columns(['mine_id', 'substation_code']).doUpdateSet({ location: f.location }),
            )
            .execute();
          continue;
        }
        const state = { run_state: f.runState, power_state: f.powerState, data_time_ms: f.dataTimeMs };
        // Freshness by the data's time: a late, older FZSS does not overwrite a newer state.
        await db
          .insertInto('feed_states')
          .values({ ...base, location: f.location, ...state })
          .onConflict((oc) =>
            oc
              .columns(['mine_id', 'substation_code'])
              .doUpdateSet({ ...state, received_ms: f.receivedMs })
              .where((eb) =>
                eb.or([
                  eb('feed_states.data_time_ms', 'is', null),
                  eb('feed_states.data_time_ms', '<=', f.dataTimeMs),
                ]),
              ),
          )
          .execute();
      }
    },

    async feedStates(mineIds: readonly string[]): Promise<FeedState[]> {
      if (mineIds.length === 0) return [];
      const rows = await db
        .selectFrom('feed_states')
        .selectAll()
        .where('mine_id', 'in', [...mineIds])
        .orderBy('mine_id')
        .orderBy('substation_code')
        .execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        substationCode: r.substation_code,
        location: r.location,
        runState: r.run_state as FeedState['runState'],
        powerState: r.power_state as FeedState['powerState'],
        dataTimeMs: n(r.data_time_ms),
        receivedMs: Number(r.received_ms),
      }));
    },

    async savePersonnelAlarmRecords(records: readonly PersonnelAlarmRecord[]): Promise<void> {
      for (const r of records) {
        await db
          .insertInto('personnel_alarm_records')
          .values({
            mine_id: r.mineId,
            file_type: r.fileType,
            record_key: r.fields.join(';').slice(0, RECORD_KEY_CHARS),
            card_code: r.cardCode,
            fields_json: JSON.stringify(r.fields),
            uploaded_at_ms: r.uploadedAtMs,
            received_ms: r.receivedMs,
          })
          .onConflict((oc) => oc.columns(['mine_id', 'file_type', 'record_key']).doNothing())
          .execute();
      }
    },

    async personnelAlarmRecords(mineId: string, limit: number): Promise<PersonnelAlarmRecord[]> {
      const rows = await db
        .selectFrom('personnel_alarm_records')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('uploaded_at_ms', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        fileType: r.file_type as PersonnelAlarmFileType,
        cardCode: r.card_code,
        fields: JSON.parse(r.fields_json) as string[],
        uploadedAtMs: Number(r.uploaded_at_ms),
        receivedMs: Number(r.received_ms),
      }));
    },
  };
}
