import { beforeAll, describe, expect, it } from 'vitest';
import { asSession, loginAs, type Session, TEST_PASSWORD, useTestApp, useWorld } from '../support/world.ts';
import { errorOf, indexProvince } from './http-kit.ts';

/** Logging in and out, CSRF, session fixation and API tokens, as a browser or a gateway sees them. */

const world = useWorld();
const app = useTestApp(world);

/** `POST /api/tokens` in a browser session. */
const createToken = (s: Session, payload: { name: string; scopes?: string[] }) =>
  app.inject({ method: 'POST', url: '/api/tokens', headers: asSession(s), payload });

const login = (username: string, password: string, cookie?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
    headers: cookie ? { cookie } : {},
  });

const sessionCookieOf = (res: Awaited<ReturnType<typeof login>>) =>
  res.cookies.find((c) => c.name === 'redline_session');

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token and the user', async () => {
    const res = await login('county', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(20);
    expect(cookie!.expires!.getTime()).toBe(world.clock.nowMs() + 3_600_000);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);

    const body = res.json<{ csrfToken: string; user: Record<string, unknown> }>();
    expect(body.csrfToken).toMatch(/^\S{20,}$/);
    expect(body.csrfToken).not.toBe(cookie!.value);
    expect(body.user).toMatchObject({
      username: 'county',
      role: 'county_regulator',
      scope: { kind: 'region', regionId: '990102' },
      scopeName: '岩东区',
      scopeNameEn: 'Yandong District',
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(res.body).not.toMatch(/argon2|passwordHash/);
  });

  it('answers a wrong password and an unknown user with the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await login('county', 'not-the-password');
    const unknown = await login('no-such-user', TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('INVALID_CREDENTIALS');
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    expect(errorOf(wrong).message).toBe(errorOf(unknown).message);
  });

  it('rejects a login body without a password as a validation error', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'county' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(res).message).toContain('password');
  });

  it('records the login in the audit trail', async () => {
    const user = await world.ports.users.getByUsername('leader');
    await loginAs(app, 'leader');
    const entries = await world.ports.audit.listByTarget('user', user!.id);
    expect(entries[0]).toMatchObject({
      action: 'session.login',
      actorId: user!.id,
      actorName: user!.displayName,
    });
  });

  it('gives a new session id at every login, never adopting the cookie the browser sent', async () => {
    const first = sessionCookieOf(await login('city', TEST_PASSWORD))!.value;
    const planted = 'attacker-chosen-session-id-000000000000';
    const second = sessionCookieOf(await login('city', TEST_PASSWORD, `redline_session=${first}`))!.value;
    const third = sessionCookieOf(await login('city', TEST_PASSWORD, `redline_session=${planted}`))!.value;
    expect(new Set([first, second, third, planted]).size).toBe(4);
    const planted401 = await app.inject({
      url: '/api/session',
      headers: { cookie: `redline_session=${planted}` },
    });
    expect(planted401.statusCode).toBe(401);
  });
});

describe('the session', () => {
  let county: Session;
  beforeAll(async () => {
    county = await loginAs(app, 'county');
  });

  it('GET /api/session without a cookie → 401 NOT_AUTHENTICATED', async () => {
    const res = await app.inject({ url: '/api/session' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_AUTHENTICATED' });
    expect(errorOf(res).requestId).toMatch(/^req-/);
  });

  it('GET /api/session with the cookie returns the user and the same CSRF token', async () => {
    const res = await app.inject({ url: '/api/session', headers: { cookie: county.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'county', scopeName: '岩东区', scopeNameEn: 'Yandong District' },
      csrfToken: county.csrf,
    });
    expect(res.body).not.toMatch(/passwordHash|argon2/);
  });

  it('the session carries what the role may do, from the permission table', async () => {
    const permissionsOf = async (username: string): Promise<string[]> => {
      const s = await loginAs(app, username);
      const res = await app.inject({ url: '/api/session', headers: { cookie: s.cookie } });
      return res.json<{ permissions: string[] }>().permissions;
    };
    const regulator = await permissionsOf('county');
    expect(regulator).toEqual(expect.arrayContaining(['mine.create', 'order.issue', 'alarm.act']));
    expect(regulator).not.toContain('hazard.rectify');
    const viewer = await permissionsOf('viewer');
    expect(viewer).toContain('mine.read');
    expect(viewer).not.toContain('mine.create');
    expect(viewer).not.toContain('alarm.act');
  });

  it('refuses a cookie-authenticated change without or with a wrong x-csrf-token, and takes the right one', async () => {
    const mine = indexProvince(world).mineOf('officer');
    const patch = (headers: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url: `/api/mines/${mine.id}`,
        headers,
        payload: { operator: 'CSRF 托管' },
      });

    const missing = await patch({ cookie: county.cookie });
    const wrong = await patch({ cookie: county.cookie, 'x-csrf-token': 'forged-token' });
    for (const res of [missing, wrong]) {
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await world.ports.mines.get(mine.id))!.operator).not.toBe('CSRF 托管');

    const ok = await patch(asSession(county));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await world.ports.mines.get(mine.id))!.operator).toBe('CSRF 托管');
  });

  it('another session’s CSRF token does not count', async () => {
    const other = await loginAs(app, 'county');
    const res = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: county.cookie, 'x-csrf-token': other.csrf },
      payload: { name: 'cross-session' },
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF_TOKEN_INVALID');
  });

  it('ends when the TTL has passed', async () => {
    const s = await loginAs(app, 'group');
    world.clock.advance(3_600_000);
    try {
      const res = await app.inject({ url: '/api/session', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('NOT_AUTHENTICATED');
    } finally {
      world.clock.advance(-3_600_000);
    }
  });
});

