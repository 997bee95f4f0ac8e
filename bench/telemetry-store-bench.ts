/**
 * The telemetry block store (ADR 0005) on its own: `node bench/telemetry-store-bench.ts [--quick]`.
 * - append rate into the durable head on one core (SQLite, the embedded default), per segment of
 *   1 M readings from an empty store, so a rising cost would show;
 * - bytes per reading at rest after compaction, SQLite and PostgreSQL, for the demo simulator's
 *   signals and for a real recorded series (refdata/seismic-bumps);
 * - reads of recent data with a full head (a point's last hour, a mine's newest readings);
 * - curve read latency: blocks generated straight into the store (no head), a 24 h raw curve and a
 *   100-day per-minute curve of one point;
 * - compaction of a closed hour at the national density (a reading per point every 2 s), slice by
 *   slice: readings compacted per second, the longest slice transaction, the memory it took.
 * Prints JSON and merges its figures into bench/results/latest.json (other keys are kept).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTelemetryWriter } from '../src/monitoring/monitoring-wiring.ts';
import { ReadingBatch } from '../src/core/monitoring/engine/reading-batch.ts';
import { generateDemoProvince } from '../src/sim/demo-province.ts';
import { createProvinceSimulator } from '../src/sim/monitoring/province-simulator.ts';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../src/storage/database.ts';
import { createMonitoringStore } from '../src/storage/stores/monitoring-store.ts';
import { mergeReadings } from '../src/storage/telemetry/block-codec.ts';
import {
  blockRow,
  compactHead,
  rebuildDayRollups,
  rollupRow,
  storageStats,
  upsertBlocks,
  upsertRollups,
  WINDOW_MS,
} from '../src/storage/telemetry/block-store.ts';

type Figures = Record<string, { value: number; unit: string; note: string }>;
const quick = process.argv.includes('--quick');
/** `--only=append,rest,curves` runs a subset (figures of the others are kept in latest.json). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',') ?? ['append', 'rest', 'curves', 'head', 'compact'];
/** `--curves-db=<file>`: keep the generated curve store there and reuse it on the next run. */
const curvesDb = process.argv.find((a) => a.startsWith('--curves-db='))?.slice(12);
const T0 = Date.parse('2026-09-01T00:00:00Z');

async function pgDatabase(): Promise<{ database: OpenDatabase; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `redline_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  await migrateToLatest(database.db);
  return {
    database,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Append rate into the SQLite head, batches of one mine's poll (80 readings) as the runtime writes. */
async function appendRate(dir: string): Promise<Figures> {
  const database = openDatabase(join(dir, 'append.db'));
  await migrateToLatest(database.db);
  const writer = createTelemetryWriter(database);
  // A read first, as the server does at start: the head directory (SQLite) is then kept by the writer.
  await createMonitoringStore(database.db).lastReadings([1]);
  const segments = Number(
    process.argv.find((a) => a.startsWith('--append-m='))?.slice(11) ?? (quick ? 3 : 6),
  );
  const perSegment = 1_000_000;
  const points = 100_000;
  const batchSize = 2_000;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let t = T0;
  let id = 0;
  const batch = new ReadingBatch(batchSize);
  for (let s = 0; s < segments; s++) {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    for (let n = 0; n < perSegment; n += batchSize) {
      batch.length = 0;
      for (let k = 0; k < batchSize; k++) {
        batch.push(1 + id, t, ((id * 7) % 1000) / 100, 0);
        if (++id === points) {
          id = 0;
          t += 10_000;
        }
      }
      await writer.write(batch, []);
    }
    rates.push(perSegment / ((performance.now() - started) / 1000));
    const cpu = process.cpuUsage(cpu0);
    cpuRates.push(perSegment / ((cpu.user + cpu.system) / 1e6));
    if (process.argv.includes('--verbose'))
      console.error(`segment ${s + 1}: ${Math.round(rates.at(-1)!)} readings/s`);
  }
  const bytes = statSync(join(dir, 'append.db')).size;
  await database.close();
  const fmt = (r: number) => Math.round(r).toLocaleString('en');
  return {
    telemetry_head_append_readings_per_s: {
      value: Math.round(rates.reduce((a, b) => a + b, 0) / rates.length),
      unit: 'readings/s',
      note: `SQLite head (AUTOINCREMENT rowid table, no index; the writer also records each batch's seq ranges in the head directory), ${segments} M readings of ${points.toLocaleString('en')} points in batches of ${batchSize}, one core, WAL synchronous=NORMAL; per 1 M segment from empty: ${rates.map(fmt).join(', ')}; head file ${(bytes / 2 ** 20).toFixed(0)} MiB before compaction`,
    },
    telemetry_head_append_readings_per_cpu_s: {
      value: Math.round(median(cpuRates)),
      unit: 'readings/CPU-s',
      note: `the same appends per second of this process's CPU time (user + system; what one core sustains, less sensitive to other processes sharing the machine), median of the ${segments} segments; per segment: ${cpuRates.map(fmt).join(', ')}; load average ${loadavg()[0]!.toFixed(1)} at the end`,
    },
    telemetry_head_append_last_to_first_ratio: {
      value: Math.round((rates.at(-1)! / rates[0]!) * 100) / 100,
      unit: 'ratio',
      note: 'append rate of the last 1 M segment over the first (1 = flat)',
    },
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The demo simulator's readings for `hours` of data time. */
function demoReadings(hours: number): Array<[number, number, number, number]> {
  const province = generateDemoProvince({
    seed: 1,
    mineCount: quick ? 10 : 20,
    now: new Date(T0).toISOString(),
  });
  const sim = createProvinceSimulator({ mines: province.mines, seed: 1, startMs: T0, intervalMs: 10_000 });
  const ids = new Map<string, number>();
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < (hours * 3_600_000) / 10_000; i++) {
    const step = sim.step(sim.timeOfStep(i));
    for (const m of step.readings)
      for (const r of m.readings) {
        if (r.value === null) continue;
        const key = `${m.mineCode}/${r.pointCode}`;
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size + 1));
        out.push([id, r.dataTimeMs, r.value, r.statusBits]);
      }
  }
  return out;
}

