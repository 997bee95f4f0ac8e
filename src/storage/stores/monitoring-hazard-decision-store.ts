import type { Kysely } from 'kysely';
import type { AlarmLink, AlarmLinkKind } from '../../core/monitoring/alarm-links.ts';
import type { MonitoringHazardDecision, MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';

/**
 * What became of alarms: regulators' decisions on major hazards proposed from monitoring evidence
 * (migration 0018) and the hazards, orders and cases made from an alarm (migration 0025).
 */
export function createHazardDecisionStore(
  db: Kysely<Database>,
): Pick<MonitoringStore, 'hazardDecisions' | 'insertHazardDecision' | 'alarmLinks' | 'insertAlarmLink'> {
  return {
    async alarmLinks(alarmId: string): Promise<AlarmLink[]> {
      const rows = await db
        .selectFrom('alarm_links')
        .selectAll()
        .where('alarm_id', '=', alarmId)
        .orderBy('created_at')
        .orderBy('target_id')
        .execute();
      return rows.map((r) => ({
        alarmId: r.alarm_id,
        kind: r.kind as AlarmLinkKind,
        targetId: r.target_id,
        title: r.title,
        mineId: r.mine_id,
        createdBy: r.created_by,
        createdByName: r.created_by_name,
        createdAt: r.created_at,
      }));
    },

    async insertAlarmLink(l: AlarmLink): Promise<void> {
      await db
        .insertInto('alarm_links')
        .values({
          alarm_id: l.alarmId,
          kind: l.kind,
          target_id: l.targetId,
          title: l.title,
          mine_id: l.mineId,
          created_by: l.createdBy,
          created_by_name: l.createdByName,
          created_at: l.createdAt,
        })
        .execute();
    },

    async hazardDecisions(keys: readonly string[]): Promise<MonitoringHazardDecision[]> {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('monitoring_hazard_decisions')
        .selectAll()
        .where('proposal_key', 'in', [...keys])
        .execute();
      return rows.map((r) => ({
        proposalKey: r.proposal_key,
        alarmId: r.alarm_id,
        mineId: r.mine_id,
        category: r.category,
        decision: r.decision as MonitoringHazardDecision['decision'],
        hazardId: r.hazard_id,
        note: r.note,
        decidedBy: r.decided_by,
        decidedByName: r.decided_by_name,
        decidedAt: r.decided_at,
      }));
    },

    async insertHazardDecision(d: MonitoringHazardDecision): Promise<boolean> {
      const r = await db
        .insertInto('monitoring_hazard_decisions')
        .values({
          proposal_key: d.proposalKey,
          alarm_id: d.alarmId,
          mine_id: d.mineId,
          category: d.category,
          decision: d.decision,
          hazard_id: d.hazardId,
          note: d.note,
          decided_by: d.decidedBy,
          decided_by_name: d.decidedByName,
          decided_at: d.decidedAt,
        })
        .onConflict((oc) => oc.column('proposal_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
