/**
 * Properties of the HTTP API under bad bodies (buildApp + app.inject over SQLite): a JSON route
 * answers any body, content type and path id with a 4xx and a JSON error carrying a code and a
 * message — never a 500, never a hang; the NDJSON ingest route stores the good lines around bad ones
 * and names every bad line; the file upload route answers any bytes with a report or a 4xx.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { HAZARD_GRADES, HAZARD_SOURCES } from '../../src/core/hazards/hazard-types.ts';
import { MINE_STATUS_EVENTS } from '../../src/core/registry/mine-status-machine.ts';
import { asSession, loginAs } from '../support/world.ts';
import { anyBytes, contentType, digits, jsonishText, structuredSoup } from './arbitraries.ts';
import { materialiseReadings, readingsPayloadSpec } from './reading-arbitraries.ts';
import { assertReason, type FuzzHooks, type FuzzProperty, type FuzzSuite } from './fuzz-property.ts';
import { createIngestFuzzWorld } from './ingest-fuzz-world.ts';
import { anyUploadFile } from './upload-file-arbitraries.ts';

/** What a client sends: a body (text or bytes) under a content type (or none). */
interface Body {
  payload: string | Buffer;
  contentType: string | null;
}

const json = (value: unknown): Body => ({ payload: JSON.stringify(value), contentType: 'application/json' });

/** Any body: JSON values and near-JSON under the JSON type, and anything at all under any type. */
const anyBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 3,
    arbitrary: jsonishText.map((payload): Body => ({ payload, contentType: 'application/json' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(jsonishText, structuredSoup), contentType)
      .map(([payload, ct]): Body => ({ payload, contentType: ct })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(anyBytes, contentType)
      .map(([b, ct]): Body => ({ payload: Buffer.from(b), contentType: ct })),
  },
);

/** A value of the wrong kind for a string field, or a string the field cannot hold. */
const notAShortString = (max: number) =>
  fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 1 }),
    fc.constant('x'.repeat(max + 1)),
  );

/** The error body every refusal must carry. */
function assertErrorAnswer(res: LightMyRequestResponse, what: string): void {
  assert.ok(
    res.statusCode >= 400 && res.statusCode < 500,
    `${what}: status ${res.statusCode} (expected 4xx): ${res.body.slice(0, 300)}`,
  );
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    assert.fail(`${what}: the ${res.statusCode} answer is not JSON: ${res.body.slice(0, 200)}`);
  }
  const code = body.error?.code;
  assert.ok(typeof code === 'string' && code !== '', `${what}: no error code in ${res.body.slice(0, 200)}`);
  assertReason(body.error?.message, `${what}: error ${code}`);
}

/** The properties' names, known before the world is built (the Vitest suite declares its tests by them). */
export const HTTP_PROPERTY_NAMES = [
  'HTTP: JSON routes answer any body, content type and id with a 4xx JSON error (code + message)',
  'HTTP: NDJSON readings store the good lines around bad ones; each bad line is named with a reason',
  'HTTP: the ingest routes answer any body with a report or a 4xx JSON error, never a 500',
] as const;

