/**
 * The PostgreSQL telemetry write path on its own: `node bench/pg-telemetry-bench.ts [--quick]` creates
 * a scratch database (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), migrates
 * it, and writes the demo province's shape (23,000 points in 300 mines, one batch per mine poll every
 * 10 s of data time) through the PostgreSQL telemetry writer, one batch at a time as the monitoring
 * runtime does; then writes the same batches again (a redelivery: nothing new is stored). Prints JSON.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MinuteAggregator, type MinuteBucket } from '../src/core/monitoring/engine/minute-aggregator.ts';
import { ReadingBatch } from '../src/core/monitoring/engine/reading-batch.ts';
import { migrateToLatest, openDatabase } from '../src/storage/database.ts';
import { createPostgresTelemetryWriter } from '../src/storage/telemetry/postgres-telemetry-writer.ts';
import { maintainReadingPartitions } from '../src/storage/telemetry/reading-partitions.ts';

type Figures = Record<string, { value: number; unit: string; note: string }>;

const MINES = 300;
const POINTS_PER_MINE = 77;

export async function runPgTelemetryBench(opts: { quick: boolean }): Promise<Figures> {
  const polls = opts.quick ? 6 : 30;
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `redline_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  try {
    await migrateToLatest(database.db);
    const pool = database.pgPool!;
    const t0 = Date.parse('2026-12-05T02:00:00Z');
    // The serve and worker processes do this at start-up: no live reading lands in DEFAULT.
    await maintainReadingPartitions(database.db, t0, { aheadDays: 3 });
    const writer = createPostgresTelemetryWriter(pool);
    const aggregator = new MinuteAggregator(MINES * POINTS_PER_MINE + 1);
    const batches: Array<{ batch: ReadingBatch; minutes: MinuteBucket[] }> = [];
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 1; i <= polls; i++) {
      const t = t0 + i * 10_000;
      for (let m = 0; m < MINES; m++) {
        const batch = new ReadingBatch(POINTS_PER_MINE);
        const minutes: MinuteBucket[] = [];
        for (let k = 0; k < POINTS_PER_MINE; k++) {
          const id = 1 + m * POINTS_PER_MINE + k;
          const v = Math.round(rnd() * 1000) / 1000;
          batch.push(id, t, v, 0);
          aggregator.add(id, t, v, minutes);
        }
        batches.push({ batch, minutes });
      }
    }
    const total = batches.reduce((n, b) => n + b.batch.length, 0);

    let start = performance.now();
    let stored = 0;
    for (const b of batches) stored += await writer.write(b.batch, b.minutes);
    const firstSecs = (performance.now() - start) / 1000;

    start = performance.now();
    let again = 0;
    for (const b of batches) again += await writer.write(b.batch, b.minutes);
    const againSecs = (performance.now() - start) / 1000;

    const head = await pool.query<{ n: number }>('select count(*)::int as n from readings_head');
    return {
      pg_write_readings_per_s: {
        value: Math.round(total / firstSecs),
        unit: 'readings/s',
        note: `${total} readings (${stored} stored) of ${MINES * POINTS_PER_MINE} points, ${polls} polls × ${MINES} mines, one ${POINTS_PER_MINE}-reading batch per call, sequential, PostgreSQL telemetry writer (one COPY into the durable head, ADR 0005); ${head.rows[0]!.n} head rows after both passes`,
      },
      pg_rewrite_readings_per_s: {
        value: Math.round(total / againSecs),
        unit: 'readings/s',
        note: `the same ${batches.length} batches written a second time (a redelivery): ${again} rows appended to the head, merged away by compaction`,
      },
    };
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.main) {
  console.log(
    JSON.stringify(await runPgTelemetryBench({ quick: process.argv.includes('--quick') }), null, 2),
  );
}
