/**
 * Properties of one MQTT message through the ingest pipeline (ingestMessage with a real runtime over
 * SQLite): any payload on any topic is answered with a result, never thrown; a refusal carries a
 * reason; good readings around bad ones are stored exactly and every bad one is named by its number.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  ingestMessage,
  type IngestResult,
  type IngestMessageDeps,
  type MessageKind,
  type TopicRoute,
} from '../../src/ingest/mqtt/ingest-message.ts';
import {
  anyBytes,
  decimal,
  digits,
  formatCst,
  jsonishText,
  plainCode,
  structuredSoup,
} from './arbitraries.ts';
import { materialiseReadings, readingsPayloadSpec, type ReadingsPayloadSpec } from './reading-arbitraries.ts';
import { assertReason, type FuzzHooks, type FuzzProperty, type FuzzSuite } from './fuzz-property.ts';
import { createIngestFuzzWorld, type RunTimes } from './ingest-fuzz-world.ts';
import { anyUploadFile, garbageRecord, type GeneratedFile } from './upload-file-arbitraries.ts';

const PREFIX = 'redline';

/** The result of any message has the documented shape, and a refusal says why. */
export function assertWellFormedResult(r: IngestResult, route: TopicRoute): void {
  assert.equal(r.kind, route.kind);
  assert.equal(r.mineCode, route.mine);
  assert.ok(['stored', 'rejected', 'incomplete'].includes(r.outcome), `outcome ${String(r.outcome)}`);
  assert.ok(Number.isInteger(r.accepted) && r.accepted >= 0, `accepted ${r.accepted}`);
  for (const x of r.rejected) {
    assert.ok(Number.isInteger(x.item) && x.item >= 1, `rejected item number ${x.item}`);
    assertReason(x.reason, `item ${x.item}`);
  }
  if (r.outcome === 'rejected') {
    assert.equal(r.accepted, 0);
    assert.ok(
      (r.reason !== undefined && r.reason.trim() !== '') || r.rejected.length > 0,
      `a refused message without a reason: ${JSON.stringify(r)}`,
    );
  }
  if (r.outcome === 'incomplete') assertReason(r.reason, 'an incomplete file');
}

/** The properties' names, known before the world is built (the Vitest suite declares its tests by them). */
export const MQTT_PROPERTY_NAMES = [
  'MQTT: any payload on any topic is answered with a result, never thrown',
  'MQTT: good readings around bad ones are stored exactly; each bad one is refused by number',
  'MQTT: a CDSS file stores its good records and names each bad record; without "||" nothing is stored',
] as const;

