/**
 * Properties of the national upload-file reader (decodeUploadBytes + parseUploadFile): it never
 * throws, keeps every good record around bad ones with the same values, rejects every bad record with
 * its number and a reason, and treats a cut-off file as incomplete.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeUploadBytes } from '../../src/core/monitoring/upload-file/upload-encoding.ts';
import { UPLOAD_FILE_TYPES } from '../../src/core/monitoring/upload-file/upload-file-name.ts';
import {
  parseUploadFile,
  type UploadFileParseResult,
} from '../../src/core/monitoring/upload-file/upload-file-parser.ts';
import { anyBytes, anyText, cstInstant, digits, formatCst, structuredSoup } from './arbitraries.ts';
import { assertReason, withinBudget, type FuzzHooks, type FuzzProperty } from './fuzz-property.ts';
import {
  anyUploadFile,
  badHeader,
  FUZZ_FILE_TYPES,
  uploadFile,
  type FuzzFileType,
  type GeneratedFile,
} from './upload-file-arbitraries.ts';

const REJECTION_CODES = new Set([
  'BAD_FILE_NAME',
  'INCOMPLETE_HEADER',
  'EMPTY_FILE',
  'BAD_HEADER',
  'MINE_CODE_MISMATCH',
]);
const MAX_RAW = 501;

/** Whatever came in, the answer has the documented shape and every refusal says why. */
export function assertWellFormedParse(result: UploadFileParseResult): void {
  if (!result.ok) {
    assert.ok(REJECTION_CODES.has(result.code), `unknown rejection code ${String(result.code)}`);
    assertReason(result.reason, `file refused with ${result.code}`);
    return;
  }
  const f = result.file;
  assert.ok((UPLOAD_FILE_TYPES as readonly string[]).includes(f.type), `unknown type ${f.type}`);
  assert.ok(Array.isArray(f.records));
  assert.equal(typeof f.complete, 'boolean');
  for (const r of f.rejected) {
    assert.ok(Number.isInteger(r.line) && r.line >= 2, `rejected record number ${r.line}`);
    assertReason(r.reason, `record ${r.line}`);
    assert.ok(r.field === undefined || r.field !== '', `record ${r.line}: empty field name`);
    assert.ok(r.raw.length <= MAX_RAW, `record ${r.line}: raw text of ${r.raw.length} characters`);
  }
}

const anyTypeName = fc
  .tuple(digits(12), fc.constantFrom(...UPLOAD_FILE_TYPES, 'RYYJCS', 'XXXX', 'cdss'), cstInstant)
  .map(([mine, type, at]) => `${mine}_${type}_${formatCst(at).replace(/\D/g, '')}.txt`);

const anyName = fc.oneof(
  { weight: 4, arbitrary: anyTypeName },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '620823009203_CDSS_20260230101319.txt',
      '620823009203_CDSS_20260923101319.txt.bak',
      '../../etc/620823009203_CDSS_20260923101319.txt',
      '620823009203_CDSS_20260923101319.txt/',
      '',
    ),
  },
);

const anyContent = fc.oneof(
  anyText,
  structuredSoup,
  fc.tuple(digits(12), structuredSoup).map(([mine, soup]) => `${mine};测试煤矿;2026-09-23 10:13:19~${soup}`),
);

function parseBytes(name: string, bytes: Uint8Array): UploadFileParseResult {
  return withinBudget(`decoding and parsing ${bytes.length} bytes`, () => {
    const { text } = decodeUploadBytes(bytes);
    return parseUploadFile(name, text);
  });
}

/** A complete file with garbage among the records: the good ones come back exactly, each bad one is named. */
function checkGoodAroundBad(file: GeneratedFile): void {
  const decoded = decodeUploadBytes(file.bytes);
  assert.equal(decoded.text, file.text, `the ${file.encoding} bytes did not decode back to the text`);
  assert.equal(decoded.encoding, file.encoding.startsWith('gb18030') ? 'gb18030' : 'utf-8');
  const result = withinBudget('parsing', () => parseUploadFile(file.name, decoded.text));
  assertWellFormedParse(result);
  if (!result.ok) assert.fail(`a file with a good header was refused: ${result.code} ${result.reason}`);
  assert.equal(result.file.type, file.type);
  assert.equal(result.file.mineCode, file.mineCode);
  assert.equal(result.file.complete, true);
  assert.deepStrictEqual(result.file.records, file.expected, 'the good records are not kept as they were');
  assert.deepStrictEqual(
    result.file.recordLines,
    file.recordLines,
    'the kept records are not placed where they were',
  );
  assert.deepStrictEqual(
    result.file.rejected.map((r) => r.line),
    file.garbageLines,
    'the rejected record numbers are not the garbage records',
  );
}

