import { describe, expect, it } from 'vitest';
import { CRITERIA_2015 } from '../../src/core/hazards/criteria-2015.ts';
import { CRITERIA_2020 } from '../../src/core/hazards/criteria-2020.ts';
import {
  citeCriteriaItemZh,
  findCriteriaItem,
  gradingEdition,
  selectCriteriaEdition,
} from '../../src/core/hazards/criteria.ts';
import {
  HAZARD_TRANSITIONS,
  transitionHazard,
  type HazardEvent,
} from '../../src/core/hazards/hazard-lifecycle.ts';
import {
  missingPlanFields,
  overdueEscalation,
  quarterOf,
  raiseEscalation,
  requireCompletePlan,
  threeMonthsBefore,
} from '../../src/core/hazards/hazard-rules.ts';
import { HAZARD_STATES, type HazardState } from '../../src/core/hazards/hazard-types.ts';

const NOW = '2026-12-05T00:00:00.000Z';

describe('major-hazard criteria as data', () => {
  it('2020: 15 categories, arts. 4–18, with the sub-item counts of domain §4.1', () => {
    expect(CRITERIA_2020.categories.map((c) => c.article)).toEqual(
      Array.from({ length: 15 }, (_, i) => `art. ${i + 4}`),
    );
    const counts = CRITERIA_2020.categories.map(
      (c) => CRITERIA_2020.items.filter((i) => i.category === c.no).length,
    );
    expect(counts).toEqual([6, 3, 7, 2, 10, 9, 3, 5, 4, 6, 3, 4, 5, 3, 11]);
  });

  it.each([
    ['2020-15-8', 'MEM order 4 (2020) art. 18(8)', /belt/i],
    ['2020-1-1', 'MEM order 4 (2020) art. 4(1)', /10 %/],
    ['2020-5-9', 'MEM order 4 (2020) art. 8(9)', /dual fans/],
    ['2015-13-1', 'SAWS order 85 (2015) art. 16(1)', /托管/],
    ['2015-4-3', 'SAWS order 85 (2015) art. 7(3)', /shielded/],
  ])('%s cites %s', (id, source, text) => {
    const item = findCriteriaItem(id);
    expect(item?.source).toBe(source);
    expect(item?.textEn).toMatch(text);
  });

  it.each([
    ['2020-1-6', '《煤矿重大事故隐患判定标准》（应急管理部令第4号）第四条第（六）项'],
    ['2020-15-8', '《煤矿重大事故隐患判定标准》（应急管理部令第4号）第十八条第（八）项'],
    ['2020-5-9', '《煤矿重大事故隐患判定标准》（应急管理部令第4号）第八条第（九）项'],
    [
      '2015-13-1',
      '《煤矿重大生产安全事故隐患判定标准》（国家安全生产监督管理总局令第85号）第十六条第（一）项',
    ],
  ])('%s is cited in Chinese as %s', (id, cite) => {
    expect(citeCriteriaItemZh(findCriteriaItem(id)!)).toBe(cite);
  });

  it('every row cites its source; only art. 18(11) is marked unconfirmed', () => {
    for (const i of [...CRITERIA_2020.items, ...CRITERIA_2015.items])
      expect(i.source).toMatch(/order \d+ \(\d{4}\) art\. \d+\(\d+\)/);
    expect(CRITERIA_2020.items.filter((i) => i.unconfirmed).map((i) => i.id)).toEqual(['2020-15-11']);
    expect(CRITERIA_2015.items.filter((i) => i.category === 15)).toHaveLength(4);
  });

  it.each([
    ['2014-06-30', null],
    ['2015-12-03', '2015'],
    ['2020-12-31', '2015'],
    ['2021-01-01', '2020'],
    ['2026-06-30', '2020'],
    ['2026-07-01', '2026'],
    ['2026-12-05', '2026'],
  ])('on %s the edition in force is %s', (date, edition) => {
    expect(selectCriteriaEdition(date)?.edition ?? null).toBe(edition);
  });

  it.each([
    ['2020-12-31', '2015', '2015', false],
    ['2026-06-30', '2020', '2020', false],
    ['2026-07-01', '2026', '2020', true],
  ])('on %s %s is in force and %s grades (stand-in: %s)', (date, inForce, grading, standIn) => {
    expect(gradingEdition(date)).toMatchObject({
      inForce: { edition: inForce },
      grading: { edition: grading },
      standIn,
    });
  });

  it('knows the 2026 revision (MEM order 21, in force 2026-07-01) without encoding its unconfirmed text', () => {
    const e = selectCriteriaEdition('2026-07-01')!;
    expect(e).toMatchObject({ order: 'MEM order 21 (2026)', coverage: 'not_encoded', items: [] });
    expect(e.unconfirmed?.length).toBeGreaterThan(0);
  });
});

