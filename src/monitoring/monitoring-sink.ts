import type { DomainError } from '../core/errors.ts';
import type { PointDefinition } from '../core/monitoring/upload-file/point-definition-records.ts';
import type { PersonnelArea, PersonPosition } from '../core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../core/monitoring/upload-file/safety-monitoring-records.ts';

export interface IngestOutcome {
  mineCode: string;
  accepted: number;
  rejected: Array<{ index: number; pointCode?: string; reason: string }>;
  alarmsChanged: number;
  /**
   * Accepted readings that arrived late (received long after their time, or older than the point's
   * newest): stored and, when still the newest, judged at their own time. Absent where not known yet
   * (a gateway hands data on before it is judged).
   */
  late?: number;
}

/** The registry facts a door needs about a mine: who may send for it (scope) and where it goes. */
export interface SinkMine {
  id: string;
  code: string;
  regionPath: string;
}

/**
 * Where the ingestion doors (MQTT, HTTP, upload files) hand what they parsed. Each call resolves only
 * once the data is durable — stored in the database (the embedded runtime) or held by JetStream (the
 * gateway) — which is when a door acknowledges its client. Refused input throws a DomainError
 * (unknown mine); anything else thrown is a failure a retry may fix.
 */
export interface MonitoringSink {
  mineByCode(code: string): SinkMine | undefined;
  definePoints(mineCode: string, defs: readonly PointDefinition[]): Promise<IngestOutcome>;
  defineAreas(mineCode: string, areas: readonly PersonnelArea[]): Promise<IngestOutcome>;
  ingestReadings(mineCode: string, readings: readonly PointReading[]): Promise<IngestOutcome>;
  /**
   * Several mines' readings at once (a concentrator's body): one outcome per item in order, a refused
   * mine's DomainError in its place; the embedded runtime judges them in one go and stores them in one
   * write.
   */
  ingestReadingsMany(
    items: ReadonlyArray<{ mineCode: string; readings: readonly PointReading[] }>,
  ): Promise<Array<IngestOutcome | DomainError>>;
  ingestPersonnel(
    mineCode: string,
    positions: readonly PersonPosition[],
    snapshotMs: number,
  ): Promise<IngestOutcome>;
}
