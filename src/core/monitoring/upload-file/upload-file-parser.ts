/**
 * Parses one national upload text file (domain reference §1.1–§1.3): `;` separates fields, `~` ends a
 * record, `||` ends the file, the first record is the header. File-level problems (bad name, bad
 * header, header mine code ≠ file-name mine code) reject the whole file; a malformed record is
 * rejected on its own with its index, field and what was expected, and the other records are kept.
 */
import { CDDY_SPEC, type MonitoringSystemHeader, type PointDefinition } from './point-definition-records.ts';
import {
  CDSS_SPEC,
  FZDY_SPEC,
  FZSS_SPEC,
  TJSJ_SPEC,
  YCBJ_SPEC,
  type AnomalyRecord,
  type PointReading,
  type PointStatistics,
  type SubstationDefinition,
  type SubstationStatus,
} from './safety-monitoring-records.ts';
import {
  JZSS_SPEC,
  PERSONNEL_ALARM_SPEC,
  RYJZ_SPEC,
  RYQY_SPEC,
  RYSS_SPEC,
  RYXX_SPEC,
  type BaseStation,
  type BaseStationStatus,
  type Person,
  type PersonPosition,
  type PersonnelAlarmFileRecord,
  type PersonnelArea,
  type PersonnelSystemHeader,
} from './personnel-records.ts';
import { FieldReader } from './upload-field-reader.ts';
import { parseUploadFileName, type UploadFileType } from './upload-file-name.ts';
import type { BasicHeader, RecordSpec } from './upload-record-spec.ts';

export interface UploadRecordByType {
  CDDY: PointDefinition;
  CDSS: PointReading;
  YCBJ: AnomalyRecord;
  TJSJ: PointStatistics;
  FZDY: SubstationDefinition;
  FZSS: SubstationStatus;
  RYQY: PersonnelArea;
  RYJZ: BaseStation;
  JZSS: BaseStationStatus;
  RYXX: Person;
  RYSS: PersonPosition;
  RYCS: PersonnelAlarmFileRecord;
  RYCY: PersonnelAlarmFileRecord;
  RYXZ: PersonnelAlarmFileRecord;
  RYQJ: PersonnelAlarmFileRecord;
}

export type UploadHeaderByType = { [K in UploadFileType]: BasicHeader } & {
  CDDY: MonitoringSystemHeader;
  RYXX: PersonnelSystemHeader;
};

export interface RejectedRecord {
  /** 1-based index of the `~`-terminated record in the file; the header is record 1. */
  line: number;
  /** The offending field, when the problem is in one field. */
  field?: string;
  reason: string;
  /** The record text as received (trimmed, at most 500 characters). */
  raw: string;
}

/** A parsed file, discriminated by `type` so `header` and `records` have the right shapes. */
export type UploadFile = {
  [K in UploadFileType]: {
    type: K;
    mineCode: string;
    /** The timestamp in the file name, epoch ms (UTC+8 wall clock). */
    fileTimestampMs: number;
    header: UploadHeaderByType[K];
    records: UploadRecordByType[K][];
    /** The record number (as in `RejectedRecord.line`) of each kept record, in the order of `records`. */
    recordLines: number[];
    rejected: RejectedRecord[];
    /**
     * False when the `||` end marker is missing: the file is still being written or was cut off.
     * Records terminated by `~` are returned; the caller should wait, then re-read or quarantine.
     */
    complete: boolean;
  };
}[UploadFileType];

export type UploadFileRejectionCode =
  'BAD_FILE_NAME' | 'INCOMPLETE_HEADER' | 'EMPTY_FILE' | 'BAD_HEADER' | 'MINE_CODE_MISMATCH';

export type UploadFileParseResult =
  { ok: true; file: UploadFile } | { ok: false; code: UploadFileRejectionCode; reason: string };

const SPECS: { [K in UploadFileType]: RecordSpec<UploadHeaderByType[K], UploadRecordByType[K]> } = {
  CDDY: CDDY_SPEC,
  CDSS: CDSS_SPEC,
  YCBJ: YCBJ_SPEC,
  TJSJ: TJSJ_SPEC,
  FZDY: FZDY_SPEC,
  FZSS: FZSS_SPEC,
  RYQY: RYQY_SPEC,
  RYJZ: RYJZ_SPEC,
  JZSS: JZSS_SPEC,
  RYXX: RYXX_SPEC,
  RYSS: RYSS_SPEC,
  RYCS: PERSONNEL_ALARM_SPEC,
  RYCY: PERSONNEL_ALARM_SPEC,
  RYXZ: PERSONNEL_ALARM_SPEC,
  RYQJ: PERSONNEL_ALARM_SPEC,
};

const END_OF_FILE = '||';
const MAX_RAW_CHARS = 500;

const clip = (s: string): string => (s.length > MAX_RAW_CHARS ? s.slice(0, MAX_RAW_CHARS) + '…' : s);