/** Builds the world, the app, a session and an API token, and the HTTP properties over them. */
export async function createHttpFuzz(hooks: FuzzHooks = {}): Promise<FuzzSuite> {
  const world = await createIngestFuzzWorld();
  const app: FastifyInstance = await world.ingest.buildApp();
  // A bearer token of the county regulator: sessions expire on the clock the runs move forward.
  const session = asSession(await loginAs(app, 'county'));
  const created = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: session,
    payload: { name: 'fuzz gateway', scopes: ['write', 'ingest'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const auth = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  const mineIds = new Set(world.ingest.world.province.mines.map((m) => m.id));
  const mine = world.mine;

  const send = (method: 'POST' | 'PATCH', url: string, body: Body, headers: Record<string, string> = auth) =>
    app.inject({
      method,
      url,
      headers: { ...headers, ...(body.contentType === null ? {} : { 'content-type': body.contentType }) },
      payload: body.payload,
    });

  /** An id that names nothing, as a path segment. */
  const noSuchId = fc
    .string({ maxLength: 120 })
    .filter((s) => !mineIds.has(s))
    .map((s) => encodeURIComponent(s));

  // ---- JSON routes -----------------------------------------------------------------------------

  interface Request {
    route: string;
    method: 'POST' | 'PATCH';
    url: string;
    body: Body;
    /** The login route is public; the others carry the token. */
    public?: boolean;
  }

  const login: fc.Arbitrary<Request> = fc
    .oneof(
      anyBody,
      fc
        .record({
          username: fc.oneof(
            fc.string({ maxLength: 90 }),
            fc.constantFrom('county', ' county ', 'province', ''),
          ),
          password: fc.oneof(fc.string({ maxLength: 210 }), fc.constant('')),
        })
        .map(json),
      fc.record({ username: notAShortString(80), password: fc.string() }).map(json),
    )
    .map((body) => ({ route: 'login', method: 'POST', url: '/api/session', body, public: true }));

  const validEvent = fc.constantFrom(...MINE_STATUS_EVENTS);
  const badEvent = fc.oneof(
    fc.string({ maxLength: 20 }).filter((s) => !(MINE_STATUS_EVENTS as readonly string[]).includes(s)),
    notAShortString(40),
  );
  /** Bodies the transition route must refuse on a real mine: each has at least one bad field. */
  const badTransition = fc.oneof(
    fc.record({ event: validEvent, reason: fc.oneof(fc.constant(''), notAShortString(2000)) }),
    fc.record({ event: badEvent, reason: fc.string({ minLength: 1, maxLength: 20 }) }),
    fc.record({
      event: validEvent,
      reason: fc.string({ minLength: 1 }),
      basis: notAShortString(200).filter((b) => b !== null),
    }),
    fc.record({ reason: fc.string({ minLength: 1 }) }),
  );
  const transition: fc.Arbitrary<Request> = fc.oneof(
    fc.oneof(anyBody, badTransition.map(json)).map((body) => ({
      route: 'transition',
      method: 'POST' as const,
      url: `/api/mines/${mine.id}/transitions`,
      body,
    })),
    fc
      .tuple(
        noSuchId,
        fc.oneof(
          anyBody,
          badTransition.map(json),
          fc.record({ event: validEvent, reason: fc.string({ minLength: 1, maxLength: 50 }) }).map(json),
        ),
      )
      .map(([id, body]) => ({
        route: 'transition',
        method: 'POST' as const,
        url: `/api/mines/${id}/transitions`,
        body,
      })),
  );

  const hazard: fc.Arbitrary<Request> = fc
    .oneof(
      anyBody,
      fc
        .record({
          mineId: fc.string({ maxLength: 110 }).filter((s) => !mineIds.has(s)),
          source: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...HAZARD_SOURCES) },
            { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
          ),
          grade: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...HAZARD_GRADES) },
            { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
          ),
          category: fc.oneof(
            {
              weight: 4,
              arbitrary: fc.constantFrom(
                'gas',
                'ventilation',
                'fire',
                'water',
                'roof',
                'electrical',
                'other',
              ),
            },
            { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 45 }), notAShortString(40)) },
          ),
          title: fc.oneof(
            { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
            { weight: 1, arbitrary: notAShortString(200) },
          ),
          description: fc.option(fc.oneof(fc.string({ maxLength: 30 }), notAShortString(5000)), {
            nil: undefined,
          }),
          pointCode: fc.option(fc.oneof(fc.string({ maxLength: 45 }), notAShortString(40)), {
            nil: undefined,
          }),
        })
        .map(json),
    )
    .map((body) => ({ route: 'hazard', method: 'POST', url: '/api/hazards', body }));

  const FACT_KEYS = [
    'code',
    'name',
    'regionId',
    'gasClass',
    'approvedCapacityTPerYear',
    'approvedMaxUnderground',
    'latitude',
    'status',
  ];
  const registerMine: fc.Arbitrary<Request> = fc
    .oneof(
      anyBody,
      fc
        .record({
          facts: fc.oneof(
            fc.dictionary(
              fc.oneof(fc.constantFrom(...FACT_KEYS), fc.string({ maxLength: 8 })),
              fc.jsonValue({ maxDepth: 2 }),
              {
                maxKeys: 8,
              },
            ),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          initialStatus: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
        })
        .map(json),
    )
    .map((body) => ({ route: 'register-mine', method: 'POST', url: '/api/mines', body }));

  const shelve: fc.Arbitrary<Request> = fc
    .tuple(
      noSuchId,
      fc.oneof(
        anyBody,
        fc
          .record({
            reason: fc.oneof(fc.string({ maxLength: 20 }), notAShortString(2000)),
            minutes: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 })),
          })
          .map(json),
      ),
    )
    .map(([id, body]) => ({ route: 'shelve-alarm', method: 'POST', url: `/api/alarms/${id}/shelve`, body }));

  const patchMine: fc.Arbitrary<Request> = fc
    .tuple(
      noSuchId,
      fc.oneof(anyBody, fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map(json)),
    )
    .map(([id, body]) => ({ route: 'patch-mine', method: 'PATCH', url: `/api/mines/${id}`, body }));

  /** Who asks: mostly the token; now and then a session (with or without its CSRF token), nobody, or a bad header. */
  const caller: fc.Arbitrary<Record<string, string>> = fc.oneof(
    { weight: 6, arbitrary: fc.constant(auth) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        session,
        { cookie: session.cookie },
        {},
        { authorization: 'Bearer rl_not-a-token' },
        { authorization: 'Basic Y291bnR5OnB3' },
        { cookie: 'redline_session=forged' },
      ),
    },
  );

  const jsonRoutes = fc.asyncProperty(
    fc.oneof(login, transition, hazard, registerMine, shelve, patchMine),
    caller,
    async (req, who) => {
      hooks.onRun?.('http-json-routes');
      const res = await send(req.method, req.url, req.body, req.public ? {} : who);
      assertErrorAnswer(res, `${req.method} ${req.url}`);
    },
  );

  // ---- NDJSON readings: good lines around bad ones ---------------------------------------------

  interface ReadingsAnswer {
    accepted: number;
    rejected: Array<{ line: number; reason: string }>;
  }
  const NDJSON_TYPES = [
    'application/x-ndjson',
    'application/jsonl',
    'application/json',
    'application/x-ndjson; charset=utf-8',
  ];

  const goodAroundBad = fc.asyncProperty(
    readingsPayloadSpec,
    fc.constantFrom(...NDJSON_TYPES),
    async (spec, ct) => {
      hooks.onRun?.('http-ndjson-readings');
      const run = world.beginRun();
      const body = materialiseReadings(spec, world.readingsContext(run, true));
      const before = await world.countReadings();
      const post = () => send('POST', '/api/ingest/readings', { payload: body.text, contentType: ct });
      const res = await post();
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const answer = res.json<ReadingsAnswer>();
      assert.equal(answer.accepted, body.good.length, 'accepted is not the number of good lines');
      assert.deepStrictEqual(
        answer.rejected.map((r) => r.line),
        body.bad,
        'the refused lines are not the bad ones',
      );
      for (const r of answer.rejected) assertReason(r.reason, `line ${r.line}`);
      assert.equal((await world.countReadings()) - before, body.good.length);
      await world.assertStored(body.good, run);
      // A client's retry stores nothing twice.
      assert.equal((await post()).statusCode, 200);
      assert.equal((await world.countReadings()) - before, body.good.length, 'a retry stored readings twice');
    },
  );

  // ---- the ingest routes under any body --------------------------------------------------------

  const fileName = fc.oneof(
    fc
      .constantFrom(mine.code, world.otherMine.code, '620823009203')
      .chain((code) =>
        fc
          .constantFrom('CDSS', 'CDDY', 'RYSS', 'RYQY', 'TJSJ', 'RYYJCS')
          .map((t) => `${code}_${t}_20261205080000.txt`),
      ),
    fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    digits(12).map((d) => `${d}_CDSS_20261205080000.txt`),
  );
  const fileBody: fc.Arbitrary<Body> = fc.oneof(
    anyBody,
    anyUploadFile.map((f): Body => ({
      payload: Buffer.from(f.text.replace(f.mineCode, mine.code)),
      contentType: 'text/plain',
    })),
  );

  const ingestRoutes = fc.asyncProperty(
    fc.oneof(
      fc.record({ route: fc.constant('readings' as const), body: anyBody, name: fc.constant(null) }),
      fc.record({
        route: fc.constant('files' as const),
        body: fileBody,
        name: fc.option(fileName, { nil: null }),
      }),
    ),
    async ({ route, body, name }) => {
      hooks.onRun?.('http-ingest-any-body');
      world.beginRun();
      const before = await world.countReadings();
      const headers = { ...auth, ...(name === null ? {} : { 'x-file-name': name }) };
      const res = await send('POST', `/api/ingest/${route}`, body, headers);
      if (res.statusCode !== 200) {
        assertErrorAnswer(res, `POST /api/ingest/${route}`);
        assert.equal(await world.countReadings(), before, 'a refused request stored readings');
        return;
      }
      if (route === 'readings') {
        const a = res.json<ReadingsAnswer>();
        for (const r of a.rejected) assertReason(r.reason, `line ${r.line}`);
        assert.ok(
          a.accepted > 0 || a.rejected.length > 0,
          `a 200 answer that took nothing and refused nothing: ${res.body}`,
        );
      } else {
        const report = res.json<{
          outcome: string;
          reason?: string;
          rejected: Array<{ line: number; reason: string }>;
        }>();
        for (const r of report.rejected) assertReason(r.reason, `record ${r.line}`);
        if (report.outcome !== 'stored') assertReason(report.reason, `a ${report.outcome} file`);
      }
    },
  );

  return {
    properties: [
      {
        name: HTTP_PROPERTY_NAMES[0],
        ciRuns: 300,
        property: jsonRoutes,
      },
      {
        name: HTTP_PROPERTY_NAMES[1],
        ciRuns: 150,
        property: goodAroundBad,
      },
      {
        name: HTTP_PROPERTY_NAMES[2],
        ciRuns: 200,
        property: ingestRoutes,
      },
    ] satisfies FuzzProperty[],
    dispose: () => world.dispose(),
  };
}
