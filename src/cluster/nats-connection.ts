import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { ClusterNames } from './subjects.ts';

export interface ClusterNats {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  close(): Promise<void>;
}

const ms = (n: number) => n * 1_000_000; // JetStream durations are nanoseconds

/** Connects to NATS (reconnecting for ever: a short broker outage must not end the process). */
export async function connectCluster(url: string, name: string): Promise<ClusterNats> {
  const nc = await connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const jsm = await jetstreamManager(nc);
  return {
    nc,
    js: jetstream(nc),
    jsm,
    async close() {
      await nc.drain().catch(() => undefined);
    },
  };
}

/**
 * Creates the ingestion stream when it is missing and checks that an existing one has the same
 * partition count (it is part of the subjects' meaning: changing it would move mines between
 * partitions while messages are in flight). Work-queue retention: a message leaves the stream when a
 * worker has acknowledged it, i.e. after its effects are stored in PostgreSQL. When the stream is full,
 * new messages are refused (the doors answer with an error and clients retry) — nothing is dropped.
 */
export async function ensureInStream(
  jsm: JetStreamManager,
  names: ClusterNames,
  options: { maxBytes?: number } = {},
): Promise<void> {
  const description = `Redline ingestion; partitions=${names.partitions}`;
  try {
    const info = await jsm.streams.info(names.stream);
    if (info.config.description !== description) {
      throw new Error(
        `The stream ${names.stream} was made for "${info.config.description ?? ''}", not ${names.partitions} partitions. ` +
          'Set REDLINE_PARTITIONS to match, or drain and delete the stream first.',
      );
    }
    return;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  await jsm.streams
    .add({
      name: names.stream,
      description,
      subjects: [`${names.prefix}.in.>`],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      max_bytes: options.maxBytes ?? 8 * 1024 ** 3,
      duplicate_window: ms(120_000),
      num_replicas: 1,
    })
    .catch((e: unknown) => {
      // Another process created it at the same moment.
      if (!/already in use|already exists/i.test(String(e))) throw e;
    });
}

/**
 * (Re)creates a partition's durable consumer so that it delivers every message still in the stream
 * from the oldest: on a work queue those are exactly the ones no worker has finished. A new owner of
 * a partition calls this, so what its predecessor had taken but not finished is replayed at once and
 * in order, instead of after an acknowledgement timeout and behind newer messages.
 */
export async function resetPartitionConsumer(
  jsm: JetStreamManager,
  names: ClusterNames,
  partition: number,
): Promise<void> {
  const durable = names.consumer(partition);
  await jsm.consumers.delete(names.stream, durable).catch((e: unknown) => {
    if (!isNotFound(e)) throw e;
  });
  await jsm.consumers.add(names.stream, {
    durable_name: durable,
    filter_subject: names.inFilter(partition),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: ms(60_000),
    max_ack_pending: 4_000,
    max_deliver: -1,
  });
}

export function isNotFound(e: unknown): boolean {
  return /not found/i.test(e instanceof Error ? e.message : String(e));
}
