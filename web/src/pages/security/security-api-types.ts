/** The token and audit APIs' answers, as the web client sees them (mirrors src/server/routes). */

export type TokenScope = 'ingest' | 'read' | 'write';
export const TOKEN_SCOPES: readonly TokenScope[] = ['ingest', 'read', 'write'];

export interface TokenView {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

export interface CreatedToken {
  id: string;
  token: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: string;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  actorVia?: string;
  action: string;
  targetType: string;
  targetId: string;
}

export type SecurityEventKind = 'denied' | 'login_failed' | 'login_refused';
export const SECURITY_EVENT_KINDS: readonly SecurityEventKind[] = ['denied', 'login_failed', 'login_refused'];

export interface SecurityEventView {
  id: string;
  at: string;
  kind: SecurityEventKind;
  actorId: string | null;
  actorName: string | null;
  actorVia: string | null;
  method: string | null;
  route: string | null;
  target: string | null;
  status: number | null;
  reason: string;
  ip: string | null;
}
