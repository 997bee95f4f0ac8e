import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inertText } from '../../src/core/export/safe-cells.ts';
import { parseCsv } from '../../src/platform/tabular/read-table.ts';
import { generalHazard } from '../hazards/hazard-fixtures.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';
import { cddyFile, cdssFile, methanePoint } from '../support/national-files.ts';
import { asSession, loginAs, useWorld } from '../support/world.ts';
import { indexProvince, XLSX_TYPE, type Response } from './http-kit.ts';

/**
 * Issue 16: every list exports as XLSX and CSV with the list's filters, Chinese headers (English with
 * lang=en), codes as words, formula text inert, and only the caller's scope — checked through the
 * routes a user's browser calls, against the list route with the same filters.
 */

const FORMULA_LEAD = /^[=+\-@\t\r]/;
/** Planted in the `county` user's county; must arrive inert. */
const PLANT = (what: string) => `=HYPERLINK("http://evil.example/${what}","点击")`;
/** Planted in `county2`'s county; must never appear in `county`'s exports. */
const OUTSIDE = 'OUTSIDE-SCOPE';

interface ListCase {
  name: string;
  /** The list route with a filter, and the same filter's export. */
  list: string;
  exportUrl: string;
  /** The list's rows as the key column shows them. */
  keysOf(body: unknown): string[];
  /** The key column's Chinese header. */
  keyHeader: string;
  /** Its English header (lang=en). */
  keyHeaderEn: string;
}

const items = (field: string) => (body: unknown) =>
  (body as Record<string, Array<Record<string, unknown>>>)[field]!;

const LISTS: ListCase[] = [
  {
    name: 'mines',
    list: '/api/mines?sort=name&order=desc&pageSize=500',
    exportUrl: '/api/mines/export?sort=name&order=desc',
    keysOf: (b) => items('items')(b).map((m) => String(m.code)),
    keyHeader: '煤矿编码',
    keyHeaderEn: 'Mine code',
  },
  {
    name: 'alarms',
    list: '/api/alarms?state=all&pageSize=500',
    exportUrl: '/api/alarms/export?state=all',
    keysOf: (b) => items('items')(b).map((a) => inertText(String(a.mineName))),
    keyHeader: '煤矿名称',
    keyHeaderEn: 'Mine',
  },
  {
    name: 'hazards',
    list: '/api/hazards?grade=general&limit=1000',
    exportUrl: '/api/hazards/export?grade=general',
    keysOf: (b) => items('items')(b).map((h) => inertText(String(h.title))),
    keyHeader: '隐患',
    keyHeaderEn: 'Hazard',
  },
  {
    name: 'orders',
    list: '/api/orders?status=in_force',
    exportUrl: '/api/orders/export?status=in_force',
    keysOf: (b) => items('orders')(b).map((o) => inertText(String(o.reason))),
    keyHeader: '事由',
    keyHeaderEn: 'Reason',
  },
  {
    name: 'visits',
    list: '/api/supervision/visits?limit=1000',
    exportUrl: '/api/supervision/visits/export',
    keysOf: (b) => items('items')(b).map((v) => inertText(String(v.notes))),
    keyHeader: '检查情况',
    keyHeaderEn: 'Notes',
  },
  {
    name: 'cases',
    list: '/api/closure/cases',
    exportUrl: '/api/closure/cases/export',
    keysOf: (b) => items('cases')(b).map((c) => inertText(String(c.summary))),
    keyHeader: '案情摘要',
    keyHeaderEn: 'Summary',
  },
  {
    name: 'accidents',
    list: '/api/accidents?limit=5000',
    exportUrl: '/api/accidents/export',
    keysOf: (b) => items('accidents')(b).map((a) => inertText(String(a.type))),
    keyHeader: '类型',
    keyHeaderEn: 'Type',
  },
];

/** A CSV answer's table (past its BOM). */
const csv = (body: string) => parseCsv(body.replace(/^\uFEFF/, ''));

/** The rows of an XLSX answer, as strings (numbers as their text). */
async function xlsxRows(res: Response): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const bytes = res.rawPayload;
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v as string | number))));
  });
  return rows;
}