describe('logging out', () => {
  it('needs the CSRF token, clears the cookie, and the old cookie no longer works', async () => {
    const s = await loginAs(app, 'viewer');
    const noCsrf = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(errorOf(noCsrf).code).toBe('CSRF_TOKEN_INVALID');
    expect((await app.inject({ url: '/api/session', headers: { cookie: s.cookie } })).statusCode).toBe(200);

    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: asSession(s) });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'redline_session');
    expect(cleared?.value).toBe('');
    expect(cleared!.expires!.getTime()).toBeLessThanOrEqual(Date.now());

    const after = await app.inject({ url: '/api/session', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('NOT_AUTHENTICATED');
  });

  it('ends only that session: another login of the same user keeps working', async () => {
    const a = await loginAs(app, 'expert');
    const b = await loginAs(app, 'expert');
    await app.inject({ method: 'DELETE', url: '/api/session', headers: asSession(a) });
    expect((await app.inject({ url: '/api/session', headers: { cookie: b.cookie } })).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('a token created with POST /api/tokens works as Bearer, without CSRF', async () => {
    const officer = await loginAs(app, 'officer');
    const created = await createToken(officer, { name: 'upload gateway 1', scopes: ['read', 'ingest'] });
    expect(created.statusCode, created.body).toBe(201);
    const { token, name, id } = created.json<{ token: string; name: string; id: string }>();
    expect(name).toBe('upload gateway 1');
    expect(id).toBeTruthy();
    expect(token).toMatch(/^rl_\S{20,}$/);

    const me = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'officer', role: 'mine_safety_officer' } });

    // A token never makes more tokens (issue 13): token management needs a session.
    const again = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'upload gateway 2' },
    });
    expect(again.statusCode, again.body).toBe(403);
    expect(errorOf(again).code).toBe('TOKEN_SCOPE_FORBIDDEN');
    // An unsafe method with the bearer token and no CSRF header: allowed (not a browser session).
    const second = await createToken(officer, { name: 'upload gateway 2' });
    expect(second.statusCode, second.body).toBe(201);
    const ingest = await app.inject({
      method: 'POST',
      url: '/api/ingest/readings',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      payload: '{}\n',
    });
    expect(ingest.statusCode, ingest.body).not.toBe(403);
    expect(ingest.statusCode, ingest.body).not.toBe(401);

    const user = await world.ports.users.getByUsername('officer');
    const audit = await world.ports.audit.listByTarget('user', user!.id);
    expect(
      audit.filter((e) => e.action === 'token.create').map((e) => (e.after as { name: string }).name),
    ).toEqual(expect.arrayContaining(['upload gateway 1', 'upload gateway 2']));
  });

  it('a bearer token acts with its owner’s rights and scope', async () => {
    const county = await loginAs(app, 'county');
    const { token } = (await createToken(county, { name: 'script', scopes: ['write'] })).json<{
      token: string;
    }>();
    const inScope = indexProvince(world).mineOf('officer');
    const outOfScope = indexProvince(world).mineOf('officer2');
    const auth = { authorization: `Bearer ${token}` };
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${inScope.id}`,
      headers: auth,
      payload: { operator: 'via token' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const no = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${outOfScope.id}`,
      headers: auth,
      payload: { operator: 'via token' },
    });
    expect(no.statusCode).toBe(404);
  });

  it('an unknown bearer → 401 INVALID_TOKEN, also when a valid cookie comes along', async () => {
    const s = await loginAs(app, 'province');
    for (const headers of [
      { authorization: 'Bearer rl_unknown-token-000000000000000000' },
      { authorization: 'Bearer rl_unknown-token-000000000000000000', cookie: s.cookie },
      { authorization: 'Basic Y291bnR5OnBhc3N3b3Jk' },
    ]) {
      const res = await app.inject({ url: '/api/session', headers });
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('INVALID_TOKEN');
    }
  });

  it('a viewer may not create tokens; a token without a usable name is refused', async () => {
    const viewer = await loginAs(app, 'viewer');
    const res = await createToken(viewer, { name: 'x1' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const county = await loginAs(app, 'county');
    const blank = await createToken(county, { name: ' x ' });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank).code).toBe('TOKEN_NAME_INVALID');
  });

  it('locks a username after five wrong passwords (429 with Retry-After) and audits each failure', async () => {
    for (let i = 0; i < 5; i++) expect((await login('viewer', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await login('viewer', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'TOO_MANY_LOGIN_ATTEMPTS' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const failures = await world.ports.audit.listByTarget('user', 'viewer');
    expect(failures.filter((e) => e.action === 'session.login_failed')).toHaveLength(5);
    // Another account from the same address is not locked by it.
    expect((await login('expert', TEST_PASSWORD)).statusCode).toBe(200);
  });
});
