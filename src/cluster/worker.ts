import type { JsMsg, ConsumerMessages } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/transport-node';
import { isDomainError } from '../core/errors.ts';
import type { AlarmEvent } from '../core/monitoring/alarms/alarm-lifecycle.ts';
import type { Ports } from '../core/ports.ts';
import { createMonitoringRuntime } from '../monitoring/monitoring-wiring.ts';
import type { MonitoringRuntime } from '../monitoring/monitoring-runtime.ts';
import type { OpenDatabase } from '../storage/database.ts';
import { maintainTelemetryPartitions } from '../storage/dialect/telemetry-ddl.ts';
import {
  decodeJson,
  decodeReadings,
  encodeJson,
  type AreasBody,
  type MineBody,
  type PersonnelBody,
  type PointsBody,
} from './codec.ts';
import {
  connectCluster,
  ensureInStream,
  resetPartitionConsumer,
  type ClusterNats,
} from './nats-connection.ts';
import { LiveOut } from './live-bridge.ts';
import { PartitionLeases } from './partition-leases.ts';
import { parseInSubject, partitionOf, type ClusterNames } from './subjects.ts';

export type WorkerLog = (event: Record<string, unknown> & { event: string }) => void;

export interface WorkerOptions {
  name: string;
  database: OpenDatabase;
  databaseUrl: string;
  ports: Ports;
  natsUrl: string;
  names: ClusterNames;
  pointCapacity: number;
  escalationMinutes?: Record<'critical' | 'high' | 'medium' | 'low', number | null>;
  log: WorkerLog;
  /** How often the worker looks at who is alive and balances partitions (ms). */
  rebalanceMs?: number;
  /** Called when the worker can no longer guarantee ownership (its lock connection broke). */
  onFatal?: (e: Error) => void;
}

export interface RunningWorker {
  name: string;
  runtime: MonitoringRuntime;
  owned(): number[];
  stop(): Promise<void>;
}

/** An operator command sent to the worker owning an alarm's mine (request/reply on <prefix>.cmd.<p>). */
export interface ActCommand {
  op: 'act';
  mineId: string;
  alarmId: string;
  event: AlarmEvent;
  comment: string | null;
  actor: { id: string; name: string };
}

export type CommandReply =
  { ok: true; alarm: unknown } | { ok: false; error: { kind: string; code: string; message: string } };

interface OwnedPartition {
  partition: number;
  messages: ConsumerMessages | null;
  loop: Promise<void> | null;
  commands: Subscription | null;
  stopping: boolean;
}

/** Stream messages a worker takes as one run (one per mine and door call; ≤ 4,000 readings each). */
const RUN_MESSAGES = 8;

/**
 * A monitoring worker of the distributed mode. It takes a fair share of the stream's partitions
 * (PostgreSQL advisory locks say who owns what), rebuilds the alarm state of their mines from the
 * database (the snapshot: points, alarms, people, each point's newest reading), then replays and
 * consumes the partitions' messages in order: each message's effects are stored (alarm changes first,
 * then the readings by COPY) before it is acknowledged, and a message seen twice changes nothing the
 * second time (a reading at a stored (point, time) is skipped; an alarm already raised is not raised
 * again). When a worker dies its locks vanish with its connection and the others take its partitions.
 */