describe('hazard lifecycle table', () => {
  const allowed: Array<[HazardState, HazardEvent, HazardState]> = [
    ['reported', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['assigned', 'start_rectifying', 'rectifying'],
    ['rectifying', 'submit_for_verification', 'awaiting_verification'],
    ['awaiting_verification', 'reject', 'rectifying'],
    ['awaiting_verification', 'verify_and_close', 'closed'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(transitionHazard(from, { event, reason: 'not good enough' }, NOW).state).toBe(to);
  });

  const events = HAZARD_TRANSITIONS.map((t) => t.event);
  const forbidden = HAZARD_STATES.flatMap((s) =>
    events.filter((e) => !allowed.some(([f, ev]) => f === s && ev === e)).map((e) => [s, e] as const),
  );
  it.each(forbidden)('%s cannot take %s', (from, event) => {
    expect(() => transitionHazard(from, { event, reason: 'x' }, NOW)).toThrow(
      expect.objectContaining({ code: 'HAZARD_TRANSITION_NOT_ALLOWED' }),
    );
  });

  it('a closed hazard takes no step at all', () => {
    expect(forbidden.filter(([s]) => s === 'closed')).toHaveLength(events.length);
  });

  it('rejection needs a reason; closing emits the close-listing effect', () => {
    expect(() => transitionHazard('awaiting_verification', { event: 'reject', reason: '  ' }, NOW)).toThrow(
      expect.objectContaining({ code: 'HAZARD_REASON_REQUIRED' }),
    );
    expect(
      transitionHazard('awaiting_verification', { event: 'verify_and_close' }, NOW).effects,
    ).toContainEqual({
      kind: 'close-listing',
    });
  });
});

describe('the five-implementations gate', () => {
  const general = { responsiblePerson: '王工', measures: '更换托辊', deadline: '2026-12-20' };
  const major = {
    ...general,
    fundsCny: 120_000,
    contingencyPlan: '撤人预案',
    objectives: '消除隐患',
    methods: '更换皮带',
    materials: '阻燃皮带 200 m',
    responsibleBody: '机电科',
    requirements: '12 月 20 日前完成',
    safetyMeasures: '停机检修',
  };
  it.each([
    ['general, complete', 'general', general, []],
    ['general, no deadline', 'general', { ...general, deadline: '' }, ['deadline']],
    [
      'major with only the general fields',
      'major',
      general,
      [
        'fundsCny',
        'contingencyPlan',
        'objectives',
        'methods',
        'materials',
        'responsibleBody',
        'requirements',
        'safetyMeasures',
      ],
    ],
    ['major, zero funds', 'major', { ...major, fundsCny: 0 }, ['fundsCny']],
    ['major, no contingency plan', 'major', { ...major, contingencyPlan: ' ' }, ['contingencyPlan']],
    ['major, complete', 'major', major, []],
  ] as const)('%s → missing %j', (_label, grade, plan, missing) => {
    expect(missingPlanFields(grade, plan)).toEqual(missing);
  });

  it('a deadline in the past is refused', () => {
    expect(() =>
      requireCompletePlan('general', { ...general, deadline: '2026-12-01' }, '2026-12-05'),
    ).toThrow(expect.objectContaining({ code: 'HAZARD_DEADLINE_INVALID' }));
  });
});

describe('escalation, windows, quarters', () => {
  it.each([
    [0, 'none'],
    [1, 'county'],
    [7, 'county'],
    [8, 'city'],
    [14, 'city'],
    [15, 'province'],
    [400, 'province'],
  ] as const)('%i days overdue (7 per level) → %s', (days, level) => {
    expect(overdueEscalation(days, 7)).toBe(level);
  });
  it('raising climbs one level and stops at province', () => {
    expect(raiseEscalation('none')).toBe('county');
    expect(raiseEscalation('city')).toBe('province');
    expect(raiseEscalation('province')).toBe('province');
  });
  it('three calendar months, quarters', () => {
    expect(threeMonthsBefore('2026-12-05T08:00:00.000Z')).toBe('2026-09-05T08:00:00.000Z');
    expect(quarterOf('2026-12-05')).toBe('2026Q4');
    expect(quarterOf('2026-04-01')).toBe('2026Q2');
  });
});