/** The real series: every numeric column of refdata/seismic-bumps as one point, at a 10 s poll. */
function seismicReadings(): Array<[number, number, number, number]> {
  const text = readFileSync('/work/shared/refdata/seismic-bumps/seismic-bumps.csv', 'utf8')
    .trim()
    .split('\n');
  const header = text[0]!.split(',');
  const numeric = ['genergy', 'gpuls', 'gdenergy', 'gdpuls', 'energy', 'maxenergy'].map((c) =>
    header.indexOf(c),
  );
  const out: Array<[number, number, number, number]> = [];
  text.slice(1).forEach((line, i) => {
    const f = line.split(',');
    numeric.forEach((col, p) => out.push([p + 1, T0 + i * 10_000, Number(f[col]), 0]));
  });
  return out;
}

async function bytesAtRest(
  database: OpenDatabase,
  rows: ReadonlyArray<[number, number, number, number]>,
): Promise<{ payload: number; disk: number | null; readings: number; rollupBytes: number }> {
  const writer = createTelemetryWriter(database);
  const store = createMonitoringStore(database.db);
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    const b = new ReadingBatch(chunk.length);
    for (const [p, t, v, s] of chunk) b.push(p, t, v, s);
    await writer.write(b, []);
  }
  await store.compactReadings(Date.parse('2100-01-01T00:00:00Z'));
  if (database.kind === 'postgres') await database.pgPool!.query('vacuum analyze');
  else database.sqlite!.raw.exec('vacuum');
  const s = await storageStats(database.db, Date.parse('2100-01-01T00:00:00Z'));
  const disk =
    s.diskBytes.blocks === null
      ? null
      : (s.diskBytes.blocks + (s.diskBytes.rollups ?? 0)) / s.readingsInBlocks;
  return {
    payload: (s.blockBytes + s.rollupBytes) / s.readingsInBlocks,
    disk,
    readings: s.readingsInBlocks,
    rollupBytes: s.rollupBytes / Math.max(1, s.rollups),
  };
}

