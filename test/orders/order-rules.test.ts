import { describe, expect, it } from 'vitest';
import { itTransitions } from '../support/transition-table.ts';
import {
  addWorkingDays,
  decisionDeadline,
  judgeMineForOrder,
  noticeDeadline,
  transitionOrder,
  transitionResumption,
  type OrderEvent,
} from '../../src/core/orders/order-rules.ts';
import {
  currentResumptionStep,
  evaluateChecklist,
  longestGapMinutes,
  violatesGasControlRule,
} from '../../src/core/orders/resumption-checklist.ts';
import type { OrderKind, OrderStatus } from '../../src/core/orders/orders-ports.ts';
import type { MineStatus } from '../../src/core/registry/types.ts';

const NOW = '2026-12-05T08:00:00.000Z';

describe('which mines an order affects', () => {
  const cases: Array<[OrderKind, MineStatus, boolean]> = [
    ['stop_work', 'construction', true],
    ['stop_work', 'producing', true],
    ['stop_work', 'resumption_review', true],
    ['stop_work', 'suspended', false],
    ['stop_work', 'closing', false],
    ['stop_work', 'closed', false],
    ['suspend_mine', 'producing', true],
    ['close_mine', 'suspended', true],
    ['close_mine', 'closed', false],
    ['lift', 'suspended', false],
  ];
  for (const [kind, status, affected] of cases) {
    it(`${kind} on a ${status} mine → ${affected ? 'affected' : 'unaffected'}`, () => {
      const j = judgeMineForOrder(kind, status);
      expect(j.affected).toBe(affected);
      if (!j.affected && status === 'suspended' && kind === 'stop_work')
        expect(j.why).toBe('already suspended');
    });
  }
});

describe('order status machine', () => {
  const cases: Array<[OrderStatus, OrderEvent, OrderStatus | 'error']> = [
    ['scheduled', 'take_effect', 'in_force'],
    ['in_force', 'lift', 'lifted'],
    ['in_force', 'supersede', 'superseded'],
    ['scheduled', 'supersede', 'superseded'],
    ['lifted', 'lift', 'error'],
    ['in_force', 'take_effect', 'error'],
    ['superseded', 'lift', 'error'],
  ];
  itTransitions(cases, (from, event) => transitionOrder(from, event, NOW).state, /cannot take/);
  it('taking effect asks for the order to be applied to its mines', () => {
    expect(transitionOrder('scheduled', 'take_effect', NOW).effects[0]).toEqual({ kind: 'apply-to-mines' });
  });
});

describe('resumption status machine', () => {
  it('approve → approved, mine approve_resumption; a decided application cannot be decided again', () => {
    const t = transitionResumption('pending', 'approve', NOW);
    expect(t.state).toBe('approved');
    expect(t.effects).toEqual([{ kind: 'mine-status', event: 'approve_resumption' }]);
    expect(transitionResumption('pending', 'reject', NOW).effects[0]?.event).toBe('reject_resumption');
    expect(() => transitionResumption('approved', 'reject', NOW)).toThrow(/already approved/);
  });
});

describe('deadlines', () => {
  it('decision due 20 days after the application, days left then overdue', () => {
    expect(decisionDeadline('2026-12-05T08:00:00Z', null, '2026-12-05T09:00:00Z')).toEqual({
      dueOn: '2026-12-25',
      daysLeft: 20,
      overdue: false,
    });
    expect(decisionDeadline('2026-12-05T08:00:00Z', null, '2026-12-27T09:00:00Z')).toMatchObject({
      daysLeft: -2,
      overdue: true,
    });
  });
  const wd: Array<[string, string]> = [
    ['2026-12-07', '2026-12-14'], // Monday → next Monday
    ['2026-12-04', '2026-12-11'], // Friday → next Friday
    ['2026-12-05', '2026-12-11'], // Saturday → Friday
  ];
  for (const [from, due] of wd)
    it(`5 working days after ${from} is ${due}`, () => expect(addWorkingDays(from, 5)).toBe(due));
  it('a notice after the fifth working day is late', () => {
    expect(noticeDeadline('2026-12-07T10:00:00Z', '2026-12-14', NOW).late).toBe(false);
    expect(noticeDeadline('2026-12-07T10:00:00Z', '2026-12-15', NOW).late).toBe(true);
    expect(noticeDeadline('2026-12-07T10:00:00Z', null, '2026-12-15T00:00:00Z').late).toBe(true);
  });
});

