import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../src/core/monitoring/upload-file/gb18030-encoder.test-helper.ts';
import { errorOf } from '../http/http-kit.ts';
import { asSession, loginAs } from '../support/world.ts';
import { cdssText, coPoint, fileName, methanePoint, useIngestWorld } from './ingest-fixtures.ts';

const NDJSON = { 'content-type': 'application/x-ndjson' };
const ndjson = (...lines: Array<string | Record<string, unknown>>) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

interface ReadingsAnswer {
  accepted: number;
  rejected: Array<{ line: number; point?: string; reason: string }>;
  alarmsChanged: number;
}

const w = useIngestWorld();
let app: FastifyInstance;
let county: Record<string, string>;
let officerToken: string;
// Every test sends later readings than the one before, so none is refused as older than the last.
let minute = 0;
const at = () => `2026-12-05T08:${String(++minute).padStart(2, '0')}:00+08:00`;

beforeAll(async () => {
  for (const m of [w.officerMine, w.neighbour, w.farMine]) await w.definePoints(m);
  app = await w.buildApp();
  county = asSession(await loginAs(app, 'county'));
  const officer = asSession(await loginAs(app, 'officer'));
  const created = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: officer,
    payload: { name: 'upload gateway' },
  });
  officerToken = created.json<{ token: string }>().token;
});

const series = async (mineId: string, point: string) => {
  const id = w.runtime.engine.pointId(mineId, point);
  if (id === undefined) throw new Error(`no point ${point}`);
  return (await w.world.ports.monitoring.series(id, 0, Date.parse('2027-01-01'), 'raw')).v;
};

describe('POST /api/ingest/readings', () => {
  let before: number;
  beforeEach(async () => {
    before = await w.world.ports.monitoring.countReadings();
  });

  it('stores the good lines and reports each bad line with its number and reason', async () => {
    const mine = w.officerMine;
    const ts = at();
    const body = ndjson(
      { mine: mine.code, point: methanePoint(mine.code), value: 0.31, status: 0, ts },
      `{"mine":"${mine.code}","point":`,
      { mine: mine.code, point: coPoint(mine.code), value: 3 },
      { mine: mine.code, point: coPoint(mine.code), value: 3, status: 0, ts: '2026-12-05 08:00:10' },
      '',
      { mine: mine.code, point: `${mine.code}01MN999999`, value: 1, status: 0, ts },
      { mine: mine.code, point: coPoint(mine.code), value: 4, status: 0, ts: Date.parse(ts) },
      { mine: w.farMine.code, point: methanePoint(w.farMine.code), value: 0.2, status: 0, ts },
      { mine: mine.code, point: methanePoint(mine.code), value: 'high', status: 0, ts },
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...county, ...NDJSON },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<ReadingsAnswer>();
    expect(answer.accepted).toBe(2);
    expect(answer.rejected.map((r) => r.line)).toEqual([2, 3, 4, 6, 8, 9]);
    const reason = (line: number) => answer.rejected.find((r) => r.line === line)?.reason;
    expect(reason(2)).toMatch(/not valid JSON/);
    expect(reason(3)).toMatch(/missing field "ts"/);
    expect(reason(4)).toMatch(/"ts" must be an ISO-8601 time with its offset/);
    expect(reason(6)).toMatch(/unknown point/);
    // The county regulator cannot feed a mine of another city, and is not told whether it exists.
    expect(reason(8)).toBe(`no mine ${w.farMine.code} in your scope`);
    expect(reason(9)).toMatch(/"value" must be a number/);
    expect(await w.world.ports.monitoring.countReadings()).toBe(before + 2);
    expect(await series(mine.id, methanePoint(mine.code))).toContain(0.31);
    expect(await series(mine.id, coPoint(mine.code))).toContain(4);
    expect(await series(w.farMine.id, methanePoint(w.farMine.code))).toEqual([]);
  });

  it("a gateway's token feeds only its own mine, not even a neighbour in the same county", async () => {
    const ts = at();
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { authorization: `Bearer ${officerToken}`, ...NDJSON },
      payload: ndjson(
        { mine: w.officerMine.code, point: methanePoint(w.officerMine.code), value: 0.42, status: 0, ts },
        { mine: w.neighbour.code, point: methanePoint(w.neighbour.code), value: 0.43, status: 0, ts },
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 1,
      rejected: [{ line: 2, reason: `no mine ${w.neighbour.code} in your scope` }],
    });
    expect(await series(w.officerMine.id, methanePoint(w.officerMine.code))).toContain(0.42);
    expect(await series(w.neighbour.id, methanePoint(w.neighbour.code))).not.toContain(0.43);
  });

  it('groups lines for several mines, and an over-limit reading raises the alarm before answering', async () => {
    const ts = at();
    const a = w.officerMine;
    const b = w.neighbour;
    const res = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...county, ...NDJSON },
      payload: ndjson(
        { mine: a.code, point: coPoint(a.code), value: 5, status: 0, ts },
        { mine: b.code, point: methanePoint(b.code), value: 1.6, status: 0, ts },
        { mine: a.code, point: methanePoint(a.code), value: 0.5, status: 0, ts },
      ),
    });
    expect(res.json()).toMatchObject({ accepted: 3, rejected: [] });
    expect(res.json<ReadingsAnswer>().alarmsChanged).toBeGreaterThan(0);
    const { items } = await w.world.ports.monitoring.searchAlarms({ mineId: b.id, offset: 0, limit: 20 });
    expect(items.map((x) => x.rule)).toContain('over_limit');
    expect(await w.world.ports.monitoring.countReadings()).toBe(before + 3);
  });

  it('refuses roles without ingest.write, callers without a session, and other content types', async () => {
    const viewer = asSession(await loginAs(app, 'viewer'));
    const line = ndjson({ mine: w.officerMine.code, point: 'X1', value: 1, status: 0, ts: at() });
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...viewer, ...NDJSON },
      payload: line,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(errorOf(forbidden).code).toBe('FORBIDDEN');
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: NDJSON,
      payload: line,
    });
    expect(anonymous.statusCode).toBe(401);
    const csv = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...county, 'content-type': 'text/csv' },
      payload: 'a,b\n',
    });
    expect(csv.statusCode).toBe(415);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...county, ...NDJSON },
      payload: '\n\n',
    });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).code).toBe('INGEST_EMPTY');
    expect(await w.world.ports.monitoring.countReadings()).toBe(before);
  });

  it('answers 503 MONITORING_NOT_RUNNING when the server runs without the monitoring runtime', async () => {
    const bare = await w.buildApp(false);
    const session = asSession(await loginAs(bare, 'county'));
    const res = await bare.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { ...session, ...NDJSON },
      payload: ndjson({ mine: w.officerMine.code, point: 'X1', value: 1, status: 0, ts: at() }),
    });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res).code).toBe('MONITORING_NOT_RUNNING');
  });
});

