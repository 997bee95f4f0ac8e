import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useSeededCli } from '../support/cli-runner.ts';

describe('redline report --region R --from D --to D --format pdf|xlsx', () => {
  const cli = useSeededCli('redline-report-', 30);
  const { redline } = cli;
  /** The province's briefing for 2026, written to `out` (further options before `--out`). */
  const reportProvince2026 = (out: string, ...options: string[]) =>
    redline(
      'report',
      '--region',
      '990000',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      ...options,
      '--out',
      out,
    );

  it('writes a PDF of the province with its name and 30 mines', async () => {
    const out = join(cli.tmp, 'b.pdf');
    const r = await reportProvince2026(out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, mines: 30, region: '示范省' });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('示范省 煤矿安全生产简报');
    expect(text).toMatch(/合计\s+30\n/);
  }, 60_000);

  it('writes an XLSX that reads back', async () => {
    const out = join(cli.tmp, 'b.xlsx');
    const r = await reportProvince2026(out, '--format', 'xlsx');
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
