import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { IngestResult } from '../../src/ingest/mqtt/ingest-message.ts';
import { startMqttIngest, type MqttIngest } from '../../src/ingest/mqtt/mqtt-ingest.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { eventually } from '../support/eventually.ts';
import { connectTestClient, describeWithBroker, testMqttUrl, uniqueTopicPrefix } from '../support/mqtt.ts';
import {
  cddyText,
  cdssText,
  coPoint,
  fileName,
  methanePoint,
  quietLog,
  useIngestWorld,
} from './ingest-fixtures.ts';

describeWithBroker('MQTT ingest against the real broker', () => {
  const w = useIngestWorld({ each: true });
  let prefix: string;
  let clientId: string;
  let adapter: MqttIngest;
  let gateway: MqttClient;
  let results: IngestResult[];
  let published: Array<{ topic: string; body: IngestResult }>;
  let mine: DemoMine;

  const start = async () => {
    adapter = startMqttIngest({
      url: testMqttUrl,
      runtime: w.runtime,
      store: w.world.ports.monitoring,
      ids: w.world.ports.ids,
      clock: w.world.clock,
      clientId,
      topicPrefix: prefix,
      retryDelayMs: 50,
      log: quietLog,
      onResult: (r) => results.push(r),
    });
    await adapter.ready;
  };
  const publish = (sub: string, payload: string | Uint8Array) =>
    gateway.publishAsync(`${prefix}/${mine.code}/${sub}`, Buffer.from(payload), { qos: 1 });
  const readings = (items: Array<{ point: string; value: number | null; ts: string }>) =>
    JSON.stringify(items.map((i) => ({ ...i, status: 0 })));
  const stored = () => w.world.ports.monitoring.countReadings();

  beforeEach(async () => {
    mine = w.world.province.mines.find((m) => m.status === 'producing')!;
    prefix = uniqueTopicPrefix();
    clientId = `${prefix}-ingest`;
    results = [];
    published = [];
    await start();
    gateway = await connectTestClient();
    await gateway.subscribeAsync(`${prefix}/+/results`, { qos: 0 });
    gateway.on('message', (topic, payload) => {
      published.push({ topic, body: JSON.parse(payload.toString()) as IngestResult });
    });
  });

  afterEach(async () => {
    await adapter.close();
    await gateway.endAsync();
    // Drop the adapter's persistent session from the broker.
    const cleaner = await connectTestClient({ clientId, clean: true });
    await cleaner.endAsync();
  });

  it('stores point definitions and readings and raises the methane over-limit alarm', async () => {
    await publish('points', cddyText(mine.code));
    await publish(
      'readings',
      readings([
        { point: methanePoint(mine.code), value: 0.4, ts: '2026-12-05T08:00:10+08:00' },
        { point: methanePoint(mine.code), value: 1.3, ts: '2026-12-05T08:00:20+08:00' },
        { point: coPoint(mine.code), value: 6, ts: '2026-12-05T08:00:20+08:00' },
      ]),
    );
    await eventually(() => expect(results).toHaveLength(2));
    expect(results[0]).toMatchObject({ kind: 'points', outcome: 'stored', accepted: 2 });
    expect(results[1]).toMatchObject({ kind: 'readings', outcome: 'stored', accepted: 3, rejected: [] });
    expect(await stored()).toBe(3);
    const { items } = await w.world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 });
    expect(items.map((a) => [a.rule, a.state])).toContainEqual(['over_limit', 'unack_active']);
    // A fully stored message gets no result message: results are for problems.
    expect(published).toEqual([]);
  });

  it('acknowledges and reports a malformed payload, and goes on with the next messages', async () => {
    await publish('points', cddyText(mine.code));
    await publish('readings', 'this is not JSON\n{"point":"X"}');
    await publish('readings', '[{"point": "oops"');
    await publish(
      'readings',
      [
        JSON.stringify({
          point: methanePoint(mine.code),
          value: 0.2,
          status: 0,
          ts: '2026-12-05T08:00:10+08:00',
        }),
        JSON.stringify({ point: coPoint(mine.code), value: 2, status: 0, ts: 'yesterday' }),
      ].join('\n'),
    );
    await eventually(() => expect(published).toHaveLength(3));
    expect(published.every((p) => p.topic === `${prefix}/${mine.code}/results`)).toBe(true);
    const [first, second, third] = published.map((p) => p.body);
    expect(first).toMatchObject({ outcome: 'rejected', accepted: 0 });
    expect(first!.rejected.map((r) => r.item)).toEqual([1, 2]);
    expect(first!.rejected[0]!.reason).toMatch(/not valid JSON/);
    expect(first!.rejected[1]!.reason).toMatch(/missing fields "value", "ts"/);
    expect(second).toMatchObject({ outcome: 'rejected', rejected: [{ item: 1 }] });
    expect(second!.rejected[0]!.reason).toMatch(/not valid JSON/);
    expect(third).toMatchObject({ outcome: 'stored', accepted: 1, rejected: [{ item: 2 }] });
    expect(third!.rejected[0]!.reason).toMatch(/"ts" must be an ISO-8601 time/);
    expect(await stored()).toBe(1);
  });

  it('takes national files on files/<name> and personnel snapshots, refusing a file of another mine', async () => {
    const time = '2026-12-05 08:01:00';
    await publish(`files/${fileName(mine.code, 'CDDY', '2026-12-05 08:00:00')}`, cddyText(mine.code));
    await publish(
      `files/${fileName(mine.code, 'CDSS', time)}`,
      cdssText(mine.code, time, [[methanePoint(mine.code), 0.25]]),
    );
    const other = w.farMine.code;
    await publish(
      `files/${fileName(other, 'CDSS', time)}`,
      cdssText(other, time, [[methanePoint(other), 0.25]]),
    );
    const card = `${mine.code}00001`;
    await publish(
      'personnel',
      `${mine.code};测试煤矿;${time}~${card};张三;1;2026-12-05 07:50:00;;${mine.code}0001;2026-12-05 07:55:00;;;三八制;;正常;0;0;~||`,
    );
    await eventually(() => expect(results).toHaveLength(4));
    expect(results.map((r) => [r.kind, r.outcome, r.accepted])).toEqual([
      ['file', 'stored', 2],
      ['file', 'stored', 1],
      ['file', 'rejected', 0],
      ['personnel', 'stored', 1],
    ]);
    expect(results[2]!.reason).toMatch(new RegExp(`is for mine ${other}, but the topic names ${mine.code}`));
    expect(await stored()).toBe(1);
  });

  it('does not acknowledge a message whose write failed: the broker delivers it again', async () => {
    await publish('points', cddyText(mine.code));
    await eventually(() => expect(results).toHaveLength(1));
    // A real failure inside the database: every insert into readings aborts.
    const raw = w.world.database.sqlite!.raw;
    raw.exec(
      "create trigger fail_readings before insert on readings_head begin select raise(abort, 'simulated disk failure'); end",
    );
    const attempts = vi.spyOn(w.runtime, 'ingestReadings');
    await publish(
      'readings',
      readings([{ point: methanePoint(mine.code), value: 0.7, ts: '2026-12-05T08:00:10+08:00' }]),
    );
    await eventually(() => expect(adapter.stats().failedWrites).toBeGreaterThanOrEqual(1));
    expect(await stored()).toBe(0);
    expect(results).toHaveLength(1);

    raw.exec('drop trigger fail_readings');
    await eventually(() => expect(results).toHaveLength(2));
    expect(results[1]).toMatchObject({ kind: 'readings', outcome: 'stored', accepted: 1 });
    expect(await stored()).toBe(1);
    expect(attempts.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(adapter.stats().connections).toBeGreaterThanOrEqual(2);
  });

  it('messages published while the adapter is away wait in its session and are taken on return', async () => {
    await publish('points', cddyText(mine.code));
    await eventually(() => expect(results).toHaveLength(1));
    await adapter.close();
    await publish(
      'readings',
      readings([{ point: methanePoint(mine.code), value: 0.5, ts: '2026-12-05T08:00:10+08:00' }]),
    );
    expect(await stored()).toBe(0);
    await start();
    await eventually(() => expect(results).toHaveLength(2));
    expect(await stored()).toBe(1);
  });
});
