import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asSession, useTestApp, useWorld } from '../support/world.ts';
import {
  createCodeSource,
  encodeGb18030,
  errorOf,
  indexProvince,
  loginAll,
  toCsv,
  XLSX_TYPE,
  type Response,
} from './http-kit.ts';

/** POST /api/mines/import: CSV (UTF-8 or GB18030) and XLSX; good rows stored, bad rows explained. */

interface ImportReport {
  rows: number;
  imported: number;
  rejected: number;
  results: Array<
    | { row: number; ok: true; mineId: string; code: string }
    | { row: number; ok: false; errors: Array<{ row: number; field: string; message: string }> }
  >;
}

const world = useWorld();
const app = useTestApp(world);
let as: (username: string) => Record<string, string>;
let freshCode: (regionId: string) => string;

beforeAll(async () => {
  const sessions = await loginAll(app, ['county', 'city', 'viewer']);
  as = (u) => asSession(sessions.get(u)!);
  freshCode = createCodeSource(world);
});

const upload = (body: string | Uint8Array, contentType: string, user = 'county') =>
  app.inject({
    method: 'POST',
    url: '/api/mines/import',
    headers: { ...as(user), 'content-type': contentType },
    payload: typeof body === 'string' ? body : Buffer.from(body),
  });

const reportOf = (res: Response): ImportReport => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportReport>();
};

/** The errors reported for one row (fails when the row was accepted). */
const errorsOfRow = (report: ImportReport, row: number) => {
  const r = report.results.find((x) => x.row === row);
  if (!r || r.ok) throw new Error(`row ${row} was not rejected: ${JSON.stringify(r)}`);
  return r.errors;
};

/** The stored mine with this code, as the city user (990100, above every county used) sees it. */
async function getByCode(code: string) {
  const res = await app.inject({ url: `/api/mines?q=${code}`, headers: as('city') });
  const items = res.json<{ items: Array<Record<string, unknown>> }>().items;
  return items.find((m) => m.code === code);
}

const existingMine = () => indexProvince(world).mineOf('officer');

