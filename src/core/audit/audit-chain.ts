import { createHash } from 'node:crypto';

/**
 * The audit trail is an append-only, hash-chained log. Each entry's hash covers its own content and
 * the previous entry's hash, so editing, deleting or reordering entries breaks the chain at a point
 * `verifyAuditChain` can name. (Hashing is pure computation; node:crypto is the one platform module the
 * core uses.)
 */
export interface AuditEventInput {
  actorId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  /**
   * The credential that acted: `session`, `token:<id>`, or absent (the system, a CLI, entries made
   * before migration 0014). Hashed when present, so older entries keep their hashes.
   */
  actorVia?: string;
}

export interface AuditEntry extends AuditEventInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function computeAuditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    actorVia: entry.actorVia,
  });
  return createHash('sha256').update(entry.prevHash).update('\n').update(body).digest('hex');
}

/** Builds the next entry of the chain. */
export function chainAuditEntry(
  prev: { seq: number; hash: string } | null,
  event: AuditEventInput,
  at: string,
): AuditEntry {
  const base = { ...event, seq: (prev?.seq ?? 0) + 1, at, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...base, hash: computeAuditHash(base) };
}

export type AuditChainProblem = 'hash-mismatch' | 'broken-link' | 'sequence-gap' | 'head-mismatch';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; problem: AuditChainProblem; message: string };

/**
 * Walks entries in ascending seq order. `head` is the separately stored last (seq, hash): it catches a
 * truncated tail, which the chain alone cannot.
 */
export function verifyAuditChain(
  entries: Iterable<AuditEntry>,
  head: { seq: number; hash: string } | null,
): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    count++;
    if (e.seq !== expectedSeq) {
      return fail(
        count,
        expectedSeq,
        'sequence-gap',
        `Entry ${expectedSeq} is missing (next found is ${e.seq}).`,
      );
    }
    if (e.prevHash !== prevHash) {
      return fail(count, e.seq, 'broken-link', `Entry ${e.seq} does not follow entry ${e.seq - 1}.`);
    }
    if (computeAuditHash(e) !== e.hash) {
      return fail(count, e.seq, 'hash-mismatch', `Entry ${e.seq} was altered after it was written.`);
    }
    prevHash = e.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if (head && (head.seq !== lastSeq || head.hash !== (lastSeq === 0 ? head.hash : prevHash))) {
    return fail(
      count,
      Math.min(head.seq, lastSeq + 1),
      'head-mismatch',
      `The log ends at entry ${lastSeq} but ${head.seq} entries were written: entries were removed from the end.`,
    );
  }
  return { ok: true, entries: count, headHash: prevHash };
}

function fail(
  entries: number,
  firstBadSeq: number,
  problem: AuditChainProblem,
  message: string,
): AuditVerification {
  return { ok: false, entries, firstBadSeq, problem, message };
}
