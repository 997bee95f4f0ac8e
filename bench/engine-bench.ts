/**
 * The monitoring engine's hot path without I/O: `MonitoringEngine.ingestReadings` over one mine's
 * poll at a time (80 readings, the usual KJ upload), methane points with the regulation rows applied,
 * values mostly normal with a few excursions — the rules, the alarm book and the batch included.
 *
 * Run alone: `node bench/engine-bench.ts [--quick]` (prints JSON).
 */
import { correlateMines } from '../src/core/monitoring/correlation/correlate-engine.ts';
import { MonitoringEngine } from '../src/core/monitoring/engine/monitoring-engine.ts';
import { REGULATIONS_2016_THRESHOLDS } from '../src/core/monitoring/thresholds/regulations-2016-threshold-table.ts';
import type { PointDefinition } from '../src/core/monitoring/upload-file/point-definition-records.ts';
import type { PointReading } from '../src/core/monitoring/upload-file/safety-monitoring-records.ts';

const PER_MINE = 80;
const INTERVAL_MS = 30_000;

function definition(code: string, i: number, t0: number): PointDefinition {
  return {
    pointCode: code,
    systemCode: '01',
    substationCode: '001',
    sensorTypeCode: i % 4 === 0 ? '0004' : '0001',
    valueType: 'MN',
    unit: i % 4 === 0 ? 'ppm' : '%CH4',
    rangeHigh: null,
    rangeLow: null,
    upperAlarm: i % 4 === 0 ? 24 : 1,
    upperAlarmRelease: null,
    lowerAlarm: null,
    lowerAlarmRelease: null,
    upperPowerCut: i % 4 === 0 ? null : 1.5,
    upperPowerRestore: i % 4 === 0 ? null : 1,
    lowerPowerCut: null,
    lowerPowerRestore: null,
    onText: '',
    offText: '',
    location: i % 3 === 0 ? '1301工作面T1' : '1301回风巷T2',
    x: null,
    y: null,
    z: null,
    relations: [],
    dataTimeMs: t0,
  };
}

/** An engine sized for `mines` mines of PER_MINE points each, with the 2016 regulation thresholds. */
function provinceEngine(mines: number): MonitoringEngine {
  return new MonitoringEngine({
    capacity: mines * PER_MINE + 1,
    thresholds: REGULATIONS_2016_THRESHOLDS,
  });
}

/** Mine number `m` of the bench province (a producing high-gas mine) with its PER_MINE points defined. */
function addMine(engine: MonitoringEngine, m: number, t0: number): { mineId: string; codes: string[] } {
  const mineId = `m${m}`;
  engine.upsertMine(
    {
      id: mineId,
      code: String(990102000000 + m),
      name: mineId,
      status: 'producing',
      approvedMaxUnderground: 100,
      gasClass: 'high',
      regionPath: '/990000/990100/990102/',
    },
    t0,
  );
  const codes = Array.from({ length: PER_MINE }, (_, i) => `${mineId}P${i}`);
  engine.definePoints(
    mineId,
    codes.map((c, i) => definition(c, i, t0)),
    t0,
  );
  return { mineId, codes };
}

export function runEngineBench(opts: {
  quick: boolean;
}): Record<string, { value: number; unit: string; note: string }> {
  const plain = runOnce(opts.quick, false);
  const correlated = runOnce(opts.quick, true);
  const tick = runTicks(opts.quick);
  return {
    engine_tick_ms: {
      value: tick.ms,
      unit: 'ms per tick',
      note: `MonitoringEngine.tick (the once-a-second periodic rules), ${tick.what}`,
    },
    engine_readings_per_s: {
      value: plain.perS,
      unit: 'readings/s',
      note: `MonitoringEngine.ingestReadings, ${plain.what}`,
    },
    engine_with_correlation_readings_per_s: {
      value: correlated.perS,
      unit: 'readings/s',
      note: `ingestReadings then correlateMines for the mine (ADR 0012, as the runtime calls it), ${correlated.what}`,
    },
  };
}

