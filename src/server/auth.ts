import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateSession, authenticateToken, unauthenticated } from '../core/access/authentication.ts';
import type { Principal, User } from '../core/access/types.ts';
import { notAllowed } from '../core/errors.ts';
import type { Ports } from '../core/ports.ts';

export const SESSION_COOKIE = 'redline_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    currentUser: User | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are authenticated unless they say `public: true`. */
    public?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller on every /api request: a bearer token (machine clients) or the session cookie
 * (browsers). Cookie-authenticated unsafe requests must echo the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance, ports: Ports): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('currentUser', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('preHandler', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.url.startsWith('/api/')) return;
    const isPublic = req.routeOptions.config.public === true;
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m?.[1])
        throw unauthenticated('INVALID_TOKEN', 'The Authorization header must be "Bearer <token>".');
      const { principal, user } = await authenticateToken(ports, m[1]);
      req.principal = principal;
      req.currentUser = user;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      try {
        const s = await authenticateSession(ports, cookie);
        req.principal = s.principal;
        req.currentUser = s.user;
        req.csrfToken = s.csrfToken;
      } catch (e) {
        if (!isPublic) throw e;
      }
    }
    if (isPublic) return;
    if (!req.principal) throw unauthenticated('NOT_AUTHENTICATED', 'Please log in first.');
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw notAllowed(
        'CSRF_TOKEN_INVALID',
        'The request lacks the CSRF token of your session; reload the page.',
      );
    }
  });
}

/** The authenticated caller of a non-public route (the preHandler guarantees it). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated('NOT_AUTHENTICATED', 'Please log in first.');
  return req.principal;
}
