import { z } from 'zod';
import { digestToken, login } from '../../core/access/authentication.ts';
import { LoginThrottle } from '../../core/access/login-throttle.ts';
import { isDomainError } from '../../core/errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../core/access/tokens.ts';
import { permissionsOf } from '../../core/access/permissions.ts';
import { routeModule } from '../route-kit.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { describeScope } from '../scope-name.ts';
import { idParams, itemsOf, noContent } from '../route-schemas.ts';
import { createdTokenSchema, sessionSchema, tokenViewSchema } from './session.schemas.ts';

export const registerSessionRoutes = routeModule(
  ['session'],
  (route, { ports, config, hasher, loginThrottle, secrets }) => {
    // Per process: a restart forgets the counts (a distributed deployment would keep them in the database).
    const throttle = loginThrottle ?? new LoginThrottle();

    route.post(
      '/api/session',
      {
        summary: 'Log in with a username and password; sets an HTTP-only session cookie.',
        body: z.object({ username: z.string().min(1).max(80), password: z.string().min(1).max(200) }),
        response: sessionSchema,
        config: { public: true },
      },
      async ({ body, req, reply }) => {
        const loginEvent = (kind: 'login_failed' | 'login_refused', reason: string) => ({
          kind,
          actorId: null,
          actorName: body.username.slice(0, 80),
          actorVia: null,
          method: 'POST',
          route: '/api/session',
          target: body.username.slice(0, 80),
          status: kind === 'login_failed' ? 401 : 429,
          reason,
          ip: req.ip,
        });
        const username = body.username.trim().toLowerCase().slice(0, 80);
        const keys = [`user:${username}`, `ip:${req.ip}`];
        const now = ports.clock.nowMs();
        let attempt;
        try {
          // Checked and counted in one step: parallel guesses cannot slip past the limit.
          attempt = throttle.begin(keys, now);
        } catch (e) {
          if (isDomainError(e) && e.code === 'TOO_MANY_LOGIN_ATTEMPTS') {
            // Refused attempts are audited, at most a few a minute per name and address (no flooding).
            if (
              route.app.securityRecorder.record(
                `login:${username}|${req.ip}`,
                loginEvent('login_refused', e.code),
              )
            )
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
          result = await login({ ...ports, hasher: hasher, secrets: secrets }, body, config.sessionTtlMs);
        } catch (e) {
          if (isDomainError(e) && e.code === 'INVALID_CREDENTIALS') {
            route.app.securityRecorder.record(
              `login:${username}|${req.ip}`,
              loginEvent('login_failed', e.code),
            );
            await ports.audit.append(
              {
                actorId: 'anonymous',
                actorName: body.username.slice(0, 80),
                action: 'session.login_failed',
                targetType: 'user',
                targetId: body.username.slice(0, 80),
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
          secure: config.cookieSecure,
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

    route.get(
      '/api/session',
      {
        summary: 'The logged-in user, what their role may do and the CSRF token of the session.',
        response: sessionSchema,
      },
      async ({ req }) => {
        const user = req.currentUser!;
        return {
          user: { ...user, ...(await describeScope(ports, user.scope)) },
          csrfToken: req.csrfToken,
          permissions: permissionsOf(user.role),
        };
      },
    );

    route.delete(
      '/api/session',
      {
        summary: 'Log out.',
        response: noContent,
        status: 204,
      },
      async ({ req, reply }) => {
        const cookie = req.cookies[SESSION_COOKIE];
        if (cookie) {
          await ports.sessions.delete(digestToken(cookie));
          route.app.sessionFeeds.closeSession(digestToken(cookie));
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    );

    route.post(
      '/api/tokens',
      {
        summary:
          'Create an API token for your own account (e.g. for a mine upload gateway). Scopes default to ["ingest"]; the expiry must be in the future (at most a year). Shown once. Sessions only.',
        body: z.object({
          name: z.string().min(1).max(80),
          expiresAt: z.iso.datetime().nullable().optional(),
          scopes: z.array(z.string().max(20)).max(5).optional(),
        }),
        response: createdTokenSchema,
        status: 201,
        config: { tokenScope: 'session' },
      },
      ({ principal, body }) => createApiToken({ ...ports, secrets: secrets }, principal, body),
    );

    route.get(
      '/api/tokens',
      {
        summary: 'Your own API tokens: name, scopes, expiry, last use, state (never the secret).',
        response: itemsOf(tokenViewSchema),
        config: { tokenScope: 'session' },
      },
      async ({ principal }) => ({ items: await listApiTokens(ports, principal) }),
    );

    route.delete(
      '/api/tokens/:id',
      {
        summary: 'Revoke one of your API tokens; it stops working at once. Audited.',
        params: idParams,
        response: z.object({ token: tokenViewSchema }),
        config: { tokenScope: 'session' },
      },
      async ({ principal, params }) => ({ token: await revokeApiToken(ports, principal, params.id) }),
    );
  },
);
