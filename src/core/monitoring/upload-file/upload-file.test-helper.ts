/** Builders shared by the upload-file parser tests (test-only). */
import { expect } from 'vitest';
import { parseUploadFile, type UploadFile, type UploadFileParseResult } from './upload-file-parser.ts';
import type { UploadFileType } from './upload-file-name.ts';

export const MINE = '620823009203';
export const HEADER = `${MINE};测试煤矿;2026-09-23 10:13:19`;
/** 2026-09-23 hh:mm:ss China Standard Time as epoch ms. */
export const cst = (hh: number, mm: number, ss: number): number => Date.UTC(2026, 8, 23, hh - 8, mm, ss);

export const build = (header: string, records: readonly string[]): string =>
  [header, ...records].map((r) => `${r}~`).join('') + '||';

export const fileName = (type: UploadFileType): string => `${MINE}_${type}_20260923101319.txt`;

export function expectFile<K extends UploadFileType>(
  result: UploadFileParseResult,
  type: K,
): Extract<UploadFile, { type: K }> {
  if (!result.ok) throw new Error(`expected a parsed file, got ${result.code}: ${result.reason}`);
  expect(result.file.type).toBe(type);
  return result.file as Extract<UploadFile, { type: K }>;
}

/** Parses a `type` file of `records` (under `header`) and expects it to parse. */
export function parseRecords<K extends UploadFileType>(
  type: K,
  records: readonly string[],
  header = HEADER,
): Extract<UploadFile, { type: K }> {
  return expectFile(parseUploadFile(fileName(type), build(header, records)), type);
}
