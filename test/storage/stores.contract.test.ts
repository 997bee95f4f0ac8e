import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/core/audit/verify-audit-log.ts';
import { changeMineStatus } from '../../src/core/registry/mine-use-cases.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

/** The same behaviour is required of every storage engine. */
describeEachEngine('store contract', (engine) => {
  const world = useWorld(engine, 40, { each: true });

  it('lists a region subtree by path, and not its siblings', async () => {
    const county = world.province.regions.find((r) => r.id === '990102')!;
    const under = await world.ports.regions.listUnder(county.path);
    expect(under.map((r) => r.id)).toEqual(['990102']);
    const all = await world.ports.regions.listUnder('/990000/');
    expect(all).toHaveLength(world.province.regions.length);
  });

  it('finds mines by region, status, gas class, capacity and text, with a total for paging', async () => {
    const { mines } = world.ports;
    const expected = world.province.mines.filter(
      (m) => m.regionId === '990102' && m.approvedCapacityTPerYear < 300_000,
    );
    const page = await mines.search(
      { regionPath: '/990000/990100/990102/', capacityMax: 299_999 },
      { offset: 0, limit: 500, sort: 'code', desc: false },
    );
    expect(page.total).toBe(expected.length);
    expect(page.items.map((m) => m.code)).toEqual(expected.map((m) => m.code).sort());

    const one = world.province.mines[3]!;
    const byName = await mines.search(
      { text: one.name.slice(0, 3) },
      { offset: 0, limit: 50, sort: 'name', desc: false },
    );
    expect(byName.items.map((m) => m.id)).toContain(one.id);
    const byCode = await mines.search(
      { text: one.code },
      { offset: 0, limit: 50, sort: 'name', desc: false },
    );
    expect(byCode.items.map((m) => m.id)).toEqual([one.id]);

    const outburst = await mines.search(
      { gasClass: 'outburst' },
      { offset: 0, limit: 500, sort: 'capacity', desc: true },
    );
    expect(outburst.total).toBe(world.province.mines.filter((m) => m.gasClass === 'outburst').length);
    const caps = outburst.items.map((m) => m.approvedCapacityTPerYear);
    expect(caps).toEqual([...caps].sort((a, b) => b - a));

    const paged = await mines.search({}, { offset: 10, limit: 10, sort: 'code', desc: false });
    expect(paged.total).toBe(40);
    expect(paged.items[0]!.code).toBe(world.province.mines.map((m) => m.code).sort()[10]);
  });

  it('round-trips every fact of a mine, booleans and nulls included', async () => {
    const src = world.province.mines.find((m) => m.hasGasControlCapability)!;
    const got = await world.ports.mines.get(src.id);
    expect(got).toMatchObject({ ...src, hasGasControlCapability: true });
    expect(await world.ports.mines.getByCode(src.code)).toMatchObject({ id: src.id });
    expect(await world.ports.mines.get('nope')).toBeUndefined();
  });

  it('keeps a licence suspension apart from the facts: an update of the facts leaves it in place', async () => {
    const src = world.province.mines.find((m) => m.licenceNumber !== null && m.status === 'closing')!;
    const suspension = { orderNumber: '契约停〔2026〕1号', since: '2026-12-05T00:00:00.000Z' };
    await world.ports.mines.setLicenceSuspension(src.id, suspension);
    const row = (await world.ports.mines.get(src.id))!;
    expect(row.licenceSuspension).toEqual(suspension);
    await world.ports.mines.update({ ...row, operator: '契约托管' }, row.regionPath);
    expect(await world.ports.mines.get(src.id)).toMatchObject({
      operator: '契约托管',
      licenceSuspension: suspension,
    });
    await world.ports.mines.setLicenceSuspension(src.id, null);
    expect((await world.ports.mines.get(src.id))?.licenceSuspension).toBeNull();
    await world.ports.mines.update(row, row.regionPath);
  });

  it('a status change writes the mine, its history and the audit entry together', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing' && m.regionId === '990102')!;
    const county = await world.principal('county');
    await changeMineStatus(world.ports, county, mine.id, {
      event: 'suspend',
      reason: 'Stop-work order 2026-01',
    });
    expect((await world.ports.mines.get(mine.id))!.status).toBe('suspended');
    const history = await world.ports.statusChanges.listByMine(mine.id);
    expect(history).toMatchObject([
      { from: 'producing', to: 'suspended', reason: 'Stop-work order 2026-01' },
    ]);
    const audit = await world.ports.audit.listByTarget('mine', mine.id);
    expect(audit[0]).toMatchObject({ action: 'mine.status.suspend', actorName: '张伟（区县监管）' });
  });

  it('rolls back the whole change when a part of it fails', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    const headBefore = await world.ports.audit.head();
    await expect(
      world.ports.transaction(['mines', 'audit'], async (tx) => {
        const row = (await tx.mines.get(mine.id))!;
        await tx.mines.update({ ...row, status: 'suspended' }, row.regionPath);
        await tx.audit.append(
          {
            actorId: 'u',
            actorName: 'u',
            action: 'x',
            targetType: 'mine',
            targetId: mine.id,
            before: null,
            after: null,
          },
          world.clock.nowIso(),
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await world.ports.mines.get(mine.id))!.status).toBe('producing');
    expect(await world.ports.audit.head()).toEqual(headBefore);
  });

  /** The i-th audit entry of a test that only counts entries. */
  const entry = (i: number) => ({
    actorId: 'u',
    actorName: 'u',
    action: 'test',
    targetType: 't',
    targetId: `t${i}`,
    before: null,
    after: { i },
  });

  it('keeps one unbroken audit chain under concurrent appends', async () => {
    // The world's seed (mine registrations, user creations, the demo's supervision assignments).
    const seeded = (await verifyAuditLog(world.ports)).entries;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => world.ports.audit.append(entry(i), world.clock.nowIso())),
    );
    const result = await verifyAuditLog(world.ports);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBe(seeded + 25);
  });

  it('keeps the chain unbroken when batches (appendMany) and single entries are appended at once', async () => {
    const at = world.clock.nowIso();
    const seeded = (await verifyAuditLog(world.ports)).entries;
    const batches = await Promise.all([
      ...Array.from({ length: 6 }, (_, b) =>
        world.ports.transaction(['audit'], (tx) =>
          tx.audit.appendMany(
            Array.from({ length: 4 }, (_, i) => entry(b * 10 + i)),
            at,
          ),
        ),
      ),
      ...Array.from({ length: 6 }, (_, i) => world.ports.audit.append(entry(100 + i), at).then((e) => [e])),
    ]);
    // Each batch got consecutive sequence numbers, and the whole log verifies.
    for (const b of batches) expect(b.map((e) => e.seq)).toEqual(b.map((_, i) => b[0]!.seq + i));
    const result = await verifyAuditLog(world.ports);
    expect(result).toMatchObject({ ok: true });
    expect(result.entries).toBe(seeded + 6 * 4 + 6);
    expect(await world.ports.audit.appendMany([], at)).toEqual([]);
  });

  it('detects an edited audit entry and names it', async () => {
    await sql`update audit_log set after_json = '{"status":"producing"}' where seq = 7`.execute(
      world.database.db,
    );
    expect(await verifyAuditLog(world.ports)).toMatchObject({
      ok: false,
      firstBadSeq: 7,
      problem: 'hash-mismatch',
    });
  });

  it('detects a deleted audit entry', async () => {
    await sql`delete from audit_log where seq = 12`.execute(world.database.db);
    expect(await verifyAuditLog(world.ports)).toMatchObject({
      ok: false,
      firstBadSeq: 12,
      problem: 'sequence-gap',
    });
  });

  it('detects reordered audit entries', async () => {
    // Swap the content of entries 5 and 6 (keeping their seq numbers), as an attacker re-sorting history would.
    const db = world.database.db;
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'in', [5, 6])
      .orderBy('seq')
      .execute();
    const [a, b] = [rows[0]!, rows[1]!];
    const { seq: _sa, ...restA } = a;
    const { seq: _sb, ...restB } = b;
    await db.updateTable('audit_log').set(restB).where('seq', '=', 5).execute();
    await db.updateTable('audit_log').set(restA).where('seq', '=', 6).execute();
    expect(await verifyAuditLog(world.ports)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('detects entries cut from the end of the log', async () => {
    await sql`delete from audit_log where seq > 45`.execute(world.database.db);
    expect(await verifyAuditLog(world.ports)).toMatchObject({ ok: false, problem: 'head-mismatch' });
  });

  it('stores users with their scope, sessions and tokens by digest', async () => {
    const officer = await world.ports.users.getByUsername('officer');
    expect(officer).toMatchObject({ role: 'mine_safety_officer', scope: { kind: 'mine' } });
    expect(officer!.passwordHash).toMatch(/^\$argon2id\$/);
    await world.ports.sessions.insert({
      id: 'digest-1',
      userId: officer!.id,
      csrfToken: 'c',
      createdAt: '2026-12-05T00:00:00.000Z',
      expiresAt: '2026-12-05T01:00:00.000Z',
    });
    expect(await world.ports.sessions.get('digest-1')).toMatchObject({ userId: officer!.id });
    expect(await world.ports.sessions.deleteExpired('2026-12-05T02:00:00.000Z')).toBe(1);
    expect(await world.ports.sessions.get('digest-1')).toBeUndefined();
    const names = await world.ports.users.listNames([officer!.id, 'missing']);
    expect(names.get(officer!.id)).toBe(officer!.displayName);
    expect(names.has('missing')).toBe(false);
  });
});
