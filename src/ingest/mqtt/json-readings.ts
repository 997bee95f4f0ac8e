/**
 * Readings sent as JSON by gateways: one object per reading, `{"mine","point","value","status","ts"}`,
 * either as NDJSON (one object a line) or as a JSON array. Shared by the HTTP bulk route (where every
 * line names its mine) and the MQTT adapter (where the topic names the mine). Every bad item is
 * rejected on its own with a reason; the good ones go on.
 */
import type { PointReading } from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import type { IngestOutcome, MonitoringSink } from '../../monitoring/monitoring-sink.ts';

/** A reading taken from one item, or why the item was refused. */
export type ReadingItem =
  | { ok: true; mineCode: string | null; reading: PointReading }
  | { ok: false; reason: string; mineCode?: string; pointCode?: string };

/** One raw item of a payload with its 1-based position (NDJSON: the line number). */
export interface RawItem {
  item: number;
  /** The parsed JSON value, or undefined when `parseError` says why it could not be parsed. */
  value?: unknown;
  parseError?: string;
}

/** Readings more than this far ahead of the server clock are refused: one would block the point. */
export const MAX_FUTURE_MS = 10 * 60_000;
/** Epoch milliseconds before 2000-01-01 are certainly a mistake (often epoch seconds). */
export const MIN_EPOCH_MS = Date.UTC(2000, 0, 1);

const MINE_CODE_RE = /^\d{12}$/;
const POINT_CODE_RE = /^[A-Za-z0-9]{1,64}$/;
const ISO_WITH_OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Date.parse rolls a day the month does not have (2026-02-30) over into the next month: refuse it. */
function isCalendarDay(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** Whether a `ts` text is an ISO-8601 time with its offset on a day the calendar has (Date.parse may still refuse it). */
export function isIsoReadingTime(ts: string): boolean {
  return ISO_WITH_OFFSET_RE.test(ts) && isCalendarDay(ts);
}

const SHOW_CHARS = 60;

const show = (v: unknown): string => {
  const s = preview(v, SHOW_CHARS + 1);
  return s.length > SHOW_CHARS ? `${s.slice(0, SHOW_CHARS)}…` : s;
};

/**
 * JSON text of `v` cut short after about `budget` characters. Not JSON.stringify: JSON.parse accepts
 * nesting that JSON.stringify overflows the stack on (and slowly), and a bad item must be answered
 * with a reason, not crash the request. Recursion stops as the budget runs out, so depth is bounded.
 */
function preview(v: unknown, budget: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > budget ? v.slice(0, budget) : v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? String(v);
  const isArray = Array.isArray(v);
  const keys = isArray ? null : Object.keys(v);
  const n = isArray ? v.length : keys!.length;
  let out = isArray ? '[' : '{';
  for (let i = 0; i < n && out.length <= budget; i++) {
    if (i > 0) out += ',';
    const key = keys?.[i];
    if (key !== undefined) out += `${JSON.stringify(key)}:`;
    const item: unknown = isArray ? (v as unknown[])[i] : (v as Record<string, unknown>)[key!];
    out += preview(item, budget - out.length);
  }
  return out + (isArray ? ']' : '}');
}

/**
 * Splits a payload into items: a JSON array (text starting with `[`) gives one item per element; any
 * other text is NDJSON, one item per non-blank line (numbered by line). A JSON array that does not
 * parse is one bad item.
 */
export function splitJsonItems(text: string): RawItem[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (e) {
      return [{ item: 1, parseError: `the payload is not valid JSON: ${(e as Error).message}` }];
    }
    if (!Array.isArray(parsed)) return [{ item: 1, parseError: 'expected a JSON array of readings' }];
    return parsed.map((value: unknown, i) => ({ item: i + 1, value }));
  }
  const items: RawItem[] = [];
  const lines = trimmed === '' ? [] : text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      items.push({ item: i + 1, value: JSON.parse(line) as unknown });
    } catch (e) {
      items.push({ item: i + 1, parseError: `not valid JSON: ${(e as Error).message}` });
    }
  }
  return items;
}

/**
 * Reads a timestamp: an ISO-8601 time with an explicit offset (`2026-12-05T08:00:10+08:00`) or epoch
 * milliseconds. A wall-clock time without offset is refused: it is ambiguous, and gateways differ.
 */
