import { sql, type Kysely } from 'kysely';
import { lockCompaction, newestBlockReadingsOf, tableBytes } from '../dialect/telemetry-ddl.ts';
import type { Database } from '../schema.ts';
import {
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

const MINUTE_MS = 60_000;
export const windowOf = (t: number) => t - (((t % WINDOW_MS) + WINDOW_MS) % WINDOW_MS);
const minuteOf = (t: number) => t - (((t % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
const IN_CHUNK = 500;

interface HeadRow {
  seq: number;
  point_id: number;
  ts_ms: number;
  value: number;
  status: number;
}

/** Head rows as the merge input (arrival order). */
function asExtra(rows: readonly HeadRow[]) {
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

/**
 * Moves every head reading older than `beforeMs` into blocks, in one transaction: the head rows are
 * deleted and returned by one statement (so a reading appended meanwhile is either taken or left for
 * the next run, never lost), merged with the block already stored for the (point, window) — a late
 * or re-sent reading at a time the block has is dropped — and written with the window's rollup. A
 * crash before the commit leaves the head as it was; a run after a commit finds nothing to redo.
 */
export async function compactHead(db: Kysely<Database>, beforeMs: number): Promise<CompactionResult> {
  return db.transaction().execute(async (trx) => {
    await lockCompaction<Database>(trx);
    const taken = await sql<HeadRow>`
      delete from readings_head where ts_ms < ${beforeMs}
      returning seq, point_id, ts_ms, value, status`.execute(trx);
    const rows = taken.rows;
    if (rows.length === 0) return { headRows: 0, blocks: 0, merged: 0 };
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
    let blocks = 0;
    let merged = 0;
    for (const [w, points] of byWindow) {
      const ids = [...points.keys()];
      for (let i = 0; i < ids.length; i += IN_CHUNK) {
        const chunk = ids.slice(i, i + IN_CHUNK);
        const old = await existingOf(trx, w, chunk);
        const blockRows = [];
        const rollupRows = [];
        for (const id of chunk) {
          const before = old.get(id);
          if (before?.block) merged++;
          const readings = mergeReadings(before?.block ?? null, asExtra(points.get(id)!));
          const block = blockRow(id, w, readings);
          blockRows.push(block);
          rollupRows.push(rollupRow(id, w, readings, before?.rollup ?? null));
        }
        await upsertBlocks(trx, blockRows);
        await upsertRollups(trx, rollupRows);
        blocks += chunk.length;
      }
    }
    return { headRows: rows.length, blocks, merged };
  });
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
function minutesOf(r: BlockReadings, carried: readonly MinuteRollup[] | null) {
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

export async function upsertBlocks(db: Kysely<Database>, rows: ReadonlyArray<ReturnType<typeof blockRow>>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('reading_blocks')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns(['point_id', 'window_ms']).doUpdateSet((eb) => ({
          count: eb.ref('excluded.count'),
          min_value: eb.ref('excluded.min_value'),
          max_value: eb.ref('excluded.max_value'),
          sum_value: eb.ref('excluded.sum_value'),
          first_ts: eb.ref('excluded.first_ts'),
          last_ts: eb.ref('excluded.last_ts'),
          last_value: eb.ref('excluded.last_value'),
          last_status: eb.ref('excluded.last_status'),
          data: eb.ref('excluded.data'),
        })),
      )
      .execute();
  }
}

/** Writes rollup rows, replacing the stored rollup of the same (point, window). */
export async function upsertRollups(
  db: Kysely<Database>,
  rows: ReadonlyArray<ReturnType<typeof rollupRowOf>>,
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('reading_rollups')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) =>
        oc.columns(['point_id', 'window_ms']).doUpdateSet((eb) => ({
          count: eb.ref('excluded.count'),
          min_value: eb.ref('excluded.min_value'),
          max_value: eb.ref('excluded.max_value'),
          sum_value: eb.ref('excluded.sum_value'),
          data: eb.ref('excluded.data'),
        })),
      )
      .execute();
  }
}

/** A point's head rows with times in [fromMs, toMs], in arrival order. */
async function headRowsOf(db: Kysely<Database>, pointId: number, fromMs: number, toMs: number) {
  return db
    .selectFrom('readings_head')
    .select(['seq', 'point_id', 'ts_ms', 'value', 'status'])
    .where('point_id', '=', pointId)
    .where('ts_ms', '>=', fromMs)
    .where('ts_ms', '<=', toMs)
    .orderBy('seq')
    .execute();
}

function groupByWindow(rows: readonly HeadRow[]): Map<number, HeadRow[]> {
  const out = new Map<number, HeadRow[]>();
  for (const r of rows) {
    const w = windowOf(Number(r.ts_ms));
    let list = out.get(w);
    if (!list) out.set(w, (list = []));
    list.push(r);
  }
  return out;
}

/** A point's readings with times in [fromMs, toMs], sorted, one per time. */
export interface RawSeries {
  t: number[];
  v: number[];
  s: number[];
}

function pushRange(out: RawSeries, r: BlockReadings, fromMs: number, toMs: number) {
  for (let i = 0; i < r.ts.length; i++) {
    const t = r.ts[i]!;
    if (t < fromMs || t > toMs) continue;
    out.t.push(t);
    out.v.push(r.values[i]!);
    out.s.push(r.statuses[i]!);
  }
}

/**
 * The windows of a point's raw readings in [fromMs, toMs], oldest first, blocks merged with the head;
 * `pageWindows` blocks are read per query, so a long export never holds more than that in memory.
 */
export async function* rawWindows(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
  pageWindows = 24,
): AsyncGenerator<BlockReadings> {
  const head = groupByWindow(await headRowsOf(db, pointId, fromMs, toMs));
  const headWindows = [...head.keys()].sort((a, b) => a - b);
  let hw = 0;
  const clip = (r: BlockReadings): BlockReadings => {
    let a = 0;
    while (a < r.ts.length && r.ts[a]! < fromMs) a++;
    let b = r.ts.length;
    while (b > a && r.ts[b - 1]! > toMs) b--;
    return { ts: r.ts.subarray(a, b), values: r.values.subarray(a, b), statuses: r.statuses.subarray(a, b) };
  };
  let after = windowOf(fromMs) - 1;
  for (;;) {
    const page = await db
      .selectFrom('reading_blocks')
      .select(['window_ms', 'data'])
      .where('point_id', '=', pointId)
      .where('window_ms', '>', after)
      .where('window_ms', '<=', toMs)
      .orderBy('window_ms')
      .limit(pageWindows)
      .execute();
    for (const b of page) {
      const w = Number(b.window_ms);
      for (; hw < headWindows.length && headWindows[hw]! < w; hw++)
        yield clip(mergeReadings(null, asExtra(head.get(headWindows[hw]!)!)));
      const block = decodeBlock(b.data);
      if (hw < headWindows.length && headWindows[hw] === w) {
        yield clip(mergeReadings(block, asExtra(head.get(w)!)));
        hw++;
      } else yield clip(block);
      after = w;
    }
    if (page.length < pageWindows) break;
  }
  for (; hw < headWindows.length; hw++) yield clip(mergeReadings(null, asExtra(head.get(headWindows[hw]!)!)));
}

/** A point's raw readings in [fromMs, toMs]. */
export async function readRaw(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
): Promise<RawSeries> {
  const out: RawSeries = { t: [], v: [], s: [] };
  for await (const r of rawWindows(db, pointId, fromMs, toMs, 1000)) pushRange(out, r, fromMs, toMs);
  return out;
}

/**
 * A point's per-minute rollup for the minutes starting in [fromMs, toMs]: the stored rollups, except
 * for windows the head still has readings of, which are recomputed from block + head.
 */
export async function readMinutes(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
): Promise<MinuteRollup[]> {
  const firstMinute = minuteOf(fromMs) === fromMs ? fromMs : minuteOf(fromMs) + MINUTE_MS;
  const head = groupByWindow(await headRowsOf(db, pointId, firstMinute, minuteOf(toMs) + MINUTE_MS - 1));
  const rollups = await db
    .selectFrom('reading_rollups')
    .select(['window_ms', 'data'])
    .where('point_id', '=', pointId)
    .where('window_ms', '>', fromMs - WINDOW_MS)
    .where('window_ms', '<=', toMs)
    .orderBy('window_ms')
    .execute();
  const byWindow = new Map<number, MinuteRollup[]>();
  for (const r of rollups) byWindow.set(Number(r.window_ms), decodeRollup(r.data));
  if (head.size > 0) {
    const blocks = await db
      .selectFrom('reading_blocks')
      .select(['window_ms', 'data'])
      .where('point_id', '=', pointId)
      .where('window_ms', 'in', [...head.keys()])
      .execute();
    const blockOf = new Map(blocks.map((b) => [Number(b.window_ms), decodeBlock(b.data)]));
    for (const [w, rows] of head) {
      const merged = mergeReadings(blockOf.get(w) ?? null, asExtra(rows));
      byWindow.set(w, minutesOf(merged, byWindow.get(w) ?? null).minutes);
    }
  }
  const out: MinuteRollup[] = [];
  for (const w of [...byWindow.keys()].sort((a, b) => a - b))
    for (const m of byWindow.get(w)!) if (m.minuteMs >= fromMs && m.minuteMs <= toMs) out.push(m);
  return out;
}

/** The minutes in [fromMs, toMs) in which any of these points has a reading, sorted. */
export async function minutesWithData(
  db: Kysely<Database>,
  pointIds: readonly number[],
  fromMs: number,
  toMs: number,
): Promise<number[]> {
  const minutes = new Set<number>();
  for (let i = 0; i < pointIds.length; i += IN_CHUNK) {
    const chunk = pointIds.slice(i, i + IN_CHUNK);
    const rollups = await db
      .selectFrom('reading_rollups')
      .select('data')
      .where('point_id', 'in', chunk)
      .where('window_ms', '>', fromMs - WINDOW_MS)
      .where('window_ms', '<', toMs)
      .execute();
    for (const r of rollups) for (const m of decodeRollup(r.data)) minutes.add(m.minuteMs);
    const head = await db
      .selectFrom('readings_head')
      .select('ts_ms')
      .distinct()
      .where('point_id', 'in', chunk)
      .where('ts_ms', '>=', fromMs)
      .where('ts_ms', '<', toMs)
      .execute();
    for (const h of head) minutes.add(minuteOf(Number(h.ts_ms)));
  }
  return [...minutes].filter((m) => m >= fromMs && m < toMs).sort((a, b) => a - b);
}

export interface NewestReading {
  pointId: number;
  tsMs: number;
  value: number;
  status: number;
}

/** Each point's newest reading, from the head or else its newest block (points with none left out). */
export async function newestOf(db: Kysely<Database>, pointIds: readonly number[]): Promise<NewestReading[]> {
  if (pointIds.length === 0) return [];
  const newest = new Map<number, NewestReading>();
  for (const r of await newestBlockReadingsOf(db, pointIds)) newest.set(r.pointId, r);
  const wanted = new Set(pointIds);
  const filter = pointIds.length <= IN_CHUNK ? sql`where point_id in (${sql.join([...wanted])})` : sql``;
  const head = await sql<{ point_id: number; ts_ms: number; value: number; status: number }>`
    select point_id, ts_ms, value, status from (
      select point_id, ts_ms, value, status,
             row_number() over (partition by point_id order by ts_ms desc, seq asc) as rn
      from readings_head ${filter}) x
    where rn = 1`.execute(db);
  for (const h of head.rows) {
    if (!wanted.has(h.point_id)) continue;
    const had = newest.get(h.point_id);
    if (!had || Number(h.ts_ms) > had.tsMs)
      newest.set(h.point_id, {
        pointId: h.point_id,
        tsMs: Number(h.ts_ms),
        value: h.value,
        status: h.status,
      });
  }
  return [...newest.values()];
}

/** Every stored reading, counted once: those in blocks plus the head's that no block has. */
export async function countStoredReadings(db: Kysely<Database>): Promise<number> {
  const inBlocks = await db
    .selectFrom('reading_blocks')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('n'))
    .executeTakeFirst();
  const head = await db.selectFrom('readings_head').select(['point_id', 'ts_ms']).distinct().execute();
  const pending = new Map<string, number[]>();
  for (const h of head) {
    const key = `${h.point_id}:${windowOf(Number(h.ts_ms))}`;
    let list = pending.get(key);
    if (!list) pending.set(key, (list = []));
    list.push(Number(h.ts_ms));
  }
  let extra = 0;
  for (const [key, times] of pending) {
    const [point, w] = key.split(':').map(Number) as [number, number];
    const b = await db
      .selectFrom('reading_blocks')
      .select('data')
      .where('point_id', '=', point)
      .where('window_ms', '=', w)
      .executeTakeFirst();
    if (!b) {
      extra += times.length;
      continue;
    }
    const have = new Set(decodeBlock(b.data).ts);
    for (const t of times) if (!have.has(t)) extra++;
  }
  return Number(inBlocks?.n ?? 0) + extra;
}

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
