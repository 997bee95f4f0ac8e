import { spawn } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTelemetryWriter } from '../../src/monitoring/monitoring-wiring.ts';
import { ReadingBatch } from '../../src/core/monitoring/engine/reading-batch.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { WINDOW_MS } from '../../src/storage/telemetry/block-store.ts';
import { readStoredReadings } from '../support/stored-readings.ts';
import { useSqliteFile } from './support/sqlite-file.ts';

/**
 * Crash safety of the compactor: a child process compacts a SQLite file and is killed with SIGKILL at
 * a random moment, 20 times. Between kills new readings arrive, some re-sent (sometimes with another
 * value: the first stored wins) and some late into windows already compacted. After every kill the
 * store must hold exactly the readings written — none lost, none twice, each with its first value.
 */
const TRIALS = Number(process.env.COMPACTION_KILL_TRIALS ?? 20);
const POINTS = 12;
const T0 = Date.parse('2026-11-23T00:00:00Z');
const SEED = Number(process.env.COMPACTION_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const child = fileURLToPath(new URL('./support/compact-child.ts', import.meta.url));

describe('kill -9 during compaction', () => {
  const { file, open } = useSqliteFile('redline-compaction-kill-');

  it(`loses and doubles nothing in ${TRIALS} kills (seed ${SEED})`, async () => {
    let seed = SEED || 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const database = await open();
    const writer = createTelemetryWriter(database);
    const store = createMonitoringStore(database.db);
    /** The model: the first value written at each (point, time). */
    const model = new Map<number, Map<number, number>>();
    const written: Array<[number, number, number]> = [];
    const write = async (rows: Array<[number, number, number]>) => {
      const b = new ReadingBatch(rows.length);
      for (const [p, t, v] of rows) {
        b.push(p, t, v, 0);
        let m = model.get(p);
        if (!m) model.set(p, (m = new Map<number, number>()));
        if (!m.has(t)) m.set(t, v);
        written.push([p, t, v]);
      }
      await writer.write(b, []);
    };
    const outcomes = { killedBeforeDone: 0, finished: 0 };
    /** How long a whole compaction takes in the child (updated from the runs that finish). */
    let compactionMs = 200;
    for (let trial = 0; trial < TRIALS; trial++) {
      // A new hour of every point (one reading every 10 s) ...
      const rows: Array<[number, number, number]> = [];
      for (let p = 1; p <= POINTS; p++)
        for (let i = 0; i < 120; i++)
          rows.push([p, T0 + trial * WINDOW_MS + i * 30_000, Math.round(rnd() * 1000) / 100]);
      // ... re-sent readings (a third with another value) and late ones into earlier hours.
      for (let k = 0; k < 400 && written.length > 0; k++) {
        const [p, t, v] = written[Math.floor(rnd() * written.length)]!;
        rows.push([p, t, k % 3 === 0 ? v + 1 : v]);
      }
      for (let k = 0; k < 500; k++)
        rows.push([
          1 + Math.floor(rnd() * POINTS),
          T0 + Math.floor(rnd() * (trial + 1) * 360) * 10_000 + 5_000,
          k,
        ]);
      await write(rows);

      const killed = await new Promise<boolean>((resolve, reject) => {
        // Slices planned by a head directory (the serving process) or found through the index.
        const mode = trial % 2 === 0 ? 'directory' : 'index';
        const c = spawn(process.execPath, [child, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        let armed = false;
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          // Killed at a random moment of the compaction, sometimes after it; the first run is left to
          // finish, to learn how long a compaction takes on this machine now.
          if (out.startsWith('ready\n') && !armed && trial > 0) {
            armed = true;
            setTimeout(() => c.kill('SIGKILL'), Math.floor(rnd() * 1.3 * compactionMs));
          }
          const done = /done (\d+)/.exec(out);
          if (done) compactionMs = Math.max(20, Number(done[1]));
        });
        c.on('error', reject);
        c.on('exit', (code, signal) => {
          if (signal === 'SIGKILL') resolve(!out.includes('done'));
          else if (code === 0) resolve(false);
          else reject(new Error(`compaction child failed (${code}): ${err}`));
        });
      });
      // The head grows while runs are killed, so each kill aims a little later.
      if (killed) compactionMs *= 1.1;
      if (killed) outcomes.killedBeforeDone++;
      else outcomes.finished++;

      // What the store answers is exactly the model.
      for (let p = 1; p <= POINTS; p++) {
        const want = [...model.get(p)!].sort((a, b) => a[0] - b[0]);
        const got = await store.series(p, 0, T0 + (TRIALS + 1) * WINDOW_MS, 'raw');
        expect(got.t, `trial ${trial}, point ${p}: times`).toEqual(want.map((x) => x[0]));
        expect(got.v, `trial ${trial}, point ${p}: first values`).toEqual(want.map((x) => x[1]));
      }
      const total = [...model.values()].reduce((n, m) => n + m.size, 0);
      expect(await store.countReadings(), `trial ${trial}: count`).toBe(total);
      const raw = new DatabaseSync(file);
      const stored = readStoredReadings(raw);
      raw.close();
      expect(stored.rows, `trial ${trial}: no reading held twice`).toBe(stored.distinct);
      expect(stored.rows).toBe(total);
      expect(stored.aggregates.short + stored.aggregates.uncounted, `trial ${trial}: rollups`).toBe(0);
    }
    console.log(`[compaction-kill] seed ${SEED} ${JSON.stringify(outcomes)}`);
    // The kills must have hit compactions in flight, not only idle children.
    expect(outcomes.killedBeforeDone).toBeGreaterThanOrEqual(TRIALS / 3);
    await database.close();
  }, 120_000);
});