function fieldCountReason(spec: RecordSpec<unknown, unknown>, got: number): string {
  const { min, max } = spec.recordFields;
  const expected = min === max ? `${min}` : `${min}–${max}`;
  return `expected ${expected} fields (${spec.recordFieldNames.join(';')}), got ${got}`;
}

/** Splits on `;`, tolerating one trailing empty field (`…;~`) some generators add. */
function splitFields(record: string, max: number): string[] {
  const fields = record.split(';');
  if (fields.length === max + 1 && fields[fields.length - 1]?.trim() === '') fields.pop();
  return fields;
}

function parseTyped<K extends UploadFileType>(
  type: K,
  mineCode: string,
  fileTimestampMs: number,
  segments: readonly string[],
  complete: boolean,
  tailProblems: RejectedRecord[],
): UploadFileParseResult {
  const spec = SPECS[type] as RecordSpec<UploadHeaderByType[K], UploadRecordByType[K]>;
  const headerText = segments[0] ?? '';
  const headerFields = splitFields(headerText, spec.headerFields.max);
  if (headerFields.length < spec.headerFields.min || headerFields.length > spec.headerFields.max) {
    const { min, max } = spec.headerFields;
    return {
      ok: false,
      code: 'BAD_HEADER',
      reason: `${type} header: expected ${min === max ? min : `${min}–${max}`} fields, got ${headerFields.length}`,
    };
  }
  const hr = new FieldReader(headerFields);
  const header = spec.parseHeader(hr);
  if (hr.problem !== null) {
    return {
      ok: false,
      code: 'BAD_HEADER',
      reason: `${type} header field ${hr.problem.field}: ${hr.problem.reason}`,
    };
  }
  if (header.mineCode !== mineCode) {
    return {
      ok: false,
      code: 'MINE_CODE_MISMATCH',
      reason: `header mine code ${header.mineCode} differs from the file name's ${mineCode}`,
    };
  }

  const records: UploadRecordByType[K][] = [];
  const recordLines: number[] = [];
  const rejected: RejectedRecord[] = [];
  for (let i = 1; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    if (raw === '') continue;
    const fields = splitFields(raw, spec.recordFields.max);
    if (fields.length < spec.recordFields.min || fields.length > spec.recordFields.max) {
      rejected.push({ line: i + 1, reason: fieldCountReason(spec, fields.length), raw: clip(raw) });
      continue;
    }
    const reader = new FieldReader(fields);
    const record = spec.parseRecord(reader);
    if (reader.problem === null) {
      records.push(record);
      recordLines.push(i + 1);
    } else
      rejected.push({
        line: i + 1,
        field: reader.problem.field,
        reason: reader.problem.reason,
        raw: clip(raw),
      });
  }
  rejected.push(...tailProblems);
  const file = { type, mineCode, fileTimestampMs, header, records, recordLines, rejected, complete };
  // The mapped type cannot be narrowed through a generic K; the parts above are typed per K.
  return { ok: true, file: file as unknown as UploadFile };
}

/**
 * Parses one upload file. `name` is the file name (a directory part is ignored); `text` the decoded
 * content (see `decodeUploadBytes`). All times are epoch ms, reading the files' wall-clock times as
 * China Standard Time (UTC+8).
 */
export function parseUploadFile(name: string, text: string): UploadFileParseResult {
  const parsedName = parseUploadFileName(name);
  if (!parsedName.ok) return { ok: false, code: 'BAD_FILE_NAME', reason: parsedName.reason };

  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endAt = content.indexOf(END_OF_FILE);
  const complete = endAt >= 0;
  const body = complete ? content.slice(0, endAt) : content;
  const pieces = body.split('~');
  // Without `||` the last piece is a record still being written; with it, a last piece without `~`
  // is a record whose terminator was left out before the end marker, which we accept.
  const unterminated = complete ? '' : (pieces.pop() ?? '').trim();
  const segments = pieces.map((p) => p.trim());
  if (complete && segments.length > 0 && segments[segments.length - 1] === '') segments.pop();

  if (segments.length === 0 || segments[0] === '') {
    if (!complete) {
      return {
        ok: false,
        code: 'INCOMPLETE_HEADER',
        reason: 'no complete header yet and no "||" end marker',
      };
    }
    return { ok: false, code: 'EMPTY_FILE', reason: 'the file has no header record' };
  }

  const tailProblems: RejectedRecord[] = [];
  if (unterminated !== '') {
    tailProblems.push({
      line: segments.length + 1,
      reason: 'record not terminated by "~" and no "||" end marker: the file is truncated',
      raw: clip(unterminated),
    });
  }
  const trailing = complete ? content.slice(endAt + END_OF_FILE.length).trim() : '';
  if (trailing !== '') {
    tailProblems.push({
      line: segments.length + 1,
      reason: 'content after the "||" end marker was ignored',
      raw: clip(trailing),
    });
  }
  return parseTyped(
    parsedName.type,
    parsedName.mineCode,
    parsedName.timestampMs,
    segments,
    complete,
    tailProblems,
  );
}
