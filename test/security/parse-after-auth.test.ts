import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/core/access/tokens.ts';
import { DEFAULT_TABLE_LIMITS, parseXlsx, TableLimitError } from '../../src/platform/tabular/read-table.ts';
import { cryptoSecrets } from '../../src/platform/system.ts';
import { asSession, createWorld, loginAs, type Session, type World, buildTestApp } from '../support/world.ts';
import { errorOf, indexProvince, toCsv, XLSX_TYPE } from '../http/http-kit.ts';

/**
 * Issue 13, findings 1, 2 and 5: nothing is parsed or stored before the caller is known to be allowed;
 * the router and the auth hook agree on the path; tables are read with hard caps.
 */

let world: World;
let app: FastifyInstance;
let evidenceDir: string;
let county: Session;

let bomb: Buffer | null = null;
/** The 6.7 KB bomb of the issue: one cell in column XFD on each of 1,000 rows (built once). */
async function xlsxBomb(): Promise<Buffer> {
  if (bomb) return bomb;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('煤矿');
  for (let r = 1; r <= 1000; r++) sheet.getCell(`XFD${r}`).value = 'x';
  bomb = Buffer.from(await wb.xlsx.writeBuffer());
  return bomb;
}

/** Every file under the evidence directory, quarantine included. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p).map((f) => join(name, f)));
    else out.push(name);
  }
  return out;
}

beforeAll(async () => {
  world = await createWorld();
  evidenceDir = mkdtempSync(join(tmpdir(), 'redline-sec-evidence-'));
  app = await buildTestApp(world, { evidenceDir });
  await app.ready();
  county = await loginAs(app, 'county');
});
afterAll(async () => {
  await app.close();
  await world.dispose();
  rmSync(evidenceDir, { recursive: true, force: true });
});

describe('the XLSX bomb', () => {
  it('without a session: 401 at once, the body never parsed, memory unchanged', async () => {
    const bomb = await xlsxBomb();
    expect(bomb.length).toBeLessThan(20_000);
    // Warm-up: the first request compiles the route's hooks.
    await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      payload: bomb,
      headers: { 'content-type': XLSX_TYPE },
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/mines/import',
        headers: { 'content-type': XLSX_TYPE },
        payload: bomb,
      });
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('NOT_AUTHENTICATED');
    }
    const perRequestMs = (performance.now() - started) / 20;
    // Before: 57 s and +3 GB for one request. Generous bounds for a loaded 2-core machine.
    expect(perRequestMs).toBeLessThan(100);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('with a session: refused by the dimension cap before the sheet is loaded', async () => {
    const bomb = await xlsxBomb();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      headers: { ...asSession(county), 'content-type': XLSX_TYPE },
      payload: bomb,
    });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'TABLE_LIMIT_EXCEEDED', details: { limit: 'dimension' } });
    expect(errorOf(res).message).toContain('XFD');
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('a CSV past the column cap is refused with the cap named', async () => {
    const wide = toCsv([
      Array.from({ length: 200 }, (_, i) => `c${i}`),
      Array.from({ length: 200 }, () => 1),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      headers: { ...asSession(county), 'content-type': 'text/csv' },
      payload: wide,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'TABLE_LIMIT_EXCEEDED', details: { limit: 'columns' } });
  });

  it('a viewer is refused (403) before the bomb is read', async () => {
    const viewer = await loginAs(app, 'viewer');
    const res = await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      headers: { ...asSession(viewer), 'content-type': XLSX_TYPE },
      payload: await xlsxBomb(),
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});

describe('one path for the router and the auth hook', () => {
  it('/%61pi/session without a session is 401, never 500', async () => {
    for (const url of ['/%61pi/session', '/%61%70%69/session', '/api/%73ession']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('an encoded path still needs the CSRF token for unsafe methods', async () => {
    const s = await loginAs(app, 'expert');
    const res = await app.inject({
      method: 'DELETE',
      url: '/%61pi/session',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_TOKEN_INVALID');
    expect((await app.inject({ url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('the encoded import path is refused before the bomb is read', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/%61pi/mines/import',
      headers: { 'content-type': XLSX_TYPE },
      payload: await xlsxBomb(),
    });
    expect([401, 404]).toContain(res.statusCode);
  });

  it('a big invalid JSON body without a session is 401, not a validation report', async () => {
    let nested: unknown = 1;
    for (let i = 0; i < 2000; i++) nested = { a: nested };
    const res = await app.inject({
      method: 'POST',
      url: '/api/mines',
      payload: { facts: nested, junk: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('uploads leave nothing behind unless allowed', () => {
  const selfCheck = (s: Session, mineId: string) =>
    app.inject({
      method: 'POST',
      url: `/api/hazards/self-check-files?mineId=${mineId}`,
      headers: { ...asSession(s), 'content-type': 'application/pdf', 'x-file-name': 'scan.pdf' },
      payload: Buffer.alloc(1024 * 1024, 7),
    });

  it("a viewer's upload and another mine's officer's upload are refused and leave no file", async () => {
    const province = indexProvince(world);
    const mineA = province.mineOf('officer');
    const before = filesUnder(evidenceDir);
    const viewer = await selfCheck(await loginAs(app, 'viewer'), mineA.id);
    expect(viewer.statusCode).toBe(403);
    const other = await selfCheck(await loginAs(app, 'officer2'), mineA.id);
    expect(other.statusCode).toBe(404);
    expect(errorOf(other).code).toBe('MINE_NOT_FOUND');
    const evidence = await app.inject({
      method: 'POST',
      url: '/api/hazards/h-none/evidence',
      headers: { ...asSession(await loginAs(app, 'viewer')), 'x-file-name': 'a.jpg' },
      payload: Buffer.alloc(4096, 1),
    });
    expect(evidence.statusCode).toBe(403);
    expect(filesUnder(evidenceDir)).toEqual(before);
  });

  it("the mine's own officer's upload is stored under its checksum; the quarantine is left empty", async () => {
    const mineA = indexProvince(world).mineOf('officer');
    const res = await selfCheck(await loginAs(app, 'officer'), mineA.id);
    expect(res.statusCode, res.body).toBe(201);
    const { sha256 } = res.json<{ evidence: { sha256: string } }>().evidence;
    const files = filesUnder(evidenceDir);
    expect(files).toContain(sha256);
    expect(files.filter((f) => f.startsWith('quarantine'))).toEqual([]);
  });

  it('an upload past the size cap is refused and its partial file removed', async () => {
    const mineA = indexProvince(world).mineOf('officer');
    const officer = await loginAs(app, 'officer');
    const before = filesUnder(evidenceDir);
    const res = await app.inject({
      method: 'POST',
      url: `/api/hazards/self-check-files?mineId=${mineA.id}`,
      headers: { ...asSession(officer), 'content-type': 'application/pdf', 'x-file-name': 'big.pdf' },
      payload: Buffer.alloc(11 * 1024 * 1024, 3),
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BODY_TOO_LARGE');
    expect(filesUnder(evidenceDir)).toEqual(before);
  });
});

describe('audit entries name the credential', () => {
  it('a session change records "session"; a token change records which token', async () => {
    const mine = indexProvince(world).mineOf('officer');
    const viaSession = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${mine.id}`,
      headers: asSession(county),
      payload: { operator: 'by session' },
    });
    expect(viaSession.statusCode, viaSession.body).toBe(200);
    const t = await createApiToken(
      { ...world.ports, secrets: cryptoSecrets },
      await world.principal('county'),
      {
        name: 'county script',
        scopes: ['write'],
      },
    );
    const viaToken = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${mine.id}`,
      headers: { authorization: `Bearer ${t.token}` },
      payload: { operator: 'by token' },
    });
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    const entries = (await world.ports.audit.listByTarget('mine', mine.id)).filter(
      (e) => e.action === 'mine.update',
    );
    const byOperator = (op: string) => entries.find((e) => JSON.stringify(e.after).includes(op));
    expect(byOperator('by session')?.actorVia).toBe('session');
    expect(byOperator('by token')?.actorVia).toBe(`token:${t.id}`);
    const listed = await world.ports.tokens.get(t.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });
});

describe('the streaming reader enforces the caps when the sheet lies about its size', () => {
  /** A workbook whose worksheet claims to be A1:B2 whatever it holds (jszip comes with exceljs). */
  async function lyingWorkbook(rows: number, columns: number): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('煤矿');
    for (let r = 1; r <= rows; r++) sheet.addRow(Array.from({ length: columns }, (_, c) => `r${r}c${c}`));
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)!.async('string');
    expect(xml).toMatch(/<dimension ref="[^"]+"/);
    zip.file(path, xml.replace(/<dimension ref="[^"]+"/, '<dimension ref="A1:B2"'));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const limits = { ...DEFAULT_TABLE_LIMITS, rows: 10, columns: 8, cells: 60 };

  it.each([
    ['rows', 30, 3],
    ['columns', 2, 20],
    ['cells', 9, 8],
  ] as const)('a sheet past the %s cap is refused while streaming', async (limit, rows, columns) => {
    const err = await parseXlsx(await lyingWorkbook(rows, columns), limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableLimitError);
    expect((err as TableLimitError).limit).toBe(limit);
  });

  it('a sheet within the caps is read', async () => {
    const table = await parseXlsx(await lyingWorkbook(4, 3), limits);
    expect(table.headers).toEqual(['r1c0', 'r1c1', 'r1c2']);
    expect(table.rows).toHaveLength(3);
  });
});
