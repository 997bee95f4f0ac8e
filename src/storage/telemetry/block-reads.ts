import { sql, type Kysely } from 'kysely';
import { newestBlockReadingsOf } from '../dialect/telemetry-ddl.ts';
import type { Database } from '../schema.ts';
import {
  decodeBlock,
  decodeRollup,
  decodeRollupInto,
  mergeReadings,
  type BlockReadings,
  type MinuteColumns,
  type MinuteRollup,
} from './block-codec.ts';
import {
  asExtra,
  DAY_MS,
  dayOf,
  IN_CHUNK,
  MINUTE_MS,
  minuteOf,
  minutesOf,
  WINDOW_MS,
  windowOf,
} from './block-store.ts';
import { headDirectoryOf, type HeadRow } from './head-directory.ts';
import { keepNewer, type NewestReading } from './reading-partitions.ts';

/**
 * Reads of the telemetry store (ADR 0005): every read merges blocks and head, where the reading stored
 * first at a (point, time) wins. The head is read first and the blocks after, so a compaction that
 * commits in between moves readings into blocks the read still sees (and the merge keeps one).
 */

/**
 * Runs `read` on the raw SQLite handle while holding Kysely's connection, so it never sees the middle
 * of another flow's transaction (node:sqlite has one connection); inside a transaction, directly.
 */
function holdingConnection<T>(db: Kysely<Database>, read: () => T): Promise<T> {
  if (db.isTransaction) return Promise.resolve(read());
  return db.connection().execute(() => Promise.resolve(read()));
}

/**
 * A point's head rows with times in [fromMs, toMs], in arrival order: through the head directory on
 * SQLite (a few rowid-range probes), by the (point, time) index on PostgreSQL.
 */
async function headRowsOf(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
): Promise<HeadRow[]> {
  const directory = headDirectoryOf(db);
  if (directory) return holdingConnection(db, () => directory.rowsOf(pointId, fromMs, toMs));
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

/** One stretch of a per-minute curve: a stored rollup (hour or day) or minutes recomputed. */
type MinutePart =
  { start: number; data: Uint8Array; minutes?: undefined } | { start: number; minutes: MinuteRollup[] };

/**
 * Where a point's per-minute curve for the minutes starting in [fromMs, toMs] comes from, oldest
 * first: a closed day's rollup row where the day has one and the head has nothing of it (one row for
 * 1,440 minutes), else the hour rollups, except for windows the head still has readings of, which are
 * recomputed from block + head.
 */
async function minuteParts(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
): Promise<MinutePart[]> {
  const firstMinute = minuteOf(fromMs) === fromMs ? fromMs : minuteOf(fromMs) + MINUTE_MS;
  const head = groupByWindow(await headRowsOf(db, pointId, firstMinute, minuteOf(toMs) + MINUTE_MS - 1));
  const headDays = new Set([...head.keys()].map(dayOf));
  const parts: MinutePart[] = [];
  const days = await db
    .selectFrom('reading_day_rollups')
    .select(['day_ms', 'data'])
    .where('point_id', '=', pointId)
    .where('day_ms', '>', fromMs - DAY_MS)
    .where('day_ms', '<=', toMs)
    .orderBy('day_ms')
    .execute();
  const covered = new Set<number>();
  for (const d of days) {
    const day = Number(d.day_ms);
    if (headDays.has(day)) continue;
    covered.add(day);
    parts.push({ start: day, data: d.data });
  }
  // Hour rollups for the stretches without a usable day row: the gaps between covered days (as many
  // as there are day rows, whatever the range's length).
  const spans: Array<[number, number]> = [];
  let gapFrom = dayOf(fromMs);
  for (const day of [...covered].sort((a, b) => a - b)) {
    if (day > gapFrom) spans.push([gapFrom, day]);
    gapFrom = day + DAY_MS;
  }
  if (gapFrom <= toMs) spans.push([gapFrom, toMs + 1]);
  const byWindow = new Map<number, MinuteRollup[]>();
  for (const [from, to] of spans) {
    const rollups = await db
      .selectFrom('reading_rollups')
      .select(['window_ms', 'data'])
      .where('point_id', '=', pointId)
      .where('window_ms', '>=', Math.max(from, fromMs - WINDOW_MS + 1))
      .where('window_ms', '<', Math.min(to, toMs + 1))
      .orderBy('window_ms')
      .execute();
    for (const r of rollups) {
      const w = Number(r.window_ms);
      if (head.has(w)) byWindow.set(w, decodeRollup(r.data));
      else parts.push({ start: w, data: r.data });
    }
  }
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
      parts.push({ start: w, minutes: minutesOf(merged, byWindow.get(w) ?? null).minutes });
    }
  }
  return parts.sort((x, y) => x.start - y.start);
}

