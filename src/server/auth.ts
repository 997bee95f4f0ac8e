import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken, unauthenticated } from '../core/access/authentication.ts';
import { requirePermission, type Permission } from '../core/access/permissions.ts';
import { tokenReaches, type RouteTokenNeed } from '../core/access/tokens.ts';
import type { Principal, User } from '../core/access/types.ts';
import { notAllowed } from '../core/errors.ts';
import type { Ports } from '../core/ports.ts';
import { runAsActor } from '../platform/actor-context.ts';
import type { SecurityRecorder } from './security-recorder.ts';
import { SessionFeeds } from './session-feeds.ts';

export const SESSION_COOKIE = 'redline_session';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live feeds by session, closed at logout and at the session's expiry. */
    sessionFeeds: SessionFeeds;
    /** The rate-limited security log (refused requests, failed and throttled logins). */
    securityRecorder: SecurityRecorder;
  }
  interface FastifyRequest {
    principal: Principal | null;
    currentUser: User | null;
    csrfToken: string | null;
    /** When the session behind the request ends (sessions only), for live feeds to close then. */
    sessionExpiresAt: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are authenticated unless they say `public: true`. */
    public?: boolean;
    /**
     * Checked right after authentication, before the body is read: routes taking files or bulk data
     * name their permission here, so a caller without it never has a byte parsed or stored.
     */
    permission?: Permission;
    /**
     * What an API token needs to call the route (ADR 0007): `ingest` for the monitoring-data doors,
     * `session` for token management (no token at all). Default: `read` for GET/HEAD, else `write`.
     */
    tokenScope?: RouteTokenNeed;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The path a request is about, as the router understood it: the matched route's pattern, or (no route
 * matched) the percent-decoded path. The auth hook and the router therefore never disagree about whether
 * `/%61pi/session` is an API route.
 */
export function routePathOf(req: FastifyRequest): string {
  const matched = req.routeOptions.url;
  if (matched !== undefined) return matched;
  const raw = req.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** What the security log needs about a refused request (the app records it, rate-limited). */
export interface DeniedRequest {
  req: FastifyRequest;
  status: number;
  code: string;
}

/** A token's last use is written at most this often (a gateway posting every second costs no writes). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the caller on every /api request in `onRequest` — before any body is read, parsed or
 * validated: a bearer token (machine clients) or the session cookie (browsers). Then, still before the
 * body: the token's scopes against the route, the route's declared permission, and the CSRF token of
 * cookie-authenticated unsafe requests.
 */
export function registerAuth(app: FastifyInstance, ports: Ports): void {
  app.decorate('sessionFeeds', new SessionFeeds());
  app.decorateRequest('principal', null);
  app.decorateRequest('currentUser', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpiresAt', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!isApiPath(routePathOf(req))) return;
    const config = req.routeOptions.config;
    const isPublic = config.public === true;
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m?.[1])
        throw unauthenticated('INVALID_TOKEN', 'The Authorization header must be "Bearer <token>".');
      const { principal, user, lastUsedAt } = await authenticateToken(ports, m[1]);
      req.principal = principal;
      req.currentUser = user;
      const nowMs = ports.clock.nowMs();
      if (principal.token && (lastUsedAt === null || nowMs - Date.parse(lastUsedAt) >= TOUCH_EVERY_MS)) {
        await ports.tokens.touch(principal.token.id, new Date(nowMs).toISOString());
      }
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        try {
          const s = await authenticateSession(ports, cookie);
          req.principal = s.principal;
          req.currentUser = s.user;
          req.csrfToken = s.csrfToken;
          req.sessionExpiresAt = s.expiresAt;
        } catch (e) {
          if (!isPublic) throw e;
        }
      }
    }
    if (isPublic) return;
    const principal = req.principal;
    if (!principal) throw unauthenticated('NOT_AUTHENTICATED', 'Please log in first.');
    if (principal.token) {
      const need: RouteTokenNeed =
        config.tokenScope ?? (req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write');
      if (!tokenReaches(principal.token.scopes, need)) {
        throw notAllowed(
          'TOKEN_SCOPE_FORBIDDEN',
          need === 'session'
            ? 'API tokens cannot manage tokens; log in.'
            : `This API token (scopes: ${principal.token.scopes.join(', ')}) may not call this route; it needs "${need}".`,
          { need, scopes: principal.token.scopes },
        );
      }
    } else if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw notAllowed(
        'CSRF_TOKEN_INVALID',
        'The request lacks the CSRF token of your session; reload the page.',
      );
    }
    if (config.permission) requirePermission(principal, config.permission);
  });

  // Every handler runs with the caller's credential in context, so audit entries record it.
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, req, reply) {
      const p = req.principal;
      if (!p) return handler.call(this, req, reply);
      const via = p.token ? `token:${p.token.id}` : 'session';
      return runAsActor({ userId: p.userId, via }, () => handler.call(this, req, reply));
    };
  });
}

/** The authenticated caller of a non-public route (the onRequest hook guarantees it). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated('NOT_AUTHENTICATED', 'Please log in first.');
  return req.principal;
}