export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const { names, log } = opts;
  const pool = opts.database.pgPool;
  if (!pool) throw new Error('A worker needs PostgreSQL (DATABASE_URL=postgres://…).');
  // Today's and the coming days' reading partitions exist before the first write (also kept hourly
  // by the scheduler of a gateway or API server).
  await maintainTelemetryPartitions(opts.database.db, opts.ports.clock.nowMs());

  const nats: ClusterNats = await connectCluster(opts.natsUrl, `redline-worker-${opts.name}`);
  await ensureInStream(nats.jsm, names);
  const live = new LiveOut(nats.nc, names);
  const owned = new Map<number, OwnedPartition>();
  const scope = (m: { code: string }) => owned.has(partitionOf(m.code, names.partitions));

  const { runtime } = createMonitoringRuntime(opts.database, opts.ports, {
    pointCapacity: opts.pointCapacity,
    hub: live,
    ...(opts.escalationMinutes ? { escalationMinutes: opts.escalationMinutes } : {}),
    scope,
  });
  await runtime.start();

  let stopped = false;
  const leases = await PartitionLeases.open(opts.databaseUrl, (e) => {
    if (stopped) return;
    log({ event: 'worker.lease-connection-lost', error: e.message });
    (
      opts.onFatal ??
      ((err: Error) => {
        throw err;
      })
    )(e);
  });
  log({ event: 'worker.started', worker: opts.name, key: leases.workerKey });

  // ---- one partition ------------------------------------------------------------------------------

  async function handle(msg: JsMsg): Promise<void> {
    const s = parseInSubject(msg.subject);
    if (!s) {
      log({ event: 'message.unreadable', subject: msg.subject });
      return;
    }
    switch (s.kind) {
      case 'readings': // taken in runs by processReadingsRun, never one by one
        throw new Error('a readings message reached the single-message path');
      case 'points':
        await runtime.definePoints(s.mineCode, decodeJson<PointsBody>(msg.data));
        return;
      case 'areas':
        await runtime.defineAreas(s.mineCode, decodeJson<AreasBody>(msg.data));
        return;
      case 'personnel': {
        const body = decodeJson<PersonnelBody>(msg.data);
        await runtime.ingestPersonnel(s.mineCode, body.positions, body.snapshotMs);
        return;
      }
      case 'mine':
        await runtime.refreshMine(decodeJson<MineBody>(msg.data).mineId);
        return;
    }
  }

  /** Handles a message until its effects are stored (retrying storage failures), then acknowledges it. */
  async function processOne(part: OwnedPartition, msg: JsMsg): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await handle(msg);
        msg.ack();
        return;
      } catch (e) {
        if (isDomainError(e) || e instanceof SyntaxError) {
          // Bad input a redelivery cannot fix (an unknown mine, a body that does not decode): reported, taken.
          log({ event: 'message.refused', subject: msg.subject, reason: e.message });
          msg.ack();
          return;
        }
        if (part.stopping || stopped) return; // not acknowledged: the next owner replays it
        log({ event: 'message.retry', subject: msg.subject, attempt, error: String(e) });
        msg.working();
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  /**
   * A run of readings messages (the bulk of the stream) goes to the runtime as one call: one alarm
   * transaction and one COPY for all of them. Retried as a whole until stored; then each is acknowledged.
   */
  async function processReadingsRun(part: OwnedPartition, run: JsMsg[]): Promise<void> {
    const items: Array<{ mineCode: string; readings: ReturnType<typeof decodeReadings> }> = [];
    const kept: JsMsg[] = [];
    for (const msg of run) {
      try {
        items.push({ mineCode: parseInSubject(msg.subject)!.mineCode, readings: decodeReadings(msg.data) });
        kept.push(msg);
      } catch (e) {
        log({ event: 'message.refused', subject: msg.subject, reason: String(e) });
        msg.ack();
      }
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const asked = performance.now();
        const depth = runtime.queueDepth;
        const outcomes = await runtime.ingestReadingsMany(items);
        const tookMs = performance.now() - asked;
        if (tookMs > 1_000) {
          const readings = items.reduce((n, x) => n + x.readings.length, 0);
          log({
            event: 'run.slow',
            partition: part.partition,
            messages: kept.length,
            readings,
            queueAhead: depth,
            ms: Math.round(tookMs),
          });
        }
        outcomes.forEach((o, i) => {
          if (o instanceof Error) {
            log({ event: 'message.refused', subject: kept[i]!.subject, reason: o.message });
          } else if (o.rejected.length > 0) {
            log({
              event: 'readings.rejected',
              mine: o.mineCode,
              count: o.rejected.length,
              first: o.rejected[0]!.reason,
            });
          }
        });
        for (const msg of kept) msg.ack();
        return;
      } catch (e) {
        if (part.stopping || stopped) return;
        log({ event: 'message.retry', subjects: kept.length, attempt, error: String(e) });
        for (const msg of kept) msg.working();
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(attempt, 6)));
      }
    }
  }

  async function consume(part: OwnedPartition): Promise<void> {
    const consumer = await nats.js.consumers.get(names.stream, names.consumer(part.partition));
    while (!part.stopping && !stopped) {
      // The messages there now, up to RUN_MESSAGES (waiting at most a second for the first). Runs stay
      // small enough that a command or a takeover never waits long behind the queue. (A byte limit
      // would be finer, but JetStream never delivers a message larger than it.)
      const messages = await consumer.fetch({ max_messages: RUN_MESSAGES, expires: 1_000 });
      part.messages = messages;
      const got: JsMsg[] = [];
      for await (const msg of messages) got.push(msg);
      let run: JsMsg[] = [];
      for (const msg of got) {
        if (part.stopping || stopped) return;
        if (msg.subject.endsWith('.readings')) {
          run.push(msg);
          continue;
        }
        if (run.length > 0) await processReadingsRun(part, run);
        run = [];
        await processOne(part, msg);
      }
      if (run.length > 0 && !part.stopping && !stopped) await processReadingsRun(part, run);
    }
  }

  function serveCommands(part: OwnedPartition): Subscription {
    return nats.nc.subscribe(names.command(part.partition), {
      callback: (err, msg) => {
        if (err) return;
        const cmd = decodeJson<ActCommand>(msg.data);
        runtime
          .actAs(cmd.actor, cmd.alarmId, cmd.event, cmd.comment)
          .then((alarm) => msg.respond(encodeJson({ ok: true, alarm } satisfies CommandReply)))
          .catch((e: unknown) => {
            const error = isDomainError(e)
              ? { kind: e.kind, code: e.code, message: e.message }
              : { kind: 'internal', code: 'INTERNAL', message: 'The worker could not apply the action.' };
            if (!isDomainError(e)) log({ event: 'command.failed', error: String(e) });
            msg.respond(encodeJson({ ok: false, error } satisfies CommandReply));
          });
      },
    });
  }

  // ---- balance --------------------------------------------------------------------------------------

  const order = Array.from({ length: names.partitions }, (_, i) => (i + leases.workerKey) % names.partitions);

  async function acquire(): Promise<void> {
    const liveWorkers = Math.max(1, await leases.liveWorkers());
    const target = Math.ceil(names.partitions / liveWorkers);
    if (owned.size > target) {
      await release([...owned.keys()].sort((a, b) => b - a).slice(0, owned.size - target));
      return;
    }
    if (owned.size >= target) return;
    const held = await leases.heldPartitions();
    const gained: number[] = [];
    const started = Date.now();
    for (const p of order) {
      if (owned.size + gained.length >= target) break;
      if (held.has(p) || owned.has(p)) continue;
      if (await leases.tryAcquire(p)) gained.push(p);
    }
    if (gained.length === 0) return;
    const locked = Date.now();
    for (const p of gained) {
      await resetPartitionConsumer(nats.jsm, names, p);
      owned.set(p, { partition: p, messages: null, loop: null, commands: null, stopping: false });
    }
    const consumersReady = Date.now();
    // The snapshot: the state of the new partitions' mines from the database.
    const rebuilt = await runtime.rescope(scope);
    for (const p of gained) {
      const part = owned.get(p)!;
      part.commands = serveCommands(part);
      part.loop = (async () => {
        // A consumer error (NATS restarting, a lost pull) must not leave the partition unserved.
        while (!part.stopping && !stopped) {
          try {
            await consume(part);
          } catch (e) {
            log({ event: 'partition.consume-failed', partition: p, error: String(e) });
            await sleep(1_000);
          }
        }
      })();
    }
    log({
      event: 'partition.acquired',
      worker: opts.name,
      partitions: gained,
      owned: [...owned.keys()].sort((a, b) => a - b),
      lockMs: locked - started,
      consumerMs: consumersReady - locked,
      rebuildMs: Date.now() - consumersReady,
      queueWaitMs: rebuilt.waitedMs,
      loadMs: rebuilt.rebuildMs,
    });
  }

  async function release(partitions: number[]): Promise<void> {
    for (const p of partitions) {
      const part = owned.get(p);
      if (!part) continue;
      part.stopping = true;
      part.commands?.unsubscribe();
      await part.messages?.close();
      await part.loop;
    }
    for (const p of partitions) owned.delete(p);
    await runtime.rescope(scope);
    for (const p of partitions) await leases.release(p);
    log({
      event: 'partition.released',
      worker: opts.name,
      partitions,
      owned: [...owned.keys()].sort((a, b) => a - b),
    });
  }

  let balancing = Promise.resolve();
  const balanceTimer = setInterval(() => {
    balancing = balancing
      .then(acquire)
      .catch((e: unknown) => log({ event: 'worker.balance-failed', error: String(e) }));
  }, opts.rebalanceMs ?? 500);
  balancing = balancing.then(acquire);
  await balancing;

  const ticker = setInterval(() => {
    runtime.tick().catch((e: unknown) => log({ event: 'worker.tick-failed', error: String(e) }));
  }, 1_000);

  return {
    name: opts.name,
    runtime,
    owned: () => [...owned.keys()].sort((a, b) => a - b),
    async stop() {
      clearInterval(balanceTimer);
      clearInterval(ticker);
      await balancing.catch(() => undefined);
      await release([...owned.keys()]);
      stopped = true;
      live.close();
      await leases.close();
      await nats.close();
      log({ event: 'worker.stopped', worker: opts.name });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
