import { sql, type Insertable, type Kysely } from 'kysely';
import { lockCompaction, tableBytes } from '../dialect/telemetry-ddl.ts';
import type { Database } from '../schema.ts';
import { headDirectoryOf, type HeadRow } from './head-directory.ts';
import {
  concatRollups,
  decodeBlock,
  decodeRollup,
  encodeBlock,
  encodeRollup,
  mergeReadings,
  rollupOf,
  type BlockReadings,
  type MinuteRollup,
} from './block-codec.ts';

/**
 * The readings store of ADR 0005 on Kysely, the same queries on SQLite and PostgreSQL: the head
 * (`readings_head`, arrival order) is turned into one compressed block per point per window
 * (`reading_blocks`) with its per-minute rollup (`reading_rollups`) by `compactHead`; every read
 * merges blocks and head, where the reading stored first at a (point, time) wins and no reading is
 * counted twice.
 */

/** A block covers one point's readings of [window_ms, window_ms + WINDOW_MS). */
export const WINDOW_MS = 3_600_000;
/** A window is compacted once it ended this long ago, so readings a little late still go in directly. */
export const COMPACTION_GRACE_MS = 120_000;

export const MINUTE_MS = 60_000;
export const windowOf = (t: number) => t - (((t % WINDOW_MS) + WINDOW_MS) % WINDOW_MS);
export const minuteOf = (t: number) => t - (((t % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
export const IN_CHUNK = 500;

/** Head rows as the merge input (arrival order). */
export function asExtra(rows: readonly HeadRow[]) {
  return {
    length: rows.length,
    ts: rows.map((r) => Number(r.ts_ms)),
    values: rows.map((r) => r.value),
    statuses: rows.map((r) => r.status),
  };
}

export interface CompactionResult {
  /** Head rows consumed. */
  headRows: number;
  /** Blocks written (new or merged). */
  blocks: number;
  /** Blocks that already existed and took late or re-sent readings. */
  merged: number;
}

/** The start of the newest window that may be compacted at `nowMs` (exclusive bound for head rows). */
export function closedBefore(nowMs: number): number {
  return windowOf(nowMs - COMPACTION_GRACE_MS);
}

/** About this many head rows are compacted per transaction (ADR 0005, amendment 5). */
export const ROWS_PER_SLICE = 50_000;
/** Without a head directory (PostgreSQL): point ids per transaction, found through the head's index. */
export const POINTS_PER_SLICE = 256;

/** How a compaction cuts its work (defaults for serving; tests and benches cut finer or watch). */
export interface CompactionSlicing {
  /** About this many head rows per transaction (with a head directory). */
  rowsPerSlice?: number;
  /** With a head directory, no slice narrower than this many point ids. */
  minSlicePoints?: number;
  /** Without a head directory, point ids per transaction. */
  pointsPerSlice?: number;
  /** Told of each slice's result and how long it took. */
  onSlice?: (slice: CompactionResult, timing: SliceTiming) => void;
  /**
   * How long to wait after a slice before the next, given its timing (none unless told). The compaction
   * thread rests so that the serving connection, waiting in SQLite's busy handler, gets the write lock
   * between two slices (ADR 0005, amendment 6).
   */
  restAfter?: (timing: SliceTiming) => number;
}

/** How long a slice took in all, and how long of that its write transaction (the write lock) was open. */
export interface SliceTiming {
  ms: number;
  writeMs: number;
}

/**
 * Moves every head reading older than `beforeMs` into blocks, one slice of neighbouring point ids per
 * transaction (see `compactSlice`: only rows present when the slice was planned are taken, so a
 * reading appended meanwhile is left for the next run, never lost), merged with the
 * block already stored for each (point, window) — a late or re-sent reading at a time the block has is
 * dropped — and written with the window's rollup. A crash before a slice's commit leaves its rows in
 * the head; a run after a commit finds nothing to redo. Slices keep memory and the longest transaction
 * bounded at any rate (ADR 0005, amendment 5): the national rate puts ~200 M readings in an hour.
 */
export async function compactHead(
  db: Kysely<Database>,
  beforeMs: number,
  slicing: CompactionSlicing = {},
): Promise<CompactionResult> {
  const total: CompactionResult = { headRows: 0, blocks: 0, merged: 0 };
  /** Counts a slice, tells `onSlice`, then lets the event loop (and, when told, the write lock) go. */
  const add = async (r: CompactionResult & { writeMs: number }, t0: number) => {
    total.headRows += r.headRows;
    total.blocks += r.blocks;
    total.merged += r.merged;
    const timing = { ms: performance.now() - t0, writeMs: r.writeMs };
    slicing.onSlice?.({ headRows: r.headRows, blocks: r.blocks, merged: r.merged }, timing);
    const rest = slicing.restAfter?.(timing) ?? 0;
    await (rest > 0 ? new Promise<void>((resolve) => setTimeout(resolve, rest)) : yieldToEventLoop());
  };
  const directory = headDirectoryOf(db);
  if (directory) {
    const slices = directory.closedSlices(
      beforeMs,
      slicing.rowsPerSlice ?? ROWS_PER_SLICE,
      slicing.minSlicePoints,
    );
    const planned = directory.coveredThrough;
    for (const slice of slices) {
      const t0 = performance.now();
      await add(await compactSlice(db, beforeMs, slice.fromPoint, slice.toPoint, slice.seqRanges), t0);
    }
    directory.compacted(beforeMs, planned);
  } else {
    for (let from = await nextHeadPoint(db, beforeMs, -Infinity); from !== null;) {
      const to = from + (slicing.pointsPerSlice ?? POINTS_PER_SLICE);
      const t0 = performance.now();
      await add(await compactSlice(db, beforeMs, from, to, null), t0);
      from = await nextHeadPoint(db, beforeMs, to);
    }
  }
  return total;
}

/** Lets requests and ingestion run between two compaction transactions. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The smallest point id at or above `from` with a head reading older than `beforeMs` (the head's index). */
async function nextHeadPoint(db: Kysely<Database>, beforeMs: number, from: number): Promise<number | null> {
  const r = await db
    .selectFrom('readings_head')
    .select((eb) => eb.fn.min('point_id').as('p'))
    .where('ts_ms', '<', beforeMs)
    .$if(from !== -Infinity, (q) => q.where('point_id', '>=', from))
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? null : Number(r.p);
}

/**
 * One slice: the head rows of points [fromPoint, toPoint) older than `beforeMs`, into blocks.
 *
 * With `seq` ranges from a head directory (SQLite: one writer, so `seq` order is commit order and the
 * ranges hold only rows committed when they were planned), the rows and the stored blocks are read and
 * merged before the write transaction, which then only deletes the planned rows and writes the
 * blocks: the write lock is held for the writes, not for the reading and encoding. Without ranges
 * (PostgreSQL, where a lower `seq` may commit later) the rows are deleted and returned in the write
 * transaction itself, so that exactly the rows taken are removed.
 */
async function compactSlice(
  db: Kysely<Database>,
  beforeMs: number,
  fromPoint: number,
  toPoint: number,
  seqRanges: ReadonlyArray<readonly [number, number]> | null,
): Promise<CompactionResult & { writeMs: number }> {
  const none = { headRows: 0, blocks: 0, merged: 0, writeMs: 0 };
  const timed = async (write: () => Promise<CompactionResult>) => {
    const t0 = performance.now();
    const r = await write();
    return { ...r, writeMs: performance.now() - t0 };
  };
  const where = (range: readonly [number, number] | null) =>
    sql`ts_ms < ${beforeMs} and point_id >= ${fromPoint} and point_id < ${toPoint}
      ${range ? sql`and seq between ${range[0]} and ${range[1]}` : sql``}`;
  if (seqRanges) {
    const rows: HeadRow[] = [];
    for (const range of seqRanges) {
      const found = await sql<HeadRow>`
        select seq, point_id, ts_ms, value, status from readings_head where ${where(range)}`.execute(db);
      for (const r of found.rows) rows.push(r);
    }
    if (rows.length === 0) return none;
    const merge = await mergeSlice(db, rows);
    return timed(() =>
      db.transaction().execute(async (trx) => {
        await lockCompaction<Database>(trx);
        for (const range of seqRanges)
          await sql`delete from readings_head where ${where(range)}`.execute(trx);
        // Another compactor (retention's, on the serving connection) may have written one of these
        // blocks since they were read: then merge again under the lock, or its readings would be lost.
        const current = (await blocksUnchanged(trx, merge.seen)) ? merge : await mergeSlice(trx, rows);
        return writeSlice(trx, current, beforeMs);
      }),
    );
  }
  return timed(() =>
    db.transaction().execute(async (trx) => {
      await lockCompaction<Database>(trx);
      const taken = await sql<HeadRow>`
        delete from readings_head where ${where(null)}
        returning seq, point_id, ts_ms, value, status`.execute(trx);
      if (taken.rows.length === 0) return none;
      return writeSlice(trx, await mergeSlice(trx, taken.rows), beforeMs);
    }),
  );
}

/** A slice's head rows merged into the blocks stored for their (point, window): what to write. */
interface SliceMerge {
  headRows: number;
  merged: number;
  blockRows: Array<ReturnType<typeof blockRow>>;
  rollupRows: Array<ReturnType<typeof rollupRowOf>>;
  touched: Array<[pointId: number, dayMs: number]>;
  /** window → point → readings of the stored block the merge started from (0: none). */
  seen: Map<number, Map<number, number>>;
}

/** Whether the stored blocks still hold the numbers of readings a merge started from. */
async function blocksUnchanged(db: Kysely<Database>, seen: SliceMerge['seen']): Promise<boolean> {
  for (const [w, points] of seen) {
    const ids = [...points.keys()];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const now = new Map<number, number>();
      for (const b of await db
        .selectFrom('reading_blocks')
        .select(['point_id', 'count'])
        .where('window_ms', '=', w)
        .where('point_id', 'in', chunk)
        .execute())
        now.set(b.point_id, Number(b.count));
      for (const id of chunk) if ((now.get(id) ?? 0) !== points.get(id)) return false;
    }
  }
  return true;
}

async function mergeSlice(db: Kysely<Database>, rows: HeadRow[]): Promise<SliceMerge> {
  rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  // window → point → rows (arrival order)
  const byWindow = new Map<number, Map<number, HeadRow[]>>();
  for (const r of rows) {
    const w = windowOf(Number(r.ts_ms));
    let points = byWindow.get(w);
    if (!points) byWindow.set(w, (points = new Map<number, HeadRow[]>()));
    let list = points.get(r.point_id);
    if (!list) points.set(r.point_id, (list = []));
    list.push(r);
  }
  const out: SliceMerge = {
    headRows: rows.length,
    merged: 0,
    blockRows: [],
    rollupRows: [],
    touched: [],
    seen: new Map(),
  };
  for (const [w, points] of byWindow) {
    const ids = [...points.keys()];
    const seen = new Map<number, number>();
    out.seen.set(w, seen);
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const old = await existingOf(db, w, chunk);
      for (const id of chunk) {
        const before = old.get(id);
        seen.set(id, before?.block?.ts.length ?? 0);
        if (before?.block) out.merged++;
        const readings = mergeReadings(before?.block ?? null, asExtra(points.get(id)!));
        out.blockRows.push(blockRow(id, w, readings));
        out.rollupRows.push(rollupRow(id, w, readings, before?.rollup ?? null));
        out.touched.push([id, dayOf(w)]);
      }
    }
  }
  return out;
}

/** Writes a slice's blocks, rollups and day rollups, in the caller's transaction. */
async function writeSlice(trx: Kysely<Database>, m: SliceMerge, beforeMs: number): Promise<CompactionResult> {
  await upsertBlocks(trx, m.blockRows);
  await upsertRollups(trx, m.rollupRows);
  await rebuildDayRollups(trx, m.touched, beforeMs);
  return { headRows: m.headRows, blocks: m.blockRows.length, merged: m.merged };
}

export const DAY_MS = 86_400_000;
export const dayOf = (t: number) => t - (((t % DAY_MS) + DAY_MS) % DAY_MS);

/**
 * Keeps `reading_day_rollups` equal to the hour rollups it is made of, for these (point, UTC day)
 * pairs whose hours changed: a day entirely before `closedBeforeMs` gets its row rebuilt from its hour
 * rollups (concatenated, lossless); a day still open loses any row it had, so readers use its hours.
 * In the caller's transaction.
 */
export async function rebuildDayRollups(
  db: Kysely<Database>,
  pairs: ReadonlyArray<readonly [pointId: number, dayMs: number]>,
  closedBeforeMs = Infinity,
): Promise<void> {
  const byDay = new Map<number, Set<number>>();
  for (const [id, day] of pairs) {
    let ids = byDay.get(day);
    if (!ids) byDay.set(day, (ids = new Set()));
    ids.add(id);
  }
  for (const [day, idSet] of byDay) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      await db
        .deleteFrom('reading_day_rollups')
        .where('day_ms', '=', day)
        .where('point_id', 'in', chunk)
        .execute();
      if (day + DAY_MS > closedBeforeMs) continue;
      const hours = await db
        .selectFrom('reading_rollups')
        .select(['point_id', 'count', 'min_value', 'max_value', 'sum_value', 'data'])
        .where('point_id', 'in', chunk)
        .where('window_ms', '>=', day)
        .where('window_ms', '<', day + DAY_MS)
        .orderBy('point_id')
        .orderBy('window_ms')
        .execute();
      const rows = [];
      for (let a = 0; a < hours.length;) {
        let b = a;
        while (b < hours.length && hours[b]!.point_id === hours[a]!.point_id) b++;
        const of = hours.slice(a, b);
        rows.push({
          point_id: hours[a]!.point_id,
          day_ms: day,
          count: of.reduce((n, h) => n + Number(h.count), 0),
          min_value: Math.min(...of.map((h) => h.min_value)),
          max_value: Math.max(...of.map((h) => h.max_value)),
          sum_value: of.reduce((n, h) => n + h.sum_value, 0),
          data: concatRollups(of.map((h) => h.data)),
        });
        a = b;
      }
      for (let k = 0; k < rows.length; k += ROWS_PER_INSERT)
        await db
          .insertInto('reading_day_rollups')
          .values(rows.slice(k, k + ROWS_PER_INSERT))
          .execute();
    }
  }
}