function runOnce(quick: boolean, correlate: boolean): { perS: number; what: string } {
  const opts = { quick };
  const mines = opts.quick ? 50 : 250;
  const polls = opts.quick ? 40 : 120;
  const t0 = Date.parse('2026-12-05T00:00:00Z');
  const engine = provinceEngine(mines);
  const batches: Array<{ mineId: string; codes: string[] }> = [];
  for (let m = 0; m < mines; m++) {
    const { mineId, codes } = addMine(engine, m, t0);
    batches.push({ mineId, codes });
  }
  // One poll's readings per mine, rebuilt per poll with fresh times (the allocation is the caller's).
  const make = (codes: string[], poll: number, t: number): PointReading[] =>
    codes.map((pointCode, i) => ({
      pointCode,
      sensorTypeName: '',
      location: '',
      // Mostly background; every 37th point of every 9th poll goes over its limit for a while.
      value:
        i % 4 === 0
          ? 2 + ((poll + i) % 5)
          : poll % 9 === 0 && i % 37 === 0
            ? 1.3
            : 0.2 + ((poll * 7 + i) % 10) / 100,
      unit: '',
      statusBits: 0,
      dataTimeMs: t,
    }));
  const prepared: PointReading[][][] = [];
  for (let p = 0; p < polls; p++) {
    const t = t0 + (p + 1) * INTERVAL_MS;
    prepared.push(batches.map((b) => make(b.codes, p, t)));
  }
  const warm = Math.floor(polls / 4);
  for (let p = 0; p < warm; p++) {
    const t = t0 + (p + 1) * INTERVAL_MS;
    for (let m = 0; m < mines; m++) engine.ingestReadings(batches[m]!.mineId, prepared[p]![m]!, t);
  }
  const start = performance.now();
  let n = 0;
  for (let p = warm; p < polls; p++) {
    const t = t0 + (p + 1) * INTERVAL_MS;
    for (let m = 0; m < mines; m++) {
      const mineId = batches[m]!.mineId;
      const r = engine.ingestReadings(mineId, prepared[p]![m]!, t);
      if (correlate) correlateMines(engine, [mineId], t, r.changes);
      n += PER_MINE;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    perS: Math.round(n / seconds),
    what: `${mines} mines × ${PER_MINE} points, ${polls - warm} polls after warm-up, one core, no I/O`,
  };
}

/** The periodic rules over a province's points: the cost paid every second whatever arrives. */
export function runTicks(quick: boolean): { ms: number; what: string } {
  const mines = quick ? 400 : 1550;
  const t0 = Date.parse('2026-12-05T00:00:00Z');
  const engine = provinceEngine(mines);
  for (let m = 0; m < mines; m++) {
    const { mineId, codes } = addMine(engine, m, t0);
    for (let p = 0; p < 3; p++) {
      const t = t0 + (p + 1) * INTERVAL_MS;
      engine.ingestReadings(
        mineId,
        codes.map((pointCode, i) => ({
          pointCode,
          sensorTypeName: '',
          location: '',
          value: i % 4 === 0 ? 2 + ((p + i) % 5) : 0.2 + ((p * 7 + i) % 10) / 100,
          unit: '',
          statusBits: 0,
          dataTimeMs: t,
        })),
        t,
      );
    }
  }
  const now = t0 + 3 * INTERVAL_MS + 5_000;
  for (let i = 0; i < 3; i++) engine.tick(now + i * 1000);
  const ticks = quick ? 10 : 30;
  const start = performance.now();
  for (let i = 0; i < ticks; i++) engine.tick(now + (3 + i) * 1000);
  return {
    ms: Math.round(((performance.now() - start) / ticks) * 100) / 100,
    what: `${mines} mines × ${PER_MINE} points (${mines * PER_MINE} points, a province at the national rate), all reporting, one core`,
  };
}

if (import.meta.main) {
  const result = runEngineBench({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
