/**
 * The soak benchmark's data source, run in a worker thread so that generating a national load does
 * not stall the thread that sends it and times the answers. It owns the province simulator (the same
 * deterministic demo province and mine layouts as `redline seed` with the same seed and mine count)
 * and turns each poll into request bodies: one NDJSON body of readings per reporting mine (what a
 * mine's gateway sends per poll) and, on the personnel cycle, one RYSS upload file per mine.
 *
 * Protocol: `init` → `ready` (the definition files to upload first, and the poll size); then
 * `poll` { k, t } → `poll` { k, t, sends } for every poll, sends ordered by their offset in the poll.
 */
import { parentPort } from 'node:worker_threads';
import type { PointReading } from '../../src/core/monitoring/upload-file/safety-monitoring-records.ts';
import { generateDemoProvince } from '../../src/sim/demo-province.ts';
import {
  minesOfYear,
  readMinePopulation,
  resolveRefdataDir,
} from '../../src/sim/reference/mine-population.ts';
import { generateCountry } from '../../src/sim/reference/real-province.ts';
import {
  createProvinceSimulator,
  type ProvinceSimulator,
} from '../../src/sim/monitoring/province-simulator.ts';
import { renderUploadFile } from '../../src/sim/monitoring/upload-file-writer.ts';

export interface GeneratorInit {
  kind: 'init';
  seed: number;
  mines: number;
  /** Every real mine of this year (`redline seed --country`) instead of the invented province. */
  country: number | null;
  /** With `country`: load only this many of its mines (every k-th by code), null for all. */
  countryLoadMines: number | null;
  /** The reference data folder (REDLINE_REFDATA_DIR), null for ../shared/refdata. */
  refdataDir: string | null;
  /** The province's "now" (what `redline seed` used is close enough: only dates of records derive from it). */
  nowIso: string;
  /** Time of poll 0, epoch ms. */
  startMs: number;
  /** The nominal poll period the simulator is built for (point time lags), ms; at least 2000. */
  nominalPollMs: number;
}

export interface GeneratorReady {
  kind: 'ready';
  /** Mines that report (producing and under construction), by code. */
  reportingMines: string[];
  readingsPerPoll: number;
  points: number;
  people: number;
  /** One methane point per reporting mine, for the alarm probe. */
  methanePoints: Array<{ mine: string; point: string }>;
  /** CDDY and RYQY files of the reporting mines, to upload before the readings. */
  definitions: Array<{ name: string; text: string }>;
}

export interface GeneratorPoll {
  kind: 'poll';
  k: number;
  /** Poll start, epoch ms. */
  t: number;
  /** Period (ms) the sends of this poll are spread over. */
  pollMs: number;
  /** Personnel cycle, ms: each mine sends one RYSS file per cycle, at its own phase. */
  peopleEveryMs: number;
  /** Mines' polls per readings request: 1 is a gateway per mine; more is a concentrator. */
  minesPerRequest: number;
}

export type GeneratorSend =
  | { kind: 'readings'; offsetMs: number; mine: string; body: string; lines: number }
  | { kind: 'people'; offsetMs: number; mine: string; name: string; body: string; positions: number };

export interface GeneratorPollResult {
  kind: 'poll';
  k: number;
  t: number;
  sends: GeneratorSend[];
  /** Time the simulator and the rendering took, ms. */
  generateMs: number;
}