async function atRest(dir: string): Promise<Figures> {
  const out: Figures = {};
  const sets = {
    demo: demoReadings(quick ? 2 : 4),
    seismic: seismicReadings(),
  };
  for (const [name, rows] of Object.entries(sets)) {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const made =
        engine === 'sqlite'
          ? (() => {
              const database = openDatabase(join(dir, `${name}.db`));
              return { database, drop: () => database.close() };
            })()
          : await pgDatabase();
      if (engine === 'sqlite') await migrateToLatest(made.database.db);
      const r = await bytesAtRest(made.database, rows);
      await made.drop();
      const what =
        name === 'demo'
          ? `the demo simulator's signals (${rows.length.toLocaleString('en')} readings of ${new Set(rows.map((x) => x[0])).size} points, 10 s poll)`
          : `a real recorded series (refdata/seismic-bumps: 6 numeric columns × 2,584 shifts as 6 points at a 10 s poll, ${rows.length.toLocaleString('en')} readings)`;
      out[`telemetry_bytes_per_reading_${engine}_${name}`] = {
        value: Math.round((r.disk ?? r.payload) * 100) / 100,
        unit: 'bytes',
        note: `${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} at rest after compaction, blocks + rollups tables with their indexes on disk (after VACUUM), for ${what}; compressed payload alone ${r.payload.toFixed(2)} B/reading; a per-minute rollup of one point-hour ${r.rollupBytes.toFixed(0)} B of payload`,
      };
    }
  }
  return out;
}

/**
 * Reads of recent data with a full head (no compaction): 100,000 points polled every 10 s for an hour
 * (36 M readings, about what the head holds at a province's rate between compactions; `--quick` 6 M),
 * then one point's last-hour raw curve and the newest readings of one mine's 80 points.
 */
async function headReads(dir: string): Promise<Figures> {
  const database = openDatabase(join(dir, 'head.db'));
  await migrateToLatest(database.db);
  const writer = createTelemetryWriter(database);
  const store = createMonitoringStore(database.db);
  await store.lastReadings([1]);
  const points = 100_000;
  const polls = quick ? 60 : 360;
  const batch = new ReadingBatch(2_000);
  for (let i = 0; i < polls; i++)
    for (let p0 = 0; p0 < points; p0 += 2_000) {
      batch.length = 0;
      for (let p = p0; p < p0 + 2_000; p++) batch.push(1 + p, T0 + i * 10_000, ((p * 7 + i) % 1000) / 100, 0);
      await writer.write(batch, []);
    }
  const end = T0 + polls * 10_000;
  const time = async (f: () => Promise<unknown>, n: number) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f();
      xs.push(performance.now() - s);
    }
    xs.sort((a, b) => a - b);
    return { p50: xs[Math.floor(n / 2)]!, p99: xs[Math.min(n - 1, Math.floor(n * 0.99))]! };
  };
  let seed = 5;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const curve = await time(async () => {
    const p = 1 + Math.floor(rnd() * points);
    const s = await store.series(p, end - 3_600_000, end, 'raw');
    if (s.t.length < Math.min(polls, 360)) throw new Error('short head curve');
  }, 20);
  const newest = await time(async () => {
    const first = 1 + 80 * Math.floor(rnd() * (points / 80 - 1));
    const ids = Array.from({ length: 80 }, (_, k) => first + k);
    const m = await store.lastReadings(ids);
    if (m.size !== 80) throw new Error('missing newest readings');
  }, 20);
  await database.close();
  const what = `SQLite head of ${((polls * points) / 1e6).toFixed(0)} M readings (100,000 points × ${polls} polls, not compacted), 20 reads, load average ${loadavg()[0]!.toFixed(1)}`;
  return {
    telemetry_head_curve_1h_p50_ms: {
      value: Math.round(curve.p50 * 10) / 10,
      unit: 'ms',
      note: `one point's last-hour raw curve read from the head; p99 ${curve.p99.toFixed(1)} ms; ${what}`,
    },
    telemetry_head_newest_80_points_p50_ms: {
      value: Math.round(newest.p50 * 10) / 10,
      unit: 'ms',
      note: `newest reading of one mine's 80 points (the mine page's point list) with the head full; p99 ${newest.p99.toFixed(1)} ms; ${what}`,
    },
  };
}

