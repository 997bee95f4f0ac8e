/**
 * The one helper every CSV and XLSX export writes its cells through (issue 13):
 *
 * - Text a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return (OWASP "CSV injection") — is made inert by a leading apostrophe, which Excel and LibreOffice
 *   show as text. Any user can plant such text (a mine's operator name, a person's name), and the
 *   regulators open the exports.
 * - Characters XML 1.0 cannot hold (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, lone surrogates)
 *   are removed: one of them in a mine name made the briefing workbook unreadable.
 *
 * Numbers stay numbers (a negative number is not text and is never prefixed).
 */

const FORMULA_LEAD = /^[=+\-@\t\r]/;
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to put in a spreadsheet cell. */
export function inertText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  return FORMULA_LEAD.test(clean) ? `'${clean}` : clean;
}

export type CellValue = string | number | boolean | null | undefined;

/** A cell value for a workbook: text made inert, other values unchanged. */
export function inertCell<T extends CellValue>(v: T): T | string {
  return typeof v === 'string' ? inertText(v) : v;
}

/** A row of cells for a workbook (`worksheet.addRow(inertRow([...]))`). */
export function inertRow(values: readonly CellValue[]): Array<CellValue> {
  return values.map(inertCell);
}

/** One RFC 4180 CSV field: made inert, then quoted when it holds a quote, comma or line break. */
export function csvField(v: CellValue): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? inertText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (no line break). */
export function csvLine(values: readonly CellValue[]): string {
  return values.map(csvField).join(',');
}
