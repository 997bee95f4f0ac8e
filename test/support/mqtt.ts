import { randomBytes } from 'node:crypto';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { describeNeeding, isCi } from './engines.ts';

/**
 * The MQTT broker the suites talk to: a real one (Mosquitto). Outside CI an unreachable broker skips
 * the suites with a printed reason; with CI=true it fails them, like PostgreSQL.
 */
export const testMqttUrl = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

async function probeMqtt(): Promise<string | null> {
  try {
    const c = await connectAsync(testMqttUrl, { connectTimeout: 3000, reconnectPeriod: 0 });
    await c.endAsync();
    return null;
  } catch (e) {
    return `MQTT broker at ${testMqttUrl} is not reachable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const mqttProblem = await probeMqtt();
if (mqttProblem && !isCi) console.warn(`[redline tests] skipping MQTT suites: ${mqttProblem}`);

/** Declares `body` when the broker answers; skipped with a reason outside CI, failing in CI. */
export function describeWithBroker(title: string, body: () => void): void {
  describeNeeding('the MQTT broker', mqttProblem, title, body);
}

/** A topic prefix of its own, so parallel runs and a running server on the same broker do not mix. */
export const uniqueTopicPrefix = (): string => `redline-test-${randomBytes(5).toString('hex')}`;

/** A plain client, e.g. a mine's gateway publishing, or a listener on the results topic. */
export function connectTestClient(options: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(testMqttUrl, { reconnectPeriod: 0, protocolVersion: 5, ...options });
}
