import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030-encoder.test-helper.ts';
import { decodeUploadBytes } from './upload-encoding.ts';
import { parseUploadFile } from './upload-file-parser.ts';

/** GBK/GB18030 bytes written out by hand, so the test encoder itself is checked against them. */
const KNOWN_GB18030: readonly (readonly [string, readonly number[]])[] = [
  ['测试煤矿', [0xb2, 0xe2, 0xca, 0xd4, 0xc3, 0xba, 0xbf, 0xf3]],
  ['环境瓦斯', [0xbb, 0xb7, 0xbe, 0xb3, 0xcd, 0xdf, 0xcb, 0xb9]],
  ['工作面', [0xb9, 0xa4, 0xd7, 0xf7, 0xc3, 0xe6]],
];

const CDSS_TEXT =
  '620823009203;测试煤矿;2026-09-23 10:13:19~' +
  '6208230092030101MN0001;环境瓦斯;1301工作面T1;0.12;%CH4;0;2026-09-23 10:13:14~||';

describe('decodeUploadBytes', () => {
  it.each(KNOWN_GB18030)('decodes the GB18030 bytes of %s', (text, bytes) => {
    expect(decodeUploadBytes(Uint8Array.from(bytes))).toEqual({ text, encoding: 'gb18030' });
  });

  it.each(KNOWN_GB18030)('the test encoder produces the known bytes of %s', (text, bytes) => {
    expect([...encodeGb18030(text)]).toEqual(bytes);
  });

  it('reads valid UTF-8 as UTF-8', () => {
    expect(decodeUploadBytes(new TextEncoder().encode(CDSS_TEXT))).toEqual({
      text: CDSS_TEXT,
      encoding: 'utf-8',
    });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('测试煤矿')]);
    expect(decodeUploadBytes(bytes)).toEqual({ text: '测试煤矿', encoding: 'utf-8' });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeUploadBytes(new TextEncoder().encode('620823009203;x;y~||')).encoding).toBe('utf-8');
  });

  it('a whole GB18030 file decodes to the same text as its UTF-8 twin and parses the same', () => {
    const gb = decodeUploadBytes(encodeGb18030(CDSS_TEXT));
    const utf8 = decodeUploadBytes(new TextEncoder().encode(CDSS_TEXT));
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text).toBe(CDSS_TEXT);
    const name = '620823009203_CDSS_20260923101319.txt';
    const a = parseUploadFile(name, gb.text);
    const b = parseUploadFile(name, utf8.text);
    expect(a).toEqual(b);
    expect(a.ok && a.file.type === 'CDSS' && a.file.records[0]?.location).toBe('1301工作面T1');
  });

  it('GB18030 bytes are never mistaken for UTF-8', () => {
    // Read as UTF-8, these bytes would be invalid sequences; read as GB18030 they are Chinese.
    const bytes = encodeGb18030('1301工作面回风巷T2 测试煤矿 环境瓦斯');
    const decoded = decodeUploadBytes(bytes);
    expect(decoded).toEqual({ text: '1301工作面回风巷T2 测试煤矿 环境瓦斯', encoding: 'gb18030' });
  });
});
