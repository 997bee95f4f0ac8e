import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChinaStandardTime, parseChinaStandardTime } from './upload-field-reader.ts';

/** The plain reading of the format, kept here as the reference the fast parser must agree with. */
function reference(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > last || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3_600_000;
}

describe('parseChinaStandardTime', () => {
  it('reads the upload format as China Standard Time and refuses impossible dates', () => {
    expect(parseChinaStandardTime('2020-12-04 17:35:00')).toBe(Date.parse('2020-12-04T09:35:00Z'));
    expect(parseChinaStandardTime('2024-02-29 00:00:00')).toBe(Date.parse('2024-02-28T16:00:00Z'));
    for (const bad of [
      '2026-02-29 00:00:00',
      '2026-13-01 00:00:00',
      '2026-01-01 24:00:00',
      '2026-01-01T00:00:00',
      '2026-01-01 00:00:0',
      '２026-01-01 00:00:00',
      ' 2026-01-01 00:00:00',
    ])
      expect(parseChinaStandardTime(bad)).toBeNull();
  });

  it('agrees with the plain reading on any text of the format and round-trips', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(fc.integer({ min: 1970, max: 2099 }), two(13), two(32), two(25), two(60), two(60))
      .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d} ${h}:${mi}:${s}`);
    fc.assert(
      fc.property(fc.oneof(stamp, fc.string({ maxLength: 20 })), (text) => {
        const t = parseChinaStandardTime(text);
        expect(t).toBe(reference(text));
        if (t !== null) expect(formatChinaStandardTime(t)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });
});
