import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IngestResult } from '../../src/ingest/mqtt/ingest-message.ts';
import { startMqttIngest, type MqttIngest } from '../../src/ingest/mqtt/mqtt-ingest.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { eventually } from '../support/eventually.ts';
import { uniqueTopicPrefix } from '../support/mqtt.ts';
import { describeWithMosquitto, startSecuredBroker, type SecuredBroker } from '../support/secured-broker.ts';
import {
  cddyText,
  createIngestWorld,
  methanePoint,
  type IngestWorld,
  quietLog,
} from '../ingest/ingest-fixtures.ts';

/**
 * Issue 13, finding 4: the MQTT door checked nobody. Now the suite's own Mosquitto runs Redline's
 * configuration (no anonymous clients, one password per gateway, an ACL per mine) and Redline's adapter
 * authenticates too.
 */

describeWithMosquitto("MQTT behind the broker's authentication", () => {
  let broker: SecuredBroker;
  let w: IngestWorld;
  let prefix: string;
  let adapter: MqttIngest;
  let results: IngestResult[];
  let mineA: DemoMine;
  let mineB: DemoMine;
  let gatewayA: MqttClient;
  let gatewayB: MqttClient;
  const clients: MqttClient[] = [];

  const connectAs = async (cred: { username: string; password: string } | null, id: string) => {
    const c = await connectAsync(broker.url, {
      clientId: `${prefix}-${id}`,
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      ...(cred ?? {}),
    });
    clients.push(c);
    return c;
  };
  const reading = (mine: DemoMine, value: number, ts: string) =>
    Buffer.from(JSON.stringify([{ point: methanePoint(mine.code), value, status: 0, ts }]));
  const storedAt = async (mine: DemoMine, ts: string) => {
    const id = w.runtime.engine.pointId(mine.id, methanePoint(mine.code));
    if (id === undefined) return false;
    const ms = Date.parse(ts);
    return (await w.world.ports.monitoring.series(id, ms, ms, 'raw')).t.includes(ms);
  };

  beforeAll(async () => {
    prefix = uniqueTopicPrefix();
    broker = await startSecuredBroker(prefix);
    w = await createIngestWorld();
    const producing = w.world.province.mines.filter((m) => m.status === 'producing');
    [mineA, mineB] = [producing[0]!, producing[1]!];
    results = [];
    adapter = startMqttIngest({
      url: broker.url,
      credentials: broker.redline,
      runtime: w.runtime,
      store: w.world.ports.monitoring,
      ids: w.world.ports.ids,
      clock: w.world.clock,
      clientId: `${prefix}-ingest`,
      topicPrefix: prefix,
      retryDelayMs: 50,
      log: quietLog,
      onResult: (r) => results.push(r),
    });
    await adapter.ready;
    gatewayA = await connectAs(await broker.addGateway(mineA.code), 'gw-a');
    gatewayB = await connectAs(await broker.addGateway(mineB.code), 'gw-b');
    for (const [gw, mine] of [
      [gatewayA, mineA],
      [gatewayB, mineB],
    ] as const) {
      await gw.publishAsync(`${prefix}/${mine.code}/points`, Buffer.from(cddyText(mine.code)), { qos: 1 });
    }
    await eventually(() => expect(results.filter((r) => r.kind === 'points')).toHaveLength(2));
  });

  afterAll(async () => {
    for (const c of clients) await c.endAsync(true).catch(() => undefined);
    await adapter?.close();
    await broker?.stop();
    await w?.dispose();
  });

  it('refuses an anonymous client and a wrong password', async () => {
    await expect(connectAs(null, 'anon')).rejects.toThrow(/not authori[sz]ed|bad user name or password/i);
    await expect(
      connectAs({ username: `gateway-${mineA.code}`, password: 'guessed-password' }, 'guess'),
    ).rejects.toThrow(/not authori[sz]ed|bad user name or password/i);
  });

  it("a gateway's publish to its own mine is stored; to another mine's topic the broker refuses it", async () => {
    const own = '2026-12-05T08:00:10+08:00';
    await gatewayA.publishAsync(`${prefix}/${mineA.code}/readings`, reading(mineA, 0.3, own), { qos: 1 });
    await eventually(async () => expect(await storedAt(mineA, own)).toBe(true));

    // MQTT 5: the broker answers the forged publish with PUBACK reason 135 (not authorised).
    const forged = '2026-12-05T08:00:20+08:00';
    await expect(
      gatewayA.publishAsync(`${prefix}/${mineB.code}/readings`, reading(mineB, 1.9, forged), { qos: 1 }),
    ).rejects.toThrow(/not authori[sz]ed/i);
    // B's own gateway still feeds B; once that is stored, the forged reading would have been too.
    const later = '2026-12-05T08:00:30+08:00';
    await gatewayB.publishAsync(`${prefix}/${mineB.code}/readings`, reading(mineB, 0.2, later), { qos: 1 });
    await eventually(async () => expect(await storedAt(mineB, later)).toBe(true));
    expect(await storedAt(mineB, forged)).toBe(false);
  });

  it("a gateway never receives another mine's messages, even subscribed to everything", async () => {
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    gatewayA.on('message', (topic) => seenByA.push(topic));
    gatewayB.on('message', (topic) => seenByB.push(topic));
    await gatewayA.subscribeAsync([`${prefix}/${mineB.code}/results`, `${prefix}/#`], { qos: 0 });
    await gatewayB.subscribeAsync(`${prefix}/${mineB.code}/results`, { qos: 0 });
    // B sends a malformed message: Redline reports it on B's results topic.
    await gatewayB.publishAsync(`${prefix}/${mineB.code}/readings`, Buffer.from('not json'), { qos: 1 });
    await eventually(() => expect(seenByB).toContain(`${prefix}/${mineB.code}/results`));
    await new Promise((r) => setTimeout(r, 200));
    expect(seenByA.filter((t) => !t.startsWith(`${prefix}/${mineA.code}/`))).toEqual([]);
  });

  it('Redline without its credential cannot subscribe at all', async () => {
    await expect(connectAs(null, 'ingest-anon')).rejects.toThrow();
  });
});
