import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { digestToken, login } from '../../core/access/authentication.ts';
import { LoginThrottle } from '../../core/access/login-throttle.ts';
import { isDomainError } from '../../core/errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../core/access/tokens.ts';
import { permissionsOf } from '../../core/access/permissions.ts';
import type { AppDeps } from '../app.ts';
import { principalOf, SESSION_COOKIE } from '../auth.ts';
import { describeScope } from '../scope-name.ts';
import { idParams, noContent } from '../route-schemas.ts';
import { createdTokenSchema, sessionSchema, tokenViewSchema } from './session.schemas.ts';

export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  // Per process: a restart forgets the counts (a distributed deployment would keep them in the database).
  const throttle = deps.loginThrottle ?? new LoginThrottle();

  r.post(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['session'],
        summary: 'Log in with a username and password; sets an HTTP-only session cookie.',
        body: z.object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const loginEvent = (kind: 'login_failed' | 'login_refused', reason: string) => ({
        kind,
        actorId: null,
        actorName: req.body.username.slice(0, 80),
        actorVia: null,
        method: 'POST',
        route: '/api/session',
        target: req.body.username.slice(0, 80),
        status: kind === 'login_failed' ? 401 : 429,
        reason,
        ip: req.ip,
      });
      const username = req.body.username.trim().toLowerCase().slice(0, 80);
      const keys = [`user:${username}`, `ip:${req.ip}`];
      const now = ports.clock.nowMs();
      let attempt;
      try {
        // Checked and counted in one step: parallel guesses cannot slip past the limit.
        attempt = throttle.begin(keys, now);
      } catch (e) {
        if (isDomainError(e) && e.code === 'TOO_MANY_LOGIN_ATTEMPTS') {
          // Refused attempts are audited, at most a few a minute per name and address (no flooding).
          if (app.securityRecorder.record(`login:${username}|${req.ip}`, loginEvent('login_refused', e.code)))
            await ports.audit.append(
              {
                actorId: 'anonymous',
                actorName: username,
                action: 'session.login_refused',
                targetType: 'user',
                targetId: username,
                before: null,
                after: { ip: req.ip, reason: e.code },
              },
              ports.clock.nowIso(),
            );
        }
        throw e;
      }
      let result;
      try {
        result = await login(
          { ...ports, hasher: deps.hasher, secrets: deps.secrets },
          req.body,
          deps.config.sessionTtlMs,
        );
      } catch (e) {
        if (isDomainError(e) && e.code === 'INVALID_CREDENTIALS') {
          app.securityRecorder.record(`login:${username}|${req.ip}`, loginEvent('login_failed', e.code));
          await ports.audit.append(
            {
              actorId: 'anonymous',
              actorName: req.body.username.slice(0, 80),
              action: 'session.login_failed',
              targetType: 'user',
              targetId: req.body.username.slice(0, 80),
              before: null,
              after: { ip: req.ip },
            },
            ports.clock.nowIso(),
          );
        }
        throw e;
      }
      throttle.succeeded(attempt);
      // A new session id at every login (no fixation): the old cookie, if any, is simply replaced.
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
        expires: new Date(result.expiresAt),
      });
      await ports.audit.append(
        {
          actorId: result.user.id,
          actorName: result.user.displayName,
          action: 'session.login',
          targetType: 'user',
          targetId: result.user.id,
          before: null,
          after: { ip: req.ip },
        },
        ports.clock.nowIso(),
      );
      return {
        user: { ...result.user, ...(await describeScope(ports, result.user.scope)) },
        csrfToken: result.csrfToken,
        permissions: permissionsOf(result.user.role),
      };
    },
  );

  r.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The logged-in user, what their role may do and the CSRF token of the session.',
        response: { 200: sessionSchema },
      },
    },
    async (req) => {
      const user = req.currentUser!;
      return {
        user: { ...user, ...(await describeScope(ports, user.scope)) },
        csrfToken: req.csrfToken,
        permissions: permissionsOf(user.role),
      };
    },
  );

  r.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Log out.', response: { 204: noContent } } },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        await ports.sessions.delete(digestToken(cookie));
        app.sessionFeeds.closeSession(digestToken(cookie));
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/tokens',
    {
      config: { tokenScope: 'session' },
      schema: {
        tags: ['session'],
        summary:
          'Create an API token for your own account (e.g. for a mine upload gateway). Scopes default to ["ingest"]; the expiry must be in the future (at most a year). Shown once. Sessions only.',
        body: z.object({
          name: z.string().min(1).max(80),
          expiresAt: z.iso.datetime().nullable().optional(),
          scopes: z.array(z.string().max(20)).max(5).optional(),
        }),
        response: { 201: createdTokenSchema },
      },
    },
    async (req, reply) => {
      const t = await createApiToken({ ...ports, secrets: deps.secrets }, principalOf(req), req.body);
      return reply.status(201).send(t);
    },
  );

  r.get(
    '/api/tokens',
    {
      config: { tokenScope: 'session' },
      schema: {
        tags: ['session'],
        summary: 'Your own API tokens: name, scopes, expiry, last use, state (never the secret).',
        response: { 200: z.object({ items: z.array(tokenViewSchema) }) },
      },
    },
    async (req) => ({ items: await listApiTokens(ports, principalOf(req)) }),
  );

  r.delete(
    '/api/tokens/:id',
    {
      config: { tokenScope: 'session' },
      schema: {
        tags: ['session'],
        summary: 'Revoke one of your API tokens; it stops working at once. Audited.',
        params: idParams,
        response: { 200: z.object({ token: tokenViewSchema }) },
      },
    },
    async (req) => ({ token: await revokeApiToken(ports, principalOf(req), req.params.id) }),
  );
}
