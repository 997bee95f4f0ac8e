/**
 * Generators shared by the fuzz properties: field text, codes, decimals and times as the national
 * upload files write them, and the raw stuff a careless or hostile client sends (any text, any bytes,
 * broken or deeply nested JSON, odd content types). Readings are in reading-arbitraries.ts, upload
 * records and files in upload-record-arbitraries.ts and upload-file-arbitraries.ts.
 */
import fc from 'fast-check';

// ---- text ----------------------------------------------------------------------------------------

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
  (c) => c !== ';' && c !== '~',
);
/** Chinese characters of the kind upload files carry; all have a two-byte GB18030 code. */
const CJK = [...'测试煤矿甲烷回风巷工作面采掘运输皮带主井副井传感器正常三八制综采队一二人员区域基站'];
const SYMBOLS = [...'◇℃，：（）、“”|&,:-'];

/** One character that may stand inside a field of an upload record: never `;` or `~`. */
export const fieldChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 3, arbitrary: fc.constantFrom(...CJK) },
  { weight: 1, arbitrary: fc.constantFrom(...SYMBOLS) },
);

/** Free text inside a field (no `;`, `~` or the `||` end marker). */
export const fieldText = (maxLength = 16): fc.Arbitrary<string> =>
  fc.string({ unit: fieldChar, maxLength }).filter((s) => !s.includes('||'));

/** Whitespace the parser must trim around a field. */
export const pad: fc.Arbitrary<string> = fc.constantFrom('', '', '', '', ' ', '  ', '\t');

export const digits = (n: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const CODE_HEAD = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];

/** A point or substation code as the upload parser accepts it (1–64 letters, digits, `_.-`). */
export const uploadCode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...CODE_HEAD),
    fc.string({ unit: fc.constantFrom(...CODE_HEAD, '_', '.', '-'), maxLength: 30 }),
  )
  .map(([h, t]) => h + t);

/** A code without `-` (relation ends split on it). */
export const plainCode: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...CODE_HEAD),
  minLength: 1,
  maxLength: 24,
});

// ---- numbers and times ------------------------------------------------------------------------

/** A decimal as written in a file and the number the parser must make of it. */
export interface Decimal {
  raw: string;
  value: number;
}

function plainDecimal(k: number, scale: number): string {
  const d = String(Math.abs(k)).padStart(scale + 1, '0');
  const int = d.slice(0, d.length - scale);
  const frac = d.slice(d.length - scale);
  return `${k < 0 ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}

/**
 * k / 10^scale written plainly, with a plus sign, with an exponent, or with a trailing zero. Both the
 * text and k / 10^scale round to the same double, so the expected value is exact.
 */
export const decimal: fc.Arbitrary<Decimal> = fc
  .record({
    k: fc.integer({ min: -99_999_999, max: 99_999_999 }),
    scale: fc.integer({ min: 0, max: 3 }),
    form: fc.constantFrom('plain', 'plain', 'plus', 'exponent', 'trailing-zero'),
  })
  .map(({ k, scale, form }) => {
    const value = k / 10 ** scale;
    const plain = plainDecimal(k, scale);
    switch (form) {
      case 'plus':
        return { raw: k >= 0 ? `+${plain}` : plain, value };
      case 'exponent':
        return { raw: `${k}e-${scale}`, value };
      case 'trailing-zero':
        return { raw: scale > 0 ? `${plain}0` : plain, value };
      case 'plain':
        return { raw: plain, value };
    }
  });

/** An optional decimal: empty text is null. */
export const optionalDecimal: fc.Arbitrary<Decimal> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ raw: '', value: Number.NaN }) },
  { weight: 3, arbitrary: decimal },
);

const CST_OFFSET_MS = 8 * 3_600_000;

/** A whole-second instant between 2000 and 2099 (China Standard Time wall clock). */
export const cstInstant: fc.Arbitrary<number> = fc
  .integer({
    min: (Date.UTC(2000, 0, 1) - CST_OFFSET_MS) / 1000,
    max: (Date.UTC(2099, 11, 31, 23, 59, 59) - CST_OFFSET_MS) / 1000,
  })
  .map((s) => s * 1000);

const two = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time, as the upload files write times. */
export function formatCst(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}

/** ISO-8601 with the +08:00 offset, as many gateways send times. */
export function isoCst(ms: number, withMillis = false): string {
  const iso = new Date(ms + CST_OFFSET_MS).toISOString();
  return `${withMillis ? iso.slice(0, 23) : iso.slice(0, 19)}+08:00`;
}

// ---- raw junk ---------------------------------------------------------------------------------------

/** Any text, including what text editors never make (controls, astral characters, BOMs). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ maxLength: 300 }),
);

/** Text made of the upload format's own separators and fragments, which reaches deeper than noise. */
export const structuredSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fieldText(12) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(';', ';', '~', '||', '|', '\n', '\r\n', ' ', '\uFEFF', '&', ',', '◇', ':'),
      },
      { weight: 1, arbitrary: digits(12) },
      { weight: 1, arbitrary: cstInstant.map(formatCst) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('2026-02-30 10:00:00', '9999-12-31 23:59:59', '-1', '1e400', 'NaN'),
      },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Bytes of any kind, and bytes that nearly form UTF-8 or GB18030. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc
    .array(
      fc.constantFrom(
        0xef,
        0xbb,
        0xbf,
        0xe6,
        0xb5,
        0x8b,
        0x81,
        0x30,
        0x84,
        0x31,
        0x95,
        0x33,
        0x3b,
        0x7e,
        0x7c,
        0x0a,
        0x00,
        0xff,
      ),
      { maxLength: 300 },
    )
    .map((a) => Uint8Array.from(a)),
  anyText.map((s) => new TextEncoder().encode(s)),
);

/** JSON nested far deeper than any real reading: `[[[…]]]` or `{"a":{"a":…}}`, maybe with a prototype key at the bottom. */
export const deepJson: fc.Arbitrary<string> = fc
  .record({
    depth: fc.integer({ min: 500, max: 20_000 }),
    object: fc.boolean(),
    bottom: fc.constantFrom('1', '1', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
  })
  .map(({ depth, object, bottom }) =>
    object
      ? `${'{"a":'.repeat(depth)}${bottom}${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}${bottom}${']'.repeat(depth)}`,
  );

/** JSON text a careless client sends: any value, truncated documents, prototype keys, deep nesting. */
export const jsonishText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([v, n]) => {
      const s = JSON.stringify(v);
      return s.slice(0, n % (s.length + 1));
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"a":1,"a":2}',
      '[]',
      ' [ ] ',
      '[1,2,',
      '{"username":"\\ud800","password":"\\udfff"}',
      'null',
      '""',
      '\uFEFF{}',
      '{}'.repeat(3),
    ),
  },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: anyText },
);

/** Content types a client may name, right, wrong and malformed. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16le',
      'APPLICATION/JSON',
      'application/json;;;',
      'application/x-ndjson',
      'application/jsonl',
      'text/plain',
      'text/plain; charset=gb18030',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----fuzz',
      'application/octet-stream',
      'application/xml',
      'image/png',
      ';',
      '*/*',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...ASCII.filter((c) => c !== '\\')), maxLength: 40 }),
  },
);
