import { beforeAll, expect, it } from 'vitest';
import { errorOf, mineFacts, createCodeSource } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { asSession, loginAs, type Session, useTestApp, useWorld } from '../support/world.ts';
import { seedOnlineData } from './orders-support.ts';

type View = {
  id: string;
  status: string;
  resumesTo: string;
  openItems: string[];
  currentStep: { id: string; roles: string[] } | null;
  checklist: Array<{
    id: string;
    done: boolean;
    detail: string;
    detailCode: string;
    signedBy: { name: string } | null;
  }>;
  decision: { dueOn: string; daysLeft: number; overdue: boolean };
  notice: { dueOn: string; late: boolean } | null;
};

describeEachEngine('resumption acceptance as the law words it (ADR 0009)', (engine) => {
  const world = useWorld(engine, 60);
  const app = useTestApp(world);
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const u of ['county', 'city', 'leader', 'group', 'officer', 'bureau', 'govhead'])
      s[u] = await loginAs(app, u);
    const officer = world.province.users.find((u) => u.username === 'officer')!;
    if (officer.scope.kind !== 'mine') throw new Error('officer has a mine scope');
    ids.officer = officer.scope.mineId;
    const code = createCodeSource(world);
    for (const [key, facts, status] of [
      ['build', { gasClass: 'low', hasGasControlCapability: false }, 'construction'],
      [
        'gas',
        {
          gasClass: 'outburst',
          hasGasControlCapability: false,
          gasControlEvidence: null,
          gasControlCertifiedOn: null,
        },
        'suspended',
      ],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/mines',
        headers: asSession(s.county!),
        payload: {
          facts: mineFacts({ ...facts, code: code('990102'), name: `验收测试${key}煤矿` }),
          initialStatus: status,
        },
      });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json<{ mine: { id: string } }>().mine.id;
    }
    // The group and the leader who sign are those of the mine: the county assigns them to the new mines.
    const [leader, group] = [
      (await world.principal('leader')).userId,
      (await world.principal('group')).userId,
    ];
    const assigned = await app.inject({
      method: 'POST',
      url: '/api/supervision/bulk-assignments',
      headers: asSession(s.county!),
      payload: {
        mineIds: [ids.build, ids.gas],
        leaderUserId: leader,
        group: { leaderUserId: group, memberUserIds: [group] },
      },
    });
    expect(assigned.json()).toMatchObject({ done: 4, refused: 0 });
  }, 120_000);

  const post = (who: string, url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: asSession(s[who]!),
      payload: payload as Record<string, unknown>,
    });
  const sign = (who: string, id: string, item: string) =>
    post(who, `/api/orders/resumptions/${id}/sign-offs`, { item, note: `${who} 签字` });
  const suspend = async (mineId: string, number: string) => {
    const order = await post('county', '/api/orders', {
      number,
      kind: 'suspend_mine',
      legalBasis: '条例第48条',
      reason: '重大隐患',
      mineIds: [mineId],
    });
    expect(order.statusCode).toBe(201);
    return order.json<{ order: { id: string } }>().order.id;
  };
  /** What the page offers `who` on the application now. */
  const actionsOf = async (who: string, id: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/orders/resumptions/${id}`,
        headers: asSession(s[who]!),
      })
    ).json<{ resumption: { actions: Record<string, unknown> } }>().resumption.actions;
  const licenceOf = async (mineId: string) => (await world.ports.mines.get(mineId))?.licenceSuspension;

  it('officer applies → group → leader → department head → bureau → government head; each step refused out of order and to the wrong role', async () => {
    const before = await world.ports.mines.get(ids.officer!);
    expect(before?.licenceNumber).not.toBeNull();
    expect(before?.licenceSuspension).toBeNull();
    ids.order1 = await suspend(ids.officer!, '县停〔2026〕1号');
    // The stop order suspends the safety production licence, audited with the order's number.
    expect(await licenceOf(ids.officer!)).toEqual({
      orderNumber: '县停〔2026〕1号',
      since: world.clock.nowIso(),
    });
    const suspendedAudit = (await world.ports.audit.listByTarget('mine', ids.officer!)).filter(
      (e) => e.action === 'mine.licence_suspend',
    );
    expect(suspendedAudit).toHaveLength(1);
    expect(suspendedAudit[0]).toMatchObject({ actorName: '张伟（区县监管）' });
    // A regulator's PATCH of the facts leaves the suspension alone.
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/mines/${ids.officer}`,
      headers: asSession(s.county!),
      payload: { operator: '托管方甲' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await licenceOf(ids.officer!))?.orderNumber).toBe('县停〔2026〕1号');
    // The plain status route cannot take the resumption's edges.
    const shortcut = await post('county', `/api/mines/${ids.officer}/transitions`, {
      event: 'apply_resumption',
      reason: '跳过流程',
    });
    expect(errorOf(shortcut).code).toBe('MINE_STATUS_NEEDS_PROCESS');

    const applied = await post('officer', '/api/orders/resumptions', {
      mineId: ids.officer,
      note: '整改完毕，申请验收',
    });
    expect(applied.statusCode).toBe(201);
    const r = applied.json<{ resumption: View }>().resumption;
    expect(r).toMatchObject({
      resumesTo: 'producing',
      currentStep: { id: 'group_inspection', roles: ['group_member'] },
    });
    expect(r.decision).toEqual({ dueOn: '2026-12-25', daysLeft: 20, overdue: false });

    // Only the user whose step it is now is offered a button; the applicant and later signers are not.
    expect(await actionsOf('group', r.id)).toMatchObject({ sign: 'group_inspection', approve: false });
    expect(await actionsOf('leader', r.id)).toMatchObject({ sign: null, approve: false, reject: false });
    expect(await actionsOf('officer', r.id)).toMatchObject({ sign: null, reject: false });
    expect(await actionsOf('govhead', r.id)).toMatchObject({ sign: null, approve: false, reject: true });
    const early = await sign('leader', r.id, 'leader_signoff');
    expect(early.statusCode).toBe(409);
    expect(errorOf(early)).toMatchObject({
      code: 'RESUMPTION_STEP_OUT_OF_ORDER',
      details: { waitingFor: 'group_inspection' },
    });
    const wrongRole = await sign('group', r.id, 'leader_signoff');
    expect(wrongRole.statusCode).toBe(403);
    expect(errorOf(wrongRole).code).toBe('RESUMPTION_SIGNER_ROLE');
    const earlyApproval = await post('govhead', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意复产',
    });
    expect(errorOf(earlyApproval).code).toBe('RESUMPTION_STEP_OUT_OF_ORDER');

    expect((await sign('group', r.id, 'group_inspection')).statusCode).toBe(200);
    expect((await sign('leader', r.id, 'leader_signoff')).statusCode).toBe(200);
    const bureauTooEarly = await sign('bureau', r.id, 'bureau_review');
    expect(errorOf(bureauTooEarly)).toMatchObject({
      code: 'RESUMPTION_STEP_OUT_OF_ORDER',
      details: { waitingFor: 'department_head' },
    });
    // The department head's signature certifies the acceptance: not before the data says the mine is online.
    expect(await actionsOf('county', r.id)).toMatchObject({ sign: null, waitingForChecks: true });
    const offline = await sign('county', r.id, 'department_head');
    expect(offline.statusCode).toBe(409);
    expect(errorOf(offline).code).toBe('RESUMPTION_CHECKLIST_INCOMPLETE');
    await seedOnlineData(world, ids.officer!, 990_001);
    expect(await actionsOf('county', r.id)).toMatchObject({
      sign: 'department_head',
      waitingForChecks: false,
    });
    expect((await sign('county', r.id, 'department_head')).statusCode).toBe(200);
    const regulatorApproves = await post('county', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意复产',
    });
    expect(regulatorApproves.statusCode).toBe(403);
    expect(errorOf(regulatorApproves).code).toBe('RESUMPTION_SIGNER_ROLE');
    expect(await actionsOf('govhead', r.id)).toMatchObject({ approve: false });
    const signed = await sign('bureau', r.id, 'bureau_review');
    expect(await actionsOf('govhead', r.id)).toMatchObject({ approve: true, reject: true });
    expect(signed.json<{ resumption: View }>().resumption.currentStep?.id).toBe('government_approval');

    const ok = await post('govhead', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '验收合格，同意复产',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = ok.json<{ resumption: View }>().resumption;
    expect(v.status).toBe('approved');
    expect(v.checklist.find((c) => c.id === 'government_approval')).toMatchObject({ done: true });
    expect(v.checklist.find((c) => c.id === 'bureau_review')?.signedBy?.name).toBe('黄涛（矿山安全监察局）');
    expect((await world.ports.mines.get(ids.officer!))?.status).toBe('producing');
    const orders = await world.database.db
      .selectFrom('orders')
      .select(['number', 'status'])
      .where('number', '=', '县停〔2026〕1号')
      .execute();
    expect(orders[0]?.status).toBe('lifted');
    // Only the approved resumption restores the licence, audited.
    expect(await licenceOf(ids.officer!)).toBeNull();
    const restored = (await world.ports.audit.listByTarget('mine', ids.officer!)).filter(
      (e) => e.action === 'mine.licence_restore',
    );
    expect(restored[0]).toMatchObject({ actorName: expect.stringContaining('政府') as string });

    const notice = await post('county', `/api/orders/resumptions/${r.id}/notice`, {
      noticeDate: '2026-12-08',
      noticeRef: '县公告〔2026〕9号',
    });
    expect(notice.json<{ resumption: View }>().resumption.notice).toMatchObject({ late: false });
  });

  it('a mine suspended during construction returns to construction; the applicant may not sign or decide (audited)', async () => {
    await suspend(ids.build!, '县停〔2026〕2号');
    const applied = await post('county', '/api/orders/resumptions', { mineId: ids.build, note: '代为申请' });
    const r = applied.json<{ resumption: View }>().resumption;
    expect(r.resumesTo).toBe('construction');
    expect(r.checklist.find((c) => c.id === 'monitoring_online')).toMatchObject({
      detailCode: 'monitoring_no_points',
    });
    // The county applied: it is offered neither a refusal nor a signature on this application.
    expect((await actionsOf('county', r.id)).reject).toBe(false);
    expect((await sign('group', r.id, 'group_inspection')).statusCode).toBe(200);
    expect((await sign('leader', r.id, 'leader_signoff')).statusCode).toBe(200);
    await seedOnlineData(world, ids.build!, 990_002);
    const same = await sign('county', r.id, 'department_head');
    expect(same.statusCode).toBe(403);
    expect(errorOf(same)).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
      details: { attempted: 'resumption.sign', earlier: 'resumption.apply' },
    });
    const refusals = (await world.ports.audit.listByTarget('resumption', r.id)).filter(
      (e) => e.action === 'separation_of_duties.refused',
    );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ actorName: '张伟（区县监管）' });
    expect((await sign('city', r.id, 'department_head')).statusCode).toBe(200);
    expect((await sign('bureau', r.id, 'bureau_review')).statusCode).toBe(200);
    const ok = await post('govhead', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意恢复建设',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = await world.ports.mines.get(ids.build!);
    expect(mine?.status).toBe('construction');
  });

  it('an outburst mine without certified gas-control capability can never be approved; the department may reject', async () => {
    const applied = await post('county', '/api/orders/resumptions', { mineId: ids.gas, note: '申请' });
    const r = applied.json<{ resumption: View }>().resumption;
    expect(r.decision.daysLeft).toBe(20);
    const res = await post('govhead', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'approve',
      reason: '同意',
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('GAS_CONTROL_CAPABILITY_REQUIRED');
    const list = await app.inject({
      method: 'GET',
      url: '/api/orders/gas-control-violations',
      headers: asSession(s.county!),
    });
    const items = list.json<{ items: Array<{ mineId: string; status: string }> }>().items;
    expect(items.map((i) => i.mineId)).toContain(ids.gas);
    const rejected = await post('city', `/api/orders/resumptions/${r.id}/decision`, {
      decision: 'reject',
      reason: '无瓦斯治理能力',
    });
    expect(rejected.json<{ resumption: View }>().resumption.status).toBe('rejected');
    expect((await world.ports.mines.get(ids.gas!))?.status).toBe('suspended');
  });

  it('a suspension order is announced within 5 working days of issue (China Standard Time); overdue is flagged', async () => {
    type Detail = { notice: { dueOn: string; recordedOn: string | null; late: boolean } | null };
    const detail = async () =>
      (
        await app.inject({ method: 'GET', url: `/api/orders/${ids.order1}`, headers: asSession(s.county!) })
      ).json<Detail>();
    // Issued Saturday 2026-12-05 08:00 CST: five working days later is Friday 2026-12-11.
    expect((await detail()).notice).toEqual({ dueOn: '2026-12-11', recordedOn: null, late: false });
    const start = world.clock.nowIso();
    try {
      world.clock.set('2026-12-11T16:30:00.000Z'); // Saturday 00:30 CST: the due day has passed
      for (const u of ['county', 'officer']) s[u] = await loginAs(app, u); // sessions expired meanwhile
      expect((await detail()).notice?.late).toBe(true);
      const listed = await app.inject({ method: 'GET', url: '/api/orders', headers: asSession(s.county!) });
      const row = listed
        .json<{ orders: Array<{ id: string; notice: { late: boolean } | null }> }>()
        .orders.find((o) => o.id === ids.order1);
      expect(row?.notice?.late).toBe(true);

      const notice = (who: string, body: Record<string, string>) =>
        post(who, `/api/orders/${ids.order1}/notice`, body);
      expect((await notice('officer', { noticeDate: '2026-12-10', noticeRef: '公告' })).statusCode).toBe(403);
      const future = await notice('county', { noticeDate: '2026-12-13', noticeRef: '县公告〔2026〕3号' });
      expect(errorOf(future)).toMatchObject({ code: 'ORDER_NOTICE_INVALID' });
      const early = await notice('county', { noticeDate: '2026-12-01', noticeRef: '县公告〔2026〕3号' });
      expect(errorOf(early).code).toBe('ORDER_NOTICE_INVALID');
      expect((await detail()).notice?.recordedOn).toBeNull();

      const ok = await notice('county', { noticeDate: '2026-12-10', noticeRef: '县公告〔2026〕3号' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<Detail>().notice).toEqual({
        dueOn: '2026-12-11',
        recordedOn: '2026-12-10',
        late: false,
      });
      const audit = (await world.ports.audit.listByTarget('order', ids.order1!)).filter(
        (e) => e.action === 'order.notice',
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.after).toMatchObject({ noticeDate: '2026-12-10', via: 'session' });
    } finally {
      world.clock.set(start);
    }
  });
});