/** Blocks generated straight into a SQLite store: `points` × `days` of one reading every 10 s. */
async function curves(dir: string): Promise<Figures> {
  const file = curvesDb ?? join(dir, 'curves.db');
  const reuse = curvesDb !== undefined && existsSync(curvesDb);
  const database = openDatabase(file);
  await migrateToLatest(database.db);
  const store = createMonitoringStore(database.db);
  const points = quick ? 10 : 25;
  const days = 100;
  const perWindow = WINDOW_MS / 10_000;
  const started = performance.now();
  let readings = reuse ? points * days * 24 * perWindow : 0;
  for (let w = 0; w < (reuse ? 0 : days * 24); w++) {
    const blocks: Array<ReturnType<typeof blockRow>> = [];
    const rollups: Array<ReturnType<typeof rollupRow>> = [];
    for (let p = 1; p <= points; p++) {
      const ts: number[] = [];
      const values: number[] = [];
      const statuses: number[] = [];
      for (let i = 0; i < perWindow; i++) {
        const k = w * perWindow + i;
        ts.push(T0 + k * 10_000);
        values.push(Math.round((0.3 + 0.1 * Math.sin(k / (200 + p)) + 0.02 * Math.sin(k * 1.7)) * 100) / 100);
        statuses.push(0);
      }
      const r = mergeReadings(null, { length: perWindow, ts, values, statuses });
      blocks.push(blockRow(p, T0 + w * WINDOW_MS, r));
      rollups.push(rollupRow(p, T0 + w * WINDOW_MS, r, null));
      readings += perWindow;
    }
    await database.db.transaction().execute(async (trx) => {
      await upsertBlocks(trx, blocks);
      await upsertRollups(trx, rollups);
    });
  }
  if (!reuse) {
    const pairs: Array<[number, number]> = [];
    for (let p = 1; p <= points; p++) for (let d = 0; d < days; d++) pairs.push([p, T0 + d * 86_400_000]);
    await database.db.transaction().execute((trx) => rebuildDayRollups(trx, pairs));
  }
  const genS = (performance.now() - started) / 1000;
  const end = T0 + days * 86_400_000;
  // Wall time per read (the goal) and the process's CPU time per read (what the read costs, less
  // sensitive to the other processes sharing the machine).
  const time = async (f: () => Promise<unknown>, n: number) => {
    const xs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const c = process.cpuUsage();
      await f();
      const used = process.cpuUsage(c);
      xs.push(performance.now() - s);
      cpu.push((used.user + used.system) / 1000);
    }
    xs.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return {
      p50: xs[Math.floor(n / 2)]!,
      p99: xs[Math.min(n - 1, Math.floor(n * 0.99))]!,
      cpu50: cpu[Math.floor(n / 2)]!,
    };
  };
  let seed = 3;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const raw = await time(async () => {
    const p = 1 + Math.floor(rnd() * points);
    const to = T0 + 86_400_000 + Math.floor(rnd() * (days - 1) * 86_400_000);
    const s = await store.series(p, to - 86_400_000, to, 'raw');
    if (s.t.length < 8_000) throw new Error('short curve');
  }, 100);
  const minutes = await time(
    async () => {
      const p = 1 + Math.floor(rnd() * points);
      const s = await store.series(p, T0, end, '1m');
      if (s.t.length !== days * 1440) throw new Error('short per-minute curve');
    },
    quick ? 10 : 30,
  );
  const size = statSync(file).size;
  await database.close();
  const note = `SQLite store of ${points} points × ${days} days at a 10 s poll (${(readings / 1e6).toFixed(0)} M readings in ${(points * days * 24).toLocaleString('en')} blocks, generated straight into blocks in ${genS.toFixed(0)} s, file ${(size / 2 ** 20).toFixed(0)} MiB = ${(size / readings).toFixed(2)} B/reading)`;
  return {
    telemetry_curve_24h_raw_p99_ms: {
      value: Math.round(raw.p99 * 10) / 10,
      unit: 'ms',
      note: `one point's 24 h raw curve (8,640 readings, 25 blocks decoded), random point and day, 100 reads; p50 ${raw.p50.toFixed(1)} ms, CPU per read (median) ${raw.cpu50.toFixed(1)} ms; load average ${loadavg()[0]!.toFixed(1)}; ${note}`,
    },
    telemetry_curve_100d_minutes_p99_ms: {
      value: Math.round(minutes.p99 * 10) / 10,
      unit: 'ms',
      note: `one point's 100-day per-minute curve (144,000 minutes from 100 day rollups), random point; p50 ${minutes.p50.toFixed(1)} ms, CPU per read (median) ${minutes.cpu50.toFixed(1)} ms; ${note}`,
    },
  };
}

