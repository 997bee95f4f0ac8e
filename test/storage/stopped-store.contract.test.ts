import { expect, it } from 'vitest';
import type { StoppedAllowance } from '../../src/core/monitoring/stopped/stopped-allowances.ts';
import type { Order } from '../../src/core/orders/orders-ports.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

/** The stopped-mine store (migration 0020) and the orders' evacuation deadline, on every engine. */
describeEachEngine('stopped-mine store contract', (engine) => {
  const world = useWorld(engine, 20, { each: true });

  const allowance = (id: string, mineId: string, over: Partial<StoppedAllowance> = {}): StoppedAllowance => ({
    id,
    kind: 'watch_crew',
    mineId,
    mineName: '测试煤矿',
    regionPath: '/990000/',
    state: 'declared',
    crewSize: 3,
    roles: ['瓦斯检查工'],
    areaCodes: ['A01', 'A02'],
    systems: ['ventilation', 'drainage'],
    fromAt: '2026-12-05T00:00:00.000Z',
    toAt: null,
    supervisor: null,
    note: '',
    declaredAt: `2026-12-05T00:0${id.slice(-1)}:00.000Z`,
    declaredById: 'u-1',
    declaredByName: '孙浩',
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    decisionReason: null,
    ...over,
  });

  it('keeps declarations with their lists, newest first, and finds the approved ones', async () => {
    const [a, b] = world.province.mines;
    const s = world.ports.stopped;
    await s.insertAllowance(allowance('sta-1', a!.id));
    await s.insertAllowance(
      allowance('sta-2', a!.id, {
        kind: 'dismantling',
        toAt: '2026-12-06T00:00:00.000Z',
        supervisor: '王强',
        systems: [],
      }),
    );
    await s.insertAllowance(allowance('sta-3', b!.id));
    await s.updateAllowance({
      ...allowance('sta-1', a!.id),
      state: 'approved',
      decidedById: 'u-2',
      decidedAt: '2026-12-05T01:00:00.000Z',
    });
    expect((await s.listAllowancesOfMine(a!.id)).map((x) => x.id)).toEqual(['sta-2', 'sta-1']);
    expect(await s.getAllowance('sta-1')).toEqual({
      ...allowance('sta-1', a!.id),
      state: 'approved',
      decidedById: 'u-2',
      decidedAt: '2026-12-05T01:00:00.000Z',
    });
    expect((await s.listApproved()).map((x) => x.id)).toEqual(['sta-1']);
    expect(await s.listApproved(b!.id)).toEqual([]);
  });

  it('lists the evacuation deadlines of in-force orders over mines they affected and that are not lifted', async () => {
    const [a, b, c] = world.province.mines;
    const order = (id: string, status: Order['status'], evacuateBy: string | null): Order => ({
      id,
      number: `停〔2026〕${id}`,
      kind: 'suspend_mine',
      issuerId: 'u-1',
      issuerName: '张伟',
      legalBasis: '条例第48条',
      reason: '检查',
      regionId: null,
      regionPath: '/990000/',
      mineIds: [a!.id, b!.id, c!.id],
      effectiveAt: '2026-12-05T00:00:00.000Z',
      evacuateBy,
      status,
      createdAt: '2026-12-05T00:00:00.000Z',
      appliedAt: '2026-12-05T00:00:00.000Z',
      endedAt: null,
      noticeDate: null,
      noticeRef: null,
    });
    const o = world.ports.orders;
    await o.insertOrder(order('ord-1', 'in_force', '2026-12-05T00:30:00.000Z'));
    await o.insertOrder(order('ord-2', 'in_force', null));
    await o.insertOrder(order('ord-3', 'lifted', '2026-12-05T00:30:00.000Z'));
    expect((await o.getOrder('ord-1'))?.evacuateBy).toBe('2026-12-05T00:30:00.000Z');
    const row = (orderId: string, mineId: string, outcome: 'affected' | 'unaffected') => ({
      orderId,
      mineId,
      mineName: 'x',
      regionPath: '/990000/',
      outcome,
      fromStatus: 'producing' as const,
      note: '',
      liftedAt: null,
    });
    await o.insertOrderMines([
      row('ord-1', a!.id, 'affected'),
      row('ord-1', b!.id, 'unaffected'),
      row('ord-1', c!.id, 'affected'),
    ]);
    await o.insertOrderMines([row('ord-2', a!.id, 'affected'), row('ord-3', a!.id, 'affected')]);
    await o.liftOrderMine('ord-1', c!.id, '2026-12-05T00:10:00.000Z');
    expect(await world.ports.stopped.listEvacuations()).toEqual([
      {
        orderId: 'ord-1',
        mineId: a!.id,
        effectiveAt: '2026-12-05T00:00:00.000Z',
        evacuateBy: '2026-12-05T00:30:00.000Z',
      },
    ]);
    expect(await world.ports.stopped.listEvacuations(b!.id)).toEqual([]);
  });

  it('an empty people snapshot keeps its time (everyone out is evidence)', async () => {
    const [a] = world.province.mines;
    await world.ports.monitoring.replacePeople(a!.id, [], 1_796_428_800_000);
    expect(await world.ports.monitoring.peopleOfMine(a!.id)).toEqual({
      snapshotMs: 1_796_428_800_000,
      people: [],
    });
  });
});
