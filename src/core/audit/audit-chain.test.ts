import { describe, expect, it } from 'vitest';
import { chainAuditEntry, verifyAuditChain, type AuditEntry } from './audit-chain.ts';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      chainAuditEntry(
        out.at(-1) ?? null,
        {
          actorId: 'u1',
          actorName: 'county',
          action: 'mine.transition',
          targetType: 'mine',
          targetId: `m-${i}`,
          before: { status: 'producing' },
          after: { status: 'suspended' },
        },
        `2026-12-05T00:00:0${i}.000Z`,
      ),
    );
  }
  return out;
}

const headOf = (c: AuditEntry[]) => ({ seq: c.at(-1)!.seq, hash: c.at(-1)!.hash });

describe('audit hash chain', () => {
  it('an untouched chain verifies', () => {
    const c = chain(5);
    expect(verifyAuditChain(c, headOf(c))).toEqual({ ok: true, entries: 5, headHash: c[4]!.hash });
  });

  it('an edited entry is named', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, after: { status: 'producing' } };
    expect(verifyAuditChain(c, headOf(c))).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'hash-mismatch',
    });
  });

  it('a deleted entry is named', () => {
    const c = chain(5);
    const head = headOf(c);
    c.splice(1, 1);
    expect(verifyAuditChain(c, head)).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'sequence-gap' });
  });

  it('swapped entries are detected even when their seq numbers are swapped back', () => {
    const c = chain(5);
    const a = c[1]!;
    const b = c[2]!;
    c[1] = { ...b, seq: 2 };
    c[2] = { ...a, seq: 3 };
    expect(verifyAuditChain(c, headOf(chain(5)))).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('a truncated tail is caught by the head record', () => {
    const c = chain(5);
    const head = headOf(c);
    expect(verifyAuditChain(c.slice(0, 3), head)).toMatchObject({ ok: false, problem: 'head-mismatch' });
  });
});
