import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelemetryWriter } from '../../src/monitoring/monitoring-wiring.ts';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/storage/database.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { WINDOW_MS } from '../../src/storage/telemetry/block-store.ts';
import { headDirectoryOf } from '../../src/storage/telemetry/head-directory.ts';
import {
  createTestDatabase,
  describeEachEngine,
  describeNeeding,
  probePostgres,
  type TestDatabase,
} from '../support/engines.ts';

/**
 * Reads of recent data do not scan the head (ADR 0005). SQLite: the serving process's head directory
 * answers a point's recent curve and newest reading from a few seq ranges, stays complete when another
 * process appends or compacts the same file, and `seq` is never reused. PostgreSQL: the head's
 * (point, time) index serves the same queries. On both, migration 0017 keeps every head reading.
 */
const T0 = Date.parse('2026-11-23T00:00:00Z');
const POINTS = 80;

/** One mine's poll: points 1..80 at time t, value depending on point and time. */
function poll(t: number, firstPoint = 1): ReadingBatch {
  const b = new ReadingBatch(POINTS);
  for (let p = firstPoint; p < firstPoint + POINTS; p++) b.push(p, t, valueOf(p, t), 0);
  return b;
}
function batchOf(rows: ReadonlyArray<readonly [number, number, number]>): ReadingBatch {
  const b = new ReadingBatch(rows.length);
  for (const [p, t, v] of rows) b.push(p, t, v, 0);
  return b;
}
const valueOf = (p: number, t: number) => Math.round(p * 10 + ((t / 10_000) % 50)) / 100;

describe('SQLite head directory', () => {
  let dir: string;
  let server: OpenDatabase;
  let other: OpenDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-head-directory-'));
    server = openDatabase(join(dir, 'r.db'));
    await migrateToLatest(server.db);
    other = openDatabase(join(dir, 'r.db'));
  });
  afterAll(async () => {
    await server.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves recent curves and newest readings from seq ranges, also with another process writing and compacting', async () => {
    const writer = createTelemetryWriter(server);
    const store = createMonitoringStore(server.db);
    // 30 polls of two mines (points 1–80 and 1001–1080), 10 s apart.
    for (let i = 0; i < 30; i++) {
      await writer.write(poll(T0 + i * 10_000), []);
      await writer.write(poll(T0 + i * 10_000, 1001), []);
    }
    const expectCurve = async (p: number, times: number[], step: string) => {
      const raw = await store.series(p, T0, T0 + 2 * WINDOW_MS, 'raw');
      expect(raw.t, step).toEqual(times);
      expect(raw.v, step).toEqual(times.map((t) => valueOf(p, t)));
    };
    const polls = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => T0 + (from + i) * 10_000);
    await expectCurve(7, polls(0, 30), 'own writes');
    // About one segment per mine's poll, not one per reading.
    expect(headDirectoryOf(server.db)!.segments).toBeLessThanOrEqual(60);

    // Another process appends (a file import) and then compacts the first hour.
    const otherWriter = createTelemetryWriter(other);
    await otherWriter.write(poll(T0 + 30 * 10_000), []);
    await expectCurve(7, polls(0, 31), "another process's append");
    const latest = await store.lastReadings([7, 1007, 99_999]);
    expect(latest.get(7)).toEqual({ tsMs: T0 + 300_000, value: valueOf(7, T0 + 300_000), status: 0 });
    expect(latest.get(1007)?.tsMs).toBe(T0 + 290_000);
    expect(latest.has(99_999)).toBe(false);

    await createMonitoringStore(other.db).compactReadings(T0 + WINDOW_MS + 5 * 60_000);
    await expectCurve(7, polls(0, 31), 'compacted by another process');
    await writer.write(poll(T0 + WINDOW_MS + 10_000), []);
    await expectCurve(7, [...polls(0, 31), T0 + WINDOW_MS + 10_000], 'head after blocks');
    expect((await store.lastReadings([7])).get(7)?.tsMs).toBe(T0 + WINDOW_MS + 10_000);
  });

  it('never reuses a seq, even when compaction removed the newest rows', async () => {
    const writer = createTelemetryWriter(server);
    const store = createMonitoringStore(server.db);
    const maxSeq = async () =>
      Number(
        (await sql<{ n: number }>`select max(seq) as n from readings_head`.execute(server.db)).rows[0]?.n ??
          0,
      );
    // A late reading of the first hour arrives last; compaction takes it (the newest seq) away.
    await writer.write(poll(T0 + 5_000), []);
    const before = await maxSeq();
    await store.compactReadings(T0 + WINDOW_MS + 5 * 60_000);
    await writer.write(poll(T0 + WINDOW_MS + 20_000, 2001), []);
    expect(await maxSeq()).toBeGreaterThan(before);
    const raw = await store.series(2007, T0, T0 + 2 * WINDOW_MS, 'raw');
    expect(raw.t).toEqual([T0 + WINDOW_MS + 20_000]);
  });
});

describeEachEngine('head rows across migration 0017', (engine) => {
  it('keeps every head reading and its arrival order when the head is rebuilt or indexed', async () => {
    const database = await createTestDatabase(engine, { migrateUpTo: '0016-mine-population-history' });
    try {
      const writer = createTelemetryWriter(database);
      await writer.write(poll(T0 + 10_000), []);
      await writer.write(poll(T0), []); // arrives later with an earlier time
      await writer.write(batchOf([[7, T0, 99]]), []); // re-sent at a stored time: the first one wins
      await migrateToLatest(database.db);
      const store = createMonitoringStore(database.db);
      const raw = await store.series(7, T0, T0 + WINDOW_MS, 'raw');
      expect(raw.t).toEqual([T0, T0 + 10_000]);
      expect(raw.v).toEqual([valueOf(7, T0), valueOf(7, T0 + 10_000)]);
      expect(await store.countReadings()).toBe(2 * POINTS);
      await writer.write(poll(T0 + 20_000), []);
      expect((await store.lastReadings([7])).get(7)?.tsMs).toBe(T0 + 20_000);
    } finally {
      await database.dispose();
    }
  });
});

describeNeeding('PostgreSQL', await probePostgres(), 'PostgreSQL head index', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(() => database.dispose());

  it("reads a point's head rows through the (point, time) index", async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = await sql<{ 'QUERY PLAN': string }>`
        explain select seq, point_id, ts_ms, value, status from readings_head
        where point_id = 7 and ts_ms >= 0 and ts_ms <= 1 order by seq`.execute(trx);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('readings_head_point_idx');
    });
  });
});