describeEachEngine('list exports', (engine) => {
  const world = useWorld(engine);
  const { app, send, as } = useMonitoredApp(world, {
    users: ['province', 'county', 'county2', 'leader', 'officer', 'officer2'],
    sessionTtlMs: 3_600_000,
    exportRowCap: 40,
  });

  beforeAll(async () => {
    const province = indexProvince(world);
    const inside = province.mineOf('officer');
    const outside = province.mineOf('officer2');
    const must = async (user: string, method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await app.inject({ method, url, headers: as(user), payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    };
    for (const [mine, mark, county, officer] of [
      [inside, PLANT('x'), 'county', 'officer'],
      [outside, OUTSIDE, 'county2', 'officer2'],
    ] as const) {
      // A methane alarm at each mine, then the mine renamed: the alarm list shows the mine's name.
      await send(cddyFile(mine.code));
      await send(cdssFile(mine.code, '2026-12-05 08:00:10', [[methanePoint(mine.code), 1.6]]));
      await must(county, 'PATCH', `/api/mines/${mine.id}`, { name: mark, operator: mark });
      await must(officer, 'POST', '/api/hazards', generalHazard(mine.id, { title: mark }));
      await must('province', 'POST', '/api/orders', {
        number: `X-${mine.code}`,
        kind: 'suspend_mine',
        legalBasis: 'art 48',
        reason: mark,
        mineIds: [mine.id],
      });
      // Visits are recorded by the mine's leader or group; no demo one covers county2, so its visit is
      // written through the store.
      if (county === 'county') {
        await must('leader', 'POST', '/api/supervision/visits', {
          mineId: mine.id,
          startedAt: '2026-12-04T08:00:00+08:00',
          endedAt: '2026-12-04T10:30:00+08:00',
          wentToSite: true,
          wentUnderground: false,
          checklist: [{ item: '瓦斯', result: 'ok' }],
          notes: mark,
        });
      } else {
        await world.ports.supervision.insertVisit({
          id: 'visit-outside',
          mineId: mine.id,
          visitorId: (await world.principal('county2')).userId,
          visitorName: mark,
          visitorRole: 'leader',
          startedAt: '2026-12-04T00:00:00.000Z',
          endedAt: '2026-12-04T02:00:00.000Z',
          durationMinutes: 120,
          wentToSite: true,
          wentUnderground: false,
          checklist: [],
          notes: mark,
          byAssigned: true,
          createdAt: '2026-12-04T02:00:00.000Z',
          findings: [],
        });
      }
      await must('province', 'POST', '/api/closure/cases', {
        type: 'data_tampering',
        mineId: mine.id,
        summary: mark,
      });
      await must('province', 'POST', '/api/accidents', {
        deaths: 1,
        seriousInjuries: 0,
        minorInjuries: 2,
        directLossCny: 100_000,
        mineId: mine.id,
        occurredAt: '2026-12-04T10:00:00.000Z',
        type: mark,
      });
    }
  });
  const get = (url: string, headers = as('county')) => app.inject({ url, headers });

  describe.each(LISTS)('$name', (l) => {
    it('CSV: the filtered list’s rows, Chinese headers, formula text inert, nothing out of scope', async () => {
      const list = await get(l.list);
      expect(list.statusCode, list.body).toBe(200);
      const expected = l.keysOf(list.json());
      expect(expected.length).toBeGreaterThan(0);

      const res = await get(`${l.exportUrl}${l.exportUrl.includes('?') ? '&' : '?'}format=csv`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`attachment; filename="redline-${l.name}-`),
      );
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const table = csv(res.body);
      const col = table.headers.indexOf(l.keyHeader);
      expect(col, `headers: ${table.headers.join(',')}`).toBeGreaterThanOrEqual(0);
      for (const h of table.headers) expect(h).toMatch(/[\u4e00-\u9fff]/);
      expect(table.rows.map((r) => r[col])).toEqual(expected);
      const cells = table.rows.flat();
      expect(cells).toContain(`'${PLANT('x')}`);
      for (const c of cells) {
        expect(c).not.toMatch(FORMULA_LEAD);
        expect(c).not.toContain(OUTSIDE);
      }
    });

    it('XLSX in English: the same rows, English headers, inert formulas', async () => {
      const list = await get(l.list);
      const expected = l.keysOf(list.json());
      const res = await get(`${l.exportUrl}${l.exportUrl.includes('?') ? '&' : '?'}format=xlsx&lang=en`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      const [headers = [], ...rows] = await xlsxRows(res);
      const col = headers.indexOf(l.keyHeaderEn);
      expect(col, `headers: ${headers.join(',')}`).toBeGreaterThanOrEqual(0);
      expect(rows.map((r) => r[col] ?? '')).toEqual(expected);
      for (const c of rows.flat()) {
        expect(c).not.toMatch(FORMULA_LEAD);
        expect(c).not.toContain(OUTSIDE);
      }
    });
  });

  it('writes codes as words and times in China Standard Time', async () => {
    const res = await get('/api/accidents/export?format=csv');
    const table = csv(res.body);
    const row = table.rows.find((r) => r.includes(`'${PLANT('x')}`))!;
    expect(row).toContain('2026-12-04 18:00'); // 10:00Z
    expect(row).toContain('一般事故');
    expect(row).not.toContain('general');
    const mines = csv((await get('/api/mines/export?format=csv&status=producing')).body);
    const statusCol = mines.headers.indexOf('状态');
    expect(new Set(mines.rows.map((r) => r[statusCol]))).toEqual(new Set(['生产']));
  });

  it('is audited as an export: who, which list, which filters, how many rows', async () => {
    await get('/api/hazards/export?format=csv&grade=general');
    const entries = await world.ports.audit.search({ kind: 'list.export', limit: 100 });
    const last = entries.find((e) => e.targetId === 'hazards')!;
    expect(last.actorName).toBe(indexProvince(world).user('county').displayName);
    expect(last.after).toMatchObject({ format: 'csv', lang: 'zh-CN', filters: { grade: 'general' } });
  });

  it('refuses past the cap with a clear error, and an out-of-scope region like the list does', async () => {
    const tooMany = await get('/api/mines/export?format=csv', asSession(await loginAs(app, 'province')));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { code: 'EXPORT_TOO_LARGE', details: { limit: 40 } } });
    const region2 = indexProvince(world).user('county2').scope;
    const regionId = region2.kind === 'region' ? region2.regionId : '';
    const res = await get(`/api/mines/export?format=csv&regionId=${regionId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'REGION_NOT_FOUND' } });
    const anonymous = await app.inject({ url: '/api/mines/export?format=csv' });
    expect(anonymous.statusCode).toBe(401);
  });
});