describe('checklist', () => {
  const base = {
    gasClass: 'low' as const,
    hasGasControlCapability: false,
    openHazards: 0,
    dataMinutes: [] as number[],
    periodFromMs: 0,
    monitoringSinceMs: 0 as number | null,
    nowMs: 60 * 60_000,
    lastPersonnelMs: 60 * 60_000,
    signOffs: [],
  };
  it('a missing hazard check blocks, never passes silently', () => {
    const item = evaluateChecklist({ ...base, openHazards: null }).find((c) => c.id === 'hazards_closed');
    expect(item?.done).toBe(false);
    expect(item?.detail).toContain('hazard check not available');
  });
  it('the gas-control item applies only to high-gas and outburst mines', () => {
    expect(evaluateChecklist(base).some((c) => c.id === 'gas_control')).toBe(false);
    expect(
      evaluateChecklist({ ...base, gasClass: 'outburst' }).find((c) => c.id === 'gas_control')?.done,
    ).toBe(false);
  });
  it('data gaps: the longest silence in the period', () => {
    const minutes = Array.from({ length: 60 }, (_, i) => i * 60_000).filter(
      (m) => m < 10 * 60_000 || m >= 40 * 60_000,
    );
    expect(longestGapMinutes(minutes, 0, 60 * 60_000)).toBe(30);
    expect(
      evaluateChecklist(
        { ...base, dataMinutes: minutes },
        { periodMinutes: 60, maxGapMinutes: 15, personnelMaxAgeMinutes: 15 },
      ).find((c) => c.id === 'monitoring_online')?.done,
    ).toBe(false);
  });
  it('monitoring: no point connected, or connected without data, never passes', () => {
    const online = (f: Partial<typeof base> & { lastReadingMs?: number | null }) =>
      evaluateChecklist(
        { ...base, ...f },
        { periodMinutes: 60, maxGapMinutes: 15, personnelMaxAgeMinutes: 15 },
      ).find((c) => c.id === 'monitoring_online')!;
    expect(online({ monitoringSinceMs: null })).toMatchObject({
      done: false,
      detail: 'no monitoring points connected',
    });
    expect(online({ periodFromMs: 55 * 60_000 }).done).toBe(false);
    // Connected 5 minutes ago, the newest reading 20 s ago and not aggregated yet: online since connection.
    expect(online({ periodFromMs: 55 * 60_000, lastReadingMs: 60 * 60_000 - 20_000 })).toMatchObject({
      done: true,
      detail: 'data for the last 5 min, longest gap 4 min',
    });
    // The first poll stamped (data time) 1.5 s before the points were registered, read 8 s later: online.
    expect(
      online({ periodFromMs: 52 * 60_000 + 1_500, nowMs: 52 * 60_000 + 9_500, lastReadingMs: 52 * 60_000 }),
    ).toMatchObject({ done: true, detail: 'data for the last 0 min, longest gap 0 min' });
    // A reading whose minute ended before the period began does not count.
    expect(online({ periodFromMs: 55 * 60_000, lastReadingMs: 54 * 60_000 - 1 }).done).toBe(false);
  });
  it('the chain: each step in turn, then the decision', () => {
    const steps = evaluateChecklist(base)
      .filter((c) => c.how !== 'auto')
      .map((c) => [c.id, c.roles]);
    expect(steps).toEqual([
      ['group_inspection', ['group_member']],
      ['leader_signoff', ['leader']],
      ['department_head', ['province_regulator', 'city_regulator', 'county_regulator']],
      ['bureau_review', ['mine_safety_bureau']],
      ['government_approval', ['government_head']],
    ]);
    expect(currentResumptionStep(new Set())?.id).toBe('group_inspection');
    expect(currentResumptionStep(new Set(['group_inspection', 'leader_signoff']))?.id).toBe(
      'department_head',
    );
    expect(
      currentResumptionStep(
        new Set(['group_inspection', 'leader_signoff', 'department_head', 'bureau_review']),
      )?.id,
    ).toBe('government_approval');
  });
  it('gas-control rule', () => {
    expect(violatesGasControlRule({ gasClass: 'high', hasGasControlCapability: false })).toBe(true);
    expect(violatesGasControlRule({ gasClass: 'outburst', hasGasControlCapability: true })).toBe(false);
    expect(violatesGasControlRule({ gasClass: 'low', hasGasControlCapability: false })).toBe(false);
  });
});
