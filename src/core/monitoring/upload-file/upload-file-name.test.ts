import { describe, expect, it } from 'vitest';
import { formatChinaStandardTime, parseChinaStandardTime, parseDecimal } from './upload-field-reader.ts';
import { parseUploadFileName } from './upload-file-name.ts';

describe('parseUploadFileName', () => {
  it('reads mine code, type and the timestamp as China Standard Time', () => {
    expect(parseUploadFileName('620823009203_RYSS_20260923101319.txt')).toEqual({
      ok: true,
      mineCode: '620823009203',
      type: 'RYSS',
      timestampMs: Date.UTC(2026, 8, 23, 2, 13, 19),
      timestampText: '2026-09-23 10:13:19',
    });
  });

  it.each([
    ['upper-case extension', '620823009203_CDSS_20260923101310.TXT'],
    ['a directory part', '/inbox/aqjk/620823009203_CDDY_20260923101319.txt'],
    ['a Windows directory part', 'C:\\upload\\620823009203_YCBJ_20260923101319.txt'],
  ])('accepts %s', (_label, name) => {
    expect(parseUploadFileName(name).ok).toBe(true);
  });

  it.each([
    ['an 11-digit mine code', '62082300920_CDSS_20260923101319.txt', /12-digit/],
    ['a missing timestamp', '620823009203_CDSS.txt', /does not match/],
    ['another extension', '620823009203_CDSS_20260923101319.csv', /does not match/],
    ['an impossible timestamp', '620823009203_CDSS_20260230101319.txt', /not a valid time/],
    ['an unknown type', '620823009203_ABCD_20260923101319.txt', /not a known upload file type/],
    ['a type whose fields are unconfirmed', '620823009203_RYYJCS_20260923101319.txt', /not confirmed/],
  ])('rejects %s with a reason', (_label, name, reason) => {
    const r = parseUploadFileName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseChinaStandardTime', () => {
  it.each([
    ['2026-09-23 10:13:14', Date.UTC(2026, 8, 23, 2, 13, 14)],
    ['2026-01-01 00:00:00', Date.UTC(2025, 11, 31, 16, 0, 0)],
    ['2024-02-29 23:59:59', Date.UTC(2024, 1, 29, 15, 59, 59)],
  ])('%s is read as UTC+8', (text, ms) => {
    expect(parseChinaStandardTime(text)).toBe(ms);
    expect(formatChinaStandardTime(ms)).toBe(text);
  });

  it.each([
    '2025-02-29 00:00:00',
    '2026-13-01 00:00:00',
    '2026-04-31 00:00:00',
    '2026-09-23 24:00:00',
    '2026-09-23 10:60:00',
    '2026-09-23T10:13:14',
    '2026/09/23 10:13:14',
    '2026-09-23 10:13',
    '',
  ])('rejects %j', (text) => {
    expect(parseChinaStandardTime(text)).toBeNull();
  });
});

describe('parseDecimal', () => {
  it.each([
    ['0.12', 0.12],
    ['-3.50', -3.5],
    ['+1', 1],
    ['.5', 0.5],
    ['24', 24],
    ['1e2', 100],
  ])('%s → %d', (text, n) => {
    expect(parseDecimal(text)).toBe(n);
  });

  it.each(['', 'abc', '0x10', 'Infinity', 'NaN', '1,5', '1.2.3', ' '])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