/** A point's per-minute rollup for the minutes starting in [fromMs, toMs] (see minuteParts). */
export async function readMinutes(
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
): Promise<MinuteRollup[]> {
  const out: MinuteRollup[] = [];
  for (const part of await minuteParts(db, pointId, fromMs, toMs))
    for (const m of part.minutes ?? decodeRollup(part.data))
      if (m.minuteMs >= fromMs && m.minuteMs <= toMs) out.push(m);
  return out;
}

/** Reads one point's curve over [fromMs, toMs] in columns. */
type CurveRead = (
  db: Kysely<Database>,
  pointId: number,
  fromMs: number,
  toMs: number,
) => Promise<MinuteColumns>;

const emptyColumns = (): MinuteColumns => ({ t: [], v: [], min: [], max: [] });

/** The same curve in columns (minute, mean, min, max), as the API answers it, without an object per minute. */
export const readMinuteColumns: CurveRead = async (db, pointId, fromMs, toMs) => {
  const out = emptyColumns();
  for (const part of await minuteParts(db, pointId, fromMs, toMs)) {
    if (!part.minutes) {
      decodeRollupInto(part.data, out, fromMs, toMs);
      continue;
    }
    for (const m of part.minutes) {
      if (m.minuteMs < fromMs || m.minuteMs > toMs) continue;
      out.t.push(m.minuteMs);
      out.v.push(m.sum / m.count);
      out.min.push(m.min);
      out.max.push(m.max);
    }
  }
  return out;
};

const HOUR_MS = 60 * MINUTE_MS;

/**
 * The curve per hour (hour start, mean, min, max) for the minutes starting in [fromMs, toMs], folded
 * from the per-minute rollup (the mean weighted by each minute's readings): a month is 720 points,
 * not 43,200. Hours are UTC hours, which are China Standard Time hours too.
 */
export const readHourColumns: CurveRead = async (db, pointId, fromMs, toMs) => {
  const out = emptyColumns();
  let hour = Number.NaN;
  let sum = 0;
  let count = 0;
  let lo = Infinity;
  let hi = -Infinity;
  const flush = () => {
    if (count === 0) return;
    out.t.push(hour);
    out.v.push(sum / count);
    out.min.push(lo);
    out.max.push(hi);
  };
  for (const m of await readMinutes(db, pointId, fromMs, toMs)) {
    const h = m.minuteMs - (((m.minuteMs % HOUR_MS) + HOUR_MS) % HOUR_MS);
    if (h !== hour) {
      flush();
      hour = h;
      sum = 0;
      count = 0;
      lo = Infinity;
      hi = -Infinity;
    }
    sum += m.sum;
    count += m.count;
    lo = Math.min(lo, m.min);
    hi = Math.max(hi, m.max);
  }
  flush();
  return out;
};

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
    if (headDirectoryOf(db)) {
      for (const id of chunk)
        for (const h of await headRowsOf(db, id, fromMs, toMs - 1)) minutes.add(minuteOf(Number(h.ts_ms)));
      continue;
    }
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

export type { NewestReading };

/** Each point's newest reading, from the head or else its newest block (points with none left out). */
export async function newestOf(db: Kysely<Database>, pointIds: readonly number[]): Promise<NewestReading[]> {
  if (pointIds.length === 0) return [];
  const head = await newestInHead(db, pointIds);
  const newest = new Map<number, NewestReading>();
  for (const r of await newestBlockReadingsOf(db, pointIds)) newest.set(r.pointId, r);
  const wanted = new Set(pointIds);
  for (const h of head) if (wanted.has(h.point_id)) keepNewer(newest, h);
  return [...newest.values()];
}

/** Each point's newest head reading: the directory on SQLite, the (point, time) index on PostgreSQL. */
async function newestInHead(
  db: Kysely<Database>,
  pointIds: readonly number[],
): Promise<Array<{ point_id: number; ts_ms: number; value: number; status: number }>> {
  const directory = headDirectoryOf(db);
  if (directory) return holdingConnection(db, () => [...directory.newestOf(pointIds).values()]);
  const out = [];
  const ids = [...new Set(pointIds)];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const r = await sql<{ point_id: number; ts_ms: number; value: number; status: number }>`
      select point_id, ts_ms, value, status from (
        select point_id, ts_ms, value, status,
               row_number() over (partition by point_id order by ts_ms desc, seq asc) as rn
        from readings_head where point_id in (${sql.join(ids.slice(i, i + IN_CHUNK))})) x
      where rn = 1`.execute(db);
    out.push(...r.rows);
  }
  return out;
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
