import { describe, expect, it } from 'vitest';
import { chainOf, gradeAccident, type AccidentGrade } from '../../src/core/accidents/accident-grading.ts';
import {
  planSupplement,
  supplementWindow,
  type SupplementInput,
} from '../../src/core/accidents/accident-supplements.ts';
import type { Accident } from '../../src/core/accidents/accident-types.ts';

const M = 1_000_000;

// Missing persons (失踪) count with the dead at every deaths boundary of Order 493 art. 3.
const WITH_MISSING: Array<[string, { deaths: number; missing: number }, AccidentGrade]> = [
  ['0 dead, 1 missing', { deaths: 0, missing: 1 }, 'general'],
  ['2 dead, 0 missing', { deaths: 2, missing: 0 }, 'general'],
  ['2 dead, 1 missing', { deaths: 2, missing: 1 }, 'larger'],
  ['0 dead, 3 missing', { deaths: 0, missing: 3 }, 'larger'],
  ['7 dead, 2 missing', { deaths: 7, missing: 2 }, 'larger'],
  ['7 dead, 3 missing', { deaths: 7, missing: 3 }, 'major'],
  ['20 dead, 9 missing', { deaths: 20, missing: 9 }, 'major'],
  ['20 dead, 10 missing', { deaths: 20, missing: 10 }, 'especially_major'],
];

describe('Order 493 grading with missing persons', () => {
  it.each(WITH_MISSING)('%s → %s', (_n, figures, grade) => {
    const j = gradeAccident({ ...figures, seriousInjuries: 0, directLossCny: 0 });
    expect(j.grade).toBe(grade);
    expect(j.by).toEqual(['deaths']);
  });

  it('an accident without a missing count grades on its deaths alone (imported data)', () => {
    expect(gradeAccident({ deaths: 2, seriousInjuries: 0, directLossCny: 0 }).grade).toBe('general');
  });
});

const accident = (over: Partial<Accident> = {}): Accident => ({
  id: 'acc-1',
  mineId: 'm-1',
  mineName: '测试煤矿',
  regionPath: '/990000/',
  country: 'CN',
  // 2026-11-01 10:00 CST
  occurredAt: '2026-11-01T02:00:00.000Z',
  type: '顶板',
  deaths: 1,
  missing: 0,
  seriousInjuries: 2,
  minorInjuries: 0,
  directLossCny: 1 * M,
  grade: 'general',
  regradedAt: null,
  description: '',
  source: 'recorded',
  externalRef: null,
  investigationState: 'investigating',
  investigationDueOn: '2026-12-31',
  findings: null,
  reportSubmittedAt: null,
  closedAt: null,
  createdAt: '2026-11-01T03:00:00.000Z',
  createdById: 'u-county',
  createdByName: '县局',
  ...over,
});

const change = (over: Partial<SupplementInput> = {}): SupplementInput => ({
  changedAt: '2026-11-10T02:00:00.000Z',
  deaths: 1,
  missing: 0,
  seriousInjuries: 2,
  directLossCny: 1 * M,
  reason: '伤员救治无效死亡',
  ...over,
});
const NOW = '2027-01-15T00:00:00.000Z';

describe('the supplement window (Order 493 art. 13), counted in China Standard Time', () => {
  // The accident happened on 2026-11-01 (CST); the first day is not counted, so 30 days end with 12-01.
  it.each([
    ['顶板', 30, '2026-12-01', '2026-12-01T16:00:00.000Z'],
    ['瓦斯爆炸', 30, '2026-12-01', '2026-12-01T16:00:00.000Z'],
    ['火灾', 7, '2026-11-08', '2026-11-08T16:00:00.000Z'],
    ['道路交通事故', 7, '2026-11-08', '2026-11-08T16:00:00.000Z'],
    ['fire', 7, '2026-11-08', '2026-11-08T16:00:00.000Z'],
    ['firedamp explosion', 30, '2026-12-01', '2026-12-01T16:00:00.000Z'],
  ])('a %s accident: %i days, last day %s', (type, days, lastDay, closesAt) => {
    expect(supplementWindow('2026-11-01T02:00:00.000Z', type)).toMatchObject({ days, lastDay, closesAt });
  });

  it('takes the CST day of the accident, not the UTC one (23:30 CST is still that day)', () => {
    // 2026-11-01 23:30 CST = 2026-11-01T15:30Z; 00:30 CST on 11-02 = 2026-11-01T16:30Z (same UTC day).
    expect(supplementWindow('2026-11-01T15:30:00.000Z', '顶板').lastDay).toBe('2026-12-01');
    expect(supplementWindow('2026-11-01T16:30:00.000Z', '顶板').lastDay).toBe('2026-12-02');
  });

  it.each([
    ['the last minute of the 30th day (23:59 CST)', '2026-12-01T15:59:59.999Z', true],
    ['the first instant after it (00:00 CST)', '2026-12-01T16:00:00.000Z', false],
  ])('a 30-day change at %s is %s', (_n, changedAt, accepted) => {
    const run = () => planSupplement(accident(), null, change({ changedAt, deaths: 3, missing: 0 }), NOW);
    if (accepted) expect(run().accident.deaths).toBe(3);
    else
      expect(run).toThrow(
        expect.objectContaining({
          code: 'ACCIDENT_SUPPLEMENT_WINDOW_CLOSED',
          details: expect.objectContaining({ lastDay: '2026-12-01', windowDays: 30 }),
        }),
      );
  });

  it.each([
    ['2026-11-08T15:59:00.000Z', true],
    ['2026-11-08T16:00:00.000Z', false],
  ])('a fire accident changed at %s: accepted %s', (changedAt, accepted) => {
    const run = () => planSupplement(accident({ type: '火灾' }), null, change({ changedAt, deaths: 2 }), NOW);
    if (accepted) expect(run().supplement.after.deaths).toBe(2);
    else expect(run).toThrow(expect.objectContaining({ code: 'ACCIDENT_SUPPLEMENT_WINDOW_CLOSED' }));
  });

  it('judges the change time, not the input time: a day-29 death entered on day 75 is accepted', () => {
    const plan = planSupplement(
      accident(),
      null,
      change({ changedAt: '2026-11-30T02:00:00.000Z', deaths: 2 }),
      NOW,
    );
    expect(plan.supplement).toMatchObject({ changedAt: '2026-11-30T02:00:00.000Z', recordedAt: NOW });
  });
});

