export type UploadEncoding = 'utf-8' | 'gb18030';

/**
 * Decodes an upload file's bytes. The national format says UTF-8 [S2], but mine hosts on Chinese
 * Windows still write GBK/GB18030. Rule: bytes that are valid UTF-8 (with or without a BOM, which is
 * dropped) are UTF-8; anything else is decoded as GB18030, a superset of GBK and GB2312 that maps
 * every byte sequence to something. Chinese GBK text is practically never valid UTF-8 (its lead bytes
 * 0x81–0xFE are rarely followed by the exact continuation pattern UTF-8 needs), so the order is safe;
 * pure ASCII reads the same either way and is reported as utf-8.
 */
export function decodeUploadBytes(bytes: Uint8Array): { text: string; encoding: UploadEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    // GB18030 has its own BOM (84 31 95 33), which decodes to U+FEFF.
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'gb18030' };
  }
}
