import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import type { MonitoringStore } from '../../src/core/monitoring/monitoring-ports.ts';
import type { TelemetryWriter } from '../../src/core/ports.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { createPostgresTelemetryWriter } from '../../src/storage/telemetry/postgres-telemetry-writer.ts';
import {
  dropReadingPartitionsBefore,
  ensureReadingPartitions,
  listReadingPartitions,
  maintainReadingPartitions,
} from '../../src/storage/telemetry/reading-partitions.ts';
import {
  createTestDatabase,
  isCi,
  postgresAdminUrl,
  probePostgres,
  type TestDatabase,
} from '../support/engines.ts';

/**
 * PostgreSQL's time-partitioned telemetry (ADR 0005): daily `reading_blocks` partitions, monthly
 * `reading_rollups` partitions, the DEFAULT partitions that never refuse a block, retention by dropping
 * partitions, and rollups that a redelivered batch cannot inflate. (SQLite keeps one table each.)
 */
const DAY = 86_400_000;
const D0 = Date.parse('2026-11-23T00:00:00Z');
const POINT = 7;

const pgProblem = await probePostgres();

function batchOf(rows: ReadonlyArray<readonly [pointId: number, tsMs: number, value: number]>): ReadingBatch {
  const b = new ReadingBatch(rows.length);
  for (const [id, ts, v] of rows) b.push(id, ts, v, 0);
  return b;
}

