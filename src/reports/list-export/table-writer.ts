import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, inertRow, inertText, type CellValue } from '../../core/export/safe-cells.ts';
import type { ExportLang, Words } from './export-labels.ts';

/** One column of an exported list: its header in both languages and how a row gives its cell. */
export interface ExportColumn<Row> {
  header: Words;
  /** Column width in characters (XLSX). */
  width?: number;
  value(row: Row, lang: ExportLang): CellValue;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportTable<Row> {
  format: ExportFormat;
  lang: ExportLang;
  /** The sheet's name (XLSX). */
  sheet: Words;
  columns: ReadonlyArray<ExportColumn<Row>>;
  rows: Iterable<Row>;
}

const pick = (w: Words, lang: ExportLang) => w[lang === 'en' ? 1 : 0];

/**
 * A list as a CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX stream. Every cell goes through
 * the one safe-cells helper, so text a spreadsheet would run as a formula arrives inert. The XLSX is
 * written by exceljs's streaming writer: rows are committed as they are written, not held as a workbook.
 */
export function exportTableStream<Row>(t: ExportTable<Row>): Readable {
  const headers = t.columns.map((c) => pick(c.header, t.lang));
  const cells = (row: Row) => t.columns.map((c) => c.value(row, t.lang));
  if (t.format === 'csv') {
    return Readable.from(
      (function* () {
        yield `\uFEFF${csvLine(headers)}\r\n`;
        for (const row of t.rows) yield `${csvLine(cells(row))}\r\n`;
      })(),
    );
  }
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Redline';
  const ws = wb.addWorksheet(inertText(pick(t.sheet, t.lang)).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = t.columns.map((c, i) => ({ header: headers[i], width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  const write = async () => {
    for (const row of t.rows) ws.addRow(inertRow(cells(row))).commit();
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

export type { CellValue };
