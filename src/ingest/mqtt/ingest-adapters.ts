import type { Ports } from '../../core/ports.ts';
import { startInboxWatcher, type InboxWatcher } from '../files/inbox-watcher.ts';
import type { MonitoringSink } from '../../monitoring/monitoring-sink.ts';
import { startMqttIngest, type MqttIngest, type MqttIngestLog } from './mqtt-ingest.ts';

export interface IngestAdapters {
  mqtt: MqttIngest | null;
  inbox: InboxWatcher | null;
  close(): Promise<void>;
}

/**
 * Starts the ingest adapters that are configured (MQTT when `mqttUrl` is set, the inbox watcher when
 * `inboxDir` is set) over a started runtime; `close` stops them, finishing the message or file in hand.
 */
export function startIngestAdapters(options: {
  runtime: MonitoringSink;
  ports: Pick<Ports, 'monitoring' | 'ids' | 'clock'>;
  mqttUrl: string | null;
  mqttClientId: string;
  /** Redline's credential at the broker; absent or null for an open (development) broker. */
  mqttCredentials?: { username: string; password: string } | null;
  inboxDir: string | null;
  log?: MqttIngestLog;
}): IngestAdapters {
  const deps = {
    runtime: options.runtime,
    store: options.ports.monitoring,
    ids: options.ports.ids,
    clock: options.ports.clock,
    ...(options.log ? { log: options.log } : {}),
  };
  const mqtt = options.mqttUrl
    ? startMqttIngest({
        ...deps,
        url: options.mqttUrl,
        clientId: options.mqttClientId,
        credentials: options.mqttCredentials ?? null,
      })
    : null;
  const inbox = options.inboxDir ? startInboxWatcher({ ...deps, dir: options.inboxDir }) : null;
  return {
    mqtt,
    inbox,
    async close() {
      await Promise.all([mqtt?.close(), inbox?.close()]);
    },
  };
}
