/**
 * End-to-end ingestion through the platform's two doors for gateways, on the embedded engine (SQLite
 * file, WAL) with the 300-mine demo province:
 *
 * - HTTP: the real server (`buildApp`, listening on loopback) taking `POST /api/ingest/readings`
 *   NDJSON bodies from a few concurrent `fetch` (undici) clients with a province regulator's API
 *   token; a reading counts once the server reports it accepted, i.e. parsed, evaluated against the
 *   alarm rules and durably stored. Also the request latency at a fixed, moderate rate of one-mine
 *   requests (what a gateway sends).
 * - MQTT: the real broker (Mosquitto on 127.0.0.1:1883, or `TEST_MQTT_URL`) and the MQTT adapter,
 *   QoS 1 messages of one mine's poll each, timed until the adapter has stored (and acknowledged)
 *   every one. Skipped with a note when no broker answers.
 *
 * The clients run in the server's process (one event loop), so their own cost is in the figures.
 * `node bench/ingest-doors-bench.ts [--quick]` prints JSON.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { createMonitoringRuntime } from '../src/monitoring/monitoring-wiring.ts';
import { createApiToken } from '../src/core/access/accounts.ts';
import { principalFor, publicUser } from '../src/core/access/authentication.ts';
import type { PointReading } from '../src/core/monitoring/upload-file/safety-monitoring-records.ts';
import type { Clock, Ids } from '../src/core/ports.ts';
import { startMqttIngest } from '../src/ingest/mqtt/mqtt-ingest.ts';
import { cryptoSecrets } from '../src/platform/system.ts';
import { buildApp, embeddedMonitoring } from '../src/server/app.ts';
import { createProvinceSimulator } from '../src/sim/monitoring/province-simulator.ts';
import { migrateToLatest, openDatabase } from '../src/storage/database.ts';
import { loadBenchProvince } from './support/bench-province.ts';

type Figures = Record<string, { value: number; unit: string; note: string }>;

const MINES = 300;
const POLL_MS = 10_000;
const HTTP_CLIENTS = 4;
/** The paced latency run: one mine's poll per request, this many requests a second. */
const PACED_REQUESTS_PER_S = 200;
/** MQTT messages published but not yet stored; well under Mosquitto's default queue of 1000. */
const MQTT_WINDOW = 200;

/** A clock the benchmark moves with the data: never behind the newest reading sent. */
function benchClock(startMs: number): Clock & { advance(ms: number): void } {
  let now = startMs;
  return {
    nowMs: () => now,
    nowIso: () => new Date(now).toISOString(),
    advance: (ms) => void (now = Math.max(now, ms)),
  };
}
let idn = 0;
const ids: Ids = { next: (p) => `${p}-${++idn}` };

/** A reading's time as gateways usually send it: ISO-8601 with the China Standard Time offset. */
const isoCst = (ms: number): string =>
  `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23)}+08:00`;

/** One NDJSON line of a reading as a gateway sends it (`mine` omitted on MQTT, where the topic names it). */
export const line = (mine: string | null, r: PointReading): string =>
  JSON.stringify({
    ...(mine === null ? {} : { mine }),
    point: r.pointCode,
    value: r.value,
    status: r.statusBits,
    ts: isoCst(r.dataTimeMs),
  });

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number) => x.toLocaleString('en-US');

