import type { Kysely, Selectable } from 'kysely';
import type {
  AlarmChange,
  AlarmRecord,
  AlarmRule,
  EvidenceItem,
} from '../../core/monitoring/engine/engine-types.ts';
import type { AlarmPriority, AlarmState } from '../../core/monitoring/alarms/alarm-lifecycle.ts';
import type {
  AlarmEventRow,
  AlarmQuery,
  AlarmView,
  MonitoringAlarmsStore,
} from '../../core/monitoring/monitoring-ports.ts';
import type { AlarmsTable, Database } from '../schema.ts';

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

/** Alarms, their history and the console's views of them. */
export function createMonitoringAlarmsStore(db: Kysely<Database>): MonitoringAlarmsStore {
  return {
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
          'alarm_events.alarm_id as alarmId',
          'alarm_events.mine_id as mineId',
          'alarm_events.at_ms as atMs',
          'alarm_events.to_state as toState',
          'alarm_events.priority',
          'mines.name as mineName',
        ])
        .where('alarm_events.at_ms', '>=', sinceMs)
        .where('alarm_events.kind', '=', 'state-changed');
      if (regionPath !== null) q = q.where('mines.region_path', 'like', `${regionPath}%`);
      if (mineId !== null) q = q.where('alarm_events.mine_id', '=', mineId);
      return (await q.execute()).map((e) => ({ ...e, atMs: Number(e.atMs) }));
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
  };
}
