import { expect, it } from 'vitest';
import { runCli } from '../../bench/support/server-process.ts';
import { createTelemetryWriter } from '../../src/monitoring/monitoring-wiring.ts';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import { useSqliteFile } from './support/sqlite-file.ts';

const { dir, file, open } = useSqliteFile('redline-storage-stats-');

it('`redline storage compact` and `storage stats` show readings, blocks, bytes, head and lag', async () => {
  const database = await open();
  const t0 = Date.parse('2026-11-23T00:00:00Z');
  const b = new ReadingBatch(2 * 720);
  for (let p = 1; p <= 2; p++)
    for (let i = 0; i < 720; i++) b.push(p, t0 + i * 10_000, 0.5 + (i % 3) / 100, 0);
  await createTelemetryWriter(database).write(b, []);
  await database.close();
  const env = { ...process.env, DATABASE_URL: file, REDLINE_DATA_DIR: dir };

  const before = await runCli(['storage', 'stats'], env);
  expect(before.code, before.stderr).toBe(0);
  const s0 = JSON.parse(before.stdout) as Record<string, number>;
  expect(s0).toMatchObject({ readings: 1440, readingsInBlocks: 0, blocks: 0, headRows: 1440 });
  // The head's first hour closed long ago (data time 2026-11-23): it is overdue for compaction.
  expect(s0.compactionLagMs).toBeGreaterThan(0);

  const compact = await runCli(['storage', 'compact'], env);
  expect(compact.code, compact.stderr).toBe(0);
  expect(JSON.parse(compact.stdout)).toEqual({ headRows: 1440, blocks: 4, merged: 0 });
  const s1 = JSON.parse((await runCli(['storage', 'stats'], env)).stdout) as Record<string, number>;
  expect(s1).toMatchObject({
    readings: 1440,
    readingsInBlocks: 1440,
    blocks: 4,
    rollups: 4,
    headRows: 0,
    compactionLagMs: 0,
  });
  expect(s1.payloadBytesPerReading).toBeGreaterThan(0);
  expect(s1.payloadBytesPerReading).toBeLessThan(2);
}, 120_000);
