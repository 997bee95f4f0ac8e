import { decodeUploadBytes } from '../../core/monitoring/upload-file/upload-encoding.ts';
import { parseUploadFile } from '../../core/monitoring/upload-file/upload-file-parser.ts';
import { isDomainError, notFound } from '../../core/errors.ts';
import type { UploadFile } from '../../core/monitoring/upload-file/upload-file-parser.ts';
import { PERSONNEL_ALARM_FILE_TYPES } from '../../core/monitoring/evidence/evidence-records.ts';
import type { Ids, Clock } from '../../core/ports.ts';
import type { MonitoringStore } from '../../core/monitoring/monitoring-ports.ts';
import type { MonitoringSink } from '../../monitoring/monitoring-sink.ts';

export interface FileReport {
  file: string;
  mineCode: string | null;
  type: string | null;
  encoding: 'utf-8' | 'gb18030' | null;
  /** stored: what it carried is durably stored (rejected lines listed); rejected: nothing taken; incomplete: no `||` yet. */
  outcome: 'stored' | 'rejected' | 'incomplete';
  accepted: number;
  rejected: Array<{ line: number; field?: string; reason: string }>;
  reason?: string;
}

/** What the file door needs from storage: the ingest log and the evidence files it keeps itself. */
export type FileDoorStore = Pick<
  MonitoringStore,
  'logIngestFile' | 'saveMineAlarmRecords' | 'saveFeedStates' | 'savePersonnelAlarmRecords'
>;

/**
 * File types Redline stores: the engine's (CDDY, CDSS, RYQY, RYSS) through the runtime, the evidence
 * files (YCBJ, FZDY, FZSS, RYCS, RYCY, RYXZ, RYQJ) straight to storage. The others are parsed (bad lines are reported) but not kept.
 */
const STORED_TYPES = new Set([
  'CDDY',
  'CDSS',
  'RYQY',
  'RYSS',
  'YCBJ',
  'FZDY',
  'FZSS',
  ...PERSONNEL_ALARM_FILE_TYPES,
]);

/** Stores an evidence file (no rule reads it as it arrives); returns how many records were kept. */
async function storeEvidence(
  deps: { runtime: MonitoringSink; store: FileDoorStore },
  f: UploadFile,
  receivedMs: number,
): Promise<number> {
  const mine = deps.runtime.mineByCode(f.mineCode);
  if (!mine) throw notFound('MINE_NOT_FOUND', `No mine with the code ${f.mineCode} is registered.`);
  if (f.type === 'YCBJ') {
    await deps.store.saveMineAlarmRecords(
      f.records.map((r) => ({
        mineId: mine.id,
        pointCode: r.pointCode,
        sensorTypeName: r.sensorTypeName,
        location: r.location,
        unit: r.unit,
        anomalyCode: r.anomalyCode,
        startMs: r.startMs,
        endMs: r.endMs,
        maxValue: r.maxValue,
        cause: r.cause,
        measures: r.measures,
        enteredAtMs: r.enteredAtMs,
        enteredBy: r.enteredBy,
        dataTimeMs: r.dataTimeMs,
        receivedMs,
      })),
    );
  } else if (f.type === 'FZDY') {
    await deps.store.saveFeedStates(
      f.records.map((r) => ({
        mineId: mine.id,
        substationCode: r.substationCode,
        location: r.location,
        runState: null,
        powerState: null,
        dataTimeMs: null,
        receivedMs,
      })),
    );
  } else if (f.type === 'FZSS') {
    await deps.store.saveFeedStates(
      f.records.map((r) => ({
        mineId: mine.id,
        substationCode: r.substationCode,
        location: null,
        runState: r.runState,
        powerState: r.powerState,
        dataTimeMs: r.dataTimeMs,
        receivedMs,
      })),
    );
  } else if (f.type === 'RYCS' || f.type === 'RYCY' || f.type === 'RYXZ' || f.type === 'RYQJ') {
    const fileType = f.type;
    await deps.store.savePersonnelAlarmRecords(
      f.records.map((r) => ({
        mineId: mine.id,
        fileType,
        cardCode: r.cardCode,
        fields: r.fields,
        uploadedAtMs: f.header.uploadedAtMs,
        receivedMs,
      })),
    );
  } else return 0;
  return f.records.length;
}

/**
 * One national upload file through the pipeline: decode (UTF-8 or GB18030), parse (bad lines are
 * rejected with their reason, the rest kept), and hand the records to the runtime, which resolves
 * only once they are stored. The outcome is logged in `ingest_files`.
 */
export async function ingestUploadFile(
  deps: { runtime: MonitoringSink; store: FileDoorStore; ids: Ids; clock: Clock },
  name: string,
  bytes: Uint8Array,
): Promise<FileReport> {
  const { text, encoding } = decodeUploadBytes(bytes);
  const parsed = parseUploadFile(name, text);
  let report: FileReport;
  if (!parsed.ok) {
    report = {
      file: name,
      mineCode: null,
      type: null,
      encoding,
      outcome: 'rejected',
      accepted: 0,
      rejected: [],
      reason: `${parsed.code}: ${parsed.reason}`,
    };
  } else if (!parsed.file.complete) {
    report = {
      file: name,
      mineCode: parsed.file.mineCode,
      type: parsed.file.type,
      encoding,
      outcome: 'incomplete',
      accepted: 0,
      rejected: [],
      reason: 'the file has no end marker "||" yet (still being written, or cut off)',
    };
  } else {
    const f = parsed.file;
    const rejected: FileReport['rejected'] = f.rejected.map((r) => ({
      line: r.line,
      field: r.field,
      reason: r.reason,
    }));
    let accepted = 0;
    try {
      if (!STORED_TYPES.has(f.type)) {
        accepted = f.records.length;
      } else if (f.type === 'CDDY') {
        accepted = (await deps.runtime.definePoints(f.mineCode, f.records)).accepted;
      } else if (f.type === 'CDSS') {
        const out = await deps.runtime.ingestReadings(f.mineCode, f.records);
        accepted = out.accepted;
        // Blank records and rejected ones sit between the kept records: the parser says where each one was.
        for (const r of out.rejected) {
          rejected.push({
            line: f.recordLines[r.index] ?? 0,
            field: 'pointCode',
            reason: `${r.pointCode}: ${r.reason}`,
          });
        }
      } else if (f.type === 'RYQY') {
        accepted = (await deps.runtime.defineAreas(f.mineCode, f.records)).accepted;
      } else if (f.type === 'RYSS') {
        accepted = (await deps.runtime.ingestPersonnel(f.mineCode, f.records, f.header.uploadedAtMs))
          .accepted;
      } else {
        accepted = await storeEvidence(deps, f, deps.clock.nowMs());
      }
      report = {
        file: name,
        mineCode: f.mineCode,
        type: f.type,
        encoding,
        outcome: 'stored',
        accepted,
        rejected,
      };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      report = {
        file: name,
        mineCode: f.mineCode,
        type: f.type,
        encoding,
        outcome: 'rejected',
        accepted: 0,
        rejected,
        reason: `${e.code}: ${e.message}`,
      };
    }
  }
  await deps.store.logIngestFile({
    id: deps.ids.next('file'),
    fileName: name,
    mineCode: report.mineCode,
    fileType: report.type,
    encoding: report.encoding,
    outcome: report.outcome,
    accepted: report.accepted,
    rejected: report.rejected.length,
    rejections: report.reason ? [{ reason: report.reason }, ...report.rejected] : report.rejected,
    receivedMs: deps.clock.nowMs(),
  });
  return report;
}
