/**
 * Field-level parsing shared by every upload record type. A `FieldReader` walks one record's fields
 * and remembers the first problem it meets (field name + what was expected), so a record parser reads
 * as a list of typed fields and the file parser turns a problem into a rejected-record entry.
 */

/** China Standard Time has had no daylight saving since 1991: a fixed UTC+8 offset. */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const POINT_CODE_RE = /^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$/;
/** "Not set" sentinel for thresholds seen in provincial data (AQMC rows, domain §1.4 [S20]). */
const THRESHOLD_NOT_SET_SENTINEL = -0.01;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses `yyyy-MM-dd HH:mm:ss` (the only time format of the national upload files) to epoch
 * milliseconds. The files carry no zone: they are written by mine hosts in China, so the wall-clock
 * time is read as China Standard Time (UTC+8). Returns null for anything else, including impossible
 * dates such as 2026-02-30.
 */
export function parseChinaStandardTime(text: string): number | null {
  // Read by character codes, not a regular expression: every reading and every person's track in an
  // upload carries one (a province's people files are ~6,000 times a second).
  if (text.length !== 19) return null;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  const h = digits(text, 11, 2);
  const mi = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== SPACE ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    (y | mo | d | h | mi | s) < 0
  )
    return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return dayStartMs(y, mo, d) + ((h * 60 + mi) * 60 + s) * 1000;
}

const DASH = 45;
const SPACE = 32;
const COLON = 58;

/** The decimal number in `text[at, at + n)`, or -1 where any of it is not an ASCII digit. */
function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The last day's start asked for (uploads carry one or two days): saves Date.UTC per field. */
let lastDayKey = -1;
let lastDayMs = 0;
function dayStartMs(y: number, mo: number, d: number): number {
  const key = (y * 100 + mo) * 100 + d;
  if (key !== lastDayKey) {
    lastDayMs = Date.UTC(y, mo - 1, d) - CST_OFFSET_MS;
    lastDayKey = key;
  }
  return lastDayMs;
}

/** The inverse of `parseChinaStandardTime`, for messages and round-trip tests. */
export function formatChinaStandardTime(epochMs: number): string {
  const d = new Date(epochMs + CST_OFFSET_MS);
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}

/** Strict decimal number (no hex, no `Infinity`, no thousands separators); null otherwise. */
export function parseDecimal(text: string): number | null {
  if (!NUMBER_RE.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

const show = (raw: string): string =>
  raw === '' ? 'empty' : `"${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}"`;

/**
 * Reads typed fields from one record. Every accessor returns a placeholder after a problem so the
 * record parser can run straight through; check `problem` afterwards.
 */
export class FieldReader {
  problem: FieldProblem | null = null;
  readonly #fields: readonly string[];

  constructor(fields: readonly string[]) {
    this.#fields = fields;
  }

  get count(): number {
    return this.#fields.length;
  }

  #fail(field: string, reason: string): void {
    this.problem ??= { field, reason };
  }

  /** The trimmed field text ('' when empty). */
  text(i: number): string {
    return (this.#fields[i] ?? '').trim();
  }

  /** Text, or null when empty. */
  optionalText(i: number): string | null {
    const t = this.text(i);
    return t === '' ? null : t;
  }

  requiredText(i: number, field: string): string {
    const t = this.text(i);
    if (t === '') this.#fail(field, 'expected a non-empty value, got empty');
    return t;
  }

  number(i: number, field: string): number {
    const t = this.text(i);
    const n = parseDecimal(t);
    if (n === null) this.#fail(field, `expected a decimal number, got ${show(t)}`);
    return n ?? Number.NaN;
  }

  optionalNumber(i: number, field: string): number | null {
    return this.text(i) === '' ? null : this.number(i, field);
  }

  /** A threshold: empty or the -0.01 sentinel means "not set" (null). */
  threshold(i: number, field: string): number | null {
    const n = this.optionalNumber(i, field);
    return n === THRESHOLD_NOT_SET_SENTINEL ? null : n;
  }

  integer(i: number, field: string, min: number, max: number): number {
    const t = this.text(i);
    const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
    if (!(n >= min && n <= max)) this.#fail(field, `expected an integer ${min}–${max}, got ${show(t)}`);
    return n;
  }

  time(i: number, field: string): number {
    const t = this.text(i);
    const ms = parseChinaStandardTime(t);
    if (ms === null) this.#fail(field, `expected a time yyyy-MM-dd HH:mm:ss, got ${show(t)}`);
    return ms ?? Number.NaN;
  }

  optionalTime(i: number, field: string): number | null {
    return this.text(i) === '' ? null : this.time(i, field);
  }

  /** A code of exactly `length` decimal digits (mine, area, station and card codes). */
  digits(i: number, field: string, length: number): string {
    const t = this.text(i);
    if (t.length !== length || !/^\d+$/.test(t))
      this.#fail(field, `expected ${length} digits, got ${show(t)}`);
    return t;
  }

  /** Like `digits`, but an empty field is null. */
  optionalDigits(i: number, field: string, length: number): string | null {
    return this.text(i) === '' ? null : this.digits(i, field, length);
  }

  /**
   * A point or substation code. Vendors build these differently (mine code + system + MN/KG + type +
   * device id in the national format, 6 digits in older ones), so only the shape is checked:
   * 1–64 characters of letters, digits, `_`, `.` or `-`, starting with a letter or digit.
   */
  code(i: number, field: string): string {
    const t = this.text(i);
    if (!POINT_CODE_RE.test(t)) this.#fail(field, `expected a code of 1–64 letters/digits, got ${show(t)}`);
    return t;
  }

  /** One of a closed set of codes, mapped through `table`. */
  mapped<T extends string>(i: number, field: string, table: Readonly<Record<string, T>>): T {
    const t = this.text(i);
    const v = Object.hasOwn(table, t) ? table[t] : undefined;
    if (v === undefined) this.#fail(field, `expected one of ${Object.keys(table).join('/')}, got ${show(t)}`);
    return v ?? (t as T);
  }

  /** A 0/1 flag. */
  flag(i: number, field: string): boolean {
    const t = this.text(i);
    if (t !== '0' && t !== '1') this.#fail(field, `expected 0 or 1, got ${show(t)}`);
    return t === '1';
  }

  /** Lets a record parser report a structural problem inside a field (e.g. a track list). */
  reject(field: string, reason: string): void {
    this.#fail(field, reason);
  }
}
