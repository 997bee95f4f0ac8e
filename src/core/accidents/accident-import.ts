import { casualtyIssues } from './accident-use-cases.ts';
import { readCsvRecords } from './accident-csv.ts';
import { gradeAccident } from './accident-grading.ts';

/** Our fields that a CSV column can feed. */
export type ImportField =
  | 'occurredOn'
  | 'occurredTime'
  | 'type'
  | 'deaths'
  | 'seriousInjuries'
  | 'minorInjuries'
  | 'directLossCny'
  | 'mineName'
  | 'externalRef'
  | 'description';

export const IMPORT_FIELDS: readonly ImportField[] = [
  'occurredOn',
  'occurredTime',
  'type',
  'deaths',
  'seriousInjuries',
  'minorInjuries',
  'directLossCny',
  'mineName',
  'externalRef',
  'description',
];

export type DateFormat = 'yyyy-mm-dd' | 'd/m/yyyy' | 'm/d/yyyy';
type CountField = 'deaths' | 'seriousInjuries' | 'minorInjuries';

/** How a CSV's header names map onto our fields, and which rows qualify. Posted as JSON with the file. */
export interface ImportMapping {
  /** Names the source in each row's reference, e.g. "MSHA". */
  dataset: string;
  /** Country of the data, e.g. "US". */
  country: string;
  /** Our field → the CSV's header name. occurredOn and type are required. */
  columns: Partial<Record<ImportField, string>>;
  dateFormat: DateFormat;
  /**
   * For data with one row per injured person: the casualty field counts 1 when the mapped column holds one
   * of these values, else 0 (e.g. deaths ← DEGREE_INJURY in ["FATALITY"]). Without it the column is a number.
   */
  countIf?: Partial<Record<CountField, string[]>>;
  /** Only rows whose column holds one of the values are imported; the others are skipped with the reason. */
  include?: Array<{ column: string; in: string[] }>;
  /** Values that mean "unknown" in this source (e.g. "?", "NO VALUE FOUND"). */
  nullValues?: string[];
}

export interface RowError {
  line: number;
  field: string;
  reason: string;
}

export interface ImportedRow {
  line: number;
  occurredAt: string;
  type: string;
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossCny: number;
  mineName: string;
  externalRef: string;
  description: string;
}

export interface ImportPlan {
  rows: number;
  accepted: ImportedRow[];
  /** Lines with at least one error (each error listed in `errors`). */
  rejectedLines: number[];
  errors: RowError[];
  skipped: number;
  skippedReasons: Array<{ reason: string; rows: number }>;
}

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; issues: string[] };

