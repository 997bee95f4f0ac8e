import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = resolve(import.meta.dirname, '../../src/cli/main.ts');

describe('redline report --region R --from D --to D --format pdf|xlsx', () => {
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  const redline = (...args: string[]) =>
    run(process.execPath, [main, ...args], { env, timeout: 60_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'redline-report-'));
    env = {
      PATH: process.env.PATH,
      DATABASE_URL: join(tmp, 'redline.db'),
      REDLINE_DATA_DIR: join(tmp, 'data'),
      LOG_LEVEL: 'silent',
    };
    const seeded = await redline('seed', '--mines', '30');
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes a PDF of the province with its name and 30 mines', async () => {
    const out = join(tmp, 'b.pdf');
    const r = await redline(
      'report',
      '--region',
      '990000',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, mines: 30, region: '示范省' });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('示范省 煤矿安全生产简报');
    expect(text).toMatch(/合计\s+30\n/);
  }, 60_000);

  it('writes an XLSX that reads back', async () => {
    const out = join(tmp, 'b.xlsx');
    const r = await redline(
      'report',
      '--region',
      '990000',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(out);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const values = new Map<string, unknown>();
    wb.getWorksheet('简报')!.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value));
    expect(values.get('煤矿数：合计')).toBe(30);
  }, 60_000);

  it('refuses an unknown region and a reversed period with a clear message', async () => {
    const a = await redline('report', '--region', '123456', '--from', '2026-01-01', '--to', '2026-12-31');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('REGION_NOT_FOUND');
    const b = await redline('report', '--region', '990000', '--from', '2026-12-31', '--to', '2026-01-01');
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('BRIEFING_PERIOD_INVALID');
  }, 60_000);
});
