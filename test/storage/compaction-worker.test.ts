import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import { createTelemetryWriter } from '../../src/monitoring/monitoring-wiring.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { WINDOW_MS } from '../../src/storage/telemetry/block-store.ts';
import { startCompactionWorker } from '../../src/storage/telemetry/compaction-worker.ts';
import { readStoredReadings } from '../support/stored-readings.ts';
import { useSqliteFile } from './support/sqlite-file.ts';
import { DatabaseSync } from 'node:sqlite';

/**
 * The serving process's compaction thread (ADR 0005, amendment 5): it compacts a SQLite file through
 * its own connection while the serving connection keeps writing readings and running transactions
 * that read before they write; afterwards every reading is stored once, in a block or in the head.
 */
const T0 = Date.parse('2026-11-23T00:00:00Z');
const POINTS = 400;

describe('compaction thread', () => {
  const { dir, file, open } = useSqliteFile('redline-compaction-thread-');

  it('compacts a closed hour while the serving connection goes on writing', async () => {
    const database = await open();
    const writer = createTelemetryWriter(database);
    const store = createMonitoringStore(database.db);
    await store.lastReadings([1]);
    const value = (p: number, t: number) => Math.round(p * 3 + (t - T0) / 10_000) / 10;
    const poll = async (t: number) => {
      const b = new ReadingBatch(POINTS);
      for (let p = 1; p <= POINTS; p++) b.push(p, t, value(p, t), 0);
      await writer.write(b, []);
    };
    // The first hour, every 20 s.
    for (let t = T0; t < T0 + WINDOW_MS; t += 20_000) await poll(t);

    const worker = startCompactionWorker(file);
    const compacting = worker.compact(T0 + WINDOW_MS);
    // Meanwhile: the next hour's polls, and a transaction that reads and then writes (it must not
    // fail because the other connection committed between its read and its write).
    let written = 0;
    for (let t = T0 + WINDOW_MS; t < T0 + WINDOW_MS + 600_000; t += 20_000) {
      await poll(t);
      written++;
      await database.db.transaction().execute(async (trx) => {
        const n = await sql<{ n: number }>`select count(*) as n from readings_head`.execute(trx);
        await sql`create table if not exists scratch (n integer)`.execute(trx);
        await sql`insert into scratch (n) values (${n.rows[0]!.n})`.execute(trx);
      });
    }
    const r = await compacting;
    await worker.close();
    expect(r).toMatchObject({ headRows: POINTS * 180, blocks: POINTS });
    expect(written).toBe(30);

    const total = POINTS * (180 + 30);
    expect(await store.countReadings()).toBe(total);
    for (const p of [1, 200, POINTS]) {
      const curve = await store.series(p, T0, T0 + WINDOW_MS + 600_000, 'raw');
      expect(curve.t).toEqual(Array.from({ length: 210 }, (_, i) => T0 + i * 20_000));
      expect(curve.v).toEqual(curve.t.map((t) => value(p, t)));
    }
    await database.close();
    const raw = new DatabaseSync(file);
    const stored = readStoredReadings(raw);
    raw.close();
    expect(stored.rows).toBe(total);
    expect(stored.distinct).toBe(total);
  });

  it('says so when its file cannot be compacted', async () => {
    const worker = startCompactionWorker(join(dir, 'not-a-database'));
    await expect(worker.compact(T0)).rejects.toThrow(/compaction (failed|thread)/);
    await worker.close();
  });
});