describe('POST /api/ingest/files', () => {
  const post = (name: string | null, bytes: Uint8Array | string, headers: Record<string, string> = county) =>
    app.inject({
      method: 'POST',
      url: '/api/ingest/files',
      headers: {
        ...headers,
        'content-type': 'application/octet-stream',
        ...(name === null ? {} : { 'x-file-name': name }),
      },
      payload: Buffer.from(bytes),
    });

  it('stores a GB18030 file and reports its bad line', async () => {
    const mine = w.officerMine;
    const time = '2026-12-05 09:00:00';
    const clockWas = w.world.clock.nowIso();
    w.world.clock.set('2026-12-05T01:00:05Z'); // the receiving clock: just after the file's time (CST)
    const text = cdssText(mine.code, time, [
      [methanePoint(mine.code), 0.27],
      [coPoint(mine.code), '七'],
    ]);
    const bytes = encodeGb18030(text);
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(false);
    const before = await w.world.ports.monitoring.countReadings();
    const res = await post(fileName(mine.code, 'CDSS', time), bytes, {
      authorization: `Bearer ${officerToken}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mineCode: mine.code,
      type: 'CDSS',
      encoding: 'gb18030',
      outcome: 'stored',
      accepted: 1,
      rejected: [{ line: 3, field: 'value' }],
    });
    expect(await w.world.ports.monitoring.countReadings()).toBe(before + 1);
    expect(await series(mine.id, methanePoint(mine.code))).toContain(0.27);
    w.world.clock.set(clockWas);
  });

  it('a file dated beyond the clock skew is refused line by line with the reason', async () => {
    const mine = w.officerMine;
    const time = '2026-12-05 10:00:00'; // two hours ahead of the receiving clock (08:00 CST)
    const text = cdssText(mine.code, time, [[methanePoint(mine.code), 0.3]]);
    const before = await w.world.ports.monitoring.countReadings();
    const res = await post(fileName(mine.code, 'CDSS', time), encodeGb18030(text), {
      authorization: `Bearer ${officerToken}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ accepted: number; rejected: Array<{ line: number; reason: string }> }>();
    expect(report.accepted).toBe(0);
    expect(report.rejected).toEqual([
      expect.objectContaining({
        line: 2,
        reason: expect.stringMatching(/READING_TIME_IN_FUTURE/) as unknown,
      }),
    ]);
    expect(await w.world.ports.monitoring.countReadings()).toBe(before);
  });

  it('a file for a mine outside the scope is not found; a bad name is a rejected report', async () => {
    const time = '2026-12-05 09:01:00';
    const far = w.farMine;
    const outside = await post(
      fileName(far.code, 'CDSS', time),
      cdssText(far.code, time, [[methanePoint(far.code), 0.5]]),
    );
    expect(outside.statusCode).toBe(404);
    expect(errorOf(outside).code).toBe('MINE_NOT_FOUND');
    expect(outside.body).not.toContain(far.name);

    const badName = await post('readings.txt', 'x;y~||');
    expect(badName.statusCode).toBe(200);
    expect(badName.json()).toMatchObject({ outcome: 'rejected', accepted: 0 });
    expect(badName.json<{ reason: string }>().reason).toMatch(/^BAD_FILE_NAME/);

    const unnamed = await post(null, 'x');
    expect(unnamed.statusCode).toBe(400);
    expect(errorOf(unnamed).code).toBe('FILE_NAME_MISSING');
  });
});
