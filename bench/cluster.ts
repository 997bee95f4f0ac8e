/**
 * The distributed mode's throughput and recovery, measured with real processes on this machine:
 * `--workers` workers (default 3) and one gateway over PostgreSQL and NATS JetStream, readings sent
 * over HTTP NDJSON by `--lanes` clients. Reports readings/s from the first send until every
 * acknowledged reading is stored (the work queue empty), and — with `--kill` — how long after a
 * worker's SIGKILL its partitions were owned and rebuilt by the others. Merges `cluster_readings_per_s`
 * and `cluster_worker_recovery_ms` into bench/results/latest.json.
 *
 *   node bench/cluster.ts [--mines 60] [--points 100] [--steps 60] [--workers 3] [--lanes 6] [--kill]
 *   node bench/cluster.ts --country 2019 [--points 10] [--steps 20] …
 *
 * `--country YEAR` seeds every real mine of that year (`redline seed --country`, ADR 0008) and sends
 * to every producing one of them (`--mines` caps it), each province's mines under its regulator's token.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ClusterProcess,
  ReadingLoad,
  clusterEnv,
  createClusterDatabase,
  definePoints,
  deleteStream,
  freePort,
  streamBacklog,
  until,
} from '../test/support/cluster.ts';
import { manyPointCode } from '../test/support/national-files.ts';

const { values } = parseArgs({
  options: {
    mines: { type: 'string', default: '60' },
    points: { type: 'string', default: '100' },
    steps: { type: 'string', default: '60' },
    workers: { type: 'string', default: '3' },
    lanes: { type: 'string', default: '6' },
    'steps-per-request': { type: 'string', default: '10' },
    partitions: { type: 'string', default: '12' },
    kill: { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    country: { type: 'string' },
  },
});
const COUNTRY = values.country === undefined ? undefined : Number(values.country);
const n = (k: keyof typeof values) => Number(values[k]);
const MINES = COUNTRY === undefined || process.argv.includes('--mines') ? n('mines') : Infinity;
const POINTS = n('points');
const STEPS = n('steps');
const WORKERS = n('workers');

const db = await createClusterDatabase(Math.ceil(MINES * 1.6) + 10, { country: COUNTRY });
const env = clusterEnv(db, n('partitions'));
const procs: ClusterProcess[] = [];
try {
  const workers = Array.from(
    { length: WORKERS },
    (_, i) => new ClusterProcess(`w${i + 1}`, 'worker', { ...env, REDLINE_WORKER_NAME: `w${i + 1}` }),
  );
  procs.push(...workers);
  const port = await freePort();
  const gateway = new ClusterProcess('gateway', 'gateway', { ...env, PORT: String(port) });
  procs.push(gateway);
  const baseUrl = `http://127.0.0.1:${port}`;
  await gateway.waitFor((e) => e.event === 'gateway.listening', 60_000);
  const share = Math.ceil(n('partitions') / WORKERS);
  await until(
    () =>
      workers.every((w) => w.owned().length >= share - 1) &&
      new Set(workers.flatMap((w) => w.owned())).size === n('partitions'),
    60_000,
  );
  const mines = db.mines.slice(0, MINES);
  if (COUNTRY === undefined && mines.length < MINES) throw new Error(`only ${mines.length} producing mines`);
  const defineStarted = performance.now();
  await definePoints(baseUrl, db, mines, POINTS);
  console.log(
    `defined ${mines.length} mines × ${POINTS} points in ${Math.round(performance.now() - defineStarted)} ms`,
  );
  const load = new ReadingLoad({
    mines,
    points: (m) => Array.from({ length: POINTS }, (_, i) => manyPointCode(m, i)),
    steps: STEPS,
    spike: [Math.floor(STEPS / 3), Math.floor(STEPS / 2)],
    record: false,
  });
  const victim = workers[1];
  let killedAt = 0;
  const started = performance.now();
  await load.run(baseUrl, (mine) => db.tokenFor(mine), {
    lanes: n('lanes'),
    stepsPerRequest: n('steps-per-request'),
    onStep: (step) => {
      if (values.kill && victim && killedAt === 0 && step >= STEPS / 3) {
        killedAt = Date.now();
        victim.kill9();
      }
    },
  });
  const sentMs = performance.now() - started;
  await until(async () => (await streamBacklog(env.REDLINE_NATS_PREFIX)) === 0, 600_000, 100);
  const doneMs = performance.now() - started;
  const stored = Number(
    (
      await db.pool.query<{ n: string }>(
        'select (select count(*) from readings_head) + (select coalesce(sum(count), 0) from reading_blocks) as n',
      )
    ).rows[0]!.n,
  );
  const perS = Math.round(load.ackedCount / (doneMs / 1000));
  // PostgreSQL's bytes per stored reading: the head (not yet compacted) and the block and rollup
  // partitions, with their indexes, over the readings.
  const size = await db.pool.query<{ bytes: string }>(
    `select coalesce(sum(pg_total_relation_size(c.oid)), 0) + pg_total_relation_size('readings_head') as bytes
       from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
      where p.relname in ('reading_blocks', 'reading_rollups')`,
  );
  const bytesPerReading = +(Number(size.rows[0]!.bytes) / Math.max(1, stored)).toFixed(1);
  let recoveryMs: number | null = null;
  if (killedAt > 0) {
    const victimParts = new Set(
      victim!.events.filter((e) => e.event === 'partition.acquired').flatMap((e) => e.owned as number[]),
    );
    const takeovers = workers
      .filter((w) => w !== victim)
      .flatMap((w) => w.events)
      .filter((e) => e.event === 'partition.acquired' && e.t >= killedAt);
    recoveryMs = takeovers.length > 0 ? Math.max(...takeovers.map((e) => e.t)) - killedAt : null;
    for (const e of takeovers) {
      console.log(
        `  ${e.worker as string} took ${JSON.stringify(e.partitions)} at +${e.t - killedAt} ms: lock ${e.lockMs as number} ms, ` +
          `consumers ${e.consumerMs as number} ms, waited ${e.queueWaitMs as number} ms behind its queue, rebuilt in ${e.loadMs as number} ms`,
      );
    }
    console.log(
      `killed ${victim!.name} (partitions ${[...victimParts].join(',')}); taken over in ${recoveryMs} ms`,
    );
  }
  for (const w of workers) {
    const slow = w.events.filter((e) => e.event === 'run.slow');
    if (slow.length > 0)
      console.log(`${w.name}: ${slow.length} slow runs, e.g. ${JSON.stringify(slow.slice(0, 3))}`);
  }
  const lat = [...load.latenciesMs].sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!;
  const result = {
    acked: load.ackedCount,
    stored,
    sentSeconds: +(sentMs / 1000).toFixed(1),
    storedSeconds: +(doneMs / 1000).toFixed(1),
    readingsPerS: perS,
    gatewayAckPerS: Math.round(load.ackedCount / (sentMs / 1000)),
    requestP50Ms: +pct(50).toFixed(1),
    requestP99Ms: +pct(99).toFixed(1),
    recoveryMs,
    pgBytesPerReading: bytesPerReading,
  };
  console.log(JSON.stringify(result, null, 2));
  if (stored < load.ackedCount) throw new Error(`stored ${stored} < acknowledged ${load.ackedCount}`);
  if (!values['no-save']) {
    const file = join(import.meta.dirname, 'results/latest.json');
    const latest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const shape = `${mines.length} ${COUNTRY === undefined ? 'mines' : `real mines of ${COUNTRY} (redline seed --country)`} × ${POINTS} points × ${STEPS} steps over HTTP NDJSON (${n('lanes')} clients), ${WORKERS} workers, ${n('partitions')} partitions, one gateway, PostgreSQL and NATS JetStream on this 2-core machine`;
    const key = killedAt ? 'cluster_readings_per_s_with_worker_killed' : 'cluster_readings_per_s';
    latest[COUNTRY === undefined ? key : `${key}_country`] = {
      value: perS,
      unit: 'readings/s',
      note: `${load.ackedCount} readings from first send until all stored (judged, COPY'd, work queue empty) in ${result.storedSeconds} s; ${shape}; gateway acknowledged ${result.gatewayAckPerS}/s, request p99 ${result.requestP99Ms} ms${killedAt ? '; one worker killed mid-run' : ''}`,
    };
    if (recoveryMs !== null) {
      latest.cluster_worker_recovery_ms = {
        value: recoveryMs,
        unit: 'ms',
        note: `SIGKILL of one of ${WORKERS} workers mid-stream → its partitions owned by the survivors and their mines' state rebuilt from PostgreSQL (replay follows at once); ${shape}`,
      };
    }
    writeFileSync(file, `${JSON.stringify(latest, null, 2)}\n`);
  }
} finally {
  await Promise.all(procs.map((p) => p.stop()));
  await deleteStream(env.REDLINE_NATS_PREFIX);
  await db.dispose();
}
