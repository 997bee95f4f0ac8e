/**
 * National upload files (domain reference §1.1) built from generated records
 * (upload-record-arbitraries.ts): valid records mixed with garbage records that are bad by
 * construction and blank records, line breaks after `~`, a last record with or without its `~`, and
 * UTF-8 / GB18030 encodings with and without a BOM; also headers that must refuse the whole file.
 */
import fc from 'fast-check';
import { encodeGb18030 } from '../../src/core/monitoring/upload-file/gb18030-encoder.test-helper.ts';
import { cstInstant, digits, fieldText, formatCst } from './arbitraries.ts';
import {
  FIELD_KINDS,
  validRecord,
  type FieldKind,
  type FuzzFileType,
  type RecordByType,
} from './upload-record-arbitraries.ts';

export { FUZZ_FILE_TYPES, type FuzzFileType } from './upload-record-arbitraries.ts';

const BAD_NUMBERS = [
  'abc',
  '1,5',
  '--1',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '1e',
  'e5',
  '.',
  '+',
  '1.2.3',
  '１',
  '1 2',
  '1e400',
];
const BAD_TIMES = [
  '2026-02-30 10:00:00',
  '2026-02-29 00:00:00',
  '2026-09-23T10:00:00',
  '2026-09-23 24:00:00',
  '2026-09-23 10:60:00',
  '2026-09-23 10:00:60',
  '2026/09/23 10:00:00',
  '26-09-23 10:00:00',
  '2026-13-01 00:00:00',
  '2026-00-10 00:00:00',
  '2026-09-00 00:00:00',
  '2026-09-23 10:00',
  '2026-09-23  10:00:00',
  '2026-09-23 10:00:00.5',
  '２０２６-09-23 10:00:00',
];

const wrongDigits = (n: number): fc.Arbitrary<string> =>
  fc.oneof(
    digits(n - 1),
    digits(n + 1),
    fc.tuple(digits(n - 1), fc.constantFrom('A', 'x', '-', '.', '１', '测')).map(([d, c]) => `${c}${d}`),
    fc.tuple(digits(n - 1), fc.constantFrom('A', 'x', '-', '.', '１', '测')).map(([d, c]) => `${d}${c}`),
  );

/** A value that `kind` must refuse, even after trimming; null when every value is acceptable. */
function badValue(kind: FieldKind): fc.Arbitrary<string> | null {
  switch (kind) {
    case 'text':
      return null;
    case 'code':
      return fc.constantFrom('', '-P1', '.P1', '_P1', 'P 1', '测点', 'P/1', 'P@1', 'x'.repeat(65));
    case 'number?':
    case 'threshold':
      return fc.constantFrom(...BAD_NUMBERS);
    case 'status':
      return fc.constantFrom('', '-1', '65536', '1.5', 'x', '1e3', '+1', '0x10', '99999999999999999999');
    case 'time':
      return fc.constantFrom('', ...BAD_TIMES);
    case 'time?':
      return fc.constantFrom(...BAD_TIMES);
    case 'digits2':
      return fc.oneof(fc.constant(''), wrongDigits(2));
    case 'digits17':
      return fc.oneof(fc.constant(''), wrongDigits(17));
    case 'digits16?':
      return wrongDigits(16);
    case 'digits22?':
      return wrongDigits(22);
    case 'sensorType':
      return fc.constantFrom('', '01', '00001', 'abcd', '１２３４', '12.5');
    case 'valueType':
      return fc.constantFrom('', 'XX', 'mn', 'M N', 'MNKG', 'AN');
    case 'flag':
      return fc.constantFrom('', '2', 'yes', '-1', '01', 'true', '１');
    case 'inOut':
      return fc.constantFrom('', '3', 'in', '11', '-1', '１');
    case 'track':
      return fc.constantFrom(
        'x&y',
        '6208230092030008000012@2026-09-23 06:33:52',
        '6208230092030008000012&2026-02-30 06:33:52',
        '6208230092030008000012&2026-09-23 06:33:52&1',
        '620823009203000800001&2026-09-23 06:33:52',
        '6208230092030008000012&2026-09-23 06:33:52,',
        ',',
      );
  }
}

