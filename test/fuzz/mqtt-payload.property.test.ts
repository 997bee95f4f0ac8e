import { createMqttFuzz, MQTT_PROPERTY_NAMES } from './mqtt-payload.properties.ts';
import { describeProperties } from './property-suite.ts';

describeProperties(
  'bad input: MQTT payloads through the ingest pipeline (ingestMessage, real runtime, SQLite)',
  MQTT_PROPERTY_NAMES,
  () => createMqttFuzz(),
);