/** The stored block and rollup of these points in window `w`, decoded. */
async function existingOf(
  db: Kysely<Database>,
  w: number,
  ids: readonly number[],
): Promise<Map<number, { block: BlockReadings | null; rollup: MinuteRollup[] | null }>> {
  const out = new Map<number, { block: BlockReadings | null; rollup: MinuteRollup[] | null }>();
  const blocks = await db
    .selectFrom('reading_blocks')
    .select(['point_id', 'data'])
    .where('window_ms', '=', w)
    .where('point_id', 'in', [...ids])
    .execute();
  for (const b of blocks) out.set(b.point_id, { block: decodeBlock(b.data), rollup: null });
  const rollups = await db
    .selectFrom('reading_rollups')
    .select(['point_id', 'data'])
    .where('window_ms', '=', w)
    .where('point_id', 'in', [...ids])
    .execute();
  for (const r of rollups) {
    const e = out.get(r.point_id) ?? { block: null, rollup: null };
    e.rollup = decodeRollup(r.data);
    out.set(r.point_id, e);
  }
  return out;
}

export function blockRow(pointId: number, w: number, r: BlockReadings) {
  const n = r.ts.length;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = r.values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return {
    point_id: pointId,
    window_ms: w,
    count: n,
    min_value: min,
    max_value: max,
    sum_value: sum,
    first_ts: r.ts[0]!,
    last_ts: r.ts[n - 1]!,
    last_value: r.values[n - 1]!,
    last_status: r.statuses[n - 1]!,
    data: encodeBlock(r),
  };
}