/**
 * Compaction of one closed hour at the national density: mines of 80 neighbouring points each polled
 * every 2 s (1,800 readings a point an hour, as 60,000 readings/s over 124,000 points), written
 * through the runtime's writer, then compacted as the serving process does (head directory, slices).
 */
async function compaction(dir: string): Promise<Figures> {
  const database = openDatabase(join(dir, 'compact.db'));
  await migrateToLatest(database.db);
  const writer = createTelemetryWriter(database);
  await createMonitoringStore(database.db).lastReadings([1]);
  const mines = quick ? 20 : 50;
  const perMine = 80;
  const batch = new ReadingBatch(perMine);
  for (let t = T0; t < T0 + WINDOW_MS; t += 2_000)
    for (let m = 0; m < mines; m++) {
      batch.length = 0;
      for (let k = 0; k < perMine; k++) {
        const id = 1 + m * perMine + k;
        batch.push(id, t + (m % 20) * 50, Math.round(50 + 20 * Math.sin(t / 600_000 + id)) / 100, 0);
      }
      await writer.write(batch, []);
    }
  const rows = (mines * perMine * WINDOW_MS) / 2_000;
  const slices: number[] = [];
  const writes: number[] = [];
  let rssPeak = 0;
  const rss0 = process.memoryUsage().rss;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const minSlicePoints = Number(
    process.argv.find((a) => a.startsWith('--min-slice-points='))?.slice(19) ?? NaN,
  );
  const r = await compactHead(database.db, T0 + WINDOW_MS, {
    ...(Number.isFinite(minSlicePoints) ? { minSlicePoints } : {}),
    onSlice: (_, { ms, writeMs }) => {
      slices.push(ms);
      writes.push(writeMs);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    },
  });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await database.close();
  if (r.headRows !== rows) throw new Error(`compacted ${r.headRows} of ${rows} readings`);
  const sorted = [...slices].sort((a, b) => a - b);
  const sortedWrites = [...writes].sort((a, b) => a - b);
  const what = `one closed hour of ${((mines * perMine) / 1000).toFixed(1)}k points at a reading every 2 s (${(rows / 1e6).toFixed(1)} M readings, ${slices.length} slices), SQLite head directory, load average ${loadavg()[0]!.toFixed(1)}`;
  return {
    telemetry_compaction_readings_per_cpu_s: {
      value: Math.round(rows / ((cpu.user + cpu.system) / 1e6)),
      unit: 'readings/CPU-s',
      note: `${what}; wall ${wall.toFixed(1)} s`,
    },
    telemetry_compaction_longest_slice_ms: {
      value: Math.round(sorted.at(-1)!),
      unit: 'ms',
      note: `the longest slice (reading, merging and writing; the event loop busy when compaction runs in the serving process); median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms; ${what}`,
    },
    telemetry_compaction_longest_write_lock_ms: {
      value: Math.round(sortedWrites.at(-1)!),
      unit: 'ms',
      note: `the longest write transaction of a slice (deleting its head rows, writing its blocks; reading and encoding happen before it); median ${sortedWrites[Math.floor(sortedWrites.length / 2)]!.toFixed(0)} ms; ${what}`,
    },
    telemetry_compaction_rss_growth_mb: {
      value: Math.round((rssPeak - rss0) / 2 ** 20),
      unit: 'MB',
      note: `RSS at the end of the largest slice over RSS before the compaction; ${what}`,
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'redline-tsdb-bench-'));
try {
  const figures: Figures = {
    ...(only.includes('append') ? await appendRate(dir) : {}),
    ...(only.includes('rest') ? await atRest(dir) : {}),
    ...(only.includes('curves') ? await curves(dir) : {}),
    ...(only.includes('head') ? await headReads(dir) : {}),
    ...(only.includes('compact') ? await compaction(dir) : {}),
  };
  console.log(JSON.stringify(figures, null, 2));
  if (!quick && !process.argv.includes('--no-write')) {
    const file = new URL('./results/latest.json', import.meta.url);
    const latest = JSON.parse(readFileSync(file, 'utf8')) as Figures;
    writeFileSync(file, `${JSON.stringify({ ...latest, ...figures }, null, 2)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
