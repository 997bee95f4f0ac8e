import { afterEach, beforeEach, expect, it } from 'vitest';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import type { MonitoringStore } from '../../src/core/monitoring/monitoring-ports.ts';
import type { TelemetryWriter } from '../../src/core/ports.ts';
import { createTelemetryWriter } from '../../src/monitoring/monitoring-wiring.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { compactHead, storageStats, WINDOW_MS } from '../../src/storage/telemetry/block-store.ts';
import { headDirectoryOf } from '../../src/storage/telemetry/head-directory.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../support/engines.ts';

/**
 * The telemetry store of ADR 0005 on every engine: appends go to the head, the compactor moves closed
 * windows into blocks, late and re-sent readings merge without being counted twice, retention removes
 * whole windows, and curves answer the same at both resolutions whether a reading is in the head, in a
 * block or both.
 */
const H = WINDOW_MS;
const T0 = Date.parse('2026-11-23T00:00:00Z');
const P = 11;
const Q = 12;

function batchOf(
  rows: ReadonlyArray<readonly [pointId: number, tsMs: number, value: number, status?: number]>,
) {
  const b = new ReadingBatch(rows.length);
  for (const [id, ts, v, s] of rows) b.push(id, ts, v, s ?? 0);
  return b;
}

/** Per-minute min/mean/max/count computed directly from raw readings (the reference). */
function minutesOf(t: readonly number[], v: readonly number[]) {
  const by = new Map<number, number[]>();
  t.forEach((x, i) => {
    const m = x - (x % 60_000);
    let l = by.get(m);
    if (!l) by.set(m, (l = []));
    l.push(v[i]!);
  });
  const keys = [...by.keys()].sort((a, b) => a - b);
  return {
    t: keys,
    v: keys.map((k) => by.get(k)!.reduce((a, b) => a + b, 0) / by.get(k)!.length),
    min: keys.map((k) => Math.min(...by.get(k)!)),
    max: keys.map((k) => Math.max(...by.get(k)!)),
  };
}