describe('a supplement re-grades the accident and moves the investigation level', () => {
  it.each([
    ['1 → 3 deaths', { deaths: 3 }, 'larger', 'county', 'city'],
    ['1 dead + 2 missing', { missing: 2 }, 'larger', 'county', 'city'],
    ['1 → 10 deaths', { deaths: 10 }, 'major', 'county', 'province'],
    ['1 → 30 deaths', { deaths: 30 }, 'especially_major', 'county', 'State Council'],
    ['loss to CNY 12 M', { directLossCny: 12 * M }, 'larger', 'county', 'city'],
  ] as const)('%s → %s (investigation %s → %s)', (_n, over, grade, leadBefore, leadAfter) => {
    const plan = planSupplement(accident(), null, change(over), NOW);
    expect(plan.accident).toMatchObject({ grade, regradedAt: NOW });
    expect(plan.supplement).toMatchObject({ gradeBefore: 'general', gradeAfter: grade });
    expect(plan.regrade?.before.investigationLead).toBe(leadBefore);
    expect(plan.regrade?.after.investigationLead).toBe(leadAfter);
    expect(chainOf(plan.accident.grade).investigationLead).toBe(leadAfter);
  });

  it('a change within the grade keeps the grade and is no re-grade', () => {
    const plan = planSupplement(accident(), null, change({ deaths: 2, seriousInjuries: 5 }), NOW);
    expect(plan.accident).toMatchObject({
      deaths: 2,
      seriousInjuries: 5,
      grade: 'general',
      regradedAt: null,
    });
    expect(plan.regrade).toBeNull();
  });

  it('a missing person found alive lowers the count and the grade with it', () => {
    const a = accident({ deaths: 2, missing: 1, grade: 'larger' });
    const plan = planSupplement(a, null, change({ deaths: 2, missing: 0 }), NOW);
    expect(plan.accident.grade).toBe('general');
    expect(plan.regrade?.after.investigationLead).toBe('county');
  });
});

describe('a supplement is refused when it cannot stand', () => {
  it.each([
    ['before the accident', { changedAt: '2026-11-01T01:59:00.000Z' }, 'ACCIDENT_SUPPLEMENT_TIME_INVALID'],
    ['in the future', { changedAt: '2027-01-16T00:00:00.000Z' }, 'ACCIDENT_SUPPLEMENT_TIME_INVALID'],
    ['not a time', { changedAt: 'yesterday' }, 'ACCIDENT_SUPPLEMENT_TIME_INVALID'],
    ['the same figures', {}, 'ACCIDENT_SUPPLEMENT_NO_CHANGE'],
    ['no reason', { deaths: 2, reason: ' ' }, 'ACCIDENT_SUPPLEMENT_INVALID'],
    ['negative missing', { missing: -1 }, 'ACCIDENT_SUPPLEMENT_INVALID'],
  ] as const)('%s', (_n, over, code) => {
    expect(() => planSupplement(accident(), null, change(over), NOW)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('a change dated before the latest supplement is refused', () => {
    expect(() => planSupplement(accident(), '2026-11-20T00:00:00.000Z', change({ deaths: 4 }), NOW)).toThrow(
      expect.objectContaining({ code: 'ACCIDENT_SUPPLEMENT_TIME_INVALID' }),
    );
  });
});
