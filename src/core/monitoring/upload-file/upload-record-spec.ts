import type { FieldReader } from './upload-field-reader.ts';

/**
 * How one upload file type is laid out: field counts of its header and records, and the parsers
 * that turn a `FieldReader` into typed values. One spec per type; the file parser is generic.
 */
export interface RecordSpec<H, R> {
  /** Accepted header field counts (inclusive). */
  headerFields: { min: number; max: number };
  /** Accepted record field counts (inclusive). */
  recordFields: { min: number; max: number };
  /** Field names in order, used in "wrong field count" messages. */
  recordFieldNames: readonly string[];
  parseHeader(r: FieldReader): H;
  parseRecord(r: FieldReader): R;
}

/** `煤矿编码;煤矿名称;数据上传时间` — the header of every file type except CDDY and RYXX. */
export interface BasicHeader {
  mineCode: string;
  mineName: string;
  /** 上传时间, epoch ms (read as UTC+8). Freshness is decided by this, not by arrival order. */
  uploadedAtMs: number;
}

export const BASIC_HEADER_FIELDS = { min: 3, max: 3 };

export function parseBasicHeader(r: FieldReader): BasicHeader {
  return {
    mineCode: r.digits(0, 'mineCode', 12),
    mineName: r.text(1),
    uploadedAtMs: r.time(2, 'uploadedAt'),
  };
}

/** Exact field count, given the field names. */
export function exactly(names: readonly string[]): { min: number; max: number } {
  return { min: names.length, max: names.length };
}

/** The spec of a file with the basic header and exactly the named record fields. */
export function basicRecordSpec<R>(
  recordFieldNames: readonly string[],
  parseRecord: (r: FieldReader) => R,
): RecordSpec<BasicHeader, R> {
  return {
    headerFields: BASIC_HEADER_FIELDS,
    recordFields: exactly(recordFieldNames),
    recordFieldNames,
    parseHeader: parseBasicHeader,
    parseRecord,
  };
}

/** The header fields that name the mine's system (CDDY and RYXX), read from field `from` on. */
export function readSystemFields(
  r: FieldReader,
  from: number,
): { systemModel: string; systemName: string; manufacturer: string; certificateDateText: string } {
  return {
    systemModel: r.text(from),
    systemName: r.text(from + 1),
    manufacturer: r.text(from + 2),
    certificateDateText: r.text(from + 3),
  };
}