/** A door's throughput figure: readings accepted per second, the note opening with what was sent and stored. */
function readingsRate(
  n: { accepted: number; sent: number; rejected: number; stored: number; secs: number },
  how: string,
): Figures[string] {
  return {
    value: Math.round(n.accepted / n.secs),
    unit: 'readings/s',
    note:
      `${fmt(n.accepted)} readings accepted (${fmt(n.sent)} sent, ${n.rejected} rejected, ${fmt(n.stored)} rows stored) ` +
      `in ${round1(n.secs)} s: ${how}`,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/**
 * How busy the rest of the machine is while a phase runs: CPU time of every other process (from
 * /proc/stat, Linux; the figures are meant for an otherwise idle machine) as a share of all CPUs.
 */
function otherLoad(): () => string {
  const read = (): { busyMs: number; totalMs: number } | null => {
    try {
      const f = readFileSync('/proc/stat', 'utf8')
        .split('\n')[0]!
        .trim()
        .split(/\s+/)
        .slice(1, 9)
        .map(Number);
      const total = f.reduce((a, b) => a + b, 0);
      // USER_HZ is 100 on Linux: a jiffy is 10 ms.
      return { busyMs: (total - f[3]! - f[4]!) * 10, totalMs: total * 10 };
    } catch {
      return null;
    }
  };
  const own = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const a = read();
  const ownA = own();
  return () => {
    const b = read();
    if (a === null || b === null || b.totalMs <= a.totalMs) return 'load of other processes unknown';
    const other = Math.max(0, b.busyMs - a.busyMs - (own() - ownA)) / (b.totalMs - a.totalMs);
    return `other processes used ${Math.round(other * 100)} % of the ${availableParallelism()} CPUs meanwhile`;
  };
}

async function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'redline-bench-doors-'));
  const database = openDatabase(join(dir, 'bench.db'));
  await migrateToLatest(database.db);
  const t0 = Date.parse('2026-12-05T02:00:00Z');
  const clock = benchClock(t0);
  const { ports, province, hasher } = await loadBenchProvince(database, clock, ids, MINES);
  const { runtime, hub } = createMonitoringRuntime(database, ports);
  await runtime.start();
  const sim = createProvinceSimulator({ mines: province.mines, seed: 1, startMs: t0, intervalMs: POLL_MS });
  for (const l of sim.layouts.values()) await runtime.definePoints(l.mineCode, l.points);

  const regulator = province.users.find((u) => u.role === 'province_regulator');
  const stored = regulator ? await ports.users.getByUsername(regulator.username) : undefined;
  if (!stored) throw new Error('the demo province has no province regulator');
  const principal = await principalFor(ports, publicUser(stored), 'token');
  const { token } = await createApiToken({ ...ports, secrets: cryptoSecrets }, principal, {
    name: 'bench gateway',
  });

  const app = await buildApp({
    ports,
    hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    monitoring: embeddedMonitoring(runtime, hub),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  let poll = 0;
  return {
    database,
    clock,
    ports,
    runtime,
    sim,
    url: `http://127.0.0.1:${port}/api/ingest/readings`,
    token,
    /** The next poll of every reporting mine, later than every poll taken before. */
    nextPoll() {
      const t = t0 + ++poll * POLL_MS;
      return { t, mines: sim.step(t).readings };
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Env = Awaited<ReturnType<typeof setUp>>;

interface ReadingsAnswer {
  accepted: number;
  rejected: Array<{ line: number; point?: string; reason: string }>;
  alarmsChanged: number;
}

async function post(env: Env, body: string): Promise<ReadingsAnswer> {
  const res = await fetch(env.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /api/ingest/readings answered ${res.status}: ${text}`);
  return JSON.parse(text) as ReadingsAnswer;
}

/** Bulk HTTP: each client owns a share of the mines and posts one body per poll for them, in order. */
async function httpThroughput(env: Env, polls: number): Promise<Figures> {
  const bodies: Array<Array<{ t: number; body: string; lines: number }>> = Array.from(
    { length: HTTP_CLIENTS },
    () => [],
  );
  let mineCount = 0;
  for (let i = 0; i < polls; i++) {
    const { t, mines } = env.nextPoll();
    mineCount = mines.length;
    for (let c = 0; c < HTTP_CLIENTS; c++) {
      const lines: string[] = [];
      for (let m = c; m < mines.length; m += HTTP_CLIENTS) {
        for (const r of mines[m]!.readings) lines.push(line(mines[m]!.mineCode, r));
      }
      bodies[c]!.push({ t, body: `${lines.join('\n')}\n`, lines: lines.length });
    }
  }
  const sent = bodies.flat().reduce((n, b) => n + b.lines, 0);
  const bytes = bodies.flat().reduce((n, b) => n + Buffer.byteLength(b.body), 0);
  // One warm-up request (connection, JIT), not counted: a poll of the clients' mines cut short.
  await post(env, bodies[0]![0]!.body.split('\n').slice(0, 50).join('\n'));

  const before = await env.ports.monitoring.countReadings();
  let accepted = 0;
  let rejected = 0;
  const latencies: number[] = [];
  const load = otherLoad();
  const start = performance.now();
  await Promise.all(
    bodies.map(async (own) => {
      for (const b of own) {
        env.clock.advance(b.t);
        const sentAt = performance.now();
        const answer = await post(env, b.body);
        latencies.push(performance.now() - sentAt);
        accepted += answer.accepted;
        rejected += answer.rejected.length;
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  const others = load();
  const stored = (await env.ports.monitoring.countReadings()) - before;
  latencies.sort((a, b) => a - b);
  const requests = polls * HTTP_CLIENTS;
  return {
    ingest_http_readings_per_s: readingsRate(
      { accepted, sent, rejected, stored, secs },
      `${requests} POST /api/ingest/readings NDJSON bodies (${polls} polls of ${mineCount} reporting mines, ` +
        `~${fmt(Math.round(sent / requests))} lines / ${Math.round(bytes / requests / 1024)} KiB each, ISO-8601 ts) ` +
        `from ${HTTP_CLIENTS} concurrent fetch clients each owning a quarter of the mines, loopback, API token; ` +
        `parsed, evaluated and durably stored in SQLite (${fmt(before)} readings stored before) before the answer; ` +
        `request p50 ${round1(percentile(latencies, 50))} ms, max ${round1(latencies[latencies.length - 1] ?? Number.NaN)} ms; ` +
        `null values (sensor faults) are taken but not stored or counted; ${others}`,
    ),
  };
}

/** Open-loop pacing: one mine's poll per request, sent on schedule whether or not earlier ones answered. */
async function httpLatency(env: Env, seconds: number): Promise<Figures> {
  const total = PACED_REQUESTS_PER_S * seconds;
  const requests: Array<{ t: number; body: string; lines: number }> = [];
  while (requests.length < total) {
    const { t, mines } = env.nextPoll();
    for (const m of mines) {
      requests.push({
        t,
        body: `${m.readings.map((r) => line(m.mineCode, r)).join('\n')}\n`,
        lines: m.readings.length,
      });
    }
  }
  requests.length = total;
  const lines = requests.reduce((n, r) => n + r.lines, 0);
  const latencies: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  let accepted = 0;
  let late = 0;
  const interval = 1000 / PACED_REQUESTS_PER_S;
  const load = otherLoad();
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    const due = start + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    else if (wait < -interval) late++;
    const r = requests[k]!;
    env.clock.advance(r.t);
    // Latency from when the request was due, so a stalled sender does not hide a stalled server.
    inFlight.push(
      post(env, r.body).then((a) => {
        latencies.push(performance.now() - due);
        accepted += a.accepted;
      }),
    );
  }
  await Promise.all(inFlight);
  const secs = (performance.now() - start) / 1000;
  const others = load();
  latencies.sort((a, b) => a - b);
  return {
    ingest_http_p99_ms: {
      value: round1(percentile(latencies, 99)),
      unit: 'ms',
      note:
        `POST /api/ingest/readings latency (from the scheduled send to the answer) at a fixed ${PACED_REQUESTS_PER_S} requests/s ` +
        `for ${seconds} s, open loop: ${total} requests of one mine's poll each (~${Math.round(lines / total)} lines, ` +
        `${fmt(Math.round(lines / secs))} readings/s, ${fmt(accepted)} accepted); ${others}; ` +
        `p50 ${round1(percentile(latencies, 50))} ms, p90 ${round1(percentile(latencies, 90))} ms, ` +
        `max ${round1(latencies[latencies.length - 1] ?? Number.NaN)} ms` +
        (late > 0 ? `; ${late} sends were more than one interval late` : ''),
    },
  };
}

async function mqttThroughput(env: Env, polls: number): Promise<Figures> {
  const url = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
  const skip = (why: string): Figures => ({
    ingest_mqtt_readings_per_s: { value: Number.NaN, unit: 'readings/s', note: `skipped: ${why}` },
  });
  let publisher;
  try {
    publisher = await connectAsync(url, {
      connectTimeout: 3000,
      reconnectPeriod: 0,
      protocolVersion: 5,
      clientId: `redline-bench-pub-${randomBytes(4).toString('hex')}`,
    });
  } catch (e) {
    return skip(`no MQTT broker at ${url} (${e instanceof Error ? e.message : String(e)})`);
  }
  // A prefix of its own, so a Redline server on the same broker does not take (or store) these.
  const prefix = `redline-bench-${randomBytes(4).toString('hex')}`;
  const messages: Array<{ t: number; topic: string; payload: Buffer; lines: number }> = [];
  let mineCount = 0;
  for (let i = 0; i < polls; i++) {
    const { t, mines } = env.nextPoll();
    mineCount = mines.length;
    for (const m of mines) {
      messages.push({
        t,
        topic: `${prefix}/${m.mineCode}/readings`,
        payload: Buffer.from(`${m.readings.map((r) => line(null, r)).join('\n')}\n`),
        lines: m.readings.length,
      });
    }
  }
  const sent = messages.reduce((n, m) => n + m.lines, 0);
  const bytes = messages.reduce((n, m) => n + m.payload.length, 0);

  let results = 0;
  let accepted = 0;
  let rejected = 0;
  const problems: string[] = [];
  let wake: () => void = () => undefined;
  const ingest = startMqttIngest({
    runtime: env.runtime,
    store: env.ports.monitoring,
    ids,
    clock: env.clock,
    url,
    clientId: `${prefix}-ingest`,
    topicPrefix: prefix,
    sessionExpirySeconds: 60,
    log: { info: () => undefined, warn: (m) => problems.push(m), error: (m) => problems.push(m) },
    onResult: (r) => {
      results++;
      accepted += r.accepted;
      rejected += r.rejected.length;
      wake();
    },
  });
  let readyTimer: NodeJS.Timeout | undefined;
  const ready = await Promise.race([
    ingest.ready.then(() => true),
    new Promise<boolean>((res) => (readyTimer = setTimeout(() => res(false), 5000))),
  ]);
  clearTimeout(readyTimer);
  if (!ready) {
    await ingest.close();
    await publisher.endAsync();
    return skip(`the MQTT adapter did not subscribe within 5 s at ${url}: ${problems.join('; ')}`);
  }

  /** Resolves at the next result; fails when none comes for 10 s. */
  const nextResult = () =>
    new Promise<void>((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`MQTT ingest stalled at ${results}/${messages.length}: ${problems.join('; ')}`)),
        10_000,
      );
      wake = () => {
        clearTimeout(timer);
        res();
      };
    });

  const before = await env.ports.monitoring.countReadings();
  const load = otherLoad();
  const start = performance.now();
  let secs: number;
  let others: string;
  try {
    for (let k = 0; k < messages.length; k++) {
      while (k - results >= MQTT_WINDOW) await nextResult();
      const m = messages[k]!;
      env.clock.advance(m.t);
      publisher.publish(m.topic, m.payload, { qos: 1 }, (e) => {
        if (e) problems.push(`publish: ${e.message}`);
      });
    }
    while (results < messages.length) await nextResult();
    secs = (performance.now() - start) / 1000;
    others = load();
  } finally {
    await ingest.close();
    await publisher.endAsync();
  }
  const stored = (await env.ports.monitoring.countReadings()) - before;
  return {
    ingest_mqtt_readings_per_s: readingsRate(
      { accepted, sent, rejected, stored, secs },
      `${messages.length} QoS 1 messages on <prefix>/<mineCode>/readings (${polls} polls of ${mineCount} reporting mines, one mine's poll ` +
        `per message, ~${Math.round(sent / messages.length)} NDJSON lines / ${round1(bytes / messages.length / 1024)} KiB each) from one ` +
        `mqtt.js publisher through Mosquitto (${url}) to the MQTT adapter, at most ${MQTT_WINDOW} unstored at a time; ` +
        `timed until the adapter had durably stored and acknowledged the last one (it takes one message at a time); ` +
        `${fmt(before)} readings stored before; ${others.replace('other processes', 'other processes (Mosquitto included)')}` +
        (problems.length > 0 ? `; adapter said: ${problems.slice(0, 3).join('; ')}` : ''),
    ),
  };
}

export async function runIngestDoorsBench(opts: { quick: boolean }): Promise<Figures> {
  const env = await setUp();
  try {
    return {
      ...(await httpThroughput(env, opts.quick ? 8 : 40)),
      ...(await httpLatency(env, opts.quick ? 3 : 10)),
      ...(await mqttThroughput(env, opts.quick ? 4 : 30)),
    };
  } finally {
    await env.close();
  }
}

if (import.meta.main) {
  const figures = await runIngestDoorsBench({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(figures, null, 2));
  // `--write`: merge these figures into bench/results/latest.json (the other keys are kept).
  if (process.argv.includes('--write')) {
    const file = new URL('./results/latest.json', import.meta.url);
    const latest = JSON.parse(readFileSync(file, 'utf8')) as Figures;
    writeFileSync(file, `${JSON.stringify({ ...latest, ...figures }, null, 2)}\n`);
  }
}
