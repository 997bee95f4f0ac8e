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

/** UTF-8 when the bytes are valid UTF-8 (BOM stripped), otherwise GB18030 (Excel's default on zh-CN Windows). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; blank lines skipped. */
export function parseCsv(text: string): Table {
  const records: string[][] = [];
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
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((c) => c.trim() !== '')) records.push(record);
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

/** The first worksheet of an XLSX file, as text cells. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new TableFormatError('The file is not a readable XLSX workbook.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new TableFormatError('The workbook has no worksheet.');
  const out: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((x) => x !== '')) out.push(cells);
  });
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

export async function readTable(bytes: Uint8Array): Promise<Table> {
  return detectTableFormat(bytes) === 'xlsx' ? parseXlsx(bytes) : parseCsv(decodeText(bytes));
}
