/**
 * Test-only GB18030 encoder. `TextEncoder` only produces UTF-8, so the reverse map is built from the
 * platform's own GB18030 decoder over the two-byte range (lead 0x81–0xFE, trail 0x40–0xFE without
 * 0x7F), which covers every CJK character a test file uses. ASCII passes through.
 */
let table: Map<string, readonly [number, number]> | null = null;

function buildTable(): Map<string, readonly [number, number]> {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, readonly [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (pair === undefined) throw new Error(`test encoder: no two-byte GB18030 code for ${ch}`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}
