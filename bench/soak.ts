/**
 * `npm run bench:soak -- [--minutes 60] [--rate 60000] [--mines N] [--poll-s 2] [--people-every-s 30]
 *  [--sample-s 10] [--alarm-every-s 5] [--engine sqlite|postgres] [--connections 8] [--mines-per-request 1] [--cpu-prof] [--keep]
 *  [--country 2019]`
 *
 * Load and soak: the real embedded server (`node src/cli/main.ts serve`, a child process) on a fresh
 * database takes the national load for a while — `--rate` readings/s over HTTP NDJSON, one body per
 * mine and poll as a gateway sends it, paced on schedule (open loop, whatever the answers do) through a
 * few keep-alive connections, plus one RYSS personnel file per mine every `--people-every-s` through
 * POST /api/ingest/files — and every `--sample-s` records the server's memory (RSS; V8 heap and
 * event-loop figures from a preloaded probe), CPU, the readings/s achieved, request latency
 * p50/p99/max (from the scheduled send to the answer) and the backlog (readings sent on schedule but
 * not yet answered). An alarm probe (support/soak-alarm-probe.ts) sends a methane reading over the
 * alarm level for the next mine every `--alarm-every-s` (0: none) on a connection of its own and times
 * it to the province regulator's live feed (`GET /api/live`): the alarm's receipt → live feed latency
 * under the load. Writes bench/results/soak-latest.json and prints a table.
 *
 * The province is the demo generator's (`redline seed`) with enough mines that every point reports
 * about every `--poll-s` seconds: 60,000 readings/s at 2 s is ~120,000 points in ~1,600 reporting
 * mines (of ~2,260). `--engine postgres` uses DATABASE_URL when it is a postgres:// URL, otherwise a
 * throwaway database created through TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 * `--mines-per-request N` sends N mines' polls per readings request (a concentrator) instead of one.
 * `--country YEAR` seeds every real mine of that year instead (`redline seed --country`, 3,199 mines in
 * 2019, ADR 0008) and sends each province's mines under its own regulator's token; `--mines N` then
 * loads every k-th of them only (the server still holds them all), for a short run.
 * `--cpu-prof` profiles the server during the run (V8 sampling profiler, not the set-up) and adds where
 * its time went to the results. `SOAK_SERVER_NODE_OPTIONS` in the environment becomes the server's
 * NODE_OPTIONS (a V8 flag to try, or `--import` of a probe such as a per-statement SQL timer).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { summarizeCpuProfile, type ProfileSummary } from './support/cpu-profile.ts';
import type { MemoryProbeMessage, ProbeCommand, ProfileWritten } from './support/memory-probe.ts';
import {
  createToken,
  cpuMs,
  residentMb,
  runCli,
  startServerProcess,
  writtenBytes,
} from './support/server-process.ts';
import { createPoster, machineCpuMs, percentile, SoakCounters } from './support/soak-client.ts';
import { startAlarmProbe, type AlarmProbe } from './support/soak-alarm-probe.ts';
import { prepareSoakDatabase, provinceRegulatorTokens } from './support/soak-database.ts';
import {
  alarmFigures,
  alarmSummary,
  cpuPressure,
  printHeader,
  printRow,
  round1,
  steadiness,
  type Sample,
} from './support/soak-report.ts';
import type { GeneratorPoll, GeneratorPollResult, GeneratorReady } from './support/soak-generator.ts';
import { ClusterProcess, clusterEnv, deleteStream, streamBacklog, until } from '../test/support/cluster.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    rate: { type: 'string', default: '60000' },
    mines: { type: 'string' },
    'poll-s': { type: 'string', default: '2' },
    'people-every-s': { type: 'string', default: '30' },
    'sample-s': { type: 'string', default: '10' },
    'alarm-every-s': { type: 'string', default: '5' },
    engine: { type: 'string', default: 'sqlite' },
    connections: { type: 'string', default: '8' },
    'mines-per-request': { type: 'string', default: '1' },
    seed: { type: 'string', default: '20201204' },
    'cpu-prof': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    workers: { type: 'string', default: '0' },
    country: { type: 'string' },
  },
});

/** Readings per mine and poll, on average over all mines (≈ 71 % report, ≈ 75 points each). */
const READINGS_PER_MINE_ESTIMATE = 53;
const num = (name: keyof typeof args): number => {
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};
const rate = num('rate');
const pollS = Math.max(2, num('poll-s'));
const config = {
  minutes: num('minutes'),
  rate,
  mines: args.mines ? Math.round(num('mines')) : Math.ceil((rate * pollS) / READINGS_PER_MINE_ESTIMATE),
  pollS,
  peopleEveryS: num('people-every-s'),
  sampleS: num('sample-s'),
  /** Seconds between alarm probes; 0 for none (and none in a country run: one regulator sees one province). */
  alarmEveryS: Math.max(0, Number(args['alarm-every-s']) || 0),
  engine: args.engine === 'postgres' ? ('postgres' as const) : ('sqlite' as const),
  connections: Math.round(num('connections')),
  minesPerRequest: Math.round(num('mines-per-request')),
  seed: Math.round(num('seed')),
  cpuProf: args['cpu-prof'] === true,
  /** 0: the embedded server; N: the distributed mode — a gateway and N workers over PostgreSQL and NATS. */
  workers: Math.max(0, Math.round(Number(args.workers) || 0)),
  /** Every real mine of this year instead of the invented province. */
  country: args.country === undefined ? null : Math.round(num('country')),
};
if (config.country !== null && config.minesPerRequest !== 1)
  throw new Error('--country sends each province under its own token: --mines-per-request must be 1');
