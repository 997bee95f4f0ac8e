import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertProperty, seedFromEnvironment } from './fuzz-property.ts';
import { createMqttFuzz, MQTT_PROPERTY_NAMES, type MqttFuzz } from './mqtt-payload.properties.ts';

const seed = seedFromEnvironment(process.env);
let fuzz: MqttFuzz;

beforeAll(async () => {
  fuzz = await createMqttFuzz();
});
afterAll(() => fuzz.dispose());

describe('bad input: MQTT payloads through the ingest pipeline (ingestMessage, real runtime, SQLite)', () => {
  for (const name of MQTT_PROPERTY_NAMES) {
    it(name, async () => {
      const p = fuzz.properties.find((x) => x.name === name);
      if (!p) throw new Error(`no property ${name}`);
      await assertProperty(p, seed);
    });
  }
});
