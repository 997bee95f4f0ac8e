import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Kysely } from 'kysely';

/**
 * The SQLite head's directory, in the memory of the process that opened the database (ADR 0005): the
 * head (`readings_head`) is written in arrival order with no index, and this directory says which
 * `seq` ranges hold which points and times, so a point's recent readings and its newest one are read
 * by a few rowid-range probes instead of a scan of the head. The same idea as a time-series database's
 * in-memory head over its write-ahead log, except that only the layout is held, not the readings.
 *
 * A segment is a run of consecutive `seq` whose point ids lie within SPAN of each other (a mine's
 * poll is usually one segment: its points have neighbouring ids), with its min/max point and time.
 * The writer of this process adds the segments of each batch it appended (no query); rows appended by
 * another process are found by a catch-up scan of `seq` above what the directory covers, so the
 * directory is complete before every read. `seq` is never reused (AUTOINCREMENT, migration 0017).
 * Segments whose rows were all compacted are dropped (by time after a compaction here, by `seq`
 * below the head's smallest one otherwise); a stale segment is harmless, as every probe filters by
 * point.
 */

const SPAN = 256;
/** Head rows read per statement when the directory catches up. */
const CATCH_UP_CHUNK = 65_536;
const MAX_ROWS = 512;

export interface HeadRow {
  seq: number;
  point_id: number;
  ts_ms: number;
  value: number;
  status: number;
}

/** Head rows of point ids [fromPoint, toPoint) found in these `seq` ranges (inclusive). */
export interface HeadSlice {
  fromPoint: number;
  toPoint: number;
  seqRanges: Array<[number, number]>;
}

