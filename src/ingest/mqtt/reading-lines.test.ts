import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPayloadReadings, readPayloadReadingsGenerally as generally } from './reading-lines.ts';

const NOW_MS = Date.parse('2026-12-05T02:00:00Z');

// Tokens as a gateway (or a broken one) writes them: the usual forms and the near misses the
// scanner must leave to the general path.
const mineText = fc.constantFrom(
  '"620102000001"',
  '"620102000002"',
  '"62010200000"',
  '"6201020000011"',
  '"62010200000a"',
  '"\\u0036\\u0032\\u0030102000001"',
  '620102000001',
  'null',
);
const pointText = fc.constantFrom(
  '"CH4A1"',
  '"01A0001"',
  '"x"',
  '""',
  '"P-1"',
  '"测点"',
  `"${'p'.repeat(65)}"`,
  '"A\\u0031"',
  '7',
);
const numberText = fc.constantFrom(
  '0',
  '-0',
  '1',
  '0.43',
  '-12.5',
  '1e3',
  '1E+2',
  '2.5e-3',
  '01',
  '1.',
  '.5',
  '-',
  '1e999',
  '-1e999',
  'true',
  '"1"',
  '[1]',
  '65535',
  '65536',
  '-1',
  '1.0',
  '1.5',
  '123456789012345678',
);
const valueText = fc.oneof(numberText, fc.constant('null'));
const statusText = fc.oneof(numberText, fc.constant('null'));
const tsText = fc.oneof(
  fc
    .record({
      minute: fc.constantFrom(
        '2026-12-05T09:59',
        '2026-12-05T10:00',
        '2026-12-05T02:00',
        '2026-02-30T10:00',
        '2026-12-05T10:20',
      ),
      seconds: fc.constantFrom('', ':00', ':07', ':59', ':60', ':5'),
      fraction: fc.constantFrom('', '', '.250', '.5', '.1234', '.'),
      offset: fc.constantFrom('+08:00', '+08:00', 'Z', '-05:30', '', '+0800'),
    })
    .map(
      ({ minute, seconds, fraction, offset }) =>
        `"${minute}${seconds}${seconds === '' ? '' : fraction}${offset}"`,
    ),
  fc.constantFrom(
    String(NOW_MS),
    String(NOW_MS - 10_000),
    String(NOW_MS + 3_600_000),
    '1764892800',
    '1764892800000.5',
    '"yesterday"',
    'null',
  ),
);
const space = fc.constantFrom('', '', '', ' ', '\t', '\r', '  ');

const line = fc
  .record({
    fields: fc.array(
      fc.oneof(
        mineText.map((v) => ['mine', v] as const),
        pointText.map((v) => ['point', v] as const),
        valueText.map((v) => ['value', v] as const),
        statusText.map((v) => ['status', v] as const),
        tsText.map((v) => ['ts', v] as const),
        fc.constantFrom(['unit', '"%"'] as const, ['__proto__', '{}'] as const, ['"mine"', '1'] as const),
      ),
      { maxLength: 7 },
    ),
    gaps: fc.array(space, { minLength: 16, maxLength: 16 }),
    lead: fc.constantFrom('', '', ' ', '\u00a0', '\uFEFF'),
    tail: fc.constantFrom('', '', ' ', '\r', ',', '}', ' x'),
  })
  .map(({ fields, gaps, lead, tail }) => {
    const g = (i: number) => gaps[i % gaps.length]!;
    const body = fields.map(([k, v], i) => `${g(i)}"${k}"${g(i + 1)}:${g(i + 2)}${v}${g(i + 3)}`).join(',');
    return `${lead}{${body}}${tail}`;
  });

/** The canonical line, so that most lines of a payload take the scanner's path. */
const usualLine = fc
  .record({
    mine: fc.constantFrom('620102000001', '620102000002'),
    point: fc.constantFrom('CH4A1', '01A0001', 'T3'),
    value: fc.oneof(
      fc.integer({ min: -1000, max: 100_000 }).map((k) => k / 100),
      fc.constant(null),
    ),
    status: fc.integer({ min: 0, max: 3 }),
    seconds: fc.integer({ min: 0, max: 59 }),
    ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
  })
  .map(({ mine, point, value, status, seconds, ms }) => {
    const ts = `2026-12-05T09:59:${String(seconds).padStart(2, '0')}${ms === null ? '' : `.${String(ms).padStart(3, '0')}`}+08:00`;
    return JSON.stringify({ mine, point, value, status, ts });
  });

const payload = fc
  .record({
    lines: fc.array(
      fc.oneof(
        { weight: 2, arbitrary: usualLine },
        { weight: 3, arbitrary: line },
        { weight: 1, arbitrary: space },
      ),
      {
        maxLength: 12,
      },
    ),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    array: fc.boolean(),
  })
  .map(
    ({ lines, newline, bom, array }) =>
      `${bom ? '\uFEFF' : ''}${array ? `[${lines.join(',')}]` : lines.join(newline)}`,
  );

describe('readPayloadReadings', () => {
  it('accepts, refuses and explains every payload exactly as the general path does', () => {
    fc.assert(
      fc.property(payload, fc.boolean(), (text, mineRequired) => {
        const options = { mineRequired, nowMs: NOW_MS };
        expect(readPayloadReadings(text, options)).toEqual(generally(text, options));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the usual lines of a poll with their times to the millisecond', () => {
    const text = [
      '{"mine":"620102000001","point":"CH4A1","value":0.43,"status":0,"ts":"2026-12-05T09:59:58+08:00"}',
      '{"mine":"620102000001","point":"CH4A2","value":null,"status":1,"ts":"2026-12-05T09:59:59.250+08:00"}',
      '{"point":"T3","ts":1764900000000,"value":-0}',
    ].join('\n');
    const out = readPayloadReadings(text, { mineRequired: false, nowMs: NOW_MS });
    expect(out.rejected).toEqual([]);
    expect(out.items).toEqual([1, 2, 3]);
    expect(out.mines).toEqual(['620102000001', '620102000001', null]);
    expect(out.readings.map((r) => [r.pointCode, r.value, r.statusBits, r.dataTimeMs])).toEqual([
      ['CH4A1', 0.43, 0, Date.parse('2026-12-05T01:59:58Z')],
      ['CH4A2', null, 1, Date.parse('2026-12-05T01:59:59.250Z')],
      ['T3', -0, 0, 1764900000000],
    ]);
  });
});
