import { describe, expect, it } from 'vitest';
import { itTransitions } from '../support/transition-table.ts';
import {
  caseTypeForAlarmRule,
  progressOf,
  rulesTargeting,
  transitionCase,
  transitionStep,
  type CaseEvent,
  type StepEvent,
} from '../../src/core/closure/closure-rules.ts';
import type {
  CaseStatus,
  Closure,
  ClosureStepState,
  ClosureTarget,
} from '../../src/core/closure/closure-types.ts';

describe('closure target rules', () => {
  const cases: Array<[string, Parameters<typeof rulesTargeting>[0], boolean, string[]]> = [
    [
      '299,999 t/yr',
      {
        approvedCapacityTPerYear: 299_999,
        gasClass: 'low',
        hasGasControlCapability: false,
        status: 'producing',
      },
      false,
      ['capacity_below_300kt'],
    ],
    [
      'exactly 300,000 t/yr is not small',
      {
        approvedCapacityTPerYear: 300_000,
        gasClass: 'low',
        hasGasControlCapability: false,
        status: 'producing',
      },
      false,
      [],
    ],
    [
      'high-gas without capability',
      {
        approvedCapacityTPerYear: 900_000,
        gasClass: 'high',
        hasGasControlCapability: false,
        status: 'producing',
      },
      false,
      ['gas_without_capability'],
    ],
    [
      'outburst with capability',
      {
        approvedCapacityTPerYear: 900_000,
        gasClass: 'outburst',
        hasGasControlCapability: true,
        status: 'suspended',
      },
      false,
      [],
    ],
    [
      'on the policy list',
      {
        approvedCapacityTPerYear: 900_000,
        gasClass: 'low',
        hasGasControlCapability: false,
        status: 'producing',
      },
      true,
      ['policy_list'],
    ],
    [
      'all three',
      {
        approvedCapacityTPerYear: 120_000,
        gasClass: 'outburst',
        hasGasControlCapability: false,
        status: 'closing',
      },
      true,
      ['capacity_below_300kt', 'gas_without_capability', 'policy_list'],
    ],
    [
      'closed mines are no longer candidates',
      {
        approvedCapacityTPerYear: 120_000,
        gasClass: 'high',
        hasGasControlCapability: false,
        status: 'closed',
      },
      true,
      [],
    ],
  ];
  for (const [name, mine, listed, expected] of cases)
    it(name, () => expect(rulesTargeting(mine, listed)).toEqual(expected));
});

describe('closure step machine', () => {
  const table: Array<[ClosureStepState, StepEvent, ClosureStepState | 'error']> = [
    ['pending', 'record', 'recorded'],
    ['rejected', 'record', 'recorded'],
    ['recorded', 'record', 'error'],
    ['verified', 'record', 'error'],
    ['pending', 'verify', 'error'],
    ['recorded', 'verify', 'verified'],
    ['verified', 'verify', 'error'],
    ['rejected', 'verify', 'error'],
    ['recorded', 'reject', 'rejected'],
    ['pending', 'reject', 'error'],
    ['verified', 'reject', 'error'],
  ];
  itTransitions(
    table,
    (from, event) => transitionStep(from, event, [{ state: 'pending' }]).state,
    expect.objectContaining({ code: 'CLOSURE_STEP_TRANSITION_NOT_ALLOWED' }),
  );

  it('completes the closure only when the verified step is the last unverified one', () => {
    const five = Array.from({ length: 5 }, () => ({ state: 'verified' as const }));
    expect(transitionStep('recorded', 'verify', five).effects).toEqual([{ kind: 'complete-closure' }]);
    expect(transitionStep('recorded', 'verify', [...five.slice(1), { state: 'recorded' }]).effects).toEqual(
      [],
    );
    expect(transitionStep('recorded', 'reject', five).effects).toEqual([]);
    expect(transitionStep('pending', 'record', five).effects).toEqual([]);
  });
});

describe('case machine', () => {
  const table: Array<[CaseStatus, CaseEvent, CaseStatus | 'error']> = [
    ['open', 'investigate', 'investigating'],
    ['investigating', 'decide', 'decided'],
    ['decided', 'close', 'closed'],
    ['open', 'decide', 'error'],
    ['open', 'close', 'error'],
    ['investigating', 'close', 'error'],
    ['closed', 'investigate', 'error'],
    ['decided', 'investigate', 'error'],
  ];
  itTransitions(
    table,
    (from, event) => transitionCase(from, event).state,
    expect.objectContaining({ code: 'CASE_TRANSITION_NOT_ALLOWED' }),
  );

  it('maps evidence alarms to case types and refuses others', () => {
    expect(caseTypeForAlarmRule('suspected_tampering')).toBe('data_tampering');
    expect(caseTypeForAlarmRule('activity_in_stopped_mine')).toBe('evasion_of_supervision');
    expect(caseTypeForAlarmRule('people_in_stopped_mine')).toBe('evasion_of_supervision');
    expect(() => caseTypeForAlarmRule('over_limit')).toThrow(
      expect.objectContaining({ code: 'CASE_ALARM_NOT_EVIDENCE' }),
    );
  });
});

describe('progress against a district target', () => {
  const target: ClosureTarget = {
    id: 't',
    regionId: '990102',
    regionPath: '/990000/990100/990102/',
    regionName: 'X',
    deadline: '2026-12-31',
    minesToClose: 3,
    capacityToWithdrawTPerYear: 600_000,
    note: '',
    createdById: 'u',
    createdByName: 'u',
    createdAt: '2026-01-01T00:00:00Z',
  };
  const closure = (id: string, path: string, cap: number, closedAt: string | null): Closure => ({
    id,
    mineId: id,
    mineName: id,
    regionPath: path,
    capacityTPerYear: cap,
    reason: 'r',
    basis: null,
    attachedToExisting: false,
    status: closedAt ? 'closed' : 'in_progress',
    createdById: 'u',
    createdByName: 'u',
    createdAt: '2026-01-01T00:00:00Z',
    closedAt,
  });
  const closures = [
    closure('a', '/990000/990100/990102/', 150_000, '2026-06-01T00:00:00Z'),
    closure('b', '/990000/990100/990102/', 200_000, '2026-12-31T23:00:00Z'),
    closure('c', '/990000/990100/990102/', 250_000, '2027-01-01T00:00:01Z'), // after the deadline
    closure('d', '/990000/990100/990102/', 90_000, null),
    closure('e', '/990000/990100/990103/', 500_000, '2026-02-01T00:00:00Z'), // another county
  ];

  it('counts mines closed by the end of the deadline day in the district, and their capacity', () => {
    const p = progressOf(target, closures, '2026-12-01T00:00:00Z');
    expect(p).toMatchObject({
      minesClosed: 2,
      capacityWithdrawnTPerYear: 350_000,
      minesInProgress: 1,
      minesPercent: 66,
      capacityPercent: 58,
      met: false,
      overdue: false,
    });
  });

  it('is overdue once the deadline passed unmet, and met when both measures are reached', () => {
    expect(progressOf(target, closures, '2027-01-01T00:00:00Z').overdue).toBe(true);
    const more = [...closures, closure('f', '/990000/990100/990102/', 300_000, '2026-11-01T00:00:00Z')];
    const p = progressOf(target, more, '2027-02-01T00:00:00Z');
    expect(p).toMatchObject({
      minesClosed: 3,
      capacityWithdrawnTPerYear: 650_000,
      met: true,
      overdue: false,
      minesPercent: 100,
      capacityPercent: 100,
    });
  });
});
