import type { Kysely } from 'kysely';
import type { IngestFileRecord, MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';
import { createHazardDecisionStore } from './monitoring-hazard-decision-store.ts';
import { createEvidenceStore } from './evidence-store.ts';
import { createMonitoringAlarmsStore } from './monitoring-alarms-store.ts';
import { createMonitoringPointsStore } from './monitoring-points-store.ts';
import { createPersonnelStore } from './personnel-store.ts';
import { createTelemetryStore } from './telemetry-store.ts';

/**
 * Monitoring's storage, one store per aggregate (points, alarms, personnel, telemetry, evidence and
 * hazard decisions) composed here, plus the ingest log. A use case that needs one aggregate takes its
 * narrower port type (core/monitoring/monitoring-ports.ts).
 */
export function createMonitoringStore(db: Kysely<Database>): MonitoringStore {
  return {
    ...createMonitoringPointsStore(db),
    ...createMonitoringAlarmsStore(db),
    ...createPersonnelStore(db),
    ...createTelemetryStore(db),
    ...createHazardDecisionStore(db),
    ...createEvidenceStore(db),
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
  };
}
