import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { ApiToken, Ports, Secrets, TxStores } from '../ports.ts';
import { digestToken } from './authentication.ts';
import { requirePermission } from './permissions.ts';
import { TOKEN_SCOPES, type Principal, type TokenScope } from './types.ts';

/** What a route asks of a token (ADR 0007). `session` routes (token management) refuse every token. */
export type RouteTokenNeed = TokenScope | 'session';

/** True when a token with `scopes` may call a route needing `need`; `write` includes `read`. */
export function tokenReaches(scopes: readonly TokenScope[], need: RouteTokenNeed): boolean {
  if (need === 'session') return false;
  if (scopes.includes(need)) return true;
  return need === 'read' && scopes.includes('write');
}

/** The longest a token may live: a year; a gateway's token is renewed at least yearly. */
export const MAX_TOKEN_LIFETIME_MS = 366 * 24 * 3_600_000;

export interface TokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** active, expired or revoked, as of the clock. */
  state: 'active' | 'expired' | 'revoked';
}

export function viewToken(t: ApiToken, nowIso: string): TokenView {
  const state =
    t.revokedAt !== null ? 'revoked' : t.expiresAt !== null && t.expiresAt <= nowIso ? 'expired' : 'active';
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
    state,
  };
}

/**
 * Issues an API token for the caller's own account (e.g. a mine's upload gateway). Scopes default to
 * `ingest`; anything more must be asked for. The expiry must lie in the future (at most a year ahead;
 * a year when not given). Only a session can issue tokens (the route refuses tokens). The plain token is
 * returned once and never stored.
 */
export async function createApiToken(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'> & { secrets: Secrets },
  principal: Principal,
  input: { name: string; expiresAt?: string | null; scopes?: readonly string[] },
): Promise<{ id: string; token: string; name: string; scopes: TokenScope[]; expiresAt: string }> {
  requirePermission(principal, 'token.create');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 80) {
    throw invalidInput('TOKEN_NAME_INVALID', 'A token name has 2–80 characters (say what uses it).');
  }
  const scopes = [...new Set(input.scopes ?? ['ingest'])];
  const unknown = scopes.filter((s) => !TOKEN_SCOPES.includes(s as TokenScope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw invalidInput(
      'TOKEN_SCOPE_INVALID',
      `Token scopes are ${TOKEN_SCOPES.join(', ')} (at least one)${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
    );
  }
  const nowMs = deps.clock.nowMs();
  const now = new Date(nowMs).toISOString();
  const expiresMs = input.expiresAt
    ? Date.parse(input.expiresAt)
    : nowMs + MAX_TOKEN_LIFETIME_MS - 86_400_000;
  if (!Number.isFinite(expiresMs) || expiresMs <= nowMs || expiresMs > nowMs + MAX_TOKEN_LIFETIME_MS) {
    throw invalidInput('TOKEN_EXPIRY_INVALID', 'A token expires in the future, at most a year from now.', {
      expiresAt: input.expiresAt ?? null,
    });
  }
  const expiresAt = new Date(expiresMs).toISOString();
  const token = `rl_${deps.secrets.newToken()}`;
  const id = deps.ids.next('tok');
  await deps.transaction(['tokens', 'audit'], async (tx) => {
    await tx.tokens.insert({
      id,
      tokenHash: digestToken(token),
      userId: principal.userId,
      name,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      scopes: scopes as TokenScope[],
      lastUsedAt: null,
    });
    await recordAudit(tx, principal, now, {
      action: 'token.create',
      targetType: 'user',
      targetId: principal.userId,
      after: { tokenId: id, name, scopes, expiresAt },
    });
  });
  return { id, token, name, scopes: scopes as TokenScope[], expiresAt };
}

/** The caller's own tokens (never their secrets), newest first. */
export async function listApiTokens(
  deps: Pick<Ports, 'clock' | 'tokens'>,
  principal: Principal,
): Promise<TokenView[]> {
  requirePermission(principal, 'token.create');
  const now = deps.clock.nowIso();
  return (await deps.tokens.listByUser(principal.userId)).map((t) => viewToken(t, now));
}

/** Revokes one of the caller's own tokens (audited); another account's token reads as not found. */
export async function revokeApiToken(
  deps: Pick<Ports, 'clock' | 'transaction'>,
  principal: Principal,
  tokenId: string,
): Promise<TokenView> {
  requirePermission(principal, 'token.create');
  const now = deps.clock.nowIso();
  return deps.transaction(['tokens', 'audit'], async (tx) => {
    const t = await tx.tokens.get(tokenId);
    if (!t || t.userId !== principal.userId) {
      throw notFound('TOKEN_NOT_FOUND', `No token "${tokenId}" of yours.`);
    }
    return revokeInTx(tx, principal, t, now);
  });
}

/** Revokes any account's token by id (the CLI, run by the operator of the installation; audited). */
export async function revokeTokenAsOperator(
  deps: Pick<Ports, 'clock' | 'transaction'>,
  operator: { id: string; name: string },
  tokenId: string,
): Promise<TokenView> {
  const now = deps.clock.nowIso();
  return deps.transaction(['tokens', 'audit'], async (tx) => {
    const t = await tx.tokens.get(tokenId);
    if (!t) throw notFound('TOKEN_NOT_FOUND', `No token "${tokenId}".`);
    return revokeInTx(tx, operator, t, now);
  });
}

/** Revokes a token found in `tx` (an already revoked one is left as it is), audited on its account. */
async function revokeInTx(
  tx: TxStores<'tokens' | 'audit'>,
  actor: Principal | AuditActor,
  t: ApiToken,
  now: string,
): Promise<TokenView> {
  if (t.revokedAt === null) {
    await tx.tokens.revoke(t.id, now);
    await recordAudit(tx, actor, now, {
      action: 'token.revoke',
      targetType: 'user',
      targetId: t.userId,
      before: { tokenId: t.id, name: t.name },
      after: { tokenId: t.id, revokedAt: now },
    });
  }
  return viewToken({ ...t, revokedAt: t.revokedAt ?? now }, now);
}
