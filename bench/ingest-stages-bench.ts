/**
 * Where the CPU of a reading goes on its way through the gateway doors, in one process without the
 * network: the 300-mine demo province's polls, shaped as the HTTP door's NDJSON bodies (each line
 * names its mine, ISO-8601 times with the +08:00 offset, a quarter of the mines per body as in
 * ingest-doors-bench) and as the MQTT door's messages (one mine's poll each, no mine field), taken
 * stage by stage through the functions the doors use:
 *
 * - read: text → checked readings (`readPayloadReadings`: the scanner of the usual line shape, else
 *   `JSON.parse` + `readReadingItem`) and the HTTP route's grouping by mine;
 * - judge: `MonitoringEngine.ingestReadings` per mine and the correlation of the touched mines;
 * - write: the judged batches joined (`ReadingBatch.concat`) and appended by the telemetry writer.
 *
 * Then the doors' whole in-process path on fresh polls (`ingestNdjsonReadings` as the HTTP route
 * calls it, `ingestMessage` as the MQTT adapter does): runtime queue, alarm transaction and write
 * included. Figures are CPU µs per reading (`process.cpuUsage`, all threads of the process: GC
 * helpers included) — the primary figure, as the machine is shared and CPU time is much less disturbed
 * by other processes than wall time — with wall µs beside it (`performance.now`) as indicative.
 *
 * `node bench/ingest-stages-bench.ts [--quick] [--profile=<phase>…] [--out <file>]` prints JSON and writes
 * it to bench/results/ingest-stages-latest.json (or `--out`); `--profile=stages|http-door|mqtt-door|
 * http-quarter|http-one-mine` also records a V8 CPU profile of that phase and adds its top frames.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { correlateMines } from '../src/core/monitoring/correlation/correlate-engine.ts';
import type { AlarmChange } from '../src/core/monitoring/engine/engine-types.ts';
import type { MinuteBucket } from '../src/core/monitoring/engine/minute-aggregator.ts';
import { ReadingBatch } from '../src/core/monitoring/engine/reading-batch.ts';
import type { PointReading } from '../src/core/monitoring/upload-file/safety-monitoring-records.ts';
import { ingestMessage } from '../src/ingest/mqtt/ingest-message.ts';
import { readPayloadReadings } from '../src/ingest/mqtt/reading-lines.ts';
import { ingestNdjsonReadings } from '../src/ingest/mqtt/readings-body.ts';
import { createTelemetryWriter } from '../src/monitoring/monitoring-wiring.ts';
import { createApiToken } from '../src/core/access/accounts.ts';
import { authenticateToken, principalFor, publicUser } from '../src/core/access/authentication.ts';
import { cryptoSecrets } from '../src/platform/system.ts';
import { buildApp, embeddedMonitoring } from '../src/server/app.ts';
import { setUp } from './ingest-bench.ts';
import { line } from './ingest-doors-bench.ts';
import { summarizeCpuProfile } from './support/cpu-profile.ts';

const MINES = 300;
const POLL_MS = 10_000;
/** Bodies per poll on the HTTP door (ingest-doors-bench's concurrent clients, each a quarter of the mines). */
const HTTP_BODIES = 4;

