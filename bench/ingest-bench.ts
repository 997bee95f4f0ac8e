/**
 * End-to-end ingestion benchmarks on the embedded engine (SQLite file, WAL): readings through the
 * monitoring runtime (evaluation, alarm rules, durable write) and through national upload files
 * (decode + parse as well), the receipt-to-live-feed alarm latency under load, and the bytes stored
 * per reading. `node bench/ingest-bench.ts [--quick]` prints JSON.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMonitoringRuntime } from '../src/monitoring/monitoring-wiring.ts';
import type { PointReading } from '../src/core/monitoring/upload-file/safety-monitoring-records.ts';
import type { Clock, Ids } from '../src/core/ports.ts';
import { ingestUploadFile } from '../src/ingest/files/ingest-upload-file.ts';
import { createProvinceSimulator } from '../src/sim/monitoring/province-simulator.ts';
import { renderUploadFile } from '../src/sim/monitoring/upload-file-writer.ts';
import { migrateToLatest, openDatabase } from '../src/storage/database.ts';
import { loadBenchProvince } from './support/bench-province.ts';

type Figures = Record<string, { value: number; unit: string; note: string }>;

/** A clock the benchmark moves with the data, so "now" matches the readings' time. */
function benchClock(startMs: number): Clock & { set(ms: number): void } {
  let now = startMs;
  return { nowMs: () => now, nowIso: () => new Date(now).toISOString(), set: (ms) => void (now = ms) };
}
let idn = 0;
const ids: Ids = { next: (p) => `${p}-${++idn}` };

