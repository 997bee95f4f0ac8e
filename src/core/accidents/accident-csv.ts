/** One CSV record with the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a leading BOM dropped), keeping each record's
 * starting line so that an import can name the line of a bad row. Blank lines are skipped. Returns null
 * when the text ends inside a quoted field.
 */
export function readCsvRecords(text: string): { headers: string[]; records: CsvRecord[] } | null {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let start = 1;
  const finish = () => {
    record.push(field);
    field = '';
    if (record.some((c) => c.trim() !== '')) out.push({ line: start, fields: record });
    record = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      finish();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return null;
  finish();
  const [head, ...records] = out;
  return { headers: (head?.fields ?? []).map((h) => h.trim()), records };
}
