import type { AlarmLink } from './alarm-links.ts';
import type { AlarmPriority, AlarmState } from './alarms/alarm-lifecycle.ts';
import type { AlarmChange, AlarmRecord, AlarmRule, PointRecord } from './engine/engine-types.ts';
import type { PersonUnderground } from './engine/personnel-rules.ts';
import type { PersonnelArea } from './upload-file/personnel-records.ts';
import type { RedlineAlarmEdge } from './evidence/alarm-evidence.ts';
import type { FeedState, MineAlarmRecord, PersonnelAlarmRecord } from './evidence/evidence-records.ts';
import type { AlarmTransitionRow } from './alarms/alarm-kpis.ts';

export interface AlarmEventRow {
  id: string;
  alarmId: string;
  mineId: string;
  /** When it happened: the data's time for a raise or clear, the clock's for an action. */
  atMs: number;
  /** When Redline learnt of it (null for history stored before migration 0013). */
  receivedMs: number | null;
  kind: string;
  fromState: string | null;
  toState: string | null;
  cause: string;
  actor: string | null;
  comment: string | null;
  value: number | null;
  priority: string;
  escalationLevel: number | null;
}

export interface AlarmQuery {
  regionPath?: string;
  mineId?: string;
  priority?: AlarmPriority;
  states?: readonly AlarmState[];
  rule?: AlarmRule;
  offset: number;
  limit: number;
}

export interface AlarmView extends AlarmRecord {
  mineName: string;
  mineCode: string;
  regionName: string;
  regionNameEn: string;
  /** The mine's region path, so a client can place a live alarm under its region filter. */
  regionPath: string;
  /** The point's sensor type, location and unit, when the alarm is about a point. */
  sensorType: string | null;
  location: string | null;
  unit: string | null;
  /** The point's substation (分站, the gateway it reports through), when the alarm is about a point. */
  substationCode: string | null;
}

export interface IngestFileRecord {
  id: string;
  fileName: string;
  mineCode: string | null;
  fileType: string | null;
  encoding: string | null;
  outcome: 'stored' | 'rejected' | 'incomplete';
  accepted: number;
  rejected: number;
  rejections: unknown[];
  receivedMs: number;
}

/** A curve's resolution: raw readings, per-minute or per-hour aggregates (mean, min, max). */
export type SeriesResolution = 'raw' | '1m' | '1h';

export interface Series {
  resolution: SeriesResolution;
  t: number[];
  v: number[];
  min: number[] | null;
  max: number[] | null;
}

/** The mines an alarm read covers: those under a region path, or one mine. */
export interface AlarmScopeFilter {
  regionPath?: string;
  mineId?: string;
}

/** A regulator's decision on a major hazard proposed from monitoring evidence (migration 0018). */
export interface MonitoringHazardDecision {
  proposalKey: string;
  alarmId: string;
  mineId: string;
  category: string;
  decision: 'confirmed' | 'dismissed';
  hazardId: string | null;
  note: string;
  decidedBy: string;
  decidedByName: string;
  decidedAt: string;
}

/** Measuring points. */
export interface MonitoringPointsStore {
  loadPoints(): Promise<PointRecord[]>;
  pointsOfMine(mineId: string): Promise<PointRecord[]>;
  getPoint(id: number): Promise<PointRecord | undefined>;
  pointByCode(mineId: string, pointCode: string): Promise<PointRecord | undefined>;
  upsertPoints(points: readonly PointRecord[]): Promise<void>;
}

/** Alarms and their history. */
export interface MonitoringAlarmsStore {
  loadAlarms(): Promise<AlarmRecord[]>;
  saveAlarmChanges(changes: readonly AlarmChange[], nextId: () => string): Promise<void>;
  getAlarm(id: string): Promise<AlarmRecord | undefined>;
  alarmEvents(alarmId: string): Promise<AlarmEventRow[]>;
  eventsSince(
    sinceMs: number,
    regionPath: string | null,
    mineId: string | null,
  ): Promise<AlarmTransitionRow[]>;
  searchAlarms(q: AlarmQuery): Promise<{ total: number; items: AlarmView[] }>;
  /**
   * Alarms as views (with their mine, region and point), ordered by id: the ones named by `ids`, or
   * those of the mines in `filter`; `openOnly` leaves out alarms back in the normal state.
   */
  alarmViews(q: AlarmScopeFilter & { ids?: readonly string[]; openOnly?: boolean }): Promise<AlarmView[]>;
  /** How many mines in the filter have any alarm record, whatever its state. */
  countMinesWithAlarms(filter: AlarmScopeFilter): Promise<number>;
}