/** CPU and wall time spent in a stage, summed over the calls. */
class Stage {
  cpuUs = 0;
  wallUs = 0;
  #cpu = process.cpuUsage();
  #wall = 0;
  start(): void {
    this.#cpu = process.cpuUsage();
    this.#wall = performance.now();
  }
  stop(): void {
    const d = process.cpuUsage(this.#cpu);
    this.cpuUs += d.user + d.system;
    this.wallUs += (performance.now() - this.#wall) * 1000;
  }
  per(readings: number) {
    const r = (x: number) => Math.round((x / readings) * 100) / 100;
    return { cpuUsPerReading: r(this.cpuUs), wallUsPerReading: r(this.wallUs) };
  }
}

type Env = Awaited<ReturnType<typeof setUp>>;

function polls(env: Env, from: number, count: number) {
  const out: Array<{ t: number; mines: Array<{ mineCode: string; readings: PointReading[] }> }> = [];
  for (let i = from; i < from + count; i++) {
    const t = env.t0 + i * POLL_MS;
    out.push({ t, mines: env.sim.step(t).readings });
  }
  return out;
}

/** One poll as the HTTP door's bodies: each a share of the mines, every line naming its mine. */
function httpBodies(mines: ReadonlyArray<{ mineCode: string; readings: PointReading[] }>): string[] {
  const bodies: string[] = [];
  for (let c = 0; c < HTTP_BODIES; c++) {
    const lines: string[] = [];
    for (let m = c; m < mines.length; m += HTTP_BODIES) {
      for (const r of mines[m]!.readings) lines.push(line(mines[m]!.mineCode, r));
    }
    bodies.push(`${lines.join('\n')}\n`);
  }
  return bodies;
}

/** The HTTP door's body, stage by stage, through the same functions the route uses. */
async function httpStages(env: Env, count: number, from: number) {
  const engine = env.runtime.engine;
  const writer = createTelemetryWriter(env.database);
  const stages = { read: new Stage(), judge: new Stage(), write: new Stage() };
  let readings = 0;
  let alarmChanges = 0;
  for (const poll of polls(env, from, count)) {
    env.clock.set(poll.t);
    const nowMs = poll.t;
    for (const body of httpBodies(poll.mines)) {
      stages.read.start();
      const read = readPayloadReadings(body, { mineRequired: true, nowMs });
      if (read.rejected.length > 0) throw new Error(`bench data refused: ${read.rejected[0]!.reason}`);
      const byMine = new Map<string, PointReading[]>();
      for (let i = 0; i < read.readings.length; i++) {
        const code = read.mines[i] ?? '';
        let list = byMine.get(code);
        if (list === undefined) {
          if (engine.mineByCode(code) === undefined) throw new Error(`no mine ${code}`);
          byMine.set(code, (list = []));
        }
        list.push(read.readings[i]!);
      }
      stages.read.stop();

      stages.judge.start();
      const batches: ReadingBatch[] = [];
      const minutes: MinuteBucket[] = [];
      const changes: AlarmChange[] = [];
      const touched: string[] = [];
      for (const [code, list] of byMine) {
        const mineId = engine.mineByCode(code)!.id;
        const r = engine.ingestReadings(mineId, list, nowMs);
        touched.push(mineId);
        for (const c of r.changes) changes.push(c);
        for (const m of r.flushedMinutes) minutes.push(m);
        batches.push(r.batch);
        readings += r.batch.length;
      }
      for (const c of correlateMines(engine, touched, nowMs, changes)) changes.push(c);
      alarmChanges += changes.length;
      stages.judge.stop();

      stages.write.start();
      await writer.write(ReadingBatch.concat(batches), minutes);
      stages.write.stop();
    }
  }
  return { readings, alarmChanges, stages };
}

/** The HTTP door's whole in-process path: the route's own function over the runtime. */
async function httpDoor(env: Env, count: number, from: number) {
  const stage = new Stage();
  let readings = 0;
  for (const poll of polls(env, from, count)) {
    env.clock.set(poll.t);
    for (const body of httpBodies(poll.mines)) {
      stage.start();
      const out = await ingestNdjsonReadings(env.runtime, body, { nowMs: poll.t, mayFeed: () => true });
      stage.stop();
      if (out.rejected.length > 0) throw new Error(`bench data refused: ${out.rejected[0]!.reason}`);
      readings += out.accepted;
    }
  }
  return { readings, stage };
}

/** The HTTP door through Fastify without a socket (`inject`): route, auth by API token, body, answer. */
async function httpInject(env: Env, count: number, from: number, shape: 'quarter' | 'one-mine') {
  const regulator = env.province.users.find((u) => u.role === 'province_regulator');
  const stored = regulator ? await env.ports.users.getByUsername(regulator.username) : undefined;
  if (!stored) throw new Error('the demo province has no province regulator');
  const principal = await principalFor(env.ports, publicUser(stored), 'token');
  const { token } = await createApiToken({ ...env.ports, secrets: cryptoSecrets }, principal, {
    name: 'bench gateway',
  });
  const hasher = { hash: (p: string) => Promise.resolve(`plain:${p}`), verify: () => Promise.resolve(false) };
  const app = await buildApp({
    ports: env.ports,
    hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    monitoring: embeddedMonitoring(env.runtime, env.hub),
  });
  // What resolving the caller costs per request (the onRequest hook: token digest, token, user and
  // scope reads), apart from the rest of the request.
  const auth = new Stage();
  for (let k = 0; k < 300; k++) {
    auth.start();
    await authenticateToken(env.ports, token);
    auth.stop();
  }
  const stage = new Stage();
  let readings = 0;
  let requests = 0;
  try {
    // The first poll warms the route up (Fastify compiles its serializers on first use): not counted.
    for (const [k, poll] of polls(env, from, count + 1).entries()) {
      const counted = k > 0;
      env.clock.set(poll.t);
      const minesPerRequest = shape === 'quarter' ? Math.ceil(poll.mines.length / HTTP_BODIES) : 1;
      const bodies: string[] = [];
      for (let m = 0; m < poll.mines.length; m += minesPerRequest) {
        const lines: string[] = [];
        for (const mine of poll.mines.slice(m, m + minesPerRequest))
          for (const r of mine.readings) lines.push(line(mine.mineCode, r));
        bodies.push(`${lines.join('\n')}\n`);
      }
      for (const payload of bodies) {
        if (counted) stage.start();
        const res = await app.inject({
          method: 'POST',
          url: '/api/ingest/readings',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          payload,
        });
        if (counted) stage.stop();
        if (res.statusCode !== 200) throw new Error(`answered ${res.statusCode}: ${res.body}`);
        if (!counted) continue;
        readings += res.json<{ accepted: number }>().accepted;
        requests++;
      }
    }
  } finally {
    await app.close();
  }
  return { readings, requests, stage, authCpuUsPerRequest: Math.round(auth.cpuUs / 300) };
}

/** The MQTT door's whole in-process path: `ingestMessage` per message (decode, parse, validate, runtime). */
async function mqttDoor(env: Env, count: number, from: number) {
  const stage = new Stage();
  const deps = { runtime: env.runtime, store: env.ports.monitoring, ids: env.ids, clock: env.clock };
  let readings = 0;
  for (const poll of polls(env, from, count)) {
    env.clock.set(poll.t);
    const messages = poll.mines.map((m) => ({
      mine: m.mineCode,
      topic: `redline/${m.mineCode}/readings`,
      payload: Buffer.from(`${m.readings.map((r) => line(null, r)).join('\n')}\n`),
    }));
    for (const m of messages) {
      stage.start();
      const out = await ingestMessage(deps, { kind: 'readings', mine: m.mine }, m.topic, m.payload);
      stage.stop();
      if (out.outcome !== 'stored') throw new Error(`bench message refused: ${out.reason}`);
      readings += out.accepted;
    }
  }
  return { readings, stage };
}

const PHASES = ['stages', 'http-door', 'mqtt-door', 'http-quarter', 'http-one-mine'] as const;
type Phase = (typeof PHASES)[number];

export async function runIngestStagesBench(opts: { quick: boolean; profile: readonly Phase[] }) {
  const env = await setUp(MINES);
  const count = opts.quick ? 6 : 30;
  try {
    // Warm-up (JIT, the points' first readings), not counted.
    await httpStages(env, 3, 1);
    const profiles: Record<string, unknown> = {};
    /** Runs a phase, under the V8 sampling profiler when `--profile` names it. */
    const phase = async <T>(name: Phase, run: () => Promise<T>): Promise<T> => {
      if (!opts.profile.includes(name)) return run();
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
      try {
        return await run();
      } finally {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        const file = join(env.dir, `${name}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        profiles[name] = summarizeCpuProfile(file, 30);
      }
    };
    const staged = await phase('stages', () => httpStages(env, count, 10));
    await httpDoor(env, 3, 10 + count);
    const http = await phase('http-door', () => httpDoor(env, count, 13 + count));
    await mqttDoor(env, 3, 13 + 2 * count);
    const mqtt = await phase('mqtt-door', () => mqttDoor(env, count, 16 + 2 * count));
    // Warm-up inside: the first poll of each shape is not counted separately (short runs).
    const injectQuarter = await phase('http-quarter', () =>
      httpInject(env, count, 16 + 3 * count, 'quarter'),
    );
    const injectOne = await phase('http-one-mine', () => httpInject(env, count, 17 + 4 * count, 'one-mine'));
    const n = staged.readings;
    const stages = Object.fromEntries(Object.entries(staged.stages).map(([k, s]) => [k, s.per(n)]));
    const sum = Object.values(staged.stages).reduce((a, s) => a + s.cpuUs, 0);
    return {
      note:
        `${MINES}-mine demo province (${env.points} points), polls every ${POLL_MS / 1000} s, ${count} polls per run after a warm-up. ` +
        `CPU µs per reading from process.cpuUsage (user+system of the whole process, GC threads included) is the primary figure: ` +
        `the machine is shared with other engineers' test runs, and CPU time is much less disturbed by their load than wall time, ` +
        `which is given beside it as indicative. Stages: the HTTP door's bodies (${HTTP_BODIES} per poll, a quarter of the mines each, ` +
        `~${Math.round(n / count / HTTP_BODIES)} lines) taken through readPayloadReadings + grouping by mine → ` +
        `MonitoringEngine.ingestReadings + correlateMines → ReadingBatch.concat + telemetry write (SQLite, WAL); alarm changes are ` +
        `counted, not stored, in the staged run. Doors: the same shapes through ingestNdjsonReadings (the HTTP route's path, without ` +
        `HTTP) and ingestMessage (the MQTT adapter's path, one mine's poll per message, without the broker), runtime included; ` +
        `httpInject*: the real route through Fastify's inject (no socket) with an API token, bodies of a quarter of the mines ` +
        `(ingest-doors-bench's shape) or of one mine (the soak's and a mine gateway's shape), and what authenticateToken alone costs ` +
        `per request.`,
      readings: n,
      alarmChanges: staged.alarmChanges,
      stages,
      stagesTotal: { cpuUsPerReading: Math.round((sum / n) * 100) / 100 },
      httpDoorInProcess: { readings: http.readings, ...http.stage.per(http.readings) },
      mqttDoorInProcess: { readings: mqtt.readings, ...mqtt.stage.per(mqtt.readings) },
      httpInjectQuarterOfMines: {
        readings: injectQuarter.readings,
        readingsPerRequest: Math.round(injectQuarter.readings / injectQuarter.requests),
        ...injectQuarter.stage.per(injectQuarter.readings),
      },
      httpInjectOneMine: {
        readings: injectOne.readings,
        readingsPerRequest: Math.round(injectOne.readings / injectOne.requests),
        ...injectOne.stage.per(injectOne.readings),
        cpuUsPerRequest: Math.round(injectOne.stage.cpuUs / injectOne.requests),
        authenticateTokenCpuUsPerRequest: injectOne.authCpuUsPerRequest,
      },
      ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
    };
  } finally {
    await env.close();
  }
}

/** The headline figures for bench/results/latest.json (`npm run bench`). */
export function stageFigures(
  r: Awaited<ReturnType<typeof runIngestStagesBench>>,
): Record<string, { value: number; unit: string; note: string }> {
  const cpu = (value: number, note: string) => ({
    value,
    unit: 'CPU µs/reading',
    note: `${note}; ${r.readings} readings, see bench/results/ingest-stages-latest.json`,
  });
  return {
    ingest_read_cpu_us_per_reading: cpu(
      r.stages.read!.cpuUsPerReading,
      'HTTP NDJSON body → checked readings grouped by mine (readPayloadReadings)',
    ),
    ingest_judge_cpu_us_per_reading: cpu(
      r.stages.judge!.cpuUsPerReading,
      'MonitoringEngine.ingestReadings + correlateMines',
    ),
    ingest_write_cpu_us_per_reading: cpu(
      r.stages.write!.cpuUsPerReading,
      'ReadingBatch.concat + SQLite head append',
    ),
    ingest_http_door_cpu_us_per_reading: cpu(
      r.httpDoorInProcess.cpuUsPerReading,
      'ingestNdjsonReadings over the runtime, bodies of a quarter of the mines, without HTTP',
    ),
    ingest_mqtt_door_cpu_us_per_reading: cpu(
      r.mqttDoorInProcess.cpuUsPerReading,
      "ingestMessage over the runtime, one mine's poll a message, without the broker",
    ),
  };
}

if (import.meta.main) {
  const args = process.argv;
  const result = await runIngestStagesBench({
    quick: args.includes('--quick'),
    profile: PHASES.filter((p) => args.includes(`--profile=${p}`)),
  });
  const at = args.indexOf('--out');
  const out =
    at > 0 && args[at + 1]
      ? args[at + 1]!
      : join(import.meta.dirname, 'results', 'ingest-stages-latest.json');
  const json = `${JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2)}\n`;
  writeFileSync(out, json);
  console.log(json);
}