/** The same file cut off at `cut` characters (before its `||`). */
function checkTruncated(file: GeneratedFile, cutAt: number): void {
  const cut = file.text.slice(0, cutAt % (file.text.length - 1));
  const result = withinBudget('parsing', () => parseUploadFile(file.name, cut));
  assertWellFormedParse(result);
  const headerDone = cut.includes('~');
  if (!headerDone) {
    assert.ok(
      !result.ok && result.code === 'INCOMPLETE_HEADER',
      `a cut header gave ${JSON.stringify(result)}`,
    );
    return;
  }
  if (!result.ok)
    assert.fail(`a truncated file with a whole header was refused: ${result.code} ${result.reason}`);
  assert.equal(result.file.complete, false, 'a file without "||" was read as complete');
  const terminated = cut.split('~').length - 2; // records after the header that kept their `~`
  assert.deepStrictEqual(result.file.records, file.expected.slice(0, terminated));
  const tail = cut.slice(cut.lastIndexOf('~') + 1).trim();
  if (tail === '') {
    assert.deepStrictEqual(result.file.rejected, []);
  } else {
    assert.equal(result.file.rejected.length, 1, 'the cut-off record is not reported once');
    assert.equal(result.file.rejected[0]!.line, terminated + 2);
    assert.match(result.file.rejected[0]!.reason, /truncated/);
  }
}

/** The properties of the upload-file reader. */
export function uploadFileProperties(hooks: FuzzHooks = {}): FuzzProperty[] {
  const run = (name: string) => hooks.onRun?.(name);
  const p = (name: string, ciRuns: number, property: fc.IRawProperty<unknown>): FuzzProperty => ({
    name,
    ciRuns,
    property,
  });
  return [
    p(
      'upload file: any name and text are answered, never thrown',
      400,
      fc.property(anyName, anyContent, (name, text) => {
        run('upload-any-text');
        assertWellFormedParse(withinBudget('parsing', () => parseUploadFile(name, text)));
      }),
    ),
    p(
      'upload file: any bytes decode and parse without throwing; UTF-8 text comes back as sent',
      300,
      fc.property(
        anyTypeName,
        anyBytes,
        fc.string({ unit: 'binary', maxLength: 200 }),
        (name, bytes, text) => {
          run('upload-any-bytes');
          const decoded = decodeUploadBytes(bytes);
          assert.ok(decoded.encoding === 'utf-8' || decoded.encoding === 'gb18030');
          assert.equal(typeof decoded.text, 'string');
          assertWellFormedParse(parseBytes(name, bytes));
          const utf8 = decodeUploadBytes(new TextEncoder().encode(text));
          assert.deepStrictEqual(utf8, { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' });
        },
      ),
    ),
    p(
      'upload file: good records around garbage are kept with their values; each garbage record is rejected by number',
      300,
      fc.property(anyUploadFile, (file) => {
        run('upload-good-around-bad');
        checkGoodAroundBad(file);
      }),
    ),
    p(
      'upload file: a file cut before "||" is incomplete, keeps the records before the cut and invents none',
      300,
      fc.property(
        fc.constantFrom(...FUZZ_FILE_TYPES).chain((t: FuzzFileType) => uploadFile(t, { garbage: false })),
        fc.nat(),
        (file, cutAt) => {
          run('upload-truncated');
          checkTruncated(file, cutAt);
        },
      ),
    ),
    p(
      'upload file: a bad header refuses the whole file with its code and a reason',
      200,
      fc.property(
        fc
          .constantFrom(...FUZZ_FILE_TYPES)
          .chain((t: FuzzFileType) =>
            uploadFile(t, { garbage: true }).chain((file) =>
              badHeader(t, file.mineCode).map((h) => ({ file, ...h })),
            ),
          ),
        ({ file, header, code }) => {
          run('upload-bad-header');
          const text = header + file.text.slice(file.header.length);
          const result = withinBudget('parsing', () => parseUploadFile(file.name, text));
          assertWellFormedParse(result);
          assert.ok(!result.ok, 'a file with a bad header was accepted');
          assert.equal(result.code, code);
        },
      ),
    ),
  ];
}