describeEachEngine('telemetry store contract', (engine) => {
  let database: TestDatabase;
  let writer: TelemetryWriter;
  let store: MonitoringStore;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    writer = createTelemetryWriter(database);
    store = createMonitoringStore(database.db);
  });
  afterEach(() => database.dispose());

  /** Three hours of one reading every 10 s for P and every 30 s for Q, with 2-decimal values. */
  const hours = 3;
  const rowsP = Array.from(
    { length: (hours * H) / 10_000 },
    (_, i) => [P, T0 + i * 10_000, Math.round(30 + 10 * Math.sin(i / 50)) / 100] as const,
  );
  const rowsQ = Array.from(
    { length: (hours * H) / 30_000 },
    (_, i) => [Q, T0 + i * 30_000, 20 + (i % 7) * 0.1, i % 5 === 0 ? 1 : 0] as const,
  );

  it('appends in arrival order, compacts closed windows into blocks, and answers the same before and after', async () => {
    for (let i = 0, j = 0; i < rowsP.length; i += 97, j += 33)
      await writer.write(batchOf([...rowsP.slice(i, i + 97), ...rowsQ.slice(j, j + 33)]), []);
    const span = [T0, T0 + hours * H] as const;
    const rawBefore = await store.series(P, span[0], span[1], 'raw');
    const minBefore = await store.series(Q, span[0], span[1], '1m');
    expect(rawBefore.v).toEqual(rowsP.map((r) => r[2]));
    expect(minBefore).toMatchObject(
      minutesOf(
        rowsQ.map((r) => r[1]),
        rowsQ.map((r) => r[2]),
      ),
    );
    // Per hour: the mean of the hour's readings (not of its minutes' means), its min and max.
    const hourBefore = await store.series(P, span[0], span[1], '1h');
    const hourly = Array.from({ length: hours }, (_, h) =>
      rowsP.filter((r) => r[1] >= T0 + h * H && r[1] < T0 + (h + 1) * H).map((r) => r[2]),
    );
    expect(hourBefore).toMatchObject({
      resolution: '1h',
      t: hourly.map((_, h) => T0 + h * H),
      min: hourly.map((vs) => Math.min(...vs)),
      max: hourly.map((vs) => Math.max(...vs)),
    });
    hourBefore.v.forEach((x, h) =>
      expect(x).toBeCloseTo(hourly[h]!.reduce((a, b) => a + b, 0) / hourly[h]!.length, 12),
    );
    const total = rowsP.length + rowsQ.length;
    expect(await store.countReadings()).toBe(total);

    // At 01:10 only the first hour is closed (a window is compacted 2 minutes after it ends).
    expect(await store.compactReadings(T0 + H + 1 * 60_000)).toEqual({ headRows: 0, blocks: 0, merged: 0 });
    expect(await store.compactReadings(T0 + H + 10 * 60_000)).toEqual({
      headRows: 360 + 120,
      blocks: 2,
      merged: 0,
    });
    let stats = await storageStats(database.db, T0 + H + 10 * 60_000);
    expect(stats).toMatchObject({
      blocks: 2,
      readingsInBlocks: 480,
      headRows: total - 480,
      rollups: 2,
      compactionLagMs: 0,
    });
    // Everything closed at 04:00; a second run finds nothing left to do.
    const now = T0 + hours * H + 5 * 60_000;
    expect((await store.compactReadings(now)).blocks).toBe(4);
    expect(await store.compactReadings(now)).toEqual({ headRows: 0, blocks: 0, merged: 0 });
    stats = await storageStats(database.db, now);
    expect(stats).toMatchObject({ blocks: 6, readingsInBlocks: total, headRows: 0 });
    expect(stats.payloadBytesPerReading!).toBeLessThan(2);

    expect(await store.series(P, span[0], span[1], 'raw')).toEqual(rawBefore);
    expect(await store.series(Q, span[0], span[1], '1m')).toEqual(minBefore);
    const hourAfter = await store.series(P, span[0], span[1], '1h');
    expect([hourAfter.t, hourAfter.min, hourAfter.max]).toEqual([
      hourBefore.t,
      hourBefore.min,
      hourBefore.max,
    ]);
    hourAfter.v.forEach((x, h) => expect(x).toBeCloseTo(hourBefore.v[h]!, 12));
    expect(await store.countReadings()).toBe(total);
    // Bounds are inclusive and cut inside blocks.
    const cut = await store.series(P, T0 + 35 * 60_000, T0 + H + 20 * 60_000, 'raw');
    expect(cut.t[0]).toBe(T0 + 35 * 60_000);
    expect(cut.t.at(-1)).toBe(T0 + H + 20 * 60_000);
    expect(cut.t).toHaveLength((45 * 60_000) / 10_000 + 1);
    const minutes = await store.series(P, T0 + 30_000, T0 + 5 * 60_000, '1m');
    expect(minutes.t).toEqual([1, 2, 3, 4, 5].map((k) => T0 + k * 60_000));
    const want = minutesOf(
      rowsP.filter((r) => r[1] >= T0 + 60_000 && r[1] < T0 + 6 * 60_000).map((r) => r[1]),
      rowsP.filter((r) => r[1] >= T0 + 60_000 && r[1] < T0 + 6 * 60_000).map((r) => r[2]),
    );
    expect([minutes.min, minutes.max]).toEqual([want.min, want.max]);
    minutes.v.forEach((x, k) => expect(x).toBeCloseTo(want.v[k]!, 12));
  });

  it('merges late and re-sent readings into a compacted window without counting any twice', async () => {
    const first = rowsP.slice(0, 360);
    await writer.write(batchOf(first), []);
    await store.compactReadings(T0 + 2 * H);
    // A gateway re-sends half the hour (some with different values: the stored one wins) and adds
    // readings it had held back (late: between the polls).
    const resent = first.slice(100, 280).map(([p, t, v]) => [p, t, v + (t % 20_000 === 0 ? 5 : 0)] as const);
    const late = Array.from({ length: 50 }, (_, i) => [P, T0 + i * 10_000 + 5_000, 9.99] as const);
    await writer.write(batchOf([...resent, ...late, ...resent.slice(0, 10)]), []);
    const expectRaw = [
      ...first.map((r) => [r[1], r[2]] as const),
      ...late.map((r) => [r[1], r[2]] as const),
    ].sort((a, b) => a[0] - b[0]);
    const check = async (step: string) => {
      expect(await store.countReadings(), step).toBe(410);
      const raw = await store.series(P, T0, T0 + H, 'raw');
      expect(raw.t, step).toEqual(expectRaw.map((r) => r[0]));
      expect(raw.v, step).toEqual(expectRaw.map((r) => r[1]));
      const m = await store.series(P, T0, T0 + H, '1m');
      const want = minutesOf(
        expectRaw.map((r) => r[0]),
        expectRaw.map((r) => r[1]),
      );
      expect(m.t, step).toEqual(want.t);
      expect(m.min, step).toEqual(want.min);
      expect(m.max, step).toEqual(want.max);
      m.v.forEach((x, i) => expect(x, step).toBeCloseTo(want.v[i]!, 12));
    };
    await check('block + head');
    expect(await store.compactReadings(T0 + 2 * H)).toEqual({
      headRows: 180 + 50 + 10,
      blocks: 1,
      merged: 1,
    });
    await check('merged block');
    // Re-sending everything once more and compacting again changes nothing.
    await writer.write(batchOf(first), []);
    await store.compactReadings(T0 + 2 * H);
    await check('after a second merge');
    expect((await storageStats(database.db, T0 + 2 * H)).readingsInBlocks).toBe(410);
  });

  it('compacts a large head slice by slice: every reading once, late ones arriving meanwhile kept for the next run', async () => {
    // 600 points (8 "mines" of 75 neighbouring ids) polled every 60 s for an hour, compacted in
    // transactions of ~2,000 rows, so one window is cut into ~20 slices.
    const points = 600;
    const value = (p: number, t: number) => Math.round(p + (t - T0) / 60_000) / 10;
    for (let t = T0; t < T0 + H; t += 60_000)
      for (let m = 0; m < points / 75; m++) {
        const b = new ReadingBatch(75);
        for (let p = 1 + m * 75; p <= (m + 1) * 75; p++) b.push(p, t, value(p, t), 0);
        await writer.write(b, []);
      }
    // SQLite plans the slices from its head directory: each a bounded share of the hour's rows.
    const slicing = { rowsPerSlice: 2_000, minSlicePoints: 8 };
    const slices = headDirectoryOf(database.db)?.closedSlices(T0 + H, 2_000, 8);
    if (slices) {
      // ~36,000 rows in slices of ~2,000 (33 points), which follow one another over every point.
      expect(slices.length).toBeGreaterThanOrEqual(15);
      expect(slices[0]!.fromPoint).toBe(1);
      expect(slices[slices.length - 1]!.toPoint).toBe(points + 1);
      slices.slice(1).forEach((sl, i) => expect(sl.fromPoint).toBe(slices[i]!.toPoint));
      for (const sl of slices) expect(sl.toPoint - sl.fromPoint).toBeLessThanOrEqual(40);
    }
    // A late reading into the closed hour is appended between two slices (the compactor yields).
    const late = new Promise<unknown>((resolve, reject) =>
      setImmediate(() => void writer.write(batchOf([[points, T0 + 30_500, 99]]), []).then(resolve, reject)),
    );
    const r = await compactHead(database.db, T0 + H, slicing);
    await late;
    expect(r.blocks).toBe(points);
    expect(r.headRows).toBeGreaterThanOrEqual(points * 60);
    expect(r.headRows).toBeLessThanOrEqual(points * 60 + 1);
    // Whatever the slices left (the late reading, if it came after its slice) goes in the next run.
    const again = await compactHead(database.db, T0 + H, slicing);
    expect(r.headRows + again.headRows).toBe(points * 60 + 1);
    expect(await compactHead(database.db, T0 + H, slicing)).toEqual({ headRows: 0, blocks: 0, merged: 0 });
    expect(await store.countReadings()).toBe(points * 60 + 1);
    for (const p of [1, 75, 76, 300, points]) {
      const curve = await store.series(p, T0, T0 + H, 'raw');
      const expected = Array.from({ length: 60 }, (_, i) => value(p, T0 + i * 60_000));
      if (p === points) {
        expect(curve.t).toContain(T0 + 30_500);
        expect(curve.v.filter((_, i) => curve.t[i] !== T0 + 30_500)).toEqual(expected);
      } else expect(curve.v).toEqual(expected);
    }
  });

  it("knows each point's newest reading in the head or in its newest block", async () => {
    await writer.write(batchOf([...rowsP.slice(0, 400), ...rowsQ.slice(0, 10)]), []);
    await store.compactReadings(T0 + 3 * H);
    await writer.write(batchOf([[Q, T0 + 2 * H, 7.5, 3]]), []);
    const last = await store.lastReadings([P, Q, 99]);
    expect(last.get(P)).toEqual({ tsMs: rowsP[399]![1], value: rowsP[399]![2], status: 0 });
    expect(last.get(Q)).toEqual({ tsMs: T0 + 2 * H, value: 7.5, status: 3 });
    expect(last.has(99)).toBe(false);
  });

  it('retention removes whole raw windows before the cutoff and keeps their rollups until theirs', async () => {
    await writer.write(batchOf(rowsP), []); // 00:00–03:00, still all in the head
    // Raw cutoff at 01:30: the first window goes (compacted first, so its rollup survives), the
    // second straddles the cutoff and is kept whole.
    const removed = await store.purgeOld([P], T0 + H + 30 * 60_000, T0);
    expect(removed).toBeGreaterThanOrEqual(1);
    const raw = await store.series(P, T0, T0 + hours * H, 'raw');
    expect(raw.t[0]).toBe(T0 + H);
    expect(raw.t).toHaveLength(rowsP.length - 360);
    const minutes = await store.series(P, T0, T0 + hours * H, '1m');
    expect(minutes.t[0]).toBe(T0);
    expect(minutes.t).toHaveLength(hours * 60);
    // Rollups of the first window go at their own cutoff.
    await store.purgeOld([P], T0 + H + 30 * 60_000, T0 + H + 30 * 60_000);
    expect((await store.series(P, T0, T0 + hours * H, '1m')).t[0]).toBe(T0 + H);
  });

  it('streams a point’s raw history a window at a time, oldest first, blocks and head merged', async () => {
    await writer.write(batchOf(rowsP), []);
    await store.compactReadings(T0 + 2 * H + 5 * 60_000); // two windows in blocks, one in the head
    const seen: number[] = [];
    let chunks = 0;
    for await (const c of store.rawReadingChunks(P, T0 + 30 * 60_000, T0 + hours * H)) {
      chunks++;
      seen.push(...Array.from(c.ts));
    }
    expect(chunks).toBe(3);
    expect(seen).toEqual(rowsP.filter((r) => r[1] >= T0 + 30 * 60_000).map((r) => r[1]));
  });

  it('answers a multi-day per-minute curve from day rollups that stay equal to the readings through late readings and retention', async () => {
    const D = 86_400_000;
    const days = 3;
    // One reading a minute for three days, 2-decimal values.
    let rows: Array<readonly [number, number, number]> = Array.from(
      { length: (days * D) / 60_000 },
      (_, i) => [P, T0 + i * 60_000, Math.round(500 + 300 * Math.sin(i / 97)) / 100] as const,
    );
    for (let i = 0; i < rows.length; i += 1000) await writer.write(batchOf(rows.slice(i, i + 1000)), []);
    const expectCurve = async (from: number, to: number, step: string) => {
      const inRange = rows.filter((r) => r[1] >= from && r[1] <= to).sort((a, b) => a[1] - b[1]);
      const want = minutesOf(
        inRange.map((r) => r[1]),
        inRange.map((r) => r[2]),
      );
      const got = await store.series(P, from, to, '1m');
      expect(got.t, step).toEqual(want.t);
      expect([got.min, got.max], step).toEqual([want.min, want.max]);
      got.v.forEach((x, k) => expect(x, step).toBeCloseTo(want.v[k]!, 12));
    };
    const dayRows = async () =>
      (await database.db.selectFrom('reading_day_rollups').select('day_ms').orderBy('day_ms').execute()).map(
        (r) => Number(r.day_ms),
      );
    await expectCurve(T0, T0 + days * D, 'all in the head');
    await store.compactReadings(T0 + days * D + 5 * 60_000);
    expect(await dayRows()).toEqual([T0, T0 + D, T0 + 2 * D]);
    await expectCurve(T0, T0 + days * D, 'from day rollups');
    await expectCurve(T0 + D - 30 * 60_000, T0 + D + 30 * 60_000 - 1, 'across a day boundary');
    // The whole time axis costs what the stored days cost, not what the range spans.
    await expectCurve(0, 8.64e15, 'whole time axis');

    // A late reading between two polls and a re-sent one (other value: the stored one wins) reach a
    // closed day: its curve shows the late one before and after compaction, counted once.
    const late = [P, T0 + D + 12 * H + 30_000, 9.99] as const;
    await writer.write(batchOf([late, [P, T0 + D + 12 * H, 1.23]]), []);
    rows = [...rows, late];
    await expectCurve(T0, T0 + days * D, 'late reading in the head');
    await store.compactReadings(T0 + days * D + 5 * 60_000);
    expect(await dayRows()).toEqual([T0, T0 + D, T0 + 2 * D]);
    await expectCurve(T0, T0 + days * D, 'late reading merged into its day');

    // Rollup retention: a cutoff at the second day's start removes the first day; one at 01:30 of the
    // second removes its first hour (the window straddling the cutoff is kept), so that day is read
    // from its remaining hours.
    await store.purgeOld([P], T0, T0 + D);
    expect(await dayRows()).toEqual([T0 + D, T0 + 2 * D]);
    await store.purgeOld([P], T0, T0 + D + 90 * 60_000);
    expect(await dayRows()).toEqual([T0 + 2 * D]);
    rows = rows.filter((r) => r[1] >= T0 + D + H);
    await expectCurve(T0, T0 + days * D, 'after retention');
  });
});