/**
 * A record that must be rejected: one field replaced by a value its kind refuses, too few fields, or
 * extra non-empty fields, or noise with too few `;`. Never blank and never holding `~` or `||`.
 */
export function garbageRecord(type: FuzzFileType): fc.Arbitrary<string> {
  const kinds = FIELD_KINDS[type];
  const n = kinds.length;
  const mutable = kinds.flatMap((k, i) => (badValue(k) === null ? [] : [i]));
  const badField = fc
    .tuple(validRecord(type), fc.constantFrom(...mutable))
    .chain(([rec, i]) =>
      badValue(kinds[i]!)!.map((bad) => rec.fields.map((f, j) => (j === i ? bad : f)).join(';')),
    );
  const tooFew = fc
    .tuple(validRecord(type), fc.integer({ min: 1, max: n - 1 }))
    .map(([rec, keep]) => rec.fields.slice(0, keep).join(';'));
  const tooMany = fc
    .tuple(
      validRecord(type),
      fc.array(
        fieldText(6).filter((s) => s.trim() !== ''),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([rec, extra]) => [...rec.fields, ...extra].join(';'));
  const noise = fc
    .string({
      unit: fc.oneof(fc.constantFrom(';', '|', '&', '\t'), fc.string({ minLength: 1, maxLength: 1 })),
      maxLength: 60,
    })
    .map((s) => s.replace(/~/g, '-').replace(/\|\|/g, '|'))
    .filter((s) => s.trim() !== '' && !s.includes('||') && s.split(';').length < n);
  return fc.oneof({ weight: 4, arbitrary: badField }, tooFew, tooMany, noise);
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'gb18030-bom';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const GB18030_BOM = [0x84, 0x31, 0x95, 0x33];

export function encodeAs(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return Uint8Array.from([...UTF8_BOM, ...new TextEncoder().encode(text)]);
    case 'gb18030':
      return encodeGb18030(text);
    case 'gb18030-bom':
      return Uint8Array.from([...GB18030_BOM, ...encodeGb18030(text)]);
  }
}

/** A generated upload file: its name, text, bytes, and what the parser must keep and reject. */
export interface GeneratedFile<K extends FuzzFileType = FuzzFileType> {
  type: K;
  mineCode: string;
  name: string;
  header: string;
  text: string;
  encoding: Encoding;
  bytes: Uint8Array;
  expected: RecordByType[K][];
  /** Record numbers (`~`-terminated, the header is 1) of the valid records. */
  recordLines: number[];
  /** Record numbers of the garbage records. */
  garbageLines: number[];
}

type Entry =
  { kind: 'record'; index: number } | { kind: 'garbage'; text: string } | { kind: 'blank'; text: string };

const blank = fc.constantFrom('', ' ', '\r\n', '\t ');

/** The header's fields; the mine name starts with Chinese so a GB18030 file is never valid UTF-8. */
function headerFields(type: FuzzFileType, mineCode: string, uploadedAt: number): fc.Arbitrary<string[]> {
  const name = fieldText(8).map((s) => `测试${s}`);
  if (type === 'CDDY') {
    return fc
      .tuple(name, fieldText(6), fieldText(8), fieldText(8), fieldText(10))
      .map(([n, model, system, maker, date]) => [
        mineCode,
        n,
        model,
        system,
        maker,
        date,
        formatCst(uploadedAt),
      ]);
  }
  return name.map((n) => [mineCode, n, formatCst(uploadedAt)]);
}

export interface FileOptions {
  garbage: boolean;
}

/** A complete upload file of `type`: N valid records, and (when asked) garbage and blank records among them. */
export function uploadFile<K extends FuzzFileType>(
  type: K,
  options: FileOptions,
): fc.Arbitrary<GeneratedFile<K>> {
  const extras = options.garbage
    ? fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 4, arbitrary: garbageRecord(type).map((text): Entry => ({ kind: 'garbage', text })) },
            { weight: 1, arbitrary: blank.map((text): Entry => ({ kind: 'blank', text })) },
          ),
          fc.nat(),
        ),
        { maxLength: 8 },
      )
    : fc.constant([] as Array<[Entry, number]>);
  return fc
    .record({
      mineCode: digits(12),
      uploadedAt: cstInstant,
      records: fc.array(validRecord(type), { maxLength: 12 }),
      extras,
      separator: fc.constantFrom('~', '~', '~\n', '~\r\n'),
      lastTerminated: fc.boolean(),
      extension: fc.constantFrom('.txt', '.TXT'),
      directory: fc.constantFrom('', 'inbox/', 'C:\\ftp\\aqjk\\'),
      encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8-bom', 'gb18030', 'gb18030-bom'),
    })
    .chain((f) => headerFields(type, f.mineCode, f.uploadedAt).map((header) => ({ ...f, header })))
    .map((f) => {
      const entries: Entry[] = f.records.map((_, index) => ({ kind: 'record', index }));
      for (const [entry, at] of f.extras) entries.splice(at % (entries.length + 1), 0, entry);
      const header = f.header.join(';');
      const texts = [
        header,
        ...entries.map((e) => (e.kind === 'record' ? f.records[e.index]!.fields.join(';') : e.text)),
      ];
      let text = texts.map((t) => `${t}${f.separator}`).join('');
      // A last record may leave out its `~` before the end marker (unless it is blank: nothing to leave out).
      // (A record ending in `|` keeps it: `|||` would read as the end marker one character early.)
      const last = entries.at(-1);
      const lastText = texts.at(-1) ?? '';
      if (!f.lastTerminated && last !== undefined && last.kind !== 'blank' && !lastText.endsWith('|')) {
        text = text.slice(0, -f.separator.length);
      }
      text += '||';
      const stamp = formatCst(f.uploadedAt).replace(/\D/g, '');
      return {
        type,
        mineCode: f.mineCode,
        name: `${f.directory}${f.mineCode}_${type}_${stamp}${f.extension}`,
        header,
        text,
        encoding: f.encoding,
        bytes: encodeAs(text, f.encoding),
        expected: f.records.map((r) => r.expected),
        recordLines: entries.flatMap((e, i) => (e.kind === 'record' ? [i + 2] : [])),
        garbageLines: entries.flatMap((e, i) => (e.kind === 'garbage' ? [i + 2] : [])),
      };
    });
}

