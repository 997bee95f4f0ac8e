import type { Kysely } from 'kysely';
import type { AlarmLink } from '../../core/monitoring/alarm-links.ts';
import type { MonitoringHazardDecision, MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import { asIs, defineCodec } from '../row-codec.ts';
import type { Database } from '../schema.ts';
import { recordTable } from './record-table.ts';

const linkCodec = defineCodec<AlarmLink, Database['alarm_links']>()({
  ...asIs('alarmId kind targetId title mineId createdBy createdByName createdAt'),
});

const decisionCodec = defineCodec<MonitoringHazardDecision, Database['monitoring_hazard_decisions']>()({
  ...asIs('proposalKey alarmId mineId category decision hazardId note decidedBy decidedByName decidedAt'),
});

/**
 * What became of alarms: regulators' decisions on major hazards proposed from monitoring evidence
 * (migration 0018) and the hazards, orders and cases made from an alarm (migration 0025).
 */
export function createHazardDecisionStore(
  db: Kysely<Database>,
): Pick<MonitoringStore, 'hazardDecisions' | 'insertHazardDecision' | 'alarmLinks' | 'insertAlarmLink'> {
  const links = recordTable(db, 'alarm_links', linkCodec);
  const decisions = recordTable(db, 'monitoring_hazard_decisions', decisionCodec);
  return {
    alarmLinks: (alarmId) => links.list({ alarm_id: alarmId }, ['created_at', 'target_id']),
    insertAlarmLink: links.insert,

    async hazardDecisions(keys) {
      if (keys.length === 0) return [];
      return decisions.list({ proposal_key: { in: [...keys] } }, []);
    },

    async insertHazardDecision(d) {
      const r = await db
        .insertInto('monitoring_hazard_decisions')
        .values(decisionCodec.encode(d))
        .onConflict((oc) => oc.column('proposal_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
