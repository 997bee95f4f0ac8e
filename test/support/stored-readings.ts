import type { DatabaseSync } from 'node:sqlite';
import { decodeBlock, decodeRollup } from '../../src/storage/telemetry/block-codec.ts';

/**
 * What a SQLite telemetry store holds (ADR 0005), read straight from the file the way the store reads
 * it: every block decoded, then the head's readings that no block has (the head may hold a re-sent
 * reading twice; the first one counts, as in every read).
 * - `rows`: readings in blocks (each block's decoded length) plus the head's new (point, time) pairs;
 * - `distinct`: distinct (point, time) pairs among them — smaller than `rows` if a block held a time
 *   twice or two blocks the same reading;
 * - `aggregates`: every rolled-up minute checked against the block's raw readings of that minute.
 */
export function readStoredReadings(db: DatabaseSync): {
  byPoint: Map<number, Set<number>>;
  rows: number;
  distinct: number;
  aggregates: { checked: number; short: number; uncounted: number };
} {
  const byPoint = new Map<number, Set<number>>();
  const setOf = (id: number) => {
    let s = byPoint.get(id);
    if (!s) byPoint.set(id, (s = new Set()));
    return s;
  };
  let rows = 0;
  const rawPerMinute = new Map<string, number>();
  for (const b of db.prepare('select point_id, window_ms, data from reading_blocks').iterate()) {
    const id = Number(b.point_id);
    const set = setOf(id);
    for (const t of decodeBlock(b.data as Uint8Array).ts) {
      set.add(t);
      rows++;
      const key = `${id}:${t - (t % 60_000)}`;
      rawPerMinute.set(key, (rawPerMinute.get(key) ?? 0) + 1);
    }
  }
  const headNew = new Set<string>();
  for (const h of db.prepare('select point_id, ts_ms from readings_head').iterate()) {
    const id = Number(h.point_id);
    const t = Number(h.ts_ms);
    if (byPoint.get(id)?.has(t) === true) continue;
    headNew.add(`${id}:${t}`);
  }
  for (const k of headNew) {
    const [id, t] = k.split(':').map(Number) as [number, number];
    setOf(id).add(t);
    rows++;
  }
  let distinct = 0;
  for (const s of byPoint.values()) distinct += s.size;
  let checked = 0;
  let short = 0;
  let uncounted = 0;
  for (const r of db.prepare('select point_id, data from reading_rollups').iterate()) {
    for (const m of decodeRollup(r.data as Uint8Array)) {
      const raw = rawPerMinute.get(`${Number(r.point_id)}:${m.minuteMs}`) ?? 0;
      checked++;
      if (raw > m.count) {
        short++;
        uncounted += raw - m.count;
      }
    }
  }
  return { byPoint, rows, distinct, aggregates: { checked, short, uncounted } };
}