describe('CSV in UTF-8 with English headers', () => {
  it('stores the good rows and explains each bad row by row number and field', async () => {
    const good1 = freshCode('990102');
    const good2 = freshCode('990102');
    const [badRegionCode, badGasCode, badCapCode] = [
      freshCode('990202'),
      freshCode('990102'),
      freshCode('990102'),
    ];
    const csv = toCsv([
      [
        'code',
        'name',
        'regionId',
        'capacity',
        'gasClass',
        'approvedMaxUnderground',
        'hasGasControlCapability',
        'enterprise',
        'status',
      ],
      [good1, '导入一号煤矿', '990102', '450,000', 'high', 120, 'yes', '示范测试能源有限公司', 'producing'],
      ['99010212345', '短编码煤矿', '990102', 450000, 'low', 80, 'no', '', ''],
      [badGasCode, '未知瓦斯煤矿', '990102', 450000, 'medium', 80, 'no', '', ''],
      [badCapCode, '产能错误煤矿', '990102', 'abc', 'low', 80, 'no', '', ''],
      [badRegionCode, '外县煤矿', '990202', 450000, 'low', 80, 'no', '', ''],
      [existingMine().code, '重复编码煤矿', '990102', 450000, 'low', 80, 'no', '', ''],
      [good2, '导入二号煤矿', '990102', 90000, 'outburst', 40, '', '', 'suspended'],
    ]);
    const report = reportOf(await upload(csv, 'text/csv'));

    expect(report).toMatchObject({ rows: 7, imported: 2, rejected: 5 });
    expect(report.results.filter((r) => r.ok).map((r) => r.row)).toEqual([2, 8]);

    const fieldsOf = (row: number) => errorsOfRow(report, row).map((e) => e.field);
    expect(errorsOfRow(report, 3)).toEqual([expect.objectContaining({ row: 3, field: 'code' })]);
    expect(errorsOfRow(report, 4)).toEqual([
      expect.objectContaining({ row: 4, field: 'gasClass', message: expect.stringContaining('medium') }),
    ]);
    expect(errorsOfRow(report, 5)).toEqual([
      expect.objectContaining({
        row: 5,
        field: 'approvedCapacityTPerYear',
        message: expect.stringContaining('abc'),
      }),
    ]);
    expect(fieldsOf(6)).toHaveLength(1);
    expect(errorsOfRow(report, 6)[0]).toMatchObject({ row: 6, message: expect.stringContaining('990202') });
    expect(errorsOfRow(report, 7)[0]).toMatchObject({
      row: 7,
      message: expect.stringContaining(existingMine().code),
    });

    expect(await getByCode(good1)).toMatchObject({
      name: '导入一号煤矿',
      approvedCapacityTPerYear: 450_000,
      gasClass: 'high',
      hasGasControlCapability: true,
      status: 'producing',
      enterpriseName: '示范测试能源有限公司',
    });
    expect(await getByCode(good2)).toMatchObject({
      name: '导入二号煤矿',
      gasClass: 'outburst',
      status: 'suspended',
    });
    for (const code of [badGasCode, badCapCode]) expect(await getByCode(code)).toBeUndefined();
    expect(await world.ports.mines.getByCode(badRegionCode)).toBeUndefined();
    expect(await world.ports.mines.getByCode('99010212345')).toBeUndefined();
    expect(await world.ports.mines.getByCode(existingMine().code)).toMatchObject({
      name: existingMine().name,
    });

    const imported = report.results.find((r) => r.ok && r.code === good1) as { mineId: string };
    const [audit] = await world.ports.audit.listByTarget('mine', imported.mineId);
    expect(audit).toMatchObject({ action: 'mine.register', actorName: '张伟（区县监管）' });
  });

  // Known gap: a row refused by the registration (region out of scope, duplicate code) is reported
  // with field "(row)" because registerMine's NotFound/Conflict errors carry no issues
  // (src/core/registry/mine-import.ts:213). The user is not told which column to fix.
  it('names the field for a region outside the scope and for a duplicate code', async () => {
    const csv = toCsv([
      ['code', 'name', 'regionId', 'capacity', 'gasClass', 'approvedMaxUnderground'],
      [freshCode('990202'), '外县煤矿', '990202', 450000, 'low', 80],
      [existingMine().code, '重复编码煤矿', '990102', 450000, 'low', 80],
    ]);
    const report = reportOf(await upload(csv, 'text/csv'));
    expect(errorsOfRow(report, 2).map((e) => e.field)).toEqual(['regionId']);
    expect(errorsOfRow(report, 3).map((e) => e.field)).toEqual(['code']);
  });

  it('a file without a required column rejects every row, naming the missing column', async () => {
    const csv = toCsv([
      ['code', 'name', 'regionId', 'approvedMaxUnderground'],
      [freshCode('990102'), '缺列煤矿', '990102', 80],
    ]);
    const report = reportOf(await upload(csv, 'text/csv'));
    expect(report).toMatchObject({ imported: 0, rejected: 1 });
    expect(errorsOfRow(report, 2)[0]!.field).toContain('approvedCapacityTPerYear');
    expect(errorsOfRow(report, 2)[0]!.field).toContain('gasClass');
  });
});

// The city user (990100) imports into several counties of the city.
/** Chinese column headers of a mine import file (the BOM and XLSX tests take the first six). */
const HEADERS = [
  '煤矿编码',
  '煤矿名称',
  '区县编码',
  '核定生产能力(吨/年)',
  '瓦斯等级',
  '核定入井人数',
  '瓦斯治理能力',
  '机械化程度',
  '状态',
];

