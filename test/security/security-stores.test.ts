import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/core/access/tokens.ts';
import { verifyAuditLog } from '../../src/core/audit/verify-audit-log.ts';
import { cryptoSecrets } from '../../src/platform/system.ts';
import { runAsActor } from '../../src/platform/actor-context.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createWorld, type World } from '../support/world.ts';

/** Migration 0014 on every engine: token scopes and use, the credential on audit entries, the security log. */
describeEachEngine('security stores', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(engine, 20);
  });
  afterAll(() => world.dispose());

  it('tokens: scopes, expiry in the future, last use, list and revoke (audited, with the credential)', async () => {
    const officer = await world.principal('officer');
    const deps = { ...world.ports, secrets: cryptoSecrets };
    const t = await createApiToken(deps, officer, { name: 'gateway' });
    expect(t.scopes).toEqual(['ingest']);
    expect(t.expiresAt > world.clock.nowIso()).toBe(true);
    await expect(
      createApiToken(deps, officer, { name: 'old', expiresAt: '2020-01-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'TOKEN_EXPIRY_INVALID' });
    await expect(createApiToken(deps, officer, { name: 'x2', scopes: ['admin'] })).rejects.toMatchObject({
      code: 'TOKEN_SCOPE_INVALID',
    });
    await world.ports.tokens.touch(t.id, world.clock.nowIso());
    const listed = await listApiTokens(world.ports, officer);
    expect(listed.find((x) => x.id === t.id)).toMatchObject({
      state: 'active',
      lastUsedAt: world.clock.nowIso(),
    });
    const other = await world.principal('officer2');
    await expect(revokeApiToken(world.ports, other, t.id)).rejects.toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    await runAsActor({ userId: officer.userId, via: 'session' }, () =>
      revokeApiToken(world.ports, officer, t.id),
    );
    expect((await listApiTokens(world.ports, officer)).find((x) => x.id === t.id)?.state).toBe('revoked');
    const [entry] = await world.ports.audit.search({ kind: 'token.revoke', limit: 1 });
    expect(entry).toMatchObject({ actorId: officer.userId, actorVia: 'session' });
    expect(await verifyAuditLog(world.ports)).toMatchObject({ ok: true });
  });

  it('audit search filters by time, actor and action prefix; the security log by kind', async () => {
    const all = await world.ports.audit.search({ kind: 'token.', limit: 50 });
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((e) => e.action.startsWith('token.'))).toBe(true);
    expect(
      await world.ports.audit.search({ kind: 'token.', toIso: '2000-01-01T00:00:00Z', limit: 5 }),
    ).toEqual([]);
    const officerName = (await world.principal('officer')).displayName;
    const byName = await world.ports.audit.search({
      actor: officerName.slice(0, 2),
      kind: 'token.',
      limit: 50,
    });
    expect(byName.length).toBeGreaterThan(0);
    await world.ports.securityLog.insert({
      id: 'sec-1',
      at: world.clock.nowIso(),
      kind: 'denied',
      actorId: 'u-1',
      actorName: '100%_name',
      actorVia: 'token:tok-1',
      method: 'PATCH',
      route: '/api/mines/:id',
      target: '{"id":"m-1"}',
      status: 403,
      reason: 'FORBIDDEN',
      ip: '10.0.0.1',
    });
    expect(await world.ports.securityLog.search({ kind: 'denied', actor: '100%_', limit: 5 })).toHaveLength(
      1,
    );
    expect(await world.ports.securityLog.search({ kind: 'denied', actor: '100%x', limit: 5 })).toHaveLength(
      0,
    );
    expect(await world.ports.securityLog.search({ kind: 'login_failed', limit: 5 })).toHaveLength(0);
  });
});