export function parseReadingTime(ts: unknown, nowMs: number): { ms: number } | { reason: string } {
  let ms: number;
  if (typeof ts === 'number') {
    if (!Number.isInteger(ts)) return { reason: `"ts" must be whole epoch milliseconds, got ${show(ts)}` };
    if (ts < MIN_EPOCH_MS) {
      return { reason: `"ts" ${ts} is before the year 2000: send epoch milliseconds, not seconds` };
    }
    ms = ts;
  } else if (typeof ts === 'string') {
    ms = isIsoReadingTime(ts) ? Date.parse(ts) : Number.NaN;
    if (!Number.isFinite(ms)) {
      return {
        reason: `"ts" must be an ISO-8601 time with its offset (e.g. 2026-12-05T08:00:10+08:00) or epoch milliseconds, got ${show(ts)}`,
      };
    }
  } else {
    return { reason: `"ts" must be a string or a number, got ${show(ts)}` };
  }
  if (ms > nowMs + MAX_FUTURE_MS) {
    return {
      reason: `"ts" ${new Date(ms).toISOString()} lies more than ${MAX_FUTURE_MS / 60_000} minutes in the future (server time ${new Date(nowMs).toISOString()}): check the gateway's clock`,
    };
  }
  return { ms };
}

/**
 * One item → a reading. `mineRequired`: the item must name its mine (HTTP); otherwise a `mine` field,
 * when present, must be a 12-digit code (the caller checks it against the topic).
 */
export function readReadingItem(
  raw: RawItem,
  options: { mineRequired: boolean; nowMs: number },
): ReadingItem {
  if (raw.parseError !== undefined) return { ok: false, reason: raw.parseError };
  const v = raw.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { ok: false, reason: `expected a JSON object, got ${show(v)}` };
  }
  const o = v as Record<string, unknown>;
  const missing = ['point', 'value', 'ts', ...(options.mineRequired ? ['mine'] : [])].filter(
    (k) => !(k in o),
  );
  if (missing.length > 0)
    return {
      ok: false,
      reason: `missing field${missing.length > 1 ? 's' : ''} ${missing.map((k) => `"${k}"`).join(', ')}`,
    };

  let mineCode: string | null = null;
  if ('mine' in o) {
    if (typeof o.mine !== 'string' || !MINE_CODE_RE.test(o.mine)) {
      return { ok: false, reason: `"mine" must be a 12-digit mine code, got ${show(o.mine)}` };
    }
    mineCode = o.mine;
  }
  const fail = (reason: string): ReadingItem => ({
    ok: false,
    reason,
    ...(mineCode === null ? {} : { mineCode }),
    ...(typeof o.point === 'string' ? { pointCode: o.point } : {}),
  });
  if (typeof o.point !== 'string' || !POINT_CODE_RE.test(o.point)) {
    return fail(`"point" must be a point code of 1–64 letters/digits, got ${show(o.point)}`);
  }
  if (o.value !== null && (typeof o.value !== 'number' || !Number.isFinite(o.value))) {
    return fail(`"value" must be a number (or null for a sensor that sent none), got ${show(o.value)}`);
  }
  const status = o.status ?? 0;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 0 || status > 0xffff) {
    return fail(`"status" must be the status bitmask, an integer 0–65535, got ${show(o.status)}`);
  }
  const time = parseReadingTime(o.ts, options.nowMs);
  if ('reason' in time) return fail(time.reason);
  return {
    ok: true,
    mineCode,
    reading: {
      pointCode: o.point,
      sensorTypeName: '',
      location: '',
      value: o.value,
      unit: '',
      statusBits: status,
      dataTimeMs: time.ms,
    },
  };
}

/** What a batch of JSON readings for one mine came to; rejections carry the item's number. */
export interface ReadingsOutcome {
  accepted: number;
  rejected: Array<{ item: number; point?: string; reason: string }>;
  alarmsChanged: number;
  /** Accepted readings that came late (see IngestOutcome.late). */
  late: number;
}

/**
 * Hands one mine's readings to the runtime (resolving once they are durably stored) and maps the
 * runtime's per-reading rejections back to item numbers (`items[i]` is the item of `readings[i]`).
 */
export async function ingestReadingItems(
  runtime: Pick<MonitoringSink, 'ingestReadings'>,
  mineCode: string,
  items: readonly number[],
  readings: readonly PointReading[],
): Promise<ReadingsOutcome> {
  if (readings.length === 0) return { accepted: 0, rejected: [], alarmsChanged: 0, late: 0 };
  return readingsOutcome(await runtime.ingestReadings(mineCode, readings), items);
}

/** The runtime's outcome for one mine's readings, its rejections numbered by item. */
export function readingsOutcome(out: IngestOutcome, items: readonly number[]): ReadingsOutcome {
  return {
    accepted: out.accepted,
    rejected: out.rejected.map((r) => ({
      item: items[r.index] ?? 0,
      ...(r.pointCode === undefined ? {} : { point: r.pointCode }),
      reason: r.reason,
    })),
    alarmsChanged: out.alarmsChanged,
    late: out.late ?? 0,
  };
}
