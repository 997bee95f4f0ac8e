/**
 * The MQTT adapter. Subscribes (QoS 1) to `<prefix>/<mineCode>/readings|points|personnel` and
 * `<prefix>/<mineCode>/files/<fileName>` and acknowledges a message (PUBACK) only once what it carried
 * is durably stored, through mqtt.js's `customHandleAcks`: the PUBACK is sent when our callback is
 * called, and mqtt.js handles the connection's next packet only after that, so messages are taken one
 * at a time, in order.
 *
 * - Bad input (malformed payload, unknown mine or point) is acknowledged — redelivery cannot fix it —
 *   and reported on `<prefix>/<mineCode>/results` (and on the message's MQTT 5 response topic).
 * - A failed write is not acknowledged: the connection is dropped without a DISCONNECT and opened
 *   again after a back-off, with the same client id and a persistent session (clean start off, a
 *   session expiry interval), so the broker delivers the unacknowledged message again, followed by
 *   everything queued behind it. Nothing after the failed message is acknowledged before it.
 *
 * Who may publish for which mine is the broker's business: Mosquitto's password file and ACL (see
 * broker-credentials.ts) let a gateway publish only under its own mine's topics, and this adapter
 * connects with its own credential, so the topic's mine code can be trusted.
 */
import { connect, type IPublishPacket, type MqttClient } from 'mqtt';
import {
  ingestMessage,
  routeTopic,
  type IngestMessageDeps,
  type IngestResult,
  type TopicRoute,
} from './ingest-message.ts';

export interface MqttIngestLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface MqttIngestOptions extends IngestMessageDeps {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  /** Fixed, so the broker keeps this adapter's session (and its unacknowledged messages) across restarts. */
  clientId?: string;
  /** Redline's credential at the broker (MQTT_USERNAME / MQTT_PASSWORD). */
  credentials?: { username: string; password: string } | null;
  /** First topic level; `redline` unless told otherwise (tests use their own). */
  topicPrefix?: string;
  /** How long the broker keeps the session while the adapter is away. Default one day. */
  sessionExpirySeconds?: number;
  /** First wait before reconnecting after a failed write; doubles up to 30 s. Default 1 s. */
  retryDelayMs?: number;
  log?: MqttIngestLog;
  /** Called with each handled message's result (monitoring, tests). */
  onResult?: (result: IngestResult) => void;
}

export interface MqttIngestStats {
  received: number;
  acknowledged: number;
  failedWrites: number;
  connections: number;
}

export interface MqttIngest {
  /** Resolves once the adapter is connected and subscribed for the first time. */
  readonly ready: Promise<void>;
  stats(): MqttIngestStats;
  /** Finishes the message in hand, then disconnects; unacknowledged messages wait in the broker. */
  close(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/** Connects to the broker and starts taking messages. */
export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  const prefix = options.topicPrefix ?? 'redline';
  const log = options.log ?? console;
  const baseRetryMs = options.retryDelayMs ?? 1000;
  const subscriptions = [
    `${prefix}/+/readings`,
    `${prefix}/+/points`,
    `${prefix}/+/personnel`,
    `${prefix}/+/files/+`,
  ];
  const stats: MqttIngestStats = { received: 0, acknowledged: 0, failedWrites: 0, connections: 0 };

  let closed = false;
  /** Bumped whenever a connection is given up, so its late callbacks do nothing. */
  let generation = 0;
  let retryMs = baseRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let inHand: Promise<unknown> = Promise.resolve();
  let qos0Queue: Promise<unknown> = Promise.resolve();
  let client: MqttClient;
  let lastError = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const handle = async (c: MqttClient, topic: string, payload: Buffer, packet: IPublishPacket) => {
    stats.received++;
    const route = routeTopic(prefix, topic);
    if (route === null) {
      log.warn(`mqtt ingest: ignoring a message on unexpected topic ${topic}`);
      return;
    }
    const result = await ingestMessage(options, route, topic, payload);
    options.onResult?.(result);
    publishResult(c, route, result, packet);
  };

  const publishResult = (c: MqttClient, route: TopicRoute, result: IngestResult, packet: IPublishPacket) => {
    const body = JSON.stringify(result);
    const responseTopic = packet.properties?.responseTopic;
    // QoS 0: a result is advice to the gateway, and a QoS 1 publish could not be confirmed while the
    // connection waits for us to finish this message.
    if (result.outcome !== 'stored' || result.rejected.length > 0) {
      c.publish(`${prefix}/${route.mine}/results`, body, { qos: 0 });
    }
    if (responseTopic) {
      const correlationData = packet.properties?.correlationData;
      c.publish(responseTopic, body, { qos: 0, properties: correlationData ? { correlationData } : {} });
    }
  };

  const giveUpConnection = (gen: number, error: unknown) => {
    if (gen !== generation) return;
    stats.failedWrites++;
    generation++;
    const message = error instanceof Error ? error.message : String(error);
    log.error(
      `mqtt ingest: storing a message failed (${message}); not acknowledged, reconnecting in ${retryMs} ms for redelivery`,
    );
    // Forced: no DISCONNECT, nothing more acknowledged on this connection; the session stays.
    client.end(true);
    if (!closed) {
      retryTimer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  };

  function open(): void {
    const gen = ++generation;
    const c = connect(options.url, {
      clientId: options.clientId ?? 'redline-ingest',
      ...(options.credentials
        ? { username: options.credentials.username, password: options.credentials.password }
        : {}),
      protocolVersion: 5,
      clean: false,
      properties: { sessionExpiryInterval: options.sessionExpirySeconds ?? 86_400 },
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
      resubscribe: false,
      customHandleAcks: (topic, payload, packet: IPublishPacket, done) => {
        // Never acknowledged once the connection is given up or the adapter closes: the broker keeps it.
        if (gen !== generation || closed) return;
        const work = handle(c, topic, payload, packet).then(
          () => {
            if (gen !== generation) return;
            retryMs = baseRetryMs;
            stats.acknowledged++;
            done(0);
          },
          (e: unknown) => giveUpConnection(gen, e),
        );
        inHand = work;
      },
    });
    client = c;
    c.on('connect', (connack) => {
      stats.connections++;
      lastError = '';
      log.info(
        `mqtt ingest: connected to ${options.url} (session ${connack.sessionPresent ? 'resumed' : 'new'})`,
      );
      c.subscribe(subscriptions, { qos: 1 }, (err) => {
        if (err) log.error(`mqtt ingest: subscribing failed: ${err.message}`);
        else markReady();
      });
    });
    // QoS 0 messages have nothing to acknowledge: taken in order, best effort.
    c.on('message', (topic, payload, packet) => {
      if (packet.qos !== 0 || gen !== generation || closed) return;
      qos0Queue = qos0Queue
        .then(() => handle(c, topic, payload, packet))
        .catch((e: unknown) => {
          log.error(`mqtt ingest: a QoS 0 message on ${topic} was lost: ${String(e)}`);
        });
    });
    // mqtt.js retries a refused connection every few seconds: say so once, not every time.
    c.on('error', (e) => {
      if (e.message !== lastError) log.warn(`mqtt ingest: ${e.message}`);
      lastError = e.message;
    });
  }

  open();

  return {
    ready,
    stats: () => ({ ...stats }),
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      await inHand.catch(() => undefined);
      await qos0Queue;
      // A graceful DISCONNECT needs a live connection; without one mqtt.js would queue it forever.
      await client.endAsync(!client.connected);
    },
  };
}
