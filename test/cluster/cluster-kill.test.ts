import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { readMinutes } from '../../src/storage/telemetry/block-reads.ts';
import { isCi, probePostgres } from '../support/engines.ts';
import { manyPointCode } from '../support/national-files.ts';
import {
  ClusterProcess,
  ReadingLoad,
  clusterEnv,
  createClusterDatabase,
  definePoints,
  deleteStream,
  freePort,
  probeNats,
  streamBacklog,
  until,
  type ClusterDatabase,
  type ClusterEnv,
} from '../support/cluster.ts';

/**
 * The distributed mode as separate processes on one machine: one gateway, three workers, PostgreSQL
 * and NATS JetStream. A worker is killed with SIGKILL while readings stream in; afterwards every
 * reading the gateway acknowledged is stored exactly once, every mine's over-limit episode raised
 * exactly one alarm (none lost, none doubled), and the dead worker's partitions belong to the others.
 */
const problem = (await probePostgres()) ?? (await probeNats());
if (problem && !isCi) console.warn(`[redline tests] skipping the cluster test: ${problem}`);

const PARTITIONS = 12;
const MINES = 16;
const POINTS = 20; // methane points per mine; the first has the over-limit episode
const STEPS = 300; // readings per point (one a second of data time)
const SPIKE: [number, number] = [150, 200];