/**
 * The rollup of a window's readings. Minutes of a rollup stored without raw readings (aggregates
 * carried over from the previous schema after their raw rows had expired) are kept where the raw
 * readings have nothing.
 */
export function minutesOf(r: BlockReadings, carried: readonly MinuteRollup[] | null) {
  const minutes = rollupOf(r);
  if (!carried) return { minutes, exact: true };
  const have = new Set(minutes.map((m) => m.minuteMs));
  const extra = carried.filter((m) => !have.has(m.minuteMs));
  if (extra.length === 0) return { minutes, exact: true };
  return { minutes: [...minutes, ...extra].sort((a, b) => a.minuteMs - b.minuteMs), exact: false };
}

export function rollupRow(
  pointId: number,
  w: number,
  r: BlockReadings,
  carried: readonly MinuteRollup[] | null,
) {
  const { minutes, exact } = minutesOf(r, carried);
  return rollupRowOf(pointId, w, minutes, exact ? r : undefined);
}

/** A rollup row from its minutes (`readings` given: their sums are encoded exactly). */
export function rollupRowOf(
  pointId: number,
  w: number,
  minutes: readonly MinuteRollup[],
  readings?: BlockReadings,
) {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const m of minutes) {
    count += m.count;
    if (m.min < min) min = m.min;
    if (m.max > max) max = m.max;
    sum += m.sum;
  }
  return {
    point_id: pointId,
    window_ms: w,
    count,
    min_value: min,
    max_value: max,
    sum_value: sum,
    data: encodeRollup(minutes, readings),
  };
}