/** ISO-8601 with the China Standard Time offset, as gateways usually send it; cached per instant. */
function cstFormatter(): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    let s = cache.get(ms);
    if (s === undefined) {
      if (cache.size > 10_000) cache.clear();
      s = `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
      cache.set(ms, s);
    }
    return s;
  };
}

function ndjson(mine: string, readings: readonly PointReading[], iso: (ms: number) => string): string {
  let out = '';
  for (const r of readings) {
    out += `{"mine":"${mine}","point":"${r.pointCode}","value":${r.value === null ? 'null' : r.value},"status":${r.statusBits},"ts":"${iso(r.dataTimeMs)}"}\n`;
  }
  return out;
}

let sim: ProvinceSimulator | null = null;
let reporting: string[] = [];
let names = new Map<string, string>();
let start = 0;
const iso = cstFormatter();

function init(m: GeneratorInit): GeneratorReady {
  const province =
    m.country === null
      ? generateDemoProvince({ seed: m.seed, mineCount: m.mines, now: m.nowIso })
      : generateCountry({
          sites: minesOfYear(readMinePopulation(resolveRefdataDir(m.refdataDir)), m.country),
          seed: m.seed,
          now: m.nowIso,
        });
  start = m.startMs;
  const step =
    m.country !== null && m.countryLoadMines !== null
      ? Math.max(1, Math.floor(province.mines.length / m.countryLoadMines))
      : 1;
  const loaded = province.mines.filter((_, i) => i % step === 0);
  sim = createProvinceSimulator({
    mines: loaded,
    seed: m.seed,
    startMs: m.startMs,
    intervalMs: m.nominalPollMs,
  });
  // One step builds the shift crews (expensive once) and tells which mines report.
  const first = sim.step(m.startMs);
  reporting = first.readings.map((r) => r.mineCode);
  names = new Map(province.mines.map((x) => [x.code, x.name]));
  const definitions: GeneratorReady['definitions'] = [];
  const methanePoints: GeneratorReady['methanePoints'] = [];
  let points = 0;
  for (const code of reporting) {
    const layout = sim.layouts.get(code)!;
    points += layout.points.length;
    const ch4 = layout.points.find((p) => p.sensorTypeCode === '0001');
    if (ch4) methanePoints.push({ mine: code, point: ch4.pointCode });
    const header = { mineCode: code, mineName: layout.mineName, uploadTimeMs: m.startMs - 60_000 };
    const cddy = renderUploadFile('CDDY', { ...header, systemName: '煤矿安全监控系统' }, layout.points);
    const ryqy = renderUploadFile('RYQY', header, layout.areas);
    definitions.push({ name: cddy.name, text: cddy.text }, { name: ryqy.name, text: ryqy.text });
  }
  return {
    kind: 'ready',
    reportingMines: reporting,
    readingsPerPoll: first.readings.reduce((n, r) => n + r.readings.length, 0),
    points,
    people: first.personnel.reduce((n, p) => n + p.positions.length, 0),
    definitions,
    methanePoints,
  };
}

function poll(m: GeneratorPoll): GeneratorPollResult {
  if (sim === null) throw new Error('poll before init');
  const began = performance.now();
  const step = sim.step(m.t);
  const n = step.readings.length;
  const sends: GeneratorSend[] = [];
  for (let j = 0; j < n; j += m.minesPerRequest) {
    const group = step.readings.slice(j, j + m.minesPerRequest);
    sends.push({
      kind: 'readings',
      offsetMs: (j / n) * m.pollMs,
      mine: group[0]!.mineCode,
      body: group.map((r) => ndjson(r.mineCode, r.readings, iso)).join(''),
      lines: group.reduce((k, r) => k + r.readings.length, 0),
    });
  }
  // Mine j's personnel file is due at start + (j / n) · cycle + i · cycle; those due in this poll go out.
  step.personnel.forEach((p, j) => {
    const phase = start + (j / n) * m.peopleEveryMs;
    const due = phase + Math.ceil((m.t - phase) / m.peopleEveryMs) * m.peopleEveryMs;
    if (due >= m.t + m.pollMs) return;
    const file = renderUploadFile(
      'RYSS',
      { mineCode: p.mineCode, mineName: names.get(p.mineCode) ?? p.mineCode, uploadTimeMs: due },
      p.positions,
    );
    sends.push({
      kind: 'people',
      offsetMs: due - m.t,
      mine: p.mineCode,
      name: file.name,
      body: file.text,
      positions: p.positions.length,
    });
  });
  sends.sort((a, b) => a.offsetMs - b.offsetMs);
  return { kind: 'poll', k: m.k, t: m.t, sends, generateMs: performance.now() - began };
}

parentPort?.on('message', (m: GeneratorInit | GeneratorPoll) => {
  parentPort?.postMessage(m.kind === 'init' ? init(m) : poll(m));
});
