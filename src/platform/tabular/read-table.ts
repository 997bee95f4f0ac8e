import { Readable } from 'node:stream';
import { constants, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export interface Table {
  headers: string[];
  rows: string[][];
}

export class TableFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableFormatError';
  }
}

/** Hard caps on an imported table (issue 13): each is checked while reading, before more is loaded. */
export interface TableLimits {
  /** The file itself. */
  bytes: number;
  /** Data rows (the header row not counted). */
  rows: number;
  columns: number;
  /** Cells in all rows, empty ones between filled ones included. */
  cells: number;
  /** An XLSX's parts, unpacked (a ZIP of a few KB can unpack to gigabytes). */
  unzippedBytes: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  bytes: 5 * 1024 * 1024,
  rows: 20_000,
  columns: 64,
  cells: 500_000,
  unzippedBytes: 64 * 1024 * 1024,
};

export type TableLimitName = keyof TableLimits | 'dimension';

/** A table past one of its caps; `limit` names which (the route answers TABLE_LIMIT_EXCEEDED). */
export class TableLimitError extends Error {
  readonly limit: TableLimitName;
  readonly max: number;
  constructor(limit: TableLimitName, max: number, message: string) {
    super(message);
    this.name = 'TableLimitError';
    this.limit = limit;
    this.max = max;
  }
}

function checkShape(rowsWithHeader: number, columns: number, cells: number, limits: TableLimits): void {
  if (columns > limits.columns)
    throw new TableLimitError(
      'columns',
      limits.columns,
      `The table has ${columns} columns; at most ${limits.columns} are read.`,
    );
  if (rowsWithHeader - 1 > limits.rows)
    throw new TableLimitError('rows', limits.rows, `The table has more than ${limits.rows} rows.`);
  if (cells > limits.cells)
    throw new TableLimitError('cells', limits.cells, `The table has more than ${limits.cells} cells.`);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM stripped), otherwise GB18030 (Excel's default on zh-CN Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; blank lines skipped. */
export function parseCsv(text: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Table {
  const records: string[][] = [];
  let cells = 0;
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
      if (record.length >= limits.columns) checkShape(records.length + 1, record.length + 1, 0, limits);
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((c) => c.trim() !== '')) {
        records.push(record);
        cells += record.length;
        checkShape(records.length, record.length, cells, limits);
      }
      record = [];
    } else field += ch;
  }
  if (quoted)
    throw new TableFormatError('The CSV ends inside a quoted field (an opening " was never closed).');
  record.push(field);
  if (record.some((c) => c.trim() !== '')) records.push(record);
  const [headers, ...rows] = records;
  if (!headers) throw new TableFormatError('The CSV is empty: it needs a header line and at least one row.');
  return { headers: headers.map((h) => h.trim()), rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** "XFD" → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The ZIP's central directory (names and declared sizes), read without unpacking anything. */
function zipEntries(bytes: Buffer): ZipEntry[] {
  const minEocd = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= minEocd; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new TableFormatError('The file is not a readable XLSX workbook.');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      throw new TableFormatError('The file is not a readable XLSX workbook.');
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** The first bytes of a ZIP entry, unpacked (enough for a worksheet's `<dimension>` element). */
function entryHead(bytes: Buffer, e: ZipEntry): string {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return '';
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const head = bytes.subarray(start, Math.min(start + e.compressedSize, start + 2048, bytes.length));
  if (e.method === 0) return head.toString('utf8');
  if (e.method !== 8) return '';
  try {
    return inflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8', 0, 8192);
  } catch {
    return '';
  }
}

/**
 * Refuses an XLSX before exceljs sees it when its parts would unpack past the cap, or a worksheet's
 * declared dimension (`<dimension ref="A1:XFD1000"/>`) is wider, longer or bigger than allowed.
 */
function inspectXlsx(bytes: Buffer, limits: TableLimits): void {
  const entries = zipEntries(bytes);
  const unzipped = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unzipped > limits.unzippedBytes)
    throw new TableLimitError(
      'unzippedBytes',
      limits.unzippedBytes,
      `The workbook unpacks to ${Math.round(unzipped / 1024 / 1024)} MB; at most ${Math.round(limits.unzippedBytes / 1024 / 1024)} MB are read.`,
    );
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/i.exec(entryHead(bytes, e));
    if (!m) continue;
    const columns = columnNumber(m[3] ?? m[1]!);
    const rows = Number(m[4] ?? m[2]);
    if (columns > limits.columns || rows - 1 > limits.rows || columns * rows > limits.cells) {
      throw new TableLimitError(
        'dimension',
        limits.columns,
        `The worksheet declares the range ${m[0].slice(m[0].indexOf('"') + 1, -1)} (${columns} columns × ${rows} rows); at most ${limits.columns} columns, ${limits.rows} rows and ${limits.cells} cells are read.`,
      );
    }
  }
}

/**
 * The first worksheet of an XLSX file, as text cells, read by exceljs's streaming reader row by row:
 * every cap is checked as each row arrives, so a hostile sheet is refused before it is loaded.
 */
export async function parseXlsx(
  bytes: Uint8Array,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): Promise<Table> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  inspectXlsx(buf, limits);
  const out: string[][] = [];
  let width = 0;
  let cells = 0;
  let sawSheet = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      // Styles tell a date from a number.
      styles: 'cache',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const rowWidth = row.cellCount;
        checkShape(row.number, rowWidth, cells + rowWidth, limits);
        const texts: string[] = [];
        for (let c = 1; c <= rowWidth; c++) texts.push(cellText(row.getCell(c).value).trim());
        if (!texts.some((x) => x !== '')) continue;
        cells += rowWidth;
        width = Math.max(width, rowWidth);
        out.push(texts);
      }
      break;
    }
  } catch (e) {
    if (e instanceof TableLimitError) throw e;
    throw new TableFormatError('The file is not a readable XLSX workbook.');
  }
  if (!sawSheet) throw new TableFormatError('The workbook has no worksheet.');
  for (const r of out) while (r.length < width) r.push('');
  const [headers, ...rows] = out;
  if (!headers)
    throw new TableFormatError('The worksheet is empty: it needs a header row and at least one row.');
  return { headers, rows };
}

export type TableFormat = 'csv' | 'xlsx';

export function detectTableFormat(bytes: Uint8Array): TableFormat {
  // XLSX is a ZIP archive: "PK\x03\x04".
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/** A CSV (UTF-8 or GB18030) or XLSX table, within `limits` (TableLimitError names the cap that was hit). */
export async function readTable(
  bytes: Uint8Array,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): Promise<Table> {
  if (bytes.byteLength > limits.bytes)
    throw new TableLimitError(
      'bytes',
      limits.bytes,
      `The file has ${bytes.byteLength} bytes; at most ${limits.bytes} are read.`,
    );
  return detectTableFormat(bytes) === 'xlsx' ? parseXlsx(bytes, limits) : parseCsv(decodeText(bytes), limits);
}
