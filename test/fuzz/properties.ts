/**
 * Every bad-input property, for the fuzz script: the upload-file reader (pure), MQTT payloads and
 * HTTP bodies (each over its own fresh world). The Vitest suites build the same sets one by one.
 */
import type { FuzzHooks, FuzzProperty } from './fuzz-property.ts';
import { createHttpFuzz } from './http-body.properties.ts';
import { createMqttFuzz } from './mqtt-payload.properties.ts';
import { uploadFileProperties } from './upload-file.properties.ts';

export interface FuzzSuite {
  properties: FuzzProperty[];
  dispose(): Promise<void>;
}

/** Builds every property set; dispose closes the worlds. */
export async function createAllProperties(hooks: FuzzHooks = {}): Promise<FuzzSuite> {
  const mqtt = await createMqttFuzz(hooks);
  const http = await createHttpFuzz(hooks);
  return {
    properties: [...uploadFileProperties(hooks), ...mqtt.properties, ...http.properties],
    async dispose() {
      await mqtt.dispose();
      await http.dispose();
    },
  };
}

export { assertProperty, checkProperty, RUN_BUDGET_MS, type FuzzProperty } from './fuzz-property.ts';