if (config.workers > 0) config.engine = 'postgres';
if (args.engine !== 'sqlite' && args.engine !== 'postgres') throw new Error('--engine is sqlite or postgres');

const log = (m: string) => console.log(`[soak] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const mb = (bytes: number | undefined) => (bytes === undefined ? null : round1(bytes / 1_048_576));

// ---- database and data directory ------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'redline-soak-'));
const database = await prepareSoakDatabase(config.engine, work);
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  DATABASE_URL: database.url,
  REDLINE_DATA_DIR: join(work, 'data'),
  REDLINE_DEMO_SEED: String(config.seed),
  // Without --country the invented province, whose size --mines sets (the generator rebuilds it).
  REDLINE_DEMO_AREA: 'synthetic',
  ...(process.env.REDLINE_REFDATA_DIR ? { REDLINE_REFDATA_DIR: process.env.REDLINE_REFDATA_DIR } : {}),
  LOG_LEVEL: 'warn',
  ...(process.env.SOAK_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SOAK_SERVER_NODE_OPTIONS } : {}),
  MQTT_URL: '',
  REDLINE_INBOX: '',
};

// ---- set-up: province, token, generator, server, definitions ---------------------------------------

const setupStarted = performance.now();
log(
  `seeding ${config.country === null ? `${config.mines} mines` : `every mine of ${config.country}`} into ${config.engine} (${config.engine === 'sqlite' ? database.url : 'database'})`,
);
const seeded = await runCli(
  config.country === null
    ? ['seed', '--mines', String(config.mines)]
    : ['seed', '--country', String(config.country)],
  env,
  600_000,
);
if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
log(`seeded: ${seeded.stdout.trim()}`);
// One token per province regulator (a country seed has one per province: p72, p73, …), keyed by the
// province's two-digit prefix of the mine codes.
const tokens = new Map<string, string>();
if (config.country === null) tokens.set('', await createToken(env, 'province', 'soak benchmark gateways'));
else for (const [prefix, token] of await provinceRegulatorTokens(env)) tokens.set(prefix, token);
const readToken =
  config.country === null && config.alarmEveryS > 0
    ? await createToken(env, 'province', 'soak alarm probe (live feed)', 'read')
    : null;
const authFor = (mine: string) => ({
  authorization: `Bearer ${tokens.get(config.country === null ? '' : mine.slice(0, 2)) ?? ''}`,
});

// The distributed mode: N workers (each prints JSON events) before the gateway takes data.
const cluster = config.workers > 0 ? clusterEnv({ url: database.url }, 12) : null;
if (cluster) Object.assign(env, cluster);
const workers = Array.from(
  { length: config.workers },
  (_, i) =>
    new ClusterProcess(`w${i + 1}`, 'worker', {
      ...(env as Record<string, string>),
      REDLINE_WORKER_NAME: `w${i + 1}`,
    }),
);
if (workers.length > 0) {
  await until(() => new Set(workers.flatMap((w) => w.owned())).size === 12, 120_000);
  log(`${workers.length} workers own the 12 partitions`);
}

const generator = new Worker(new URL('./support/soak-generator.ts', import.meta.url));
const fromGenerator = <T>(): Promise<T> => new Promise((res) => generator.once('message', res));
const simStartMs = Date.now();
generator.postMessage({
  kind: 'init',
  seed: config.seed,
  mines: config.mines,
  country: config.country,
  countryLoadMines: config.country !== null && args.mines ? Math.round(num('mines')) : null,
  refdataDir: process.env.REDLINE_REFDATA_DIR ?? null,
  nowIso: new Date().toISOString(),
  startMs: simStartMs,
  nominalPollMs: config.pollS * 1000,
});
const ready = await fromGenerator<GeneratorReady>();
const pollMs = Math.round((ready.readingsPerPoll / config.rate) * 1000);
if (pollMs < 1000) {
  throw new Error(
    `${ready.readingsPerPoll} readings per poll cannot make ${config.rate}/s with whole-second times: use more --mines`,
  );
}
log(
  `${ready.reportingMines.length} reporting mines, ${ready.points} points, ${ready.people} people; ` +
    `one poll of ${ready.readingsPerPoll} readings every ${pollMs} ms`,
);

let latestProbe: MemoryProbeMessage | null = null;
let profileWritten: ((m: ProfileWritten) => void) | null = null;
const profileFile = join(work, 'server.cpuprofile');
const probe = (command: ProbeCommand) => server.child.send(command);
const server = await startServerProcess(env, {
  command: workers.length > 0 ? 'gateway' : 'serve',
  nodeArgs: ['--import', new URL('./support/memory-probe.ts', import.meta.url).pathname],
  onMessage: (m) => {
    const kind = (m as { kind?: string }).kind;
    if (kind === 'memory-probe') latestProbe = m as MemoryProbeMessage;
    if (kind === 'profile-written') profileWritten?.(m as ProfileWritten);
  },
  readyTimeoutMs: 300_000,
});
let serverGone = false;
const stopServer = async () => {
  if (serverGone) return null;
  serverGone = true;
  return server.stop();
};
process.once('SIGINT', () => {
  void server.kill9().then(() => process.exit(130));
});

const poster = createPoster(server.baseUrl, config.connections);
{
  const queue = [...ready.definitions];
  let failed = 0;
  await Promise.all(
    Array.from({ length: config.connections }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const r = await poster.post(
          '/api/ingest/files',
          { ...authFor(f.name), 'content-type': 'text/plain; charset=utf-8', 'x-file-name': f.name },
          f.text,
        );
        if (r.status !== 200 || (JSON.parse(r.text) as { outcome: string }).outcome !== 'stored') {
          if (failed++ < 3) console.error(`[soak] definition ${f.name}: ${r.status} ${r.text.slice(0, 300)}`);
        }
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} definition files were not stored`);
}
log(`set-up took ${Math.round((performance.now() - setupStarted) / 1000)} s; running ${config.minutes} min`);

