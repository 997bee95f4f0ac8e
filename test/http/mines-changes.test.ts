import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/world.ts';
import { errorOf, mineFacts, type ProvinceIndex } from './http-kit.ts';
import { setUp, type MineItem } from './mines-kit.ts';

/**
 * The mine registry over HTTP: edits of facts, status transitions with their history and audit,
 * registration, and the gas-control capability a high-gas or outburst mine must have to produce.
 */

describe('changing mines', () => {
  let world: World;
  let app: FastifyInstance;
  let as: (username: string) => Record<string, string>;
  let province: ProvinceIndex;

  beforeAll(async () => {
    ({ world, app, as, province } = await setUp());
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const stored = async (id: string) => (await world.ports.mines.get(id))!;
  const countyMine = (status: string, skip: readonly string[] = []) => {
    const m = world.province.mines.find(
      (x) => x.regionId === '990102' && x.status === status && !skip.includes(x.id),
    );
    if (!m) throw new Error(`no ${status} mine in 990102`);
    return m;
  };
  const patch = (id: string, payload: Record<string, unknown>, user = 'county') =>
    app.inject({ method: 'PATCH', url: `/api/mines/${id}`, headers: as(user), payload });
  const transition = (id: string, payload: Record<string, unknown>, user = 'county') =>
    app.inject({ method: 'POST', url: `/api/mines/${id}/transitions`, headers: as(user), payload });
  const registerAsCounty = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/mines', headers: as('county'), payload });

  it('PATCH of a fact stores it and audits before/after', async () => {
    const mine = province.mineOf('officer');
    const res = await patch(mine.id, { operator: '示范托管公司', approvedMaxUnderground: 300 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mine: { id: mine.id, operator: '示范托管公司', approvedMaxUnderground: 300 },
    });
    expect(await stored(mine.id)).toMatchObject({
      operator: '示范托管公司',
      approvedMaxUnderground: 300,
      status: mine.status,
    });
    const [entry] = await world.ports.audit.listByTarget('mine', mine.id);
    expect(entry).toMatchObject({
      action: 'mine.update',
      actorName: '张伟（区县监管）',
      before: { operator: mine.operator },
      after: { operator: '示范托管公司' },
    });
  });

  it('PATCH including status → 400 MINE_STATUS_NOT_EDITABLE and the mine unchanged', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    for (const payload of [
      { status: 'closed' },
      { status: 'closed', operator: 'X' },
      { statusSince: '2020-01-01' },
    ]) {
      const res = await patch(mine.id, payload);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('MINE_STATUS_NOT_EDITABLE');
    }
    expect(await stored(mine.id)).toEqual(before);
  });

  it('key facts are refused as edits, naming their process; an invalid capacity approval → MINE_INVALID, nothing stored', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    for (const [payload, code, process] of [
      [
        { approvedCapacityTPerYear: 600_000, operator: 'X' },
        'MINE_CAPACITY_NEEDS_APPROVAL',
        'capacity approval',
      ],
      [{ gasClass: 'outburst' }, 'MINE_GAS_CLASS_NEEDS_APPRAISAL', 'gas-class appraisal'],
      [{ hasGasControlCapability: true }, 'GAS_CONTROL_FLAG_NOT_EDITABLE', 'assessment'],
    ] as const) {
      const res = await patch(mine.id, payload);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe(code);
      expect(errorOf(res).message).toContain(process);
    }
    const approve = (body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/mines/${mine.id}/capacity-approvals`,
        headers: as('county'),
        payload: body,
      });
    for (const value of [5, 1.5, 60_000_000]) {
      const res = await approve({
        capacityTPerYear: value,
        approvalRef: '核定〔2026〕1号',
        approvedOn: '2026-12-01',
      });
      expect(res.statusCode, String(value)).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe('MINE_INVALID');
      expect(err.details).toMatchObject({ issues: [{ field: 'approvedCapacityTPerYear' }] });
    }
    const noRef = await approve({ capacityTPerYear: 600_000, approvalRef: '', approvedOn: '2026-12-01' });
    expect(errorOf(noRef).code).toBe('MINE_PROCESS_RECORD_INVALID');
    const unknown = await patch(mine.id, { colour: 'red' });
    expect(errorOf(unknown)).toMatchObject({ code: 'MINE_INVALID' });
    expect(errorOf(unknown).message).toContain('colour');
    expect(await stored(mine.id)).toEqual(before);

    // Through its process the fact changes, audited with the document it rests on.
    const ok = await approve({
      capacityTPerYear: 600_000,
      approvalRef: '核定〔2026〕1号',
      approvedOn: '2026-12-01',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await stored(mine.id)).approvedCapacityTPerYear).toBe(600_000);
    const appraisal = await app.inject({
      method: 'POST',
      url: `/api/mines/${mine.id}/gas-class-appraisals`,
      headers: as('county'),
      payload: { gasClass: 'high', reportRef: '鉴定报告〔2026〕8号', appraisedOn: '2026-11-30' },
    });
    expect(appraisal.statusCode, appraisal.body).toBe(200);
    expect((await stored(mine.id)).gasClass).toBe('high');
    const trail = await world.ports.audit.listByTarget('mine', mine.id);
    expect(trail.find((e) => e.action === 'mine.capacity_approval')?.after).toMatchObject({
      approvedCapacityTPerYear: 600_000,
      process: 'capacity_approval',
      basis: '核定〔2026〕1号 (2026-12-01)',
      via: 'session',
    });
    expect(trail.find((e) => e.action === 'mine.gas_class_appraisal')?.after).toMatchObject({
      gasClass: 'high',
    });
  });

  it('an illegal event for the current status → 403 MINE_STATUS_TRANSITION_NOT_ALLOWED, nothing changed', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    const res = await transition(mine.id, { event: 'complete_closure', reason: 'Closure verified' });
    expect(res.statusCode).toBe(403);
    const err = errorOf(res);
    expect(err.code).toBe('MINE_STATUS_TRANSITION_NOT_ALLOWED');
    expect(err.message).toContain('producing');
    expect(err.details).toMatchObject({
      from: 'producing',
      allowedEvents: expect.arrayContaining(['suspend']),
    });
    expect(await stored(mine.id)).toEqual(before);
    const history = await app.inject({ url: `/api/mines/${mine.id}/history`, headers: as('county') });
    expect(history.json()).toMatchObject({ statusChanges: [] });
  });

  it('a legal event changes the status; history shows reason and actor, the audit before/after', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const res = await transition(mine.id, {
      event: 'suspend',
      reason: '  井下瓦斯超限，责令停产整顿  ',
      basis: '示煤安停〔2026〕12号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mine: { id: mine.id, status: 'suspended' },
      change: { from: 'producing', to: 'suspended' },
    });

    const detail = await app.inject({ url: `/api/mines/${mine.id}`, headers: as('viewer') });
    expect(detail.json()).toMatchObject({ mine: { status: 'suspended', statusSince: world.clock.nowIso() } });

    const history = await app.inject({ url: `/api/mines/${mine.id}/history`, headers: as('viewer') });
    expect(history.statusCode).toBe(200);
    const h = history.json<{ statusChanges: unknown[]; audit: unknown[] }>();
    expect(h.statusChanges).toEqual([
      expect.objectContaining({
        from: 'producing',
        to: 'suspended',
        event: 'suspend',
        reason: '井下瓦斯超限，责令停产整顿',
        basis: '示煤安停〔2026〕12号',
        actorName: '张伟（区县监管）',
        at: world.clock.nowIso(),
      }),
    ]);
    expect(h.audit[0]).toMatchObject({
      action: 'mine.status.suspend',
      actorName: '张伟（区县监管）',
      before: { status: 'producing' },
      after: { status: 'suspended', reason: '井下瓦斯超限，责令停产整顿', basis: '示煤安停〔2026〕12号' },
    });

    // The way back goes through the lifecycle, not around it.
    const back = await transition(mine.id, { event: 'approve_resumption', reason: 'Skipping the review' });
    expect(errorOf(back).code).toBe('MINE_STATUS_TRANSITION_NOT_ALLOWED');
    expect((await stored(mine.id)).status).toBe('suspended');
  });

  it('a transition without a usable reason → 400, nothing changed', async () => {
    const mine = countyMine('producing', [province.mineOf('officer').id]);
    const before = await stored(mine.id);
    const missing = await transition(mine.id, { event: 'suspend' });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe('VALIDATION_FAILED');
    expect(errorOf(missing).message).toContain('reason');
    const blank = await transition(mine.id, { event: 'suspend', reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank).code).toBe('MINE_STATUS_REASON_REQUIRED');
    const unknownEvent = await transition(mine.id, { event: 'reopen', reason: 'Because' });
    expect(unknownEvent.statusCode).toBe(400);
    expect(errorOf(unknownEvent).message).toContain('event');
    expect(await stored(mine.id)).toEqual(before);
  });

  it('registers a mine (201) and refuses a taken code with 409 MINE_CODE_TAKEN', async () => {
    const facts = {
      code: '990102777777',
      name: '新登记煤矿',
      regionId: '990102',
      enterpriseId: null,
      approvedCapacityTPerYear: 600_000,
      gasClass: 'low',
      hasGasControlCapability: false,
      gasControlEvidence: null,
      gasControlCertifiedOn: null,
      approvedMaxUnderground: 150,
      operator: null,
      licenceNumber: null,
      licenceValidUntil: null,
      mechanisation: 'mechanised',
      latitude: null,
      longitude: null,
    };
    const res = await registerAsCounty({ facts });
    expect(res.statusCode, res.body).toBe(201);
    const { mine } = res.json<{ mine: MineItem }>();
    const get = await app.inject({ url: `/api/mines/${mine.id}`, headers: as('county') });
    expect(get.json()).toMatchObject({
      mine: { code: '990102777777', name: '新登记煤矿', status: 'producing' },
    });
    const taken = await registerAsCounty({ facts: { ...facts, name: '重复煤矿' } });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('MINE_CODE_TAKEN');
  });

  it('never registers (or imports) a producing outburst mine without certified gas-control capability', async () => {
    const code = '990102987651';
    const refused = await registerAsCounty({
      facts: mineFacts({
        code,
        name: '突出新登记煤矿',
        gasClass: 'outburst',
        hasGasControlCapability: false,
      }),
      initialStatus: 'producing',
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
    const csv = [
      'code,name,regionId,capacity,gasClass,approvedMaxUnderground,status',
      `${code},突出导入煤矿,990102,300000,outburst,80,producing`,
    ].join('\n');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/mines/import',
      headers: { ...as('county'), 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.json()).toMatchObject({ imported: 0, rejected: 1 });
    expect(await world.ports.mines.getByCode(code)).toBeUndefined();
  });

  it('never moves a high-gas mine without certified gas-control capability to producing', async () => {
    const code = '990102987650';
    const created = await registerAsCounty({
      facts: mineFacts({ code, name: '高瓦斯新井煤矿', gasClass: 'high', hasGasControlCapability: false }),
      initialStatus: 'construction',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ mine: { id: string } }>().mine.id;
    const done = await transition(id, { event: 'complete_construction', reason: '竣工验收' });
    expect(done.statusCode).toBe(409);
    expect(errorOf(done).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    expect((await world.ports.mines.get(id))!.status).toBe('construction');
  });
});