describe('CSV with Chinese headers', () => {
  it('reads GB18030 bytes (what Excel writes on zh-CN Windows) and maps the Chinese values', async () => {
    const [c1, c2, c3] = [freshCode('990121'), freshCode('990121'), freshCode('990102')];
    const text = toCsv([
      HEADERS,
      [c1, '松坪新井煤矿', '990121', '600000', '高瓦斯', '150', '是', '综合机械化', '正常生产'],
      [c2, '松坪突出煤矿', '990121', '900000', '煤与瓦斯突出', '200', '否', '智能化', '停产整顿'],
      [c3, '岩东坏井煤矿', '990102', '600000', '中瓦斯', '150', '否', '', ''],
    ]);
    const bytes = encodeGb18030(text);
    // The helper really produced GB18030: it is not UTF-8, and the GB18030 decoder gives the text back.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);

    const report = reportOf(await upload(bytes, 'text/csv', 'city'));
    expect(report).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
    expect(errorsOfRow(report, 4)).toEqual([
      expect.objectContaining({ row: 4, field: 'gasClass', message: expect.stringContaining('中瓦斯') }),
    ]);
    expect(await getByCode(c1)).toMatchObject({
      name: '松坪新井煤矿',
      regionName: '松坪县',
      gasClass: 'high',
      hasGasControlCapability: true,
      mechanisation: 'mechanised',
      status: 'producing',
    });
    expect(await getByCode(c2)).toMatchObject({
      name: '松坪突出煤矿',
      gasClass: 'outburst',
      hasGasControlCapability: false,
      mechanisation: 'intelligent',
      status: 'suspended',
    });
    expect(await getByCode(c3)).toBeUndefined();
  });

  it('reads UTF-8 with a byte-order mark (Excel’s “CSV UTF-8”)', async () => {
    const code = freshCode('990122');
    const text =
      '\uFEFF' + toCsv([HEADERS.slice(0, 6), [code, '桐溪新井煤矿', '990122', '300000', '低瓦斯', '90']]);
    const report = reportOf(await upload(new TextEncoder().encode(text), 'text/csv', 'city'));
    expect(report).toMatchObject({ imported: 1, rejected: 0 });
    expect(await getByCode(code)).toMatchObject({ name: '桐溪新井煤矿', gasClass: 'low' });
  });
});

describe('XLSX', () => {
  it('imports the first worksheet of a workbook built with exceljs', async () => {
    const [good, bad] = [freshCode('990123'), freshCode('990123')];
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('煤矿');
    sheet.addRow([...HEADERS.slice(0, 6), '许可证有效期至', '状态']);
    // A high-gas mine without certified capability is imported stopped, never producing.
    sheet.addRow([
      good,
      '雾岭新井煤矿',
      '990123',
      1_200_000,
      '高瓦斯',
      300,
      new Date(Date.UTC(2028, 5, 30)),
      '停产整顿',
    ]);
    sheet.addRow([bad, '雾岭小井煤矿', '990123', 5_000, '低瓦斯', 20, null, '生产']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const report = reportOf(await upload(bytes, XLSX_TYPE, 'city'));
    expect(report).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(errorsOfRow(report, 3)).toEqual([
      expect.objectContaining({ row: 3, field: 'approvedCapacityTPerYear' }),
    ]);
    expect(await getByCode(good)).toMatchObject({
      name: '雾岭新井煤矿',
      approvedCapacityTPerYear: 1_200_000,
      gasClass: 'high',
      licenceValidUntil: '2028-06-30',
    });
    expect(await getByCode(bad)).toBeUndefined();
  });
});

describe('refused uploads', () => {
  it('an empty body → 400 IMPORT_EMPTY', async () => {
    for (const res of [
      await upload('', 'text/csv'),
      await upload(new Uint8Array(0), XLSX_TYPE),
      await app.inject({ method: 'POST', url: '/api/mines/import', headers: as('county') }),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res).code).toBe('IMPORT_EMPTY');
    }
  });

  it('garbage claiming to be XLSX → 400 IMPORT_UNREADABLE', async () => {
    const junk = new Uint8Array(200).map((_, i) => (i * 37 + 11) % 256);
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...junk]);
    const res = await upload(bytes, XLSX_TYPE);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/XLSX/) });
  });

  it('a CSV with an unclosed quote → 400 IMPORT_UNREADABLE, nothing stored', async () => {
    const code = freshCode('990102');
    const res = await upload(
      `code,name,regionId,capacity,gasClass\n${code},"未闭合煤矿,990102,450000,low\n`,
      'text/csv',
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('IMPORT_UNREADABLE');
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
  });

  it('a viewer importing → 403 FORBIDDEN, nothing stored', async () => {
    const code = freshCode('990102');
    const csv = toCsv([
      ['code', 'name', 'regionId', 'capacity', 'gasClass', 'approvedMaxUnderground'],
      [code, '只读煤矿', '990102', 450000, 'low', 80],
    ]);
    const res = await upload(csv, 'text/csv', 'viewer');
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
  });
});