describe.skipIf(problem !== null && !isCi)('distributed mode: a worker killed mid-stream', () => {
  let db: ClusterDatabase;
  let env: ClusterEnv;
  let gateway: ClusterProcess;
  let workers: ClusterProcess[] = [];
  let baseUrl = '';

  beforeAll(async () => {
    if (problem) throw new Error(problem);
    db = await createClusterDatabase(40);
    env = clusterEnv(db, PARTITIONS);
    workers = ['w1', 'w2', 'w3'].map(
      (name) => new ClusterProcess(name, 'worker', { ...env, REDLINE_WORKER_NAME: name }),
    );
    const port = await freePort();
    gateway = new ClusterProcess('gateway', 'gateway', { ...env, PORT: String(port) });
    baseUrl = `http://127.0.0.1:${port}`;
    await gateway.waitFor((e) => e.event === 'gateway.listening', 60_000);
    // Every partition owned, spread evenly over the three workers (the first to start takes all, then
    // hands partitions over as the others join).
    await until(() => workers.every((w) => w.owned().length === PARTITIONS / 3), 60_000).catch(
      (e: unknown) => {
        throw new Error(
          `${String(e)}\n${workers.map((w) => `${w.name}:\n${w.output.slice(-12).join('\n')}`).join('\n')}`,
        );
      },
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...workers, gateway].filter(Boolean).map((p) => p.stop()));
    if (env) await deleteStream(env.REDLINE_NATS_PREFIX);
    await db?.dispose();
  }, 60_000);

  it('stores every acknowledged reading once, keeps every alarm once, and moves the partitions', async () => {
    expect(new Set(workers.flatMap((w) => w.owned())).size).toBe(PARTITIONS);
    const mines = db.mines.slice(0, MINES);
    expect(mines.length).toBe(MINES);
    await definePoints(baseUrl, db, mines, POINTS);

    const load = new ReadingLoad({
      mines,
      points: (m) => Array.from({ length: POINTS }, (_, i) => manyPointCode(m, i)),
      steps: STEPS,
      spike: SPIKE,
    });
    const victim = workers[1]!;
    const victimPartitions = victim.owned();
    // A regulator watches the live feed on the gateway (a stateless API server): alarm events reach it
    // from whichever worker judged them, through NATS.
    const feed = new AbortController();
    const liveAlarms: Array<{ id: string; state: string; mineCode: string }> = [];
    const live = await fetch(`${baseUrl}/api/live`, {
      headers: { authorization: `Bearer ${db.token}` },
      signal: feed.signal,
    });
    expect(live.status).toBe(200);
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of live.body!) {
        buf += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = /^event: alarm\ndata: (.*)$/m.exec(block)?.[1];
          if (data) liveAlarms.push(JSON.parse(data) as (typeof liveAlarms)[number]);
        }
      }
    })().catch(() => undefined);

    let killedAt = 0;
    await load.run(baseUrl, db.token, {
      lanes: 4,
      stepsPerRequest: 5,
      onStep: (step) => {
        // In the middle of the over-limit episode: some raises are in the victim's hands when it dies.
        if (killedAt === 0 && step >= SPIKE[0] + 5) {
          killedAt = Date.now();
          victim.kill9();
        }
      },
    });
    expect(killedAt).toBeGreaterThan(0);

    // The survivors took the dead worker's partitions; together they own all of them.
    const survivors = workers.filter((w) => w !== victim);
    await until(() => survivors.reduce((n, w) => n + w.owned().length, 0) === PARTITIONS, 30_000);
    const taken = survivors.flatMap((w) => w.owned());
    expect(new Set(taken).size).toBe(PARTITIONS);
    for (const p of victimPartitions) expect(taken).toContain(p);
    const takeover = survivors
      .flatMap((w) => w.events)
      .filter((e) => e.event === 'partition.acquired' && e.t >= killedAt)
      .map((e) => e.t);
    const recoveryMs = Math.max(...takeover) - killedAt;
    const phases = survivors
      .flatMap((w) => w.events)
      .filter((e) => e.event === 'partition.acquired' && e.t >= killedAt)
      .map(
        (e) =>
          `${e.worker as string}: lock ${e.lockMs as number} ms, consumers ${e.consumerMs as number} ms, rebuild ${e.rebuildMs as number} ms (queue ${e.queueWaitMs as number}, load ${e.loadMs as number}), done +${e.t - killedAt} ms`,
      );

    // Everything the gateway took is finished: the work queue is empty.
    await until(async () => (await streamBacklog(env.REDLINE_NATS_PREFIX)) === 0, 60_000);

    // Every acknowledged reading is stored, once.
    const acked = [...load.acked].map((k) => k.split('|'));
    expect(acked.length).toBe(MINES * POINTS * STEPS);
    // As the store answers (head and blocks merged, ADR 0005)…
    const points = await db.pool.query<{ id: number; code: string }>(
      `select p.id, p.point_code as code from monitoring_points p join mines m on m.id = p.mine_id
        where m.code = any($1)`,
      [mines],
    );
    const view = openDatabase(db.url);
    const ackedKeys = new Set(acked.map((a) => `${a[0]}|${a[1]}`));
    let storedRows = 0;
    let storedAcked = 0;
    const storedKeys = new Set<string>();
    let minuteCounts = 0;
    try {
      const store = createMonitoringStore(view.db);
      for (const p of points.rows) {
        const curve = await store.series(p.id, 0, 8.64e15, 'raw');
        for (const t of curve.t) {
          const key = `${p.code}|${t}`;
          storedRows++;
          storedKeys.add(key);
          if (ackedKeys.has(key)) storedAcked++;
        }
        for (const m of await readMinutes(view.db, p.id, 0, 8.64e15)) minuteCounts += m.count;
      }
      expect(storedAcked).toBe(acked.length);
      expect(storedKeys.size).toBe(storedRows);
      // …counted once in the per-minute aggregates, replays included…
      expect(minuteCounts).toBe(acked.length);
      // …and once in the blocks and rollups after compaction, where replays in the head are merged.
      await store.compactReadings(Date.parse('2100-01-01T00:00:00Z'));
    } finally {
      await view.close();
    }
    const inBlocks = await db.pool.query<{ blocks: string; rollups: string }>(
      `select (select coalesce(sum(b.count), 0) from reading_blocks b where b.point_id = any($1)) as blocks,
              (select coalesce(sum(r.count), 0) from reading_rollups r where r.point_id = any($1)) as rollups`,
      [points.rows.map((p) => p.id)],
    );
    expect(Number(inBlocks.rows[0]!.blocks)).toBe(acked.length);
    expect(Number(inBlocks.rows[0]!.rollups)).toBe(acked.length);

    // One over-limit episode per mine: exactly one alarm raised for it, and it cleared.
    const raises = await db.pool.query<{ code: string; raised: string }>(
      `select m.code, count(*) filter (where e.cause = 'raised') as raised
         from alarms a join mines m on m.id = a.mine_id
         join alarm_events e on e.alarm_id = a.id
        where a.rule = 'over_limit' group by m.code`,
    );
    const byMine = new Map(raises.rows.map((r) => [r.code, Number(r.raised)]));
    for (const code of mines) expect(byMine.get(code), code).toBe(1);

    // The live feed carried each mine's alarm.
    await until(() => new Set(liveAlarms.map((a) => a.mineCode)).size === MINES, 10_000);

    // Acknowledging through the gateway reaches the worker that owns the mine (request/reply on NATS)
    // and is stored.
    const alarmId = liveAlarms.find((a) => a.mineCode === mines[0])!.id;
    const ack = await fetch(`${baseUrl}/api/alarms/${alarmId}/acknowledge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'checked on site: ventilation restored' }),
    });
    expect(
      ack.status,
      `${await ack.clone().text()}\n${survivors.map((w) => `${w.name}:\n${w.output.slice(-8).join('\n')}`).join('\n')}`,
    ).toBe(200);
    const row = await db.pool.query<{ state: string }>('select state from alarms where id = $1', [alarmId]);
    expect(row.rows[0]!.state).toBe('normal');
    feed.abort();
    await reading;
    console.log(
      `[cluster] ${acked.length} readings acknowledged and stored once; ${load.requests} requests ` +
        `(${load.failures} retried); worker ${victim.name} killed, partitions ${victimPartitions.join(',')} ` +
        `moved and rebuilt in ${recoveryMs} ms (${phases.join('; ')})`,
    );
  }, 240_000);
});
