import type { Kysely } from 'kysely';
import type { MonitoringHazardDecision, MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';

/** Regulators' decisions on major hazards proposed from monitoring evidence (migration 0018). */
export function createHazardDecisionStore(
  db: Kysely<Database>,
): Pick<MonitoringStore, 'hazardDecisions' | 'insertHazardDecision'> {
  return {
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