const ROWS_PER_INSERT = 200;
const SUMMARY_COLUMNS = ['count', 'min_value', 'max_value', 'sum_value'] as const;

/**
 * Writes rows keyed (point, window) into `table` in statements of a few hundred, replacing on conflict
 * the `replaced` columns of the row already stored for the same (point, window).
 */
async function upsertPerWindow<T extends 'reading_blocks' | 'reading_rollups'>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
  replaced: ReadonlyArray<keyof Database[T] & string>,
) {
  // Kysely cannot type an insert into a table chosen at run time; the caller's row type is checked above.
  const into = table as 'reading_rollups';
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto(into)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as Array<Insertable<Database['reading_rollups']>>)
      .onConflict((oc) =>
        oc
          .columns(['point_id', 'window_ms'])
          .doUpdateSet((eb) =>
            Object.fromEntries(replaced.map((c) => [c, eb.ref(`excluded.${c as 'count'}`)])),
          ),
      )
      .execute();
  }
}

/** Writes blocks, replacing the stored block of the same (point, window). */
export const upsertBlocks = (db: Kysely<Database>, rows: ReadonlyArray<ReturnType<typeof blockRow>>) =>
  upsertPerWindow(db, 'reading_blocks', rows, [
    ...SUMMARY_COLUMNS,
    'first_ts',
    'last_ts',
    'last_value',
    'last_status',
    'data',
  ]);

