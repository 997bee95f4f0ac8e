import { createHash } from 'node:crypto';
import { DomainError, invalidInput } from '../errors.ts';
import type { PasswordHasher, Ports, Secrets, StoredUser } from '../ports.ts';
import { ASSIGNED_MINE_ROLES } from './permissions.ts';
import type { Principal, User } from './types.ts';

/** Sessions and API tokens are stored only as SHA-256 digests: a leaked table grants nothing. */
export const digestToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const unauthenticated = (code: string, message: string): DomainError =>
  new DomainError('Unauthenticated', code, message);

export const MIN_PASSWORD_LENGTH = 10;

export function publicUser(u: StoredUser): User {
  const { passwordHash: _p, ...user } = u;
  return user;
}

/**
 * Resolves what the access checks need: the scope region's path (region scopes) and, for leaders on
 * contact duty and supervision group members, the mines assigned to them (read per request, so a new
 * assignment counts at once).
 */
export async function principalFor(
  deps: Pick<Ports, 'regions' | 'mines' | 'supervision'>,
  user: User,
  via: Principal['via'],
): Promise<Principal> {
  let scopePath: string | null = null;
  if (user.scope.kind === 'region') {
    const region = await deps.regions.get(user.scope.regionId);
    if (!region)
      throw unauthenticated('SCOPE_MISSING', 'Your account points at a region that no longer exists.');
    scopePath = region.path;
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scope: user.scope,
    scopePath,
    ...(ASSIGNED_MINE_ROLES.includes(user.role)
      ? { assignedMineIds: await deps.supervision.assignedMineIds(user.id) }
      : {}),
    via,
  };
}

export interface LoginResult {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Checks a username and password and opens a session. The same error for an unknown user and a wrong
 * password, so that usernames cannot be probed; a dummy verification keeps the timing alike.
 */
export async function login(
  deps: Pick<Ports, 'users' | 'sessions' | 'clock'> & { hasher: PasswordHasher; secrets: Secrets },
  input: { username: string; password: string },
  sessionTtlMs: number,
): Promise<LoginResult> {
  const user = await deps.users.getByUsername(input.username.trim());
  const ok = user
    ? await deps.hasher.verify(user.passwordHash, input.password)
    : (await deps.hasher.verify(DUMMY_HASH, input.password), false);
  if (!user || !ok || user.disabled) {
    throw unauthenticated(
      'INVALID_CREDENTIALS',
      'The username or password is wrong, or the account is disabled.',
    );
  }
  const sessionToken = deps.secrets.newToken();
  const csrfToken = deps.secrets.newToken();
  const now = deps.clock.nowMs();
  const expiresAt = new Date(now + sessionTtlMs).toISOString();
  await deps.sessions.insert({
    id: digestToken(sessionToken),
    userId: user.id,
    csrfToken,
    createdAt: new Date(now).toISOString(),
    expiresAt,
  });
  return { user: publicUser(user), sessionToken, csrfToken, expiresAt };
}

/** A session token → its user and CSRF token, or an Unauthenticated error. */
export async function authenticateSession(
  deps: Pick<Ports, 'users' | 'sessions' | 'clock' | 'regions' | 'mines' | 'supervision'>,
  sessionToken: string,
): Promise<{ principal: Principal; user: User; csrfToken: string; expiresAt: string }> {
  const session = await deps.sessions.get(digestToken(sessionToken));
  if (!session || session.expiresAt <= deps.clock.nowIso()) {
    throw unauthenticated('NOT_AUTHENTICATED', 'Your session has ended; please log in again.');
  }
  const user = await deps.users.get(session.userId);
  if (!user || user.disabled) throw unauthenticated('NOT_AUTHENTICATED', 'Your account is not active.');
  const pub = publicUser(user);
  return {
    principal: await principalFor(deps, pub, 'session'),
    user: pub,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

export async function authenticateToken(
  deps: Pick<Ports, 'users' | 'tokens' | 'clock' | 'regions' | 'mines' | 'supervision'>,
  token: string,
): Promise<{ principal: Principal; user: User; lastUsedAt: string | null }> {
  const t = await deps.tokens.getByHash(digestToken(token));
  const now = deps.clock.nowIso();
  if (!t || t.revokedAt !== null || (t.expiresAt !== null && t.expiresAt <= now)) {
    throw unauthenticated('INVALID_TOKEN', 'The API token is unknown, revoked or expired.');
  }
  const user = await deps.users.get(t.userId);
  if (!user || user.disabled)
    throw unauthenticated('INVALID_TOKEN', 'The API token belongs to an inactive account.');
  const pub = publicUser(user);
  const principal = await principalFor(deps, pub, 'token');
  return {
    principal: { ...principal, token: { id: t.id, name: t.name, scopes: t.scopes } },
    user: pub,
    lastUsedAt: t.lastUsedAt,
  };
}

export function validateNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput('PASSWORD_TOO_SHORT', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

// An argon2id hash of a random string nobody knows; verifying against it costs what a real check costs.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$22x5D4vGVXuQ8ucyZHIsMQ$x/Efy4AZmxY6ZIG4V9wrPmJKUd9nIu2ypwQ5pWKz+gA';