/** Any of the three types, with garbage. */
export const anyUploadFile: fc.Arbitrary<GeneratedFile> = fc.oneof(
  uploadFile('CDSS', { garbage: true }),
  uploadFile('CDDY', { garbage: true }),
  uploadFile('RYSS', { garbage: true }),
);

/** A header that must refuse the whole file, with the code the parser must give. */
export function badHeader(
  type: FuzzFileType,
  mineCode: string,
): fc.Arbitrary<{ header: string; code: 'BAD_HEADER' | 'MINE_CODE_MISMATCH' }> {
  const width = type === 'CDDY' ? 7 : 3;
  return fc.tuple(headerFields(type, mineCode, Date.UTC(2026, 8, 23)), fc.nat()).chain(([fields, pick]) => {
    const timeAt = width - 1;
    const mutation = fc.oneof(
      wrongDigits(12).map((d) => ({ at: 0, value: d, code: 'BAD_HEADER' as const })),
      digits(12)
        .filter((d) => d !== mineCode)
        .map((d) => ({ at: 0, value: d, code: 'MINE_CODE_MISMATCH' as const })),
      fc.constantFrom('', ...BAD_TIMES).map((t) => ({ at: timeAt, value: t, code: 'BAD_HEADER' as const })),
    );
    const wrongCount = fc.constant({
      header: fields.slice(0, 1 + (pick % (width - 1))).join(';'),
      code: 'BAD_HEADER' as const,
    });
    const tooMany = fieldText(4)
      .filter((s) => s.trim() !== '')
      .map((extra) => ({ header: [...fields, extra].join(';'), code: 'BAD_HEADER' as const }));
    return fc.oneof(
      {
        weight: 3,
        arbitrary: mutation.map((m) => ({
          header: fields.map((f, i) => (i === m.at ? m.value : f)).join(';'),
          code: m.code,
        })),
      },
      wrongCount,
      tooMany,
    );
  });
}
