import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';

/**
 * The one block format of the telemetry store, the same bytes in SQLite and PostgreSQL (ADR 0005).
 *
 * A block holds one point's readings of one window, sorted by time, one reading per timestamp:
 * - timestamps: the first as a zigzag varint, then the first delta, then deltas of deltas (a regular
 *   poll costs one zero byte per reading before compression);
 * - values: when every value is exactly `k / 10^d` for a safe integer `k` (a sensor's fixed
 *   resolution; d ≤ 12), the integers as a first value and zigzag deltas; otherwise the raw float64
 *   bits (lossless for any double, NaN and -0 included);
 * - statuses: first value then zigzag deltas (nearly always a run of zeros);
 * then the whole payload compressed with zstd from `node:zlib`.
 *
 * The per-minute rollup of a window (count, min, mean, max per minute) uses the same scheme: minute
 * offsets as deltas, counts as varints, min/max/sum as scaled integers when the block's values are
 * (sums of integers are exact) or as float64.
 */

const VERSION = 1;
const MODE_SCALED = 0;
const MODE_FLOAT = 1;
/** Integers above this (in absolute value) are stored as floats, so sums and deltas stay exact. */
const MAX_SCALED = 2 ** 40;
const MAX_DECIMALS = 12;
const ZSTD_OPTIONS = { params: { [constants.ZSTD_c_compressionLevel]: 9 } };

/** Decoded readings of one block: parallel arrays sorted by time, unique times. */
export interface BlockReadings {
  ts: Float64Array;
  values: Float64Array;
  statuses: Int32Array;
}

/** One minute of a rollup. */
export interface MinuteRollup {
  minuteMs: number;
  count: number;
  min: number;
  max: number;
  sum: number;
}