/** Personnel areas and people underground. */
export interface PersonnelStore {
  replaceAreas(mineId: string, areas: readonly PersonnelArea[]): Promise<void>;
  loadAreas(): Promise<Array<PersonnelArea & { mineId: string }>>;
  replacePeople(mineId: string, people: readonly PersonUnderground[], snapshotMs: number): Promise<void>;
  /** One mine's personnel areas, by area code. */
  areasOfMine(mineId: string): Promise<PersonnelArea[]>;
  /** One mine's stored people-underground snapshot, by card code (snapshotMs null before its first snapshot). */
  peopleOfMine(mineId: string): Promise<{ snapshotMs: number | null; people: PersonUnderground[] }>;
  /** People underground per mine, for the mines given (a mine with nobody is left out). */
  countPeople(mineIds: readonly string[]): Promise<Map<string, number>>;
  /** Every mine's stored people-underground snapshot (for rebuilding the engine). */
  loadPeople(): Promise<Array<{ mineId: string; snapshotMs: number; people: PersonUnderground[] }>>;
}

/** Readings (ADR 0005). */
export interface TelemetryStore {
  series(pointId: number, fromMs: number, toMs: number, resolution: SeriesResolution): Promise<Series>;
  lastReadings(
    pointIds: readonly number[],
  ): Promise<Map<number, { tsMs: number; value: number; status: number }>>;
  /**
   * Compaction (ADR 0005): every head reading of a window closed at `nowMs` moves into its point's
   * block for that window, merged with what the block holds. Idempotent and crash-safe.
   */
  compactReadings(nowMs: number): Promise<{ headRows: number; blocks: number; merged: number }>;
  /** A point's raw readings in [fromMs, toMs], oldest first, a window at a time (for exports). */
  rawReadingChunks(pointId: number, fromMs: number, toMs: number): AsyncIterable<ReadingChunk>;
  /**
   * Retention: removes raw blocks entirely older than `rawBeforeMs` and per-minute rollups entirely
   * older than `aggregatesBeforeMs` (whole partitions on PostgreSQL). Returns the blocks and rollups
   * removed (on PostgreSQL, the dropped partitions' row estimate).
   */
  purgeOld(pointIds: readonly number[], rawBeforeMs: number, aggregatesBeforeMs: number): Promise<number>;
  countReadings(): Promise<number>;
}

/** Evidence beyond the alarms (migration 0022) and decisions on monitoring hazard proposals (0018). */
export interface MonitoringEvidenceStore {
  /** Evidence beyond the mine's word (migration 0022). A re-sent YCBJ record updates the stored one. */
  saveMineAlarmRecords(records: readonly MineAlarmRecord[]): Promise<void>;
  /** A mine's YCBJ records that started within [startFromMs, startToMs], oldest first. */
  mineAlarmRecords(mineId: string, startFromMs: number, startToMs: number): Promise<MineAlarmRecord[]>;
  /** Raises and clears of a mine's alarms with data time in [fromMs, toMs]. */
  alarmEdges(mineId: string, fromMs: number, toMs: number): Promise<RedlineAlarmEdge[]>;
  /** FZDY (dataTimeMs null: the location only) and FZSS states; an older state never overwrites a newer one. */
  saveFeedStates(states: readonly FeedState[]): Promise<void>;
  feedStates(mineIds: readonly string[]): Promise<FeedState[]>;
  savePersonnelAlarmRecords(records: readonly PersonnelAlarmRecord[]): Promise<void>;
  /** A mine's personnel alarm records, newest upload first. */
  personnelAlarmRecords(mineId: string, limit: number): Promise<PersonnelAlarmRecord[]>;
  /** Decisions on monitoring hazard proposals, for the keys given (those without one are left out). */
  hazardDecisions(keys: readonly string[]): Promise<MonitoringHazardDecision[]>;
  /** Records a decision; false when the proposal was already decided (nothing changed). */
  insertHazardDecision(d: MonitoringHazardDecision): Promise<boolean>;
  /** The hazards, orders and cases made from an alarm (migration 0025), oldest first. */
  alarmLinks(alarmId: string): Promise<AlarmLink[]>;
  insertAlarmLink(link: AlarmLink): Promise<void>;
}

/**
 * What monitoring needs from storage, one part per aggregate (implemented in
 * src/storage/stores/monitoring-store.ts and the stores it composes); a use case that needs one part
 * takes that part's type.
 */
export interface MonitoringStore
  extends
    MonitoringPointsStore,
    MonitoringAlarmsStore,
    PersonnelStore,
    TelemetryStore,
    MonitoringEvidenceStore {
  logIngestFile(f: IngestFileRecord): Promise<void>;
}

/** Readings of one point, sorted by time, as parallel arrays. */
export interface ReadingChunk {
  ts: ArrayLike<number>;
  values: ArrayLike<number>;
  statuses: ArrayLike<number>;
}
