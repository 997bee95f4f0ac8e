/**
 * The readings of a JSON payload in one pass, for the HTTP and MQTT doors. A line in the usual shape —
 * one flat object of the known keys (`mine`, `point`, `value`, `status`, `ts`), plain strings and
 * numbers — is read straight from the text by a scanner that allocates only the reading (no parsed
 * object, no item wrappers); its timestamp text is parsed once per run of equal times and its mine
 * code reused while it repeats. Anything else (escapes, other keys, a JSON array, a value the
 * checks refuse) is taken the general way — `JSON.parse` and `readReadingItem` — so what is accepted,
 * and every reason given for a refusal, is exactly what the general path gives.
 */
import type { PointReading } from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import {
  isIsoReadingTime,
  MAX_FUTURE_MS,
  MIN_EPOCH_MS,
  readReadingItem,
  splitJsonItems,
  type RawItem,
} from './json-readings.ts';

/** A payload's readings: the good ones in item order with their item numbers, and the refused ones. */
export interface PayloadReadings {
  /** Items in the payload (NDJSON: non-blank lines; a JSON array: its elements). */
  count: number;
  /** 1-based item numbers of the good readings (NDJSON: line numbers). */
  items: number[];
  /** The mine each good item named, or null when it named none. */
  mines: Array<string | null>;
  readings: PointReading[];
  rejected: Array<{ item: number; mineCode?: string; pointCode?: string; reason: string }>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isJsonSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Reads every item of a payload (see splitJsonItems for NDJSON and JSON arrays). `mineRequired`: every
 * item must name its mine (HTTP); `nowMs`: the receiving clock, for readings dated in the future.
 */
export function readPayloadReadings(
  text: string,
  options: { mineRequired: boolean; nowMs: number },
): PayloadReadings {
  const out: PayloadReadings = { count: 0, items: [], mines: [], readings: [], rejected: [] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body.trimStart();
  if (head === '') return out;
  if (head.startsWith('[')) return readPayloadReadingsGenerally(text, options);
  const scanner = new LineScanner(body, options);
  let line = 0;
  for (let pos = 0; pos <= body.length;) {
    let end = body.indexOf('\n', pos);
    if (end === -1) end = body.length;
    line++;
    if (scanner.scan(pos, end)) {
      out.count++;
      out.items.push(line);
      out.mines.push(scanner.mine);
      out.readings.push(scanner.reading!);
    } else {
      const trimmed = body.slice(pos, end).trim();
      if (trimmed !== '') {
        let raw: RawItem;
        try {
          raw = { item: line, value: JSON.parse(trimmed) as unknown };
        } catch (e) {
          raw = { item: line, parseError: `not valid JSON: ${(e as Error).message}` };
        }
        readGenerally(out, raw, options);
      }
    }
    pos = end + 1;
  }
  return out;
}

/** The same, every item through `JSON.parse` and `readReadingItem` (JSON arrays; the reference for the scanner). */
export function readPayloadReadingsGenerally(
  text: string,
  options: { mineRequired: boolean; nowMs: number },
): PayloadReadings {
  const out: PayloadReadings = { count: 0, items: [], mines: [], readings: [], rejected: [] };
  for (const raw of splitJsonItems(text)) readGenerally(out, raw, options);
  return out;
}

function readGenerally(
  out: PayloadReadings,
  raw: RawItem,
  options: { mineRequired: boolean; nowMs: number },
): void {
  out.count++;
  const r = readReadingItem(raw, options);
  if (r.ok) {
    out.items.push(raw.item);
    out.mines.push(r.mineCode);
    out.readings.push(r.reading);
  } else {
    out.rejected.push({
      item: raw.item,
      reason: r.reason,
      ...(r.mineCode === undefined ? {} : { mineCode: r.mineCode }),
      ...(r.pointCode === undefined ? {} : { pointCode: r.pointCode }),
    });
  }
}

const KEY_MINE = 1;
const KEY_POINT = 2;
const KEY_VALUE = 4;
const KEY_STATUS = 8;
const KEY_TS = 16;

/**
 * Scans one line of the usual shape. `scan` answers true with `reading` and `mine` set when the line
 * is a good reading, false whenever the general path must decide (never a refusal of its own).
 */
class LineScanner {
  readonly #text: string;
  readonly #mineRequired: boolean;
  readonly #latestMs: number;
  #pos = 0;
  #minuteText = '';
  #offsetText = '';
  #minuteMs = 0;
  #lastMine: string | null = null;
  mine: string | null = null;
  reading: PointReading | undefined;

  constructor(text: string, options: { mineRequired: boolean; nowMs: number }) {
    this.#text = text;
    this.#mineRequired = options.mineRequired;
    this.#latestMs = options.nowMs + MAX_FUTURE_MS;
  }

  scan(start: number, end: number): boolean {
    const t = this.#text;
    let p = this.#skip(start, end);
    if (p >= end || t.charCodeAt(p) !== 0x7b) return false; // {
    p = this.#skip(p + 1, end);
    let seen = 0;
    let mine: string | null = null;
    let point = '';
    let value: number | null = null;
    let status = 0;
    let tsMs = 0;
    for (;;) {
      if (p >= end || t.charCodeAt(p) !== QUOTE) return false;
      const key = this.#key(p + 1, end);
      if (key === 0 || (seen & key) !== 0) return false;
      seen |= key;
      p = this.#skip(this.#pos, end);
      if (p >= end || t.charCodeAt(p) !== 0x3a) return false; // :
      p = this.#skip(p + 1, end);
      if (key === KEY_VALUE || key === KEY_STATUS) {
        let v: number | null;
        if (t.startsWith('null', p) && key === KEY_VALUE) {
          v = null;
          this.#pos = p + 4;
        } else {
          const n = this.#number(p, end);
          if (n === null) return false;
          v = n;
        }
        if (key === KEY_VALUE) value = v;
        else if (v === null || !Number.isInteger(v) || v < 0 || v > 0xffff) return false;
        else status = v;
      } else {
        if (p >= end || t.charCodeAt(p) !== QUOTE) {
          if (key !== KEY_TS) return false;
          const n = this.#number(p, end);
          if (n === null || !Number.isInteger(n) || n < MIN_EPOCH_MS) return false;
          tsMs = n;
        } else {
          const a = p + 1;
          const b = this.#stringEnd(a, end);
          if (b < 0) return false;
          this.#pos = b + 1;
          if (key === KEY_MINE) {
            if ((mine = this.#mineCode(a, b)) === null) return false;
          } else if (key === KEY_POINT) {
            if (b - a < 1 || b - a > 64) return false;
            for (let i = a; i < b; i++) if (!isAlnum(t.charCodeAt(i))) return false;
            point = t.slice(a, b);
          } else {
            const ms = this.#isoTime(a, b);
            if (ms === null) return false;
            tsMs = ms;
          }
        }
      }
      p = this.#skip(this.#pos, end);
      if (p >= end) return false;
      const c = t.charCodeAt(p);
      if (c === 0x7d) break; // }
      if (c !== 0x2c) return false; // ,
      p = this.#skip(p + 1, end);
    }
    if (this.#skip(p + 1, end) !== end) return false;
    const required = KEY_POINT | KEY_VALUE | KEY_TS | (this.#mineRequired ? KEY_MINE : 0);
    if ((seen & required) !== required) return false;
    if (value !== null && !Number.isFinite(value)) return false;
    if (tsMs > this.#latestMs) return false;
    this.mine = mine;
    this.reading = {
      pointCode: point,
      sensorTypeName: '',
      location: '',
      value,
      unit: '',
      statusBits: status,
      dataTimeMs: tsMs,
    };
    return true;
  }

  #skip(p: number, end: number): number {
    while (p < end && isJsonSpace(this.#text.charCodeAt(p))) p++;
    return p;
  }

  /** The known key starting at `a` (after its quote), 0 for any other; `#pos` after its closing quote. */
  #key(a: number, end: number): number {
    const b = this.#stringEnd(a, end);
    if (b < 0) return 0;
    this.#pos = b + 1;
    const t = this.#text;
    switch (b - a) {
      case 2:
        return t.startsWith('ts', a) ? KEY_TS : 0;
      case 4:
        return t.startsWith('mine', a) ? KEY_MINE : 0;
      case 5:
        return t.startsWith('point', a) ? KEY_POINT : t.startsWith('value', a) ? KEY_VALUE : 0;
      case 6:
        return t.startsWith('status', a) ? KEY_STATUS : 0;
      default:
        return 0;
    }
  }

  /** The closing quote of a plain string starting at `a`; -1 for an escape, a control character or no end. */
  #stringEnd(a: number, end: number): number {
    const t = this.#text;
    for (let i = a; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) return i;
      if (c === BACKSLASH || c < 0x20) return -1;
    }
    return -1;
  }

  /** A JSON number (strict grammar) starting at `p`, or null; `#pos` after it. */
  #number(p: number, end: number): number | null {
    const t = this.#text;
    const a = p;
    if (p < end && t.charCodeAt(p) === 0x2d) p++; // -
    if (p >= end || !isDigit(t.charCodeAt(p))) return null;
    if (t.charCodeAt(p) === 0x30) p++;
    else while (p < end && isDigit(t.charCodeAt(p))) p++;
    if (p < end && t.charCodeAt(p) === 0x2e) {
      p++;
      if (p >= end || !isDigit(t.charCodeAt(p))) return null;
      while (p < end && isDigit(t.charCodeAt(p))) p++;
    }
    const e = p < end ? t.charCodeAt(p) : 0;
    if (e === 0x65 || e === 0x45) {
      p++;
      const s = p < end ? t.charCodeAt(p) : 0;
      if (s === 0x2b || s === 0x2d) p++;
      if (p >= end || !isDigit(t.charCodeAt(p))) return null;
      while (p < end && isDigit(t.charCodeAt(p))) p++;
    }
    this.#pos = p;
    return p - a === 1 ? t.charCodeAt(a) - 0x30 : Number(t.slice(a, p));
  }

  /** A 12-digit mine code, the previous line's string when it is the same code. */
  #mineCode(a: number, b: number): string | null {
    if (b - a !== 12) return null;
    const t = this.#text;
    if (this.#lastMine !== null && t.startsWith(this.#lastMine, a)) return this.#lastMine;
    for (let i = a; i < b; i++) if (!isDigit(t.charCodeAt(i))) return null;
    return (this.#lastMine = t.slice(a, b));
  }

  /**
   * An ISO-8601 time with its offset. Readings of one poll differ in their seconds only, so the time of
   * the minute (`YYYY-MM-DDTHH:MM` with the offset) is parsed once and the seconds (00–59, with or
   * without milliseconds) are added — exactly what Date.parse gives for them; any other text is
   * checked and parsed in full.
   */
  #isoTime(a: number, b: number): number | null {
    const t = this.#text;
    const prefix = this.#minuteText;
    if (prefix !== '' && t.startsWith(prefix, a) && t.charCodeAt(a + 16) === 0x3a) {
      const s1 = t.charCodeAt(a + 17) - 0x30;
      const s2 = t.charCodeAt(a + 18) - 0x30;
      if (s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9) {
        let o = a + 19;
        let ms = 0;
        if (t.charCodeAt(o) === 0x2e) {
          const m1 = t.charCodeAt(o + 1) - 0x30;
          const m2 = t.charCodeAt(o + 2) - 0x30;
          const m3 = t.charCodeAt(o + 3) - 0x30;
          const ok = m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && m3 >= 0 && m3 <= 9;
          ms = ok ? m1 * 100 + m2 * 10 + m3 : -1;
          o += 4;
        }
        const offset = this.#offsetText;
        if (ms >= 0 && b - o === offset.length && t.startsWith(offset, o)) {
          return this.#minuteMs + (s1 * 10 + s2) * 1000 + ms;
        }
      }
    }
    const text = t.slice(a, b);
    const ms = isIsoReadingTime(text) ? Date.parse(text) : Number.NaN;
    if (!Number.isFinite(ms)) return null;
    // Remember the minute when the text has seconds: its offset follows them (and any milliseconds).
    const seconds = /^.{16}:([0-5]\d)(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/.exec(text);
    if (seconds !== null) {
      this.#minuteText = text.slice(0, 16);
      this.#offsetText = seconds[3]!;
      this.#minuteMs = ms - Number(seconds[1]) * 1000 - (seconds[2] ? Number(seconds[2].slice(1)) : 0);
    }
    return ms;
  }
}