if (pgProblem !== null && isCi) {
  describe('reading partitions [postgres]', () => {
    it('needs PostgreSQL in CI', () => {
      throw new Error(pgProblem);
    });
  });
} else if (pgProblem === null) {
  describe('reading partitions [postgres]', () => {
    let database: TestDatabase;
    let writer: TelemetryWriter;
    let store: MonitoringStore;

    beforeEach(async () => {
      database = await createTestDatabase('postgres');
      writer = createPostgresTelemetryWriter(database.pgPool!);
      store = createMonitoringStore(database.db);
    });
    /** Every head reading into blocks, whatever its time. */
    const compactAll = () => store.compactReadings(Date.parse('2100-01-01T00:00:00Z'));
    afterEach(async () => {
      await database.dispose();
    });

    /** Rows per partition, as PostgreSQL routed them. */
    async function rowsByPartition(
      table: 'reading_blocks' | 'reading_rollups',
    ): Promise<Record<string, number>> {
      const r = await sql<{ p: string; n: number }>`
        select tableoid::regclass::text as p, count(*)::int as n from ${sql.table(table)} group by 1`.execute(
        database.db,
      );
      return Object.fromEntries(r.rows.map((x) => [x.p, x.n]));
    }

    it('puts each day written in its own partition, made ahead by the upkeep', async () => {
      const made = await maintainReadingPartitions(database.db, D0 + 12 * 3_600_000, { aheadDays: 2 });
      expect(made.created).toEqual([
        'reading_blocks_p20261122',
        'reading_blocks_p20261123',
        'reading_blocks_p20261124',
        'reading_blocks_p20261125',
        'reading_rollups_p202611',
      ]);
      // Running it again (the hourly upkeep) finds nothing to do.
      expect(
        (await maintainReadingPartitions(database.db, D0 + 13 * 3_600_000, { aheadDays: 2 })).created,
      ).toEqual([]);

      await writer.write(
        batchOf([
          [POINT, D0 + 1_000, 0.1],
          [POINT, D0 + DAY + 1_000, 0.2],
          [POINT, D0 + DAY + 2_000, 0.3],
        ]),
        [],
      );
      expect((await store.series(POINT, D0, D0 + 2 * DAY, 'raw')).v).toEqual([0.1, 0.2, 0.3]);
      expect(await compactAll()).toEqual({ headRows: 3, blocks: 2, merged: 0 });
      expect(await rowsByPartition('reading_blocks')).toEqual({
        reading_blocks_p20261123: 1,
        reading_blocks_p20261124: 1,
      });
      expect(await rowsByPartition('reading_rollups')).toEqual({ reading_rollups_p202611: 2 });
      expect((await store.series(POINT, D0, D0 + 2 * DAY, 'raw')).v).toEqual([0.1, 0.2, 0.3]);
    });

    it('keeps a reading outside every partition in DEFAULT, and moves it when its day is created', async () => {
      await maintainReadingPartitions(database.db, D0, { aheadDays: 1 });
      const stray = Date.parse('2001-01-01T08:00:30Z'); // a device whose clock was never set
      expect(await writer.write(batchOf([[POINT, stray, 4.5]]), [])).toBe(1);
      await compactAll();
      expect(await rowsByPartition('reading_blocks')).toEqual({ reading_blocks_default: 1 });
      expect(await rowsByPartition('reading_rollups')).toEqual({ reading_rollups_default: 1 });
      expect((await store.series(POINT, stray - DAY, stray + DAY, 'raw')).v).toEqual([4.5]);

      const made = await ensureReadingPartitions(database.db, stray, stray);
      expect(made.created).toEqual(['reading_blocks_p20010101', 'reading_rollups_p200101']);
      expect(made.movedRows).toBe(2);
      expect(await rowsByPartition('reading_blocks')).toEqual({ reading_blocks_p20010101: 1 });
      expect(await rowsByPartition('reading_rollups')).toEqual({ reading_rollups_p200101: 1 });
      expect((await store.series(POINT, stray - DAY, stray + DAY, 'raw')).v).toEqual([4.5]);
      const minute = await store.series(POINT, stray - DAY, stray + DAY, '1m');
      expect(minute).toMatchObject({
        t: [Date.parse('2001-01-01T08:00:00Z')],
        v: [4.5],
        min: [4.5],
        max: [4.5],
      });
    });

    it('creates each partition once when two processes run the upkeep at the same moment', async () => {
      // Rows already in DEFAULT make the creation do real work (the move) while the other one waits.
      await writer.write(
        batchOf([
          [POINT, D0 + 5_000, 1],
          [POINT + 1, D0 + DAY + 5_000, 2],
        ]),
        [],
      );
      await compactAll();
      const [a, b] = await Promise.all([
        ensureReadingPartitions(database.db, D0, D0 + 3 * DAY),
        ensureReadingPartitions(database.db, D0, D0 + 3 * DAY),
      ]);
      expect([...a.created, ...b.created].sort()).toEqual([
        'reading_blocks_p20261123',
        'reading_blocks_p20261124',
        'reading_blocks_p20261125',
        'reading_blocks_p20261126',
        'reading_rollups_p202611',
      ]);
      expect(a.movedRows + b.movedRows).toBe(4);
      const names = (await listReadingPartitions(database.db)).map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      expect(await rowsByPartition('reading_blocks')).toEqual({
        reading_blocks_p20261123: 1,
        reading_blocks_p20261124: 1,
      });
    });

    it('retention drops whole old days and their readings; newer readings stay and curves still answer', async () => {
      await ensureReadingPartitions(database.db, D0 - 5 * DAY, D0);
      const rows: Array<[number, number, number]> = [];
      for (let d = -5; d <= 0; d++)
        for (let k = 0; k < 3; k++) rows.push([POINT, D0 + d * DAY + k * 60_000, d]);
      rows.push([POINT, Date.parse('2020-06-01T00:00:00Z'), -99]); // in DEFAULT, long expired
      await writer.write(batchOf(rows), []);
      await compactAll();

      // The cutoff falls inside day -2: days -5..-3 are entirely older and go; day -2 is kept whole.
      const cutoff = D0 - 2 * DAY + 6 * 3_600_000;
      const deleted = await store.purgeOld([POINT], cutoff, 0);
      expect(deleted, 'three daily blocks dropped and one deleted from DEFAULT').toBe(3 + 1);
      const left = (await listReadingPartitions(database.db)).filter((p) => p.table === 'reading_blocks');
      expect(left.map((p) => p.name)).toEqual([
        'reading_blocks_default',
        'reading_blocks_p20261121',
        'reading_blocks_p20261122',
        'reading_blocks_p20261123',
      ]);
      const curve = await store.series(POINT, 0, D0 + DAY, 'raw');
      expect(curve.v).toEqual([-2, -2, -2, -1, -1, -1, 0, 0, 0]);
      expect(await store.countReadings()).toBe(9);
      // Rollups were not due: all 19 minutes are still there, those of the dropped days included.
      expect((await store.series(POINT, 0, D0 + DAY, '1m')).t).toHaveLength(19);

      // Nothing left to drop: a second run removes nothing.
      expect(await dropReadingPartitionsBefore(database.db, cutoff)).toEqual({ dropped: [], rows: 0 });
    });

    it('stores a batch written twice once, and counts it once in its minute', async () => {
      await maintainReadingPartitions(database.db, D0, { aheadDays: 1 });
      const rows: Array<[number, number, number]> = [];
      for (let i = 0; i < 6; i++) rows.push([POINT, D0 + i * 10_000, i]); // one minute, values 0..5
      const batch = batchOf(rows);
      // A redelivery racing the first delivery (two workers on one message), then one after the fact.
      await Promise.all([writer.write(batch, []), writer.write(batch, [])]);
      await writer.write(batch, []);
      // Half old, half new (with a different value at an old time: the first stored wins).
      const more = batchOf([
        [POINT, D0 + 40_000, 4],
        [POINT, D0 + 50_000, 99],
        [POINT, D0 + 55_000, 11],
      ]);
      await writer.write(more, []);
      // Read from the head, then from the block, then from the block and a late re-send in the head.
      for (const step of ['head', 'block', 'block + head'] as const) {
        if (step === 'block') await compactAll();
        if (step === 'block + head') await writer.write(batch, []);
        expect(await store.countReadings(), step).toBe(7);
        expect((await store.series(POINT, D0, D0 + DAY, '1m')).v, step).toEqual([26 / 7]);
        expect((await store.series(POINT, D0, D0 + DAY, 'raw')).v, step).toEqual([0, 1, 2, 3, 4, 5, 11]);
      }
      await compactAll();
      const stored = await sql<{ count: number; sum_value: number; min_value: number; max_value: number }>`
        select count, sum_value, min_value, max_value from reading_rollups where point_id = ${POINT}`.execute(
        database.db,
      );
      expect(stored.rows).toEqual([{ count: 7, sum_value: 26, min_value: 0, max_value: 11 }]);
    });

    it("finds each point's newest reading whichever partition holds it", async () => {
      await ensureReadingPartitions(database.db, D0 - 2 * DAY, D0);
      const future = Date.parse('2031-01-01T00:00:00Z'); // DEFAULT, newer than every day
      const past = Date.parse('2001-01-01T00:00:00Z'); // DEFAULT, older than every day
      await writer.write(
        batchOf([
          [1, D0 - 2 * DAY + 5, 1.1],
          [1, D0 - DAY + 5, 1.2], // point 1: newest yesterday
          [2, D0 - 2 * DAY + 5, 2.1], // point 2: only two days ago
          [3, D0 + 5, 3.1],
          [3, future, 3.9], // point 3: a future-dated reading in DEFAULT is the newest
          [4, past, 4.0],
          [4, D0 + 9, 4.1], // point 4: today beats the old one in DEFAULT
          [5, past, 5.0], // point 5: only in DEFAULT
        ]),
        [],
      );
      await compactAll();
      // Point 2 has a newer reading still in the head.
      await writer.write(batchOf([[2, D0 - DAY, 2.2]]), []);
      const newest = [...(await store.lastReadings([1, 2, 3, 4, 5, 6]))].map(([pointId, r]) => ({
        pointId,
        ...r,
      }));
      expect(newest.sort((a, b) => a.pointId - b.pointId)).toEqual([
        { pointId: 1, tsMs: D0 - DAY + 5, value: 1.2, status: 0 },
        { pointId: 2, tsMs: D0 - DAY, value: 2.2, status: 0 },
        { pointId: 3, tsMs: future, value: 3.9, status: 0 },
        { pointId: 4, tsMs: D0 + 9, value: 4.1, status: 0 },
        { pointId: 5, tsMs: past, value: 5.0, status: 0 },
      ]);
    });

    it('a batch that fails to store leaves the writer able to store the next one', async () => {
      const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(database.db);
      const url = new URL(postgresAdminUrl);
      url.pathname = `/${rows[0]!.db}`;
      // One connection, so the next write runs on the very session the failed one used.
      const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
      // pool.end() resolves before its client's socket is gone; the database drop at teardown then
      // terminates that session, which would surface as an unhandled error of an idle client.
      pool.on('error', () => undefined);
      try {
        const one = createPostgresTelemetryWriter(pool);
        const outOfRange = batchOf([[POINT, 1e20, 1]]); // no bigint holds this time
        await expect(one.write(outOfRange, [])).rejects.toThrow(/out of range/);
        expect(await one.write(batchOf([[POINT, D0, 2]]), [])).toBe(1);
        expect((await store.series(POINT, 0, D0 + DAY, 'raw')).v).toEqual([2]);
      } finally {
        await pool.end();
      }
    });
  });
} else {
  describe.skip(`reading partitions [postgres] (skipped: ${pgProblem})`, () => {
    it('needs PostgreSQL', () => undefined);
  });
}