class ByteWriter {
  buf = new Uint8Array(256);
  len = 0;
  #room(n: number) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  byte(b: number) {
    this.#room(1);
    this.buf[this.len++] = b;
  }
  /** Unsigned varint of a non-negative safe integer (arithmetic, not 32-bit bit operations). */
  uvarint(v: number) {
    this.#room(8);
    while (v >= 128) {
      this.buf[this.len++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  /** Zigzag varint of a safe integer. */
  svarint(v: number) {
    this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  float64(v: number) {
    this.#room(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 8).setFloat64(0, v, true);
    this.len += 8;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

class ByteReader {
  pos = 0;
  readonly buf: Uint8Array;
  readonly #view: DataView;
  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('Telemetry block is truncated.');
    return this.buf[this.pos++]!;
  }
  uvarint(): number {
    // Most varints of a block are one byte (regular polls, slow signals): that path has no loop.
    const buf = this.buf;
    let pos = this.pos;
    if (pos >= buf.length) throw new Error('Telemetry block is truncated.');
    let b = buf[pos++]!;
    if (b < 128) {
      this.pos = pos;
      return b;
    }
    let v = b & 127;
    let mul = 128;
    for (;;) {
      if (pos >= buf.length) throw new Error('Telemetry block is truncated.');
      b = buf[pos++]!;
      v += (b & 127) * mul;
      if (b < 128) break;
      mul *= 128;
    }
    this.pos = pos;
    return v;
  }
  svarint(): number {
    const z = this.uvarint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  float64(): number {
    if (this.pos + 8 > this.buf.length) throw new Error('Telemetry block is truncated.');
    const v = this.#view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);

/** The scaled integer of `v` at `d` decimals when it decodes back to exactly `v`, else null. */
function scaledAt(v: number, d: number): number | null {
  const p = POW10[d]!;
  const k = Math.round(v * p);
  // -0 decodes as 0 from an integer: it stays a float64.
  if (!(Math.abs(k) <= MAX_SCALED) || Object.is(k, -0) || !Object.is(k / p, v)) return null;
  return k;
}

/** The smallest decimal count at which every value is exact, or -1 (store float64). */
export function detectDecimals(values: ArrayLike<number>, n = values.length): number {
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    while (d <= MAX_DECIMALS && scaledAt(v, d) === null) d++;
    if (d > MAX_DECIMALS) return -1;
  }
  // A value exact at a smaller d is not always exact at a larger one (binary rounding): verify.
  for (; d <= MAX_DECIMALS; d++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = scaledAt(values[i]!, d) !== null;
    if (ok) return d;
  }
  return -1;
}

/** Encodes readings sorted by time with unique times (see the file comment). */
export function encodeBlock(r: BlockReadings): Uint8Array {
  const n = r.ts.length;
  const w = new ByteWriter();
  w.byte(VERSION);
  const d = detectDecimals(r.values);
  w.byte(d < 0 ? MODE_FLOAT : MODE_SCALED);
  w.uvarint(n);
  if (d >= 0) w.byte(d);
  let prevT = 0;
  let prevDelta = 0;
  for (let i = 0; i < n; i++) {
    const t = r.ts[i]!;
    if (!Number.isSafeInteger(t)) throw new RangeError(`Reading time ${t} is not an integer of ms.`);
    if (i === 0) w.svarint(t);
    else {
      const delta = t - prevT;
      w.svarint(i === 1 ? delta : delta - prevDelta);
      prevDelta = delta;
    }
    prevT = t;
  }
  if (d >= 0) {
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const k = scaledAt(r.values[i]!, d)!;
      w.svarint(k - prev);
      prev = k;
    }
  } else for (let i = 0; i < n; i++) w.float64(r.values[i]!);
  let prevS = 0;
  for (let i = 0; i < n; i++) {
    const s = r.statuses[i]!;
    w.svarint(s - prevS);
    prevS = s;
  }
  return zstdCompressSync(w.bytes(), ZSTD_OPTIONS);
}

/** Decodes a block written by encodeBlock. */
export function decodeBlock(blob: Uint8Array): BlockReadings {
  const r = new ByteReader(zstdDecompressSync(blob));
  const version = r.byte();
  if (version !== VERSION) throw new Error(`Unknown telemetry block version ${version}.`);
  const mode = r.byte();
  const n = r.uvarint();
  const d = mode === MODE_SCALED ? r.byte() : -1;
  const ts = new Float64Array(n);
  const values = new Float64Array(n);
  const statuses = new Int32Array(n);
  let t = 0;
  let delta = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0) t = r.svarint();
    else {
      delta = i === 1 ? r.svarint() : delta + r.svarint();
      t += delta;
    }
    ts[i] = t;
  }
  if (d >= 0) {
    const p = POW10[d]!;
    let k = 0;
    for (let i = 0; i < n; i++) {
      k += r.svarint();
      values[i] = k / p;
    }
  } else for (let i = 0; i < n; i++) values[i] = r.float64();
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += r.svarint();
    statuses[i] = s;
  }
  return { ts, values, statuses };
}

/** Per-minute min/max/sum/count of readings sorted by time. */
export function rollupOf(r: BlockReadings): MinuteRollup[] {
  const out: MinuteRollup[] = [];
  let cur: MinuteRollup | null = null;
  for (let i = 0; i < r.ts.length; i++) {
    const t = r.ts[i]!;
    const v = r.values[i]!;
    const m = t - (((t % 60_000) + 60_000) % 60_000);
    if (!cur || cur.minuteMs !== m) {
      cur = { minuteMs: m, count: 0, min: v, max: v, sum: 0 };
      out.push(cur);
    }
    cur.count++;
    if (v < cur.min) cur.min = v;
    if (v > cur.max) cur.max = v;
    cur.sum += v;
  }
  return out;
}

/**
 * Sums of scaled integers, exactly: the float sums above can differ from them in the last bit, so
 * the scaled path recomputes each minute's sum from the integers.
 */
function scaledSums(r: BlockReadings, minutes: readonly MinuteRollup[], d: number): number[] | null {
  const sums: number[] = [];
  let i = 0;
  for (const m of minutes) {
    let s = 0;
    for (let k = 0; k < m.count; k++, i++) s += scaledAt(r.values[i]!, d)!;
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(scaledAt(m.min, d)! * m.count)) return null;
    sums.push(s);
  }
  return sums;
}

/**
 * Encodes a window's per-minute rollup. Given the readings, the sums are exact integers at the
 * values' resolution; given only minutes (aggregates carried over from the old schema), floats.
 */
export function encodeRollup(minutes: readonly MinuteRollup[], readings?: BlockReadings): Uint8Array {
  const w = new ByteWriter();
  w.byte(VERSION);
  let d = -1;
  let sums: number[] | null = null;
  if (readings) {
    d = detectDecimals(readings.values);
    if (d >= 0) sums = scaledSums(readings, minutes, d);
    if (!sums) d = -1;
  }
  w.byte(d < 0 ? MODE_FLOAT : MODE_SCALED);
  w.uvarint(minutes.length);
  if (d >= 0) w.byte(d);
  let prevMinute = 0;
  for (const m of minutes) {
    w.svarint((m.minuteMs - prevMinute) / 60_000);
    prevMinute = m.minuteMs;
    w.uvarint(m.count);
  }
  if (d >= 0) {
    let prev = 0;
    minutes.forEach((m, i) => {
      const lo = scaledAt(m.min, d)!;
      const hi = scaledAt(m.max, d)!;
      w.svarint(lo - prev);
      w.uvarint(hi - lo);
      w.svarint(sums![i]! - lo * m.count);
      prev = lo;
    });
  } else
    for (const m of minutes) {
      w.float64(m.min);
      w.float64(m.max);
      w.float64(m.sum);
    }
  return zstdCompressSync(w.bytes(), ZSTD_OPTIONS);
}

/**
 * A rollup's fields as stored: per minute its time and count, and min/max/sum either as integers at
 * `d` decimals (`d` ≥ 0) or as floats (`d` = -1).
 */
interface RollupFields {
  d: number;
  n: number;
  minuteMs: Float64Array;
  count: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  sum: Float64Array;
}

function rollupFields(blob: Uint8Array): RollupFields {
  // Hot on long curves (a 100-day curve is 144,000 minutes): varints read with local state, not
  // through ByteReader's methods.
  const buf = zstdDecompressSync(blob);
  const len = buf.length;
  let pos = 0;
  const uv = (): number => {
    if (pos >= len) throw new Error('Telemetry rollup is truncated.');
    let b = buf[pos++]!;
    if (b < 128) return b;
    let v = b & 127;
    let mul = 128;
    for (;;) {
      if (pos >= len) throw new Error('Telemetry rollup is truncated.');
      b = buf[pos++]!;
      v += (b & 127) * mul;
      if (b < 128) return v;
      mul *= 128;
    }
  };
  const sv = (): number => {
    const z = uv();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  };
  const version = uv();
  if (version !== VERSION) throw new Error(`Unknown telemetry rollup version ${version}.`);
  const mode = uv();
  const n = uv();
  const d = mode === MODE_SCALED ? uv() : -1;
  const f: RollupFields = {
    d,
    n,
    minuteMs: new Float64Array(n),
    count: new Float64Array(n),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    sum: new Float64Array(n),
  };
  let minute = 0;
  for (let i = 0; i < n; i++) {
    minute += sv() * 60_000;
    f.minuteMs[i] = minute;
    f.count[i] = uv();
  }
  if (d >= 0) {
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const lo = prev + sv();
      f.lo[i] = lo;
      f.hi[i] = lo + uv();
      f.sum[i] = lo * f.count[i]! + sv();
      prev = lo;
    }
  } else {
    const r = new ByteReader(buf);
    r.pos = pos;
    for (let i = 0; i < n; i++) {
      f.lo[i] = r.float64();
      f.hi[i] = r.float64();
      f.sum[i] = r.float64();
    }
  }
  return f;
}

