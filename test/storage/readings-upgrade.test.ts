import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/storage/database.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../support/engines.ts';

/**
 * Upgrading a database of the previous version (readings one row each, per-minute aggregates in
 * `readings_1m`) moves every reading into blocks unchanged, keeps the aggregates whose raw readings had
 * expired as rollups, and drops the old tables (migration 0012, ADR 0005).
 */
const T0 = Date.parse('2026-11-20T00:00:00Z');
const MIN = 60_000;

describeEachEngine('upgrade of stored readings to blocks', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(() => database?.dispose());

  it('keeps every reading and every aggregate across migrations 0012 and 0017', async () => {
    database = await createTestDatabase(engine, { migrateUpTo: '0011-partitioned-readings' });
    const db = database.db;
    // Three points over three days: 2-decimal sensor values, full doubles, statuses, a gap.
    const readings: Array<[number, number, number, number]> = [];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 3 * 24 * 60; i += 1) {
      const t = T0 + i * MIN + 7_000;
      readings.push([1, t, Math.round(rnd() * 400) / 100, 0]);
      if (i % 3 === 0) readings.push([2, t + 13_000, rnd() * 1e6 - 5e5, i % 11 === 0 ? 2 : 0]);
      if (i < 600 || i > 3000) readings.push([3, t - 7_000, -(i + 1) / 1000, 1]);
    }
    for (let i = 0; i < readings.length; i += 500) {
      const chunk = readings.slice(i, i + 500);
      await sql`insert into readings (point_id, ts_ms, value, status) values ${sql.join(
        chunk.map((r) => sql`(${r[0]}, ${r[1]}, ${r[2]}, ${r[3]})`),
      )}`.execute(db);
    }
    // Aggregates: point 1's as the old writer kept them, and point 4's whose raw rows had expired.
    await sql`insert into readings_1m (point_id, minute_ms, min_value, max_value, sum_value, count)
      select point_id, ts_ms - ts_ms % 60000, min(value), max(value), sum(value), count(*)
      from readings where point_id = 1 group by point_id, ts_ms - ts_ms % 60000`.execute(db);
    const expired = Array.from({ length: 90 }, (_, k) => [
      4,
      T0 - 400 * 86_400_000 + k * MIN,
      k,
      k + 2,
      3 * k + 3,
      3,
    ]);
    await sql`insert into readings_1m (point_id, minute_ms, min_value, max_value, sum_value, count) values ${sql.join(
      expired.map((r) => sql`(${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]})`),
    )}`.execute(db);

    await migrateToLatest(db);

    const store = createMonitoringStore(db);
    expect(await store.countReadings()).toBe(readings.length);
    for (const id of [1, 2, 3]) {
      const want = readings.filter((r) => r[0] === id);
      const got = await store.series(id, 0, T0 + 10 * 86_400_000, 'raw');
      expect(got.t, `point ${id} times`).toEqual(want.map((r) => r[1]));
      expect(got.v, `point ${id} values, bit for bit`).toEqual(want.map((r) => r[2]));
      const last = (await store.lastReadings([id])).get(id);
      expect(last).toEqual({ tsMs: want.at(-1)![1], value: want.at(-1)![2], status: want.at(-1)![3] });
    }
    const statuses = [];
    for await (const c of store.rawReadingChunks(2, 0, T0 + 10 * 86_400_000))
      statuses.push(...Array.from(c.statuses));
    expect(statuses).toEqual(readings.filter((r) => r[0] === 2).map((r) => r[3]));
    const m1 = await store.series(1, T0, T0 + 3 * 86_400_000, '1m');
    expect(m1.t).toHaveLength(3 * 24 * 60);
    expect(m1.v.slice(0, 3)).toEqual(
      readings
        .filter((r) => r[0] === 1)
        .slice(0, 3)
        .map((r) => r[2]),
    );
    const m4 = await store.series(4, 0, T0, '1m');
    expect(m4.t).toEqual(expired.map((r) => r[1]));
    expect(m4.min).toEqual(expired.map((r) => r[2]));
    expect(m4.max).toEqual(expired.map((r) => r[3]));
    expect(m4.v).toEqual(expired.map((r) => r[4]! / 3));
    // Migration 0017 built a rollup row per point and UTC day (the curves above were read from them).
    const dayRows = await sql<{ point_id: number; n: number | string }>`
      select point_id, count(*) as n from reading_day_rollups group by point_id order by point_id`.execute(
      db,
    );
    const daysOf = (rows: ReadonlyArray<readonly number[]>) =>
      new Set(rows.map((r) => Math.floor(r[1]! / 86_400_000))).size;
    expect(dayRows.rows.map((r) => [r.point_id, Number(r.n)])).toEqual([
      ...[1, 2, 3].map((id) => [id, daysOf(readings.filter((r) => r[0] === id))]),
      [4, daysOf(expired)],
    ]);
    const old = await sql<{ n: number }>`
      select count(*) as n from information_schema.tables where table_name in ('readings', 'readings_1m')`
      .execute(db)
      .catch(() => null);
    if (engine === 'postgres') expect(Number(old!.rows[0]!.n)).toBe(0);
    else {
      const t = await sql<{
        name: string;
      }>`select name from sqlite_master where name in ('readings', 'readings_1m')`.execute(db);
      expect(t.rows).toEqual([]);
    }
  });
});