/** The 300-mine demo province on a fresh SQLite file with the monitoring runtime started (shared by the ingest benches). */
export async function setUp(mineCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
  const database = openDatabase(join(dir, 'bench.db'));
  await migrateToLatest(database.db);
  const t0 = Date.parse('2026-12-05T02:00:00Z');
  const clock = benchClock(t0);
  const { ports, province } = await loadBenchProvince(database, clock, ids, mineCount);
  const { runtime, hub } = createMonitoringRuntime(database, ports);
  await runtime.start();
  const sim = createProvinceSimulator({ mines: province.mines, seed: 1, startMs: t0, intervalMs: 10_000 });
  for (const l of sim.layouts.values()) await runtime.definePoints(l.mineCode, l.points);
  const points = [...sim.layouts.values()].reduce((n, l) => n + l.points.length, 0);
  return {
    dir,
    database,
    clock,
    ports,
    runtime,
    hub,
    sim,
    t0,
    points,
    ids,
    province,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runIngestBench(opts: { quick: boolean }): Promise<Figures> {
  const polls = opts.quick ? 6 : 30;
  const env = await setUp(300);
  const { runtime, sim, clock, t0 } = env;
  const figures: Figures = {};

  // 1. Readings straight into the runtime, one call per mine per poll (as one CDSS file would carry).
  const batches: Array<{ code: string; readings: PointReading[]; t: number }> = [];
  for (let i = 1; i <= polls; i++) {
    const t = t0 + i * 10_000;
    for (const r of sim.step(t).readings) batches.push({ code: r.mineCode, readings: r.readings, t });
  }
  const total = batches.reduce((n, b) => n + b.readings.length, 0);
  let start = performance.now();
  for (const b of batches) {
    clock.set(b.t);
    await runtime.ingestReadings(b.code, b.readings);
  }
  let secs = (performance.now() - start) / 1000;
  figures.ingest_pipeline_readings_per_s = {
    value: Math.round(total / secs),
    unit: 'readings/s',
    note: `${total} readings of ${env.points} points in 300 mines, ${polls} polls, one call per mine poll, evaluated and durably stored in SQLite (WAL, synchronous=NORMAL)`,
  };

  // 2. The same through national CDSS files: decode, parse, evaluate, store.
  const files: Array<{ name: string; bytes: Uint8Array; t: number }> = [];
  const enc = new TextEncoder();
  for (let i = polls + 1; i <= polls * 2; i++) {
    const t = t0 + i * 10_000;
    for (const r of sim.step(t).readings) {
      const layout = sim.layouts.get(r.mineCode)!;
      const f = renderUploadFile(
        'CDSS',
        { mineCode: r.mineCode, mineName: layout.mineName, uploadTimeMs: t },
        r.readings,
      );
      files.push({ name: f.name, bytes: enc.encode(f.text), t });
    }
  }
  let fileReadings = 0;
  start = performance.now();
  for (const f of files) {
    clock.set(f.t);
    const rep = await ingestUploadFile({ runtime, store: env.ports.monitoring, ids, clock }, f.name, f.bytes);
    fileReadings += rep.accepted;
  }
  secs = (performance.now() - start) / 1000;
  figures.ingest_files_readings_per_s = {
    value: Math.round(fileReadings / secs),
    unit: 'readings/s',
    note: `${files.length} CDSS files (${fileReadings} readings) decoded, parsed, evaluated and stored; file log included`,
  };

  // 3. Alarm latency at a paced 60,000 readings/s: receipt (the call) to the live feed.
  const latencies: number[] = [];
  const pending = new Map<string, number>();
  const unsubscribe = env.hub.subscribe({
    mineId: null,
    deliver: (e) => {
      if (e.kind !== 'alarm') return;
      const sent = pending.get(e.alarm.id);
      if (sent !== undefined && e.alarm.conditionActive) {
        latencies.push(performance.now() - sent);
        pending.delete(e.alarm.id);
      }
    },
  });
  const rate = 60_000;
  const seconds = opts.quick ? 3 : 15;
  const layouts = [...sim.layouts.values()].filter((l) => l.status === 'producing');
  let sentReadings = 0;
  const wallStart = performance.now();
  for (let s = 0; s < seconds; s++) {
    const t = t0 + (polls * 2 + 1 + s) * 10_000;
    const step = sim.step(t).readings;
    let inSecond = 0;
    const secondStart = performance.now();
    for (let k = 0; inSecond < rate; k++) {
      const r = step[k % step.length]!;
      const readings = r.readings.map((x) => ({ ...x, dataTimeMs: t + Math.floor(k / step.length) }));
      // Every 50th call carries a methane reading over the alarm level.
      if (k % 50 === 0) {
        const layout = layouts[k % layouts.length]!;
        const ch4 = layout.points.find((p) => p.sensorTypeCode === '0001')!;
        const alarmId = `${env.runtime.engine.mineByCode(layout.mineCode)!.id}|over_limit|${ch4.pointCode}`;
        if (!env.runtime.engine.alarms.get(alarmId)?.conditionActive && !pending.has(alarmId)) {
          pending.set(alarmId, performance.now());
          clock.set(t + k);
          void env.runtime.ingestReadings(layout.mineCode, [
            {
              pointCode: ch4.pointCode,
              sensorTypeName: '甲烷',
              location: ch4.location,
              value: 1.8,
              unit: '%',
              statusBits: 0,
              dataTimeMs: t + k,
            },
          ]);
        }
      }
      clock.set(t + k);
      await env.runtime.ingestReadings(r.mineCode, readings);
      inSecond += readings.length;
      sentReadings += readings.length;
    }
    const spent = performance.now() - secondStart;
    if (spent < 1000) await new Promise((res) => setTimeout(res, 1000 - spent));
  }
  const wall = (performance.now() - wallStart) / 1000;
  unsubscribe();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? Number.NaN;
  figures.alarm_latency_p99_ms = {
    value: Math.round(pct(99) * 10) / 10,
    unit: 'ms',
    note: `receipt → live feed for ${latencies.length} methane over-limit alarms while ingesting ${Math.round(sentReadings / wall)} readings/s (target pace ${rate}/s) for ${seconds} s; p50 ${Math.round(pct(50) * 10) / 10} ms`,
  };

  const count = await env.ports.monitoring.countReadings();
  await env.database.db.destroy().catch(() => undefined);
  const bytes = ['bench.db', 'bench.db-wal'].reduce((n, f) => {
    try {
      return n + statSync(join(env.dir, f)).size;
    } catch {
      return n;
    }
  }, 0);
  figures.stored_bytes_per_reading = {
    value: Math.round((bytes / count) * 10) / 10,
    unit: 'bytes',
    note: `SQLite file (incl. WAL, registry and per-minute aggregates) / ${count} stored readings`,
  };
  rmSync(env.dir, { recursive: true, force: true });
  return figures;
}

if (import.meta.main) {
  console.log(JSON.stringify(await runIngestBench({ quick: process.argv.includes('--quick') }), null, 2));
}
