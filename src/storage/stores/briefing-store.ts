import { sql, type Kysely } from 'kysely';
import type {
  BriefingMineFilter,
  BriefingStore,
  MineAlarmCounts,
  MineHazardCounts,
} from '../../core/briefing/briefing-ports.ts';
import type { Database } from '../schema.ts';
import { minesMatching } from './mine-ids.ts';
import { countWhen, isOverdue } from './sql-counts.ts';

const n = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** Aggregates over the other modules' tables for the briefing and the risk score (read-only). */
export function createBriefingStore(db: Kysely<Database>): BriefingStore {
  const mineIds = (f: BriefingMineFilter) => minesMatching(db, f);
  /** Activations: an alarm entering unack_active (first raise or re-activation). */
  const activations = (f: BriefingMineFilter, fromMs: number, toMs: number) =>
    db
      .selectFrom('alarm_events')
      .innerJoin('alarms', 'alarms.id', 'alarm_events.alarm_id')
      .where('alarm_events.mine_id', 'in', mineIds(f))
      .where('alarm_events.kind', '=', 'state-changed')
      .where('alarm_events.to_state', '=', 'unack_active')
      .where('alarm_events.at_ms', '>=', fromMs)
      .where('alarm_events.at_ms', '<', toMs);

  return {
    async hazardCountsByMine(filter, today): Promise<MineHazardCounts[]> {
      const rows = await db
        .selectFrom('hazards')
        .select((eb) => [
          'mine_id',
          eb.fn.countAll<number | string>().as('open'),
          countWhen(eb, eb('grade', '=', 'major')).as('major'),
          countWhen(eb, eb('current_due_date', '<', today)).as('overdue'),
        ])
        .where('mine_id', 'in', mineIds(filter))
        .where('state', '<>', 'closed')
        .groupBy('mine_id')
        .execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        open: n(r.open),
        openMajor: n(r.major),
        overdue: n(r.overdue),
      }));
    },

    async alarmCountsByMine(filter, fromMs, toMs): Promise<MineAlarmCounts[]> {
      const rows = await activations(filter, fromMs, toMs)
        .select((eb) => [
          'alarm_events.mine_id as mine_id',
          'alarm_events.priority as priority',
          countWhen(eb, eb('alarms.rule', 'in', ['mine_data_stopped', 'point_silent'])).as('gaps'),
          eb.fn.countAll<number | string>().as('raised'),
        ])
        .groupBy(['alarm_events.mine_id', 'alarm_events.priority'])
        .execute();
      const byMine = new Map<string, MineAlarmCounts>();
      for (const r of rows) {
        let c = byMine.get(r.mine_id);
        if (!c) {
          c = { mineId: r.mine_id, critical: 0, high: 0, medium: 0, low: 0, dataGaps: 0 };
          byMine.set(r.mine_id, c);
        }
        if (
          r.priority === 'critical' ||
          r.priority === 'high' ||
          r.priority === 'medium' ||
          r.priority === 'low'
        ) {
          c[r.priority] += n(r.raised);
        }
        c.dataGaps += n(r.gaps);
      }
      return [...byMine.values()];
    },

    async hazardPeriod(filter, fromIso, toIso, today) {
      const inPeriod = (column: 'reported_at' | 'closed_at') =>
        sql<boolean>`${sql.ref(column)} >= ${fromIso} and ${sql.ref(column)} < ${toIso}`;
      const r = await db
        .selectFrom('hazards')
        .select((eb) => [
          countWhen(eb, inPeriod('reported_at')).as('found'),
          countWhen(eb, eb.and([inPeriod('reported_at'), eb('grade', '=', 'major')])).as('major_found'),
          countWhen(eb, eb.and([eb('state', '=', 'closed'), inPeriod('closed_at')])).as('closed'),
          countWhen(eb, eb('state', '<>', 'closed')).as('open'),
          countWhen(eb, isOverdue(eb, today)).as('overdue'),
        ])
        .where('mine_id', 'in', mineIds(filter))
        .executeTakeFirst();
      return {
        found: n(r?.found),
        majorFound: n(r?.major_found),
        closed: n(r?.closed),
        open: n(r?.open),
        overdue: n(r?.overdue),
      };
    },

    async alarmsByRule(filter, fromMs, toMs) {
      const rows = await activations(filter, fromMs, toMs)
        .select((eb) => [
          'alarms.rule as rule',
          'alarms.priority as priority',
          eb.fn.countAll<number | string>().as('raised'),
        ])
        .groupBy(['alarms.rule', 'alarms.priority'])
        .execute();
      return rows
        .map((r) => ({ rule: r.rule, priority: r.priority, raised: n(r.raised) }))
        .sort((a, b) => b.raised - a.raised || a.rule.localeCompare(b.rule));
    },

    async statusEntries(filter, fromIso, toIso) {
      const rows = await db
        .selectFrom('mine_status_changes')
        .select((eb) => ['to_status', eb.fn.count<number | string>('mine_id').distinct().as('mines')])
        .where('mine_id', 'in', mineIds(filter))
        .where('at', '>=', fromIso)
        .where('at', '<', toIso)
        .groupBy('to_status')
        .execute();
      return rows.map((r) => ({ toStatus: r.to_status, mines: n(r.mines) }));
    },

    async visitsInPeriod(filter, fromIso, toIso) {
      const r = await db
        .selectFrom('supervision_visits')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('visits'),
          eb.fn.count<number | string>('mine_id').distinct().as('mines'),
          eb.fn.sum<number | string | null>('went_underground').as('underground'),
        ])
        .where('mine_id', 'in', mineIds(filter))
        .where('started_at', '>=', fromIso)
        .where('started_at', '<', toIso)
        .executeTakeFirst();
      return { visits: n(r?.visits), minesVisited: n(r?.mines), underground: n(r?.underground) };
    },
  };
}