/** Writes rollup rows, replacing the stored rollup of the same (point, window). */
export const upsertRollups = (db: Kysely<Database>, rows: ReadonlyArray<ReturnType<typeof rollupRowOf>>) =>
  upsertPerWindow(db, 'reading_rollups', rows, [...SUMMARY_COLUMNS, 'data']);

/** What `redline storage stats` prints. */
export interface StorageStats {
  /** Readings stored: in blocks plus head rows (a re-sent reading counts until compaction merges it). */
  readings: number;
  readingsInBlocks: number;
  blocks: number;
  blockBytes: number;
  rollups: number;
  rollupBytes: number;
  headRows: number;
  /** Bytes per reading in blocks: compressed payload only, and the tables on disk when known. */
  payloadBytesPerReading: number | null;
  diskBytesPerReading: number | null;
  diskBytes: { head: number | null; blocks: number | null; rollups: number | null };
  oldestHeadMs: number | null;
  /** How far the oldest head reading is past the point where it should have been compacted. */
  compactionLagMs: number;
}

export async function storageStats(db: Kysely<Database>, nowMs: number): Promise<StorageStats> {
  const b = await db
    .selectFrom('reading_blocks')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('blocks'),
      eb.fn.sum<number | string | null>('count').as('readings'),
      eb.fn.sum<number | string | null>(sql`length(data)`).as('bytes'),
    ])
    .executeTakeFirstOrThrow();
  const r = await db
    .selectFrom('reading_rollups')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('rollups'),
      eb.fn.sum<number | string | null>(sql`length(data)`).as('bytes'),
    ])
    .executeTakeFirstOrThrow();
  const h = await db
    .selectFrom('readings_head')
    .select((eb) => [eb.fn.countAll<number | string>().as('rows'), eb.fn.min('ts_ms').as('oldest')])
    .executeTakeFirstOrThrow();
  const readings = Number(b.readings ?? 0);
  const disk = {
    head: await tableBytes(db, 'readings_head'),
    blocks: await tableBytes(db, 'reading_blocks'),
    rollups: await tableBytes(db, 'reading_rollups'),
  };
  const oldest = h.oldest === null ? null : Number(h.oldest);
  return {
    readings: readings + Number(h.rows),
    readingsInBlocks: readings,
    blocks: Number(b.blocks),
    blockBytes: Number(b.bytes ?? 0),
    rollups: Number(r.rollups),
    rollupBytes: Number(r.bytes ?? 0),
    headRows: Number(h.rows),
    payloadBytesPerReading: readings > 0 ? Number(b.bytes ?? 0) / readings : null,
    diskBytesPerReading: readings > 0 && disk.blocks !== null ? disk.blocks / readings : null,
    diskBytes: disk,
    oldestHeadMs: oldest,
    compactionLagMs: oldest === null ? 0 : Math.max(0, closedBefore(nowMs) - windowOf(oldest) - WINDOW_MS),
  };
}