/** Decodes a rollup written by encodeRollup. */
export function decodeRollup(blob: Uint8Array): MinuteRollup[] {
  const f = rollupFields(blob);
  const p = f.d >= 0 ? POW10[f.d]! : 1;
  const out: MinuteRollup[] = [];
  for (let i = 0; i < f.n; i++)
    out.push({
      minuteMs: f.minuteMs[i]!,
      count: f.count[i]!,
      min: f.lo[i]! / p,
      max: f.hi[i]! / p,
      sum: f.sum[i]! / p,
    });
  return out;
}

/** A per-minute curve in columns: minute start, mean, min, max (what the API answers). */
export interface MinuteColumns {
  t: number[];
  v: number[];
  min: number[];
  max: number[];
}

/**
 * Appends the minutes of a rollup that start in [fromMs, toMs] to `out`, without building an object
 * per minute (a 100-day curve is 144,000 minutes).
 */
export function decodeRollupInto(blob: Uint8Array, out: MinuteColumns, fromMs: number, toMs: number): void {
  const f = rollupFields(blob);
  const p = f.d >= 0 ? POW10[f.d]! : 1;
  for (let i = 0; i < f.n; i++) {
    const m = f.minuteMs[i]!;
    if (m < fromMs || m > toMs) continue;
    out.t.push(m);
    out.v.push(f.sum[i]! / p / f.count[i]!);
    out.min.push(f.lo[i]! / p);
    out.max.push(f.hi[i]! / p);
  }
}

/**
 * One rollup holding the minutes of several (a day's rollup from its hours), in the order given,
 * without loss: scaled integers stay integers (rescaled to the largest resolution among them, which
 * is exact while they stay within MAX_SCALED), else every value is written as a float64.
 */