export class HeadDirectory {
  readonly #raw: DatabaseSync;
  #loaded = false;
  /** The largest `seq` the directory covers. */
  #through = 0;
  #n = 0;
  #first = new Float64Array(1024);
  #last = new Float64Array(1024);
  #minPoint = new Int32Array(1024);
  #maxPoint = new Int32Array(1024);
  #minTs = new Float64Array(1024);
  #maxTs = new Float64Array(1024);
  #stmts: {
    rowsOfPoint: StatementSync;
    rowsOfRange: StatementSync;
    after: StatementSync;
    bounds: StatementSync;
  } | null = null;

  constructor(raw: DatabaseSync) {
    this.#raw = raw;
  }

  get segments(): number {
    return this.#n;
  }

  #statements() {
    return (this.#stmts ??= {
      rowsOfPoint: this.#raw.prepare(
        'select seq, point_id, ts_ms, value, status from readings_head where seq between ? and ? and point_id = ? and ts_ms between ? and ?',
      ),
      rowsOfRange: this.#raw.prepare(
        'select seq, point_id, ts_ms, value, status from readings_head where seq between ? and ?',
      ),
      // In chunks, each its own short read: one long read of a large head would hold the WAL's
      // checkpoints back (and a RESTART checkpoint holds writers while it waits for readers).
      after: this.#raw.prepare(
        `select seq, point_id, ts_ms from readings_head where seq > ? order by seq limit ${CATCH_UP_CHUNK}`,
      ),
      // Two subqueries: SQLite answers a lone min() or max() of the rowid from the B-tree's ends, but
      // scans the table for both in one select.
      bounds: this.#raw.prepare(
        'select (select min(seq) from readings_head) as lo, (select max(seq) from readings_head) as hi',
      ),
    });
  }

  #grow() {
    const size = this.#first.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.#first = f64(this.#first);
    this.#last = f64(this.#last);
    this.#minPoint = i32(this.#minPoint);
    this.#maxPoint = i32(this.#maxPoint);
    this.#minTs = f64(this.#minTs);
    this.#maxTs = f64(this.#maxTs);
  }

  /** Adds rows seq, seq+1, … (in that order) of the given points and times, cut into segments. */
  #add(firstSeq: number, n: number, pointAt: (i: number) => number, tsAt: (i: number) => number) {
    let i = 0;
    while (i < n) {
      if (this.#n === this.#first.length) this.#grow();
      const s = this.#n++;
      let lo = pointAt(i);
      let hi = lo;
      let t0 = tsAt(i);
      let t1 = t0;
      const start = i;
      for (i++; i < n && i - start < MAX_ROWS; i++) {
        const p = pointAt(i);
        const nlo = p < lo ? p : lo;
        const nhi = p > hi ? p : hi;
        if (nhi - nlo > SPAN) break;
        lo = nlo;
        hi = nhi;
        const t = tsAt(i);
        if (t < t0) t0 = t;
        if (t > t1) t1 = t;
      }
      this.#first[s] = firstSeq + start;
      this.#last[s] = firstSeq + i - 1;
      this.#minPoint[s] = lo;
      this.#maxPoint[s] = hi;
      this.#minTs[s] = t0;
      this.#maxTs[s] = t1;
    }
    if (firstSeq + n - 1 > this.#through) this.#through = firstSeq + n - 1;
  }

  /** Indexes every head row above what the directory covers (all of them on first use). */
  #catchUp() {
    const st = this.#statements();
    const b = st.bounds.get() as { lo: number | null; hi: number | null };
    if (b.hi === null) {
      this.#n = 0;
      this.#loaded = true;
      return;
    }
    if (this.#loaded && b.lo !== null) this.#dropWhere((s) => this.#last[s]! < b.lo!);
    this.#loaded = true;
    if (b.hi <= this.#through) return;
    const seqs: number[] = [];
    const points: number[] = [];
    const times: number[] = [];
    const flush = () => {
      // Rows of one run of consecutive seq form segments; a gap (rows deleted) starts a new run.
      let a = 0;
      for (let k = 1; k <= seqs.length; k++) {
        if (k < seqs.length && seqs[k] === seqs[k - 1]! + 1) continue;
        this.#add(
          seqs[a]!,
          k - a,
          (i) => points[a + i]!,
          (i) => times[a + i]!,
        );
        a = k;
      }
      seqs.length = points.length = times.length = 0;
    };
    for (let from = this.#through; ;) {
      const rows = st.after.all(from) as Array<{ seq: number; point_id: number; ts_ms: number }>;
      for (const r of rows) {
        seqs.push(Number(r.seq));
        points.push(r.point_id);
        times.push(Number(r.ts_ms));
      }
      flush();
      if (rows.length < CATCH_UP_CHUNK) break;
      from = Number(rows[rows.length - 1]!.seq);
    }
  }

  #dropWhere(gone: (s: number) => boolean) {
    let k = 0;
    for (let s = 0; s < this.#n; s++) {
      if (gone(s)) continue;
      if (k !== s) {
        this.#first[k] = this.#first[s]!;
        this.#last[k] = this.#last[s]!;
        this.#minPoint[k] = this.#minPoint[s]!;
        this.#maxPoint[k] = this.#maxPoint[s]!;
        this.#minTs[k] = this.#minTs[s]!;
        this.#maxTs[k] = this.#maxTs[s]!;
      }
      k++;
    }
    this.#n = k;
  }

  /**
   * The writer of this process appended rows `firstSeq…` (committed) with these points and times. Rows
   * another process appended before them are caught up first, so the directory stays complete.
   */
  appended(firstSeq: number, n: number, pointIds: ArrayLike<number>, ts: ArrayLike<number>) {
    if (!this.#loaded || n === 0) return;
    if (firstSeq !== this.#through + 1) this.#catchUp();
    if (firstSeq + n - 1 <= this.#through) return;
    this.#add(
      firstSeq,
      n,
      (i) => pointIds[i]!,
      (i) => ts[i]!,
    );
  }

  /**
   * The head rows older than `beforeMs`, cut into slices of neighbouring point ids holding about
   * `rowsPerSlice` rows each, with the `seq` ranges that hold them (segments that straddle a cut are in
   * both slices; the compactor filters by point). Compaction takes one slice per transaction, so its
   * memory and its longest transaction stay bounded however large a window is (ADR 0005, amendment 5).
   * A slice narrower than a segment scans its neighbours' rows too (filtered by point in SQLite's C,
   * ~0.1 µs a row against ~2.5 µs a row taken): measured, 58 slices of one closed hour cost the same
   * CPU as 7 (`bench/telemetry-store-bench.ts --only=compact`), so slices are cut by rows alone unless
   * `minWidth` says otherwise.
   */
  closedSlices(beforeMs: number, rowsPerSlice: number, minWidth = 1): HeadSlice[] {
    this.#catchUp();
    const segs: number[] = [];
    for (let s = 0; s < this.#n; s++) if (this.#minTs[s]! < beforeMs) segs.push(s);
    if (segs.length === 0) return [];
    segs.sort((a, b) => this.#minPoint[a]! - this.#minPoint[b]!);
    // Where to cut: each segment's rows spread evenly over its point ids (a mine's poll has one row a
    // point); sweep the point ids, cutting each time about `rowsPerSlice` rows have been passed.
    const events: Array<[point: number, density: number]> = [];
    for (const s of segs) {
      const d = (this.#last[s]! - this.#first[s]! + 1) / (this.#maxPoint[s]! - this.#minPoint[s]! + 1);
      events.push([this.#minPoint[s]!, d], [this.#maxPoint[s]! + 1, -d]);
    }
    events.sort((a, b) => a[0] - b[0]);
    const cuts = [events[0]![0]];
    let density = 0;
    let acc = 0;
    for (let k = 0; k < events.length; k++) {
      const [x0, d] = events[k]!;
      density += d;
      const x1 = k + 1 < events.length ? events[k + 1]![0] : x0;
      for (let x = x0; density > 1e-9 && x < x1;) {
        // The next cut: where the slice has its rows, and at least minWidth ids after the last cut.
        const cut = Math.max(
          cuts[cuts.length - 1]! + minWidth,
          x + Math.max(1, Math.ceil((rowsPerSlice - acc) / density)),
        );
        if (cut >= x1) {
          acc += density * (x1 - x);
          break;
        }
        acc += density * (cut - x);
        cuts.push(cut);
        acc = 0;
        x = cut;
      }
    }
    const end = events[events.length - 1]![0];
    if (cuts[cuts.length - 1]! < end) cuts.push(end);
    // Each slice's segments: a segment spans at most SPAN point ids, so only those starting at most
    // SPAN before the slice can reach into it.
    const minPoints = segs.map((s) => this.#minPoint[s]!);
    const firstFrom = (p: number) => lowerBound(minPoints, p);
    const slices: HeadSlice[] = [];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const from = cuts[c]!;
      const to = cuts[c + 1]!;
      const of: number[] = [];
      for (let k = firstFrom(from - SPAN); k < segs.length && minPoints[k]! < to; k++)
        if (this.#maxPoint[segs[k]!]! >= from) of.push(segs[k]!);
      if (of.length > 0) slices.push({ fromPoint: from, toPoint: to, seqRanges: this.#rangesOf(of) });
    }
    return slices;
  }

  /** The `seq` ranges of these segments, sorted, touching ranges joined. */
  #rangesOf(segs: readonly number[]): Array<[number, number]> {
    const sorted = [...segs].sort((a, b) => this.#first[a]! - this.#first[b]!);
    const out: Array<[number, number]> = [];
    for (const s of sorted) {
      const f = this.#first[s]!;
      const l = this.#last[s]!;
      const prev = out[out.length - 1];
      if (prev && f <= prev[1] + 1) prev[1] = Math.max(prev[1], l);
      else out.push([f, l]);
    }
    return out;
  }

  /** The largest `seq` the directory covers (what `closedSlices` just planned over). */
  get coveredThrough(): number {
    return this.#through;
  }

  /**
   * After a compaction of every head row older than `beforeMs` among rows up to `throughSeq`: those
   * segments are gone. Rows appended while the compaction ran (a late reading) stay in the directory.
   */
  compacted(beforeMs: number, throughSeq = Infinity) {
    this.#dropWhere((s) => this.#maxTs[s]! < beforeMs && this.#last[s]! <= throughSeq);
  }

  /** A point's head rows with times in [fromMs, toMs], in arrival order. */
  rowsOf(pointId: number, fromMs: number, toMs: number): HeadRow[] {
    this.#catchUp();
    const st = this.#statements().rowsOfPoint;
    const out: HeadRow[] = [];
    for (let s = 0; s < this.#n; s++) {
      if (this.#minPoint[s]! > pointId || this.#maxPoint[s]! < pointId) continue;
      if (this.#maxTs[s]! < fromMs || this.#minTs[s]! > toMs) continue;
      for (const r of st.all(this.#first[s]!, this.#last[s]!, pointId, fromMs, toMs) as unknown as HeadRow[])
        out.push(r);
    }
    return out;
  }

  /** Each point's head reading with the newest time (the first to arrive at that time). */
  newestOf(pointIds: readonly number[]): Map<number, HeadRow> {
    this.#catchUp();
    const wanted = [...new Set(pointIds)].sort((a, b) => a - b);
    const best = new Map<number, HeadRow>();
    if (wanted.length === 0) return best;
    const st = this.#statements().rowsOfRange;
    const firstAtLeast = (p: number) => lowerBound(wanted, p);
    // Newest segments first: once a point has a reading, only segments holding a later time matter.
    for (let s = this.#n - 1; s >= 0; s--) {
      const hiP = this.#maxPoint[s]!;
      let probe = false;
      for (let k = firstAtLeast(this.#minPoint[s]!); k < wanted.length && wanted[k]! <= hiP; k++) {
        const had = best.get(wanted[k]!);
        if (!had || Number(had.ts_ms) < this.#maxTs[s]!) {
          probe = true;
          break;
        }
      }
      if (!probe) continue;
      for (const r of st.all(this.#first[s]!, this.#last[s]!) as unknown as HeadRow[]) {
        const k = firstAtLeast(r.point_id);
        if (wanted[k] !== r.point_id) continue;
        const had = best.get(r.point_id);
        const t = Number(r.ts_ms);
        if (!had || t > Number(had.ts_ms) || (t === Number(had.ts_ms) && Number(r.seq) < Number(had.seq)))
          best.set(r.point_id, r);
      }
    }
    return best;
  }
}

const directories = new WeakMap<object, HeadDirectory>();

/** The directory of a SQLite database opened by this process (keyed by its Kysely adapter). */
export function registerHeadDirectory(db: Kysely<never>, raw: DatabaseSync): HeadDirectory {
  const dir = new HeadDirectory(raw);
  directories.set(db.getExecutor().adapter, dir);
  return dir;
}

/** The head directory of this database, or undefined (PostgreSQL, or a SQLite database opened elsewhere). */
export function headDirectoryOf<DB>(db: Kysely<DB>): HeadDirectory | undefined {
  return directories.get(db.getExecutor().adapter);
}

/** The index of the first element of the ascending `sorted` that is at least `p` (its length if none). */
function lowerBound(sorted: readonly number[], p: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
