import { parseChinaStandardTime } from './upload-field-reader.ts';

/** Safety-monitoring (aqjk) file types the parser understands. */
export const SAFETY_MONITORING_FILE_TYPES = ['CDDY', 'CDSS', 'YCBJ', 'TJSJ', 'FZDY', 'FZSS'] as const;
/** Personnel-position (rydw) file types the parser understands. */
export const PERSONNEL_FILE_TYPES = [
  'RYQY',
  'RYJZ',
  'JZSS',
  'RYXX',
  'RYSS',
  'RYCS',
  'RYCY',
  'RYXZ',
  'RYQJ',
] as const;
export type UploadFileType =
  (typeof SAFETY_MONITORING_FILE_TYPES)[number] | (typeof PERSONNEL_FILE_TYPES)[number];
export const UPLOAD_FILE_TYPES: readonly UploadFileType[] = [
  ...SAFETY_MONITORING_FILE_TYPES,
  ...PERSONNEL_FILE_TYPES,
];

/** Types seen in the wild whose field lists are not confirmed; named so the refusal can say so. */
const KNOWN_UNSUPPORTED_TYPES = ['RYYJCS'];

export function isUploadFileType(s: string): s is UploadFileType {
  return (UPLOAD_FILE_TYPES as readonly string[]).includes(s);
}

export type UploadFileNameResult =
  | { ok: true; mineCode: string; type: UploadFileType; timestampMs: number; timestampText: string }
  | { ok: false; reason: string };

const NAME_RE = /^(\d{12})_([A-Z]+)_(\d{14})\.txt$/i;

/**
 * Parses `<12-digit mine code>_<TYPE>_<yyyyMMddHHmmss>.txt` (`.TXT` too; any directory part is
 * ignored). The timestamp is China Standard Time, like every time in these files.
 */
export function parseUploadFileName(name: string): UploadFileNameResult {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const m = NAME_RE.exec(base);
  if (m === null) {
    return {
      ok: false,
      reason: `file name "${base}" does not match <12-digit mine code>_<TYPE>_<yyyyMMddHHmmss>.txt`,
    };
  }
  const mineCode = m[1] ?? '';
  const type = m[2] ?? '';
  const ts = m[3] ?? '';
  if (!isUploadFileType(type)) {
    const why = KNOWN_UNSUPPORTED_TYPES.includes(type)
      ? 'its field list is not confirmed, so it is not parsed'
      : 'it is not a known upload file type';
    return { ok: false, reason: `file type ${type} is not supported: ${why}` };
  }
  const text = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)} ${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}`;
  const timestampMs = parseChinaStandardTime(text);
  if (timestampMs === null) return { ok: false, reason: `file name timestamp ${ts} is not a valid time` };
  return { ok: true, mineCode, type, timestampMs, timestampText: text };
}