export function concatRollups(blobs: readonly Uint8Array[]): Uint8Array {
  const parts = blobs.map(rollupFields);
  let d = 0;
  for (const f of parts) d = f.d < 0 || d < 0 ? -1 : Math.max(d, f.d);
  const scale = (f: RollupFields, x: number) => (d < 0 ? x / POW10[Math.max(0, f.d)]! : x * POW10[d - f.d]!);
  if (d >= 0) {
    // Rescaling must keep every integer exact and small enough for the deltas.
    for (const f of parts)
      for (let i = 0; i < f.n && d >= 0; i++)
        if (
          !(Math.abs(scale(f, f.sum[i]!)) <= Number.MAX_SAFE_INTEGER) ||
          !(Math.abs(scale(f, f.hi[i]!)) <= MAX_SCALED) ||
          !(Math.abs(scale(f, f.lo[i]!)) <= MAX_SCALED)
        )
          d = -1;
  }
  const w = new ByteWriter();
  w.byte(VERSION);
  w.byte(d < 0 ? MODE_FLOAT : MODE_SCALED);
  w.uvarint(parts.reduce((n, f) => n + f.n, 0));
  if (d >= 0) w.byte(d);
  let prevMinute = 0;
  for (const f of parts)
    for (let i = 0; i < f.n; i++) {
      w.svarint((f.minuteMs[i]! - prevMinute) / 60_000);
      prevMinute = f.minuteMs[i]!;
      w.uvarint(f.count[i]!);
    }
  let prev = 0;
  for (const f of parts)
    for (let i = 0; i < f.n; i++) {
      if (d >= 0) {
        const lo = scale(f, f.lo[i]!);
        w.svarint(lo - prev);
        w.uvarint(scale(f, f.hi[i]!) - lo);
        w.svarint(scale(f, f.sum[i]!) - lo * f.count[i]!);
        prev = lo;
      } else {
        w.float64(scale(f, f.lo[i]!));
        w.float64(scale(f, f.hi[i]!));
        w.float64(scale(f, f.sum[i]!));
      }
    }
  return zstdCompressSync(w.bytes(), ZSTD_OPTIONS);
}

/**
 * Merges readings into a block's: the block's reading at a time wins, then the first of `extra`
 * (in arrival order) — the rule "a reading already stored is skipped" of the previous schema.
 */
export function mergeReadings(
  base: BlockReadings | null,
  extra: { ts: ArrayLike<number>; values: ArrayLike<number>; statuses: ArrayLike<number>; length: number },
): BlockReadings {
  // Fast path, the usual case: readings arrive in time order, after what the block holds.
  const baseN = base ? base.ts.length : 0;
  let ordered = true;
  let prev = baseN > 0 ? base!.ts[baseN - 1]! : -Infinity;
  for (let i = 0; i < extra.length && ordered; i++) {
    const t = extra.ts[i]!;
    ordered = t > prev;
    prev = t;
  }
  if (ordered) {
    const n = baseN + extra.length;
    const out: BlockReadings = {
      ts: new Float64Array(n),
      values: new Float64Array(n),
      statuses: new Int32Array(n),
    };
    if (base) {
      out.ts.set(base.ts);
      out.values.set(base.values);
      out.statuses.set(base.statuses);
    }
    for (let i = 0; i < extra.length; i++) {
      out.ts[baseN + i] = extra.ts[i]!;
      out.values[baseN + i] = extra.values[i]!;
      out.statuses[baseN + i] = extra.statuses[i]!;
    }
    return out;
  }
  const seen = new Set<number>();
  const ts: number[] = [];
  const values: number[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < baseN; i++) {
    seen.add(base!.ts[i]!);
    ts.push(base!.ts[i]!);
    values.push(base!.values[i]!);
    statuses.push(base!.statuses[i]!);
  }
  for (let i = 0; i < extra.length; i++) {
    const t = extra.ts[i]!;
    if (seen.has(t)) continue;
    seen.add(t);
    ts.push(t);
    values.push(extra.values[i]!);
    statuses.push(extra.statuses[i]!);
  }
  const order = Uint32Array.from(ts, (_, i) => i).sort((a, b) => ts[a]! - ts[b]!);
  return {
    ts: Float64Array.from(order, (i) => ts[i]!),
    values: Float64Array.from(order, (i) => values[i]!),
    statuses: Int32Array.from(order, (i) => statuses[i]!),
  };
}