function parseDate(v: string, f: DateFormat): string | null {
  let y: number, m: number, d: number;
  if (f === 'yyyy-mm-dd') {
    const x = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
    if (!x) return null;
    [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  } else {
    const x = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    if (!x) return null;
    const a = Number(x[1]);
    const b = Number(x[2]);
    [y, m, d] = f === 'd/m/yyyy' ? [Number(x[3]), b, a] : [Number(x[3]), a, b];
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

function parseTime(v: string): string | null {
  // hhmm without leading zeros (MSHA writes 00:30 as "30" and 09:45 as "945").
  const x = /^\d{1,4}$/.test(v) ? /^(\d{2})(\d{2})$/.exec(v.padStart(4, '0')) : /^(\d{1,2}):(\d{2})$/.exec(v);
  if (!x) return null;
  const h = Number(x[1]);
  const m = Number(x[2]);
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Checks the mapping against the CSV header: every named column must exist. */
function mappingIssues(mapping: ImportMapping, headers: readonly string[]): string[] {
  const bad: string[] = [];
  if (!mapping.columns.occurredOn) bad.push('columns.occurredOn is required');
  if (!mapping.columns.type) bad.push('columns.type is required');
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (!IMPORT_FIELDS.includes(field as ImportField)) bad.push(`"${field}" is not a field we import`);
    else if (column !== undefined && !headers.includes(column))
      bad.push(`columns.${field}: the CSV has no column "${column}"`);
  }
  for (const f of mapping.include ?? [])
    if (!headers.includes(f.column)) bad.push(`include: the CSV has no column "${f.column}"`);
  for (const f of Object.keys(mapping.countIf ?? {}))
    if (!mapping.columns[f as CountField]) bad.push(`countIf.${f} needs columns.${f}`);
  return bad;
}

/**
 * Reads the CSV through the mapping: rows that fail the include filter are skipped (counted by reason),
 * rows with a bad value are rejected with line, field and reason, the rest are accepted. Pure.
 */
export function planImport(csv: string, mapping: ImportMapping): PlanOutcome {
  const table = readCsvRecords(csv);
  if (table === null) return { ok: false, issues: ['the CSV ends inside a quoted field'] };
  if (table.headers.length === 0) return { ok: false, issues: ['the CSV has no header line'] };
  const issues = mappingIssues(mapping, table.headers);
  if (issues.length > 0) return { ok: false, issues };
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const nulls = new Set((mapping.nullValues ?? []).map((v) => v.trim()));
  const plan: ImportPlan = {
    rows: table.records.length,
    accepted: [],
    rejectedLines: [],
    errors: [],
    skipped: 0,
    skippedReasons: [],
  };
  const skippedBy = new Map<string, number>();

  for (const rec of table.records) {
    const raw = (column: string | undefined): string | null => {
      if (column === undefined) return null;
      const v = (rec.fields[index.get(column) ?? -1] ?? '').trim();
      return v === '' || nulls.has(v) ? null : v;
    };
    if (rec.fields.length !== table.headers.length) {
      plan.errors.push({
        line: rec.line,
        field: '*',
        reason: `has ${rec.fields.length} fields, the header has ${table.headers.length}`,
      });
      plan.rejectedLines.push(rec.line);
      continue;
    }
    const miss = (mapping.include ?? []).find(
      (f) => !f.in.includes((rec.fields[index.get(f.column) ?? -1] ?? '').trim()),
    );
    if (miss) {
      const reason = `${miss.column} not in [${miss.in.join(', ')}]`;
      skippedBy.set(reason, (skippedBy.get(reason) ?? 0) + 1);
      plan.skipped++;
      continue;
    }
    const errs: RowError[] = [];
    const fail = (field: string, reason: string) => errs.push({ line: rec.line, field, reason });
    const c = mapping.columns;

    const dateRaw = raw(c.occurredOn);
    const date = dateRaw === null ? null : parseDate(dateRaw, mapping.dateFormat);
    if (dateRaw === null) fail('occurredOn', `missing (column ${c.occurredOn})`);
    else if (date === null) fail('occurredOn', `"${dateRaw}" is not a ${mapping.dateFormat} date`);
    let time = '00:00';
    if (c.occurredTime !== undefined) {
      const t = raw(c.occurredTime);
      const parsed = t === null ? null : parseTime(t);
      if (t !== null && parsed === null) fail('occurredTime', `"${t}" is not a time (hhmm or hh:mm)`);
      if (parsed !== null) time = parsed;
    }
    const type = raw(c.type);
    if (type === null) fail('type', `missing (column ${c.type})`);

    const count = (f: CountField): number => {
      const column = c[f];
      if (column === undefined) return 0;
      const v = raw(column);
      const values = mapping.countIf?.[f];
      if (values !== undefined) {
        if (v === null) {
          fail(f, `unknown (column ${column} holds no value)`);
          return 0;
        }
        return values.includes(v) ? 1 : 0;
      }
      if (v === null) return 0;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) fail(f, `"${v}" is not a whole number ≥ 0`);
      return Number.isInteger(n) && n >= 0 ? n : 0;
    };
    const deaths = count('deaths');
    const seriousInjuries = count('seriousInjuries');
    const minorInjuries = count('minorInjuries');
    const lossRaw = raw(c.directLossCny);
    const directLossCny = lossRaw === null ? 0 : Number(lossRaw.replace(/,/g, ''));
    if (!Number.isFinite(directLossCny) || directLossCny < 0)
      fail('directLossCny', `"${lossRaw}" is not an amount ≥ 0`);

    if (errs.length > 0 || date === null || type === null) {
      plan.errors.push(...errs);
      plan.rejectedLines.push(rec.line);
      continue;
    }
    const figures = { deaths, seriousInjuries, minorInjuries, directLossCny };
    if (casualtyIssues(figures).length > 0) continue;
    plan.accepted.push({
      line: rec.line,
      occurredAt: `${date}T${time}:00.000Z`,
      type,
      ...figures,
      mineName: raw(c.mineName) ?? '',
      externalRef: `${mapping.dataset}:${raw(c.externalRef) ?? ''}:line ${rec.line}`,
      description: raw(c.description) ?? '',
    });
  }
  plan.skippedReasons = [...skippedBy].map(([reason, rows]) => ({ reason, rows }));
  return { ok: true, plan };
}

/** The grade an imported row gets (reference rows are graded by the same Order 493 table). */
export const gradeOfRow = (r: ImportedRow) => gradeAccident(r).grade;