// ---- the run ---------------------------------------------------------------------------------------

const counters = new SoakCounters();
/** Set when the run gives up waiting for the last answers: the requests cut off then are not errors. */
let abandoning = false;
const runMs = config.minutes * 60_000;
const runStart = Date.now();
const runEnd = runStart + runMs;
/** Requests allowed on the wire or waiting for a connection; beyond, sends are skipped (not kept up). */
const maxInFlight = Math.ceil((ready.reportingMines.length / config.minesPerRequest / (pollMs / 1000)) * 30);
const polls = new Map<number, Promise<GeneratorPollResult>>();
const pending = new Map<number, (r: GeneratorPollResult) => void>();
generator.on('message', (r: GeneratorPollResult) => pending.get(r.k)?.(r));
const requestPoll = (k: number) => {
  if (polls.has(k)) return;
  const msg: GeneratorPoll = {
    kind: 'poll',
    k,
    t: runStart + k * pollMs,
    pollMs,
    peopleEveryMs: config.peopleEveryS * 1000,
    minesPerRequest: config.minesPerRequest,
  };
  polls.set(k, new Promise((res) => pending.set(k, res)));
  generator.postMessage(msg);
};

function send(s: GeneratorPollResult['sends'][number], dueMs: number): void {
  if (s.kind === 'readings') {
    if (counters.inFlight >= maxInFlight) {
      counters.totalSkippedLines += s.lines;
      return;
    }
    counters.sentLines += s.lines;
    counters.totalSentLines += s.lines;
  }
  counters.inFlight++;
  counters.requests++;
  const path = s.kind === 'readings' ? '/api/ingest/readings' : '/api/ingest/files';
  const headers =
    s.kind === 'readings'
      ? { ...authFor(s.mine), 'content-type': 'application/x-ndjson' }
      : { ...authFor(s.mine), 'content-type': 'text/plain; charset=utf-8', 'x-file-name': s.name };
  void poster.post(path, headers, s.body).then(
    (r) => {
      counters.inFlight--;
      if (abandoning) return;
      const latency = Date.now() - dueMs;
      if (s.kind === 'readings') {
        counters.answeredLines += s.lines;
        counters.totalAnsweredLines += s.lines;
        counters.readingLatencies.push(latency);
        if (r.status !== 200) return counters.noteError(`readings ${r.status}: ${r.text.slice(0, 200)}`);
        const a = JSON.parse(r.text) as { accepted: number; rejected: unknown[] };
        counters.accepted += a.accepted;
        counters.totalAccepted += a.accepted;
        counters.rejectedLines += a.rejected.length;
        counters.totalRejectedLines += a.rejected.length;
      } else {
        counters.peopleLatencies.push(latency);
        if (r.status !== 200) return counters.noteError(`RYSS ${r.status}: ${r.text.slice(0, 200)}`);
        const a = JSON.parse(r.text) as { outcome: string; accepted: number; reason?: string };
        if (a.outcome !== 'stored') return counters.noteError(`RYSS ${a.outcome}: ${a.reason ?? ''}`);
        counters.peopleFiles++;
        counters.totalPeopleFiles++;
        counters.peoplePositions += a.accepted;
      }
    },
    (e: unknown) => {
      counters.inFlight--;
      if (abandoning) return;
      if (s.kind === 'readings') {
        counters.answeredLines += s.lines;
        counters.totalAnsweredLines += s.lines;
      }
      counters.noteError(`${s.kind}: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
}

async function runPolls(): Promise<void> {
  requestPoll(0);
  for (let k = 0; runStart + k * pollMs < runEnd; k++) {
    requestPoll(k + 1);
    const p = await polls.get(k)!;
    polls.delete(k);
    pending.delete(k);
    counters.generateMsMax = Math.max(counters.generateMsMax, p.generateMs);
    for (const s of p.sends) {
      const due = p.t + s.offsetMs;
      const wait = due - Date.now();
      if (wait > 2) await sleep(wait);
      else counters.lateSendMsMax = Math.max(counters.lateSendMsMax, -wait);
      if (Date.now() >= runEnd) return;
      send(s, due);
    }
  }
}

const samples: Sample[] = [];
const serverCpuAtStart = cpuMs(server.pid);
const ownCpuAtStart = process.cpuUsage();
let lastSampleAt = runStart;
let lastServerCpu = cpuMs(server.pid);
let lastOwnCpu = process.cpuUsage();
let lastMachine = machineCpuMs((p) => readFileSync(p, 'utf8'));
let lastIo = writtenBytes(server.pid);
const ioAtStart = lastIo;

async function takeSample(): Promise<Sample> {
  const now = Date.now();
  const secs = (now - lastSampleAt) / 1000;
  lastSampleAt = now;
  const c = counters.takeInterval();
  const serverCpu = cpuMs(server.pid);
  const own = process.cpuUsage();
  const machine = machineCpuMs((p) => readFileSync(p, 'utf8'));
  const io = writtenBytes(server.pid);
  const serverMs = serverCpu !== null && lastServerCpu !== null ? serverCpu - lastServerCpu : null;
  const ownMs = (own.user - lastOwnCpu.user + own.system - lastOwnCpu.system) / 1000;
  const otherMs =
    machine && lastMachine && serverMs !== null
      ? machine.busyMs - lastMachine.busyMs - serverMs - ownMs
      : null;
  lastServerCpu = serverCpu;
  lastOwnCpu = own;
  lastMachine = machine;
  const pct = (ms: number | null) => (ms === null ? null : Math.max(0, Math.round(ms / secs / 10)));
  const probe: MemoryProbeMessage | null = latestProbe;
  const sample: Sample = {
    t_s: Math.round((now - runStart) / 1000),
    target_readings_per_s: config.rate,
    sent_readings_per_s: Math.round(c.sentLines / secs),
    achieved_readings_per_s: Math.round(c.accepted / secs),
    backlog_readings: counters.totalSentLines - counters.totalAnsweredLines,
    in_flight_requests: counters.inFlight,
    requests: c.requests,
    p50_ms: round1(percentile(c.readingLatencies, 50)),
    p99_ms: round1(percentile(c.readingLatencies, 99)),
    max_ms: round1(c.readingLatencies.at(-1) ?? null),
    people_files: c.peopleFiles,
    people_p99_ms: round1(percentile(c.peopleLatencies, 99)),
    rejected_lines: c.rejectedLines,
    errors: c.errors,
    rss_mb: round1(residentMb(server.pid)),
    heap_used_mb: mb(probe?.heapUsedBytes),
    heap_total_mb: mb(probe?.heapTotalBytes),
    event_loop_utilization: probe ? Math.round(probe.eventLoopUtilization * 100) / 100 : null,
    event_loop_delay_p99_ms: probe ? round1(probe.delayP99Ms) : null,
    server_cpu_pct: pct(serverMs),
    loadgen_cpu_pct: Math.round(ownMs / secs / 10),
    other_cpu_pct: pct(otherMs),
    db_mb: await database.sizeMb().catch(() => null),
    generate_ms_max: Math.round(c.generateMsMax),
    late_send_ms_max: Math.round(c.lateSendMsMax),
    server_written_mb_per_s: io && lastIo ? round1((io.wchar - lastIo.wchar) / secs / 1_048_576) : null,
    server_disk_write_mb_per_s:
      io && lastIo ? round1((io.writeBytes - lastIo.writeBytes) / secs / 1_048_576) : null,
    cpu_pressure_pct: cpuPressure(),
    ...(alarmProbe ? alarmFigures(alarmProbe.takeInterval()) : {}),
    ...(cluster
      ? {
          workers_rss_mb: workers.map((w) => round1(residentMb(w.child.pid!))),
          stream_backlog_messages: await streamBacklog(cluster.REDLINE_NATS_PREFIX).catch(() => null),
        }
      : {}),
  };
  lastIo = io;
  samples.push(sample);
  printRow(sample);
  return sample;
}

const alarmProbe: AlarmProbe | null =
  readToken !== null && ready.methanePoints.length > 0
    ? startAlarmProbe({
        baseUrl: server.baseUrl,
        readToken,
        ingestToken: tokens.get('')!,
        points: ready.methanePoints,
        everyMs: config.alarmEveryS * 1000,
      })
    : null;

printHeader();

if (config.cpuProf) probe({ kind: 'profile-start' });
const sampler = setInterval(() => void takeSample(), config.sampleS * 1000);
await runPolls();
const backlogAtEnd = counters.totalSentLines - counters.totalAnsweredLines;
const sentEnd = Date.now();
// Let what was sent be answered (bounded), then a last sample and a graceful stop.
for (let waited = 0; counters.inFlight > 0 && waited < 120_000; waited += 100) await sleep(100);
const drainMs = Date.now() - sentEnd;
clearInterval(sampler);
await alarmProbe?.stop();
await takeSample();
const abandoned = counters.inFlight;
abandoning = true;
poster.close();
await generator.terminate();

const serverCpuAtEnd = cpuMs(server.pid);
const ioAtEnd = writtenBytes(server.pid);
let profile: ProfileSummary | null = null;
if (config.cpuProf) {
  const written = await new Promise<ProfileWritten>((res) => {
    profileWritten = res;
    probe({ kind: 'profile-stop', file: profileFile });
  });
  if (written.error) log(`no profile: ${written.error}`);
  else profile = summarizeCpuProfile(profileFile);
}
const ownCpuAtEnd = process.cpuUsage(ownCpuAtStart);
// The distributed mode: what the gateway acknowledged is stored once the work queue is empty.
let storeDrainMs: number | null = null;
if (cluster) {
  const t = Date.now();
  await until(async () => (await streamBacklog(cluster.REDLINE_NATS_PREFIX)) === 0, 600_000, 250).catch(
    () => undefined,
  );
  storeDrainMs = Date.now() - t;
}
const exitCode = await stopServer();
await Promise.all(workers.map((w) => w.stop()));
if (cluster) await deleteStream(cluster.REDLINE_NATS_PREFIX);
const storedRows = await database.countReadings().catch(() => null);

// ---- results ---------------------------------------------------------------------------------------

const seconds = (sentEnd - runStart) / 1000;
const full = samples.filter((s) => s.requests > 0);
const rssValues = samples.map((s) => s.rss_mb).filter((x): x is number => x !== null);
const achieved = Math.round(counters.totalAccepted / seconds);
const answeredRate = counters.totalAnsweredLines / seconds;
const keptUp =
  counters.totalSkippedLines === 0 &&
  counters.totalErrors === 0 &&
  backlogAtEnd <= config.rate * Math.max(2, (2 * pollMs) / 1000) &&
  answeredRate >= 0.97 * config.rate;
const mean = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : Math.round(v.reduce((a, b) => a + b, 0) / v.length);
};
const serverCpuS =
  serverCpuAtStart !== null && serverCpuAtEnd !== null ? (serverCpuAtEnd - serverCpuAtStart) / 1000 : null;
const usPerReading =
  serverCpuS !== null && counters.totalAccepted > 0 ? (serverCpuS * 1e6) / counters.totalAccepted : null;
const summary = {
  rss_start_mb: rssValues[0] ?? null,
  rss_end_mb: rssValues.at(-1) ?? null,
  rss_max_mb: rssValues.length > 0 ? Math.max(...rssValues) : null,
  heap_used_start_mb: full[0]?.heap_used_mb ?? null,
  heap_used_end_mb: full.at(-1)?.heap_used_mb ?? null,
  p99_first_ms: full[0]?.p99_ms ?? null,
  p99_last_ms: full.at(-1)?.p99_ms ?? null,
  p99_max_ms: full.length > 0 ? Math.max(...full.map((s) => s.p99_ms ?? 0)) : null,
  achieved_readings_per_s: achieved,
  kept_up: keptUp,
  // Why not, when not: the server's own CPU cost, and whether the machine or the load generator was the limit.
  server_cpu_s: round1(serverCpuS),
  server_cpu_us_per_reading: round1(usPerReading),
  readings_per_s_per_server_core: usPerReading === null ? null : Math.round(1e6 / usPerReading),
  server_written_bytes_per_reading:
    ioAtStart && ioAtEnd && counters.totalAccepted > 0
      ? Math.round((ioAtEnd.wchar - ioAtStart.wchar) / counters.totalAccepted)
      : null,
  loadgen_cpu_s: round1((ownCpuAtEnd.user + ownCpuAtEnd.system) / 1e6),
  other_cpu_pct_mean: mean(samples.map((s) => s.other_cpu_pct)),
  cpu_pressure_pct_mean: mean(samples.map((s) => s.cpu_pressure_pct)),
  generate_ms_max: Math.max(0, ...samples.map((s) => s.generate_ms_max)),
  late_send_ms_max: Math.max(0, ...samples.map((s) => s.late_send_ms_max)),
  seconds: Math.round(seconds),
  readings_sent: counters.totalSentLines,
  readings_accepted: counters.totalAccepted,
  readings_rejected: counters.totalRejectedLines,
  readings_skipped_client_side: counters.totalSkippedLines,
  readings_stored_rows: storedRows,
  backlog_at_end_readings: backlogAtEnd,
  drain_ms: drainMs,
  requests_abandoned_at_end: abandoned,
  people_files_stored: counters.totalPeopleFiles,
  errors: counters.totalErrors,
  first_errors: counters.firstErrors,
  server_exit_code: exitCode,
  ...(alarmProbe ? alarmSummary(alarmProbe.totals()) : {}),
  ...steadiness(samples),
  ...(cluster
    ? {
        workers: workers.length,
        workers_rss_start_mb: samples[0]?.workers_rss_mb ?? null,
        workers_rss_end_mb: samples.at(-1)?.workers_rss_mb ?? null,
        store_drain_after_send_ms: storeDrainMs,
      }
    : {}),
};
const result = {
  config: {
    ...config,
    pollMs,
    reportingMines: ready.reportingMines.length,
    points: ready.points,
    people: ready.people,
    readingsPerPoll: ready.readingsPerPoll,
    readingRequestsPerS: Math.round(ready.reportingMines.length / config.minesPerRequest / (pollMs / 1000)),
    databaseUrl: config.engine === 'sqlite' ? '<temp sqlite file>' : '<postgres database>',
    node: process.version,
    startedAt: new Date(runStart).toISOString(),
  },
  samples,
  summary,
  ...(profile ? { server_profile: profile } : {}),
};
const out = join(import.meta.dirname, 'results', 'soak-latest.json');
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
if (profile) {
  console.log('server CPU by part:', profile.byPart.map((p) => `${p.part} ${p.pct}%`).join(', '));
  console.log('self time:');
  for (const f of profile.topFunctions.slice(0, 15)) console.log(`  ${String(f.pct).padStart(5)} %  ${f.fn}`);
  console.log('inclusive time of src/ functions:');
  for (const f of profile.topSrcInclusive.slice(0, 20))
    console.log(`  ${String(f.pct).padStart(5)} %  ${f.fn}`);
}
log(`wrote ${out}`);

await database.close(args.keep === true);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