/** Builds the world and the MQTT payload properties over it. */
export async function createMqttFuzz(hooks: FuzzHooks = {}): Promise<FuzzSuite> {
  const world = await createIngestFuzzWorld();
  const { mine } = world;
  const deps: IngestMessageDeps = {
    runtime: world.ingest.runtime,
    store: world.ingest.world.ports.monitoring,
    ids: world.ingest.world.ports.ids,
    clock: world.ingest.world.clock,
  };
  const send = (route: TopicRoute, payload: Uint8Array) => {
    const topic = `${PREFIX}/${route.mine}/${route.kind === 'file' ? `files/${route.fileName ?? ''}` : route.kind}`;
    return ingestMessage(deps, route, topic, payload);
  };
  const utf8 = (s: string) => new TextEncoder().encode(s);

  // ---- any payload on any topic ------------------------------------------------------------------

  const mineSegment = fc.oneof(
    { weight: 4, arbitrary: fc.constant(mine.code) },
    { weight: 1, arbitrary: digits(12) },
    { weight: 1, arbitrary: fc.string({ maxLength: 14 }).filter((s) => s !== '' && !s.includes('/')) },
  );
  const fileNameFor = (mineCode: string) =>
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom('CDSS', 'CDDY', 'RYSS', 'RYQY', 'YCBJ', 'RYYJCS', 'XXXX'),
          fc.constantFrom(mineCode, '620823009203'),
        )
        .map(([type, m]) => `${m}_${type}_20261205080000.txt`),
      fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('/')),
    );
  const route: fc.Arbitrary<TopicRoute> = fc
    .tuple(fc.constantFrom<MessageKind>('readings', 'points', 'personnel', 'file'), mineSegment)
    .chain(([kind, m]): fc.Arbitrary<TopicRoute> =>
      kind === 'file'
        ? fileNameFor(m).map((fileName) => ({ kind, mine: m, fileName }))
        : fc.constant({ kind, mine: m }),
    );
  /** A payload: raw bytes, readings (made into text inside the run), or an upload file for the topic's mine. */
  type Payload =
    | { kind: 'bytes'; bytes: Uint8Array }
    | { kind: 'readings'; spec: ReadingsPayloadSpec }
    | { kind: 'upload-file'; file: GeneratedFile };
  const payload: fc.Arbitrary<Payload> = fc.oneof(
    anyBytes.map((bytes): Payload => ({ kind: 'bytes', bytes })),
    fc.oneof(jsonishText, structuredSoup).map((t): Payload => ({ kind: 'bytes', bytes: utf8(t) })),
    fc.constant<Payload>({ kind: 'bytes', bytes: new Uint8Array() }),
    readingsPayloadSpec.map((spec): Payload => ({ kind: 'readings', spec })),
    anyUploadFile.map((file): Payload => ({ kind: 'upload-file', file })),
  );
  const bytesOf = (p: Payload, r: TopicRoute, run: RunTimes): Uint8Array => {
    switch (p.kind) {
      case 'bytes':
        return p.bytes;
      case 'readings':
        return utf8(materialiseReadings(p.spec, world.readingsContext(run, false)).text);
      case 'upload-file':
        return utf8(p.file.text.replace(p.file.mineCode, r.mine));
    }
  };

  const anyMessage = fc.asyncProperty(route, payload, async (r, p) => {
    hooks.onRun?.('mqtt-any-payload');
    const bytes = bytesOf(p, r, world.beginRun());
    const before = await world.countReadings();
    const result = await send(r, bytes);
    assertWellFormedResult(result, r);
    const stored = (await world.countReadings()) - before;
    if (result.outcome !== 'stored')
      assert.equal(stored, 0, `${result.outcome} but ${stored} readings stored`);
    assert.ok(stored <= result.accepted, `${stored} readings stored, ${result.accepted} reported`);
  });

  // ---- good readings around bad ones ---------------------------------------------------------------

  const mixedReadings = fc.asyncProperty(readingsPayloadSpec, async (spec) => {
    hooks.onRun?.('mqtt-mixed-readings');
    const run = world.beginRun();
    const payloadText = materialiseReadings(spec, world.readingsContext(run, false));
    const before = await world.countReadings();
    const r: TopicRoute = { kind: 'readings', mine: mine.code };
    const result = await send(r, utf8(payloadText.text));
    assertWellFormedResult(result, r);
    assert.equal(result.accepted, payloadText.good.length, 'accepted is not the number of good readings');
    assert.equal(result.outcome, payloadText.good.length > 0 ? 'stored' : 'rejected');
    assert.deepStrictEqual(
      result.rejected.map((x) => x.item),
      payloadText.bad,
      'the refused items are not the bad ones',
    );
    assert.equal((await world.countReadings()) - before, payloadText.good.length);
    await world.assertStored(payloadText.good, run);
    // MQTT delivers at least once: the same message again stores nothing twice and is not a refusal.
    const again = await send(r, utf8(payloadText.text));
    assertWellFormedResult(again, r);
    assert.equal(
      (await world.countReadings()) - before,
      payloadText.good.length,
      'a redelivery stored readings twice',
    );
    if (payloadText.good.length > 0)
      assert.equal(again.outcome, 'stored', 'a redelivered message was refused');
  });

  // ---- a CDSS file on the files topic ------------------------------------------------------------

  type FileEntry =
    | { kind: 'good'; point: number; value: string }
    | { kind: 'unknown-point'; code: string }
    | { kind: 'garbage'; text: string }
    | { kind: 'blank'; text: string };
  const fileEntry: fc.Arbitrary<FileEntry> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('good' as const),
        point: fc.nat(),
        value: decimal.map((d) => d.raw),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown-point' as const), code: plainCode }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('garbage' as const), text: garbageRecord('CDSS') }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ' ', '\r\n') }),
    },
  );
  const cdssFile = fc.asyncProperty(
    fc.array(fileEntry, { minLength: 1, maxLength: 20 }),
    fc.boolean(),
    async (entries, complete) => {
      hooks.onRun?.('mqtt-cdss-file');
      const run = world.beginRun();
      const good: Array<{ item: number; point: string; tsMs: number; value: number }> = [];
      const bad: number[] = [];
      const records = entries.map((e, i) => {
        const line = i + 2;
        switch (e.kind) {
          case 'good': {
            const point = world.points[e.point % world.points.length]!;
            const tsMs = run.nextTime();
            good.push({ item: line, point, tsMs, value: Number(e.value) });
            return `${point};甲烷;回风巷;${e.value};%;0;${formatCst(tsMs)}`;
          }
          case 'unknown-point':
            bad.push(line);
            return `ZZ${e.code};甲烷;回风巷;0.5;%;0;${formatCst(run.nextTime())}`;
          case 'garbage':
            bad.push(line);
            return e.text;
          case 'blank':
            return e.text;
        }
      });
      const name = `${mine.code}_CDSS_${formatCst(run.nowMs).replace(/\D/g, '')}.txt`;
      const text =
        [`${mine.code};测试煤矿;${formatCst(run.nowMs)}`, ...records].map((t) => `${t}~`).join('') +
        (complete ? '||' : '');
      const before = await world.countReadings();
      const r: TopicRoute = { kind: 'file', mine: mine.code, fileName: name };
      const result = await send(r, utf8(text));
      assertWellFormedResult(result, r);
      if (!complete) {
        assert.equal(result.outcome, 'incomplete');
        assert.equal((await world.countReadings()) - before, 0, 'an incomplete file stored readings');
        await world.assertStored([], run);
        return;
      }
      assert.equal(result.accepted, good.length);
      assert.deepStrictEqual(
        result.rejected.map((x) => x.item).sort((a, b) => a - b),
        bad,
        'the rejected record numbers are not the bad records',
      );
      assert.equal((await world.countReadings()) - before, good.length);
      await world.assertStored(good, run);
    },
  );

  return {
    properties: [
      {
        name: MQTT_PROPERTY_NAMES[0],
        ciRuns: 250,
        property: anyMessage,
      },
      {
        name: MQTT_PROPERTY_NAMES[1],
        ciRuns: 200,
        property: mixedReadings,
      },
      {
        name: MQTT_PROPERTY_NAMES[2],
        ciRuns: 150,
        property: cdssFile,
      },
    ] satisfies FuzzProperty[],
    dispose: () => world.dispose(),
  };
}
