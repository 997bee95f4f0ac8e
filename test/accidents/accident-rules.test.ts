import { describe, expect, it } from 'vitest';
import { gradeAccident, levelsFor, type AccidentGrade } from '../../src/core/accidents/accident-grading.ts';
import { reportingSteps } from '../../src/core/accidents/accident-reporting.ts';
import {
  transitionInvestigation,
  type InvestigationEvent,
  type InvestigationState,
} from '../../src/core/accidents/investigation-machine.ts';
import { buildTimeline } from '../../src/core/accidents/preceded-by.ts';

const M = 1_000_000;
const zero = { deaths: 0, seriousInjuries: 0, directLossCny: 0 };

// Every boundary of Order 493 art. 3, one measure at a time: "以上" includes the number, "以下" excludes it.
const BOUNDARIES: Array<[string, Partial<typeof zero>, AccidentGrade]> = [
  ['0 deaths', { deaths: 0 }, 'none'],
  ['1 death', { deaths: 1 }, 'general'],
  ['2 deaths', { deaths: 2 }, 'general'],
  ['3 deaths', { deaths: 3 }, 'larger'],
  ['9 deaths', { deaths: 9 }, 'larger'],
  ['10 deaths', { deaths: 10 }, 'major'],
  ['29 deaths', { deaths: 29 }, 'major'],
  ['30 deaths', { deaths: 30 }, 'especially_major'],
  ['1 serious injury', { seriousInjuries: 1 }, 'general'],
  ['9 serious injuries', { seriousInjuries: 9 }, 'general'],
  ['10 serious injuries', { seriousInjuries: 10 }, 'larger'],
  ['49 serious injuries', { seriousInjuries: 49 }, 'larger'],
  ['50 serious injuries', { seriousInjuries: 50 }, 'major'],
  ['99 serious injuries', { seriousInjuries: 99 }, 'major'],
  ['100 serious injuries', { seriousInjuries: 100 }, 'especially_major'],
  ['CNY 1', { directLossCny: 1 }, 'general'],
  ['CNY 9,999,999', { directLossCny: 10 * M - 1 }, 'general'],
  ['CNY 10 M', { directLossCny: 10 * M }, 'larger'],
  ['CNY 49,999,999', { directLossCny: 50 * M - 1 }, 'larger'],
  ['CNY 50 M', { directLossCny: 50 * M }, 'major'],
  ['CNY 99,999,999', { directLossCny: 100 * M - 1 }, 'major'],
  ['CNY 100 M', { directLossCny: 100 * M }, 'especially_major'],
];

describe('Order 493 grading', () => {
  it.each(BOUNDARIES)('%s → %s', (_name, figures, grade) => {
    expect(gradeAccident({ ...zero, ...figures }).grade).toBe(grade);
  });

  it.each([
    ['deaths lead', { deaths: 10, seriousInjuries: 5, directLossCny: 1 * M }, 'major', ['deaths']],
    [
      'injuries lead',
      { deaths: 2, seriousInjuries: 100, directLossCny: 1 * M },
      'especially_major',
      ['seriousInjuries'],
    ],
    ['loss leads', { deaths: 1, seriousInjuries: 9, directLossCny: 60 * M }, 'major', ['directLossCny']],
    [
      'two measures tie',
      { deaths: 3, seriousInjuries: 10, directLossCny: 0 },
      'larger',
      ['deaths', 'seriousInjuries'],
    ],
  ] as const)('the highest measure sets the grade: %s', (_n, figures, grade, by) => {
    const j = gradeAccident(figures);
    expect(j.grade).toBe(grade);
    expect(j.by).toEqual(by);
    expect(j.source).toContain('493');
  });
});

describe('reporting chain deadlines', () => {
  const at = '2026-12-01T08:00:00.000Z';

  it.each([
    ['general', ['county', 'city']],
    ['larger', ['county', 'city', 'province']],
    ['major', ['county', 'city', 'province', 'national']],
    ['especially_major', ['county', 'city', 'province', 'national']],
  ] as const)('%s accidents go up to %j', (grade, levels) => {
    expect(levelsFor(grade)).toEqual(levels);
  });

  it('county within 1 hour, each level within 2 hours of the one below; late reports flagged', () => {
    const steps = reportingSteps(
      'larger',
      at,
      [
        { level: 'county', reportedAt: '2026-12-01T08:50:00.000Z' },
        { level: 'city', reportedAt: '2026-12-01T11:20:00.000Z' },
      ],
      '2026-12-01T14:00:00.000Z',
    );
    expect(steps.map((s) => [s.level, s.deadline, s.status, s.minutesLate])).toEqual([
      ['county', '2026-12-01T09:00:00.000Z', 'on_time', 0],
      // two hours after the county received it (08:50), not after its deadline
      ['city', '2026-12-01T10:50:00.000Z', 'late', 30],
      ['province', '2026-12-01T13:20:00.000Z', 'overdue', 40],
    ]);
  });

  it('a level not yet reported is due until its deadline, counted from the lower deadline', () => {
    const steps = reportingSteps('general', at, [], '2026-12-01T08:59:00.000Z');
    expect(steps.map((s) => [s.deadline, s.status])).toEqual([
      ['2026-12-01T09:00:00.000Z', 'due'],
      ['2026-12-01T11:00:00.000Z', 'due'],
    ]);
    expect(reportingSteps('general', at, [], '2026-12-01T09:01:00.000Z')[0]?.status).toBe('overdue');
  });
});

describe('investigation machine', () => {
  const now = '2026-12-01T00:00:00.000Z';
  const CASES: Array<[InvestigationState, InvestigationEvent, InvestigationState | null]> = [
    ['investigating', 'extend', 'extended'],
    ['investigating', 'submit_report', 'reported'],
    ['investigating', 'close', null],
    ['extended', 'extend', null],
    ['extended', 'submit_report', 'reported'],
    ['extended', 'close', null],
    ['reported', 'extend', null],
    ['reported', 'submit_report', null],
    ['reported', 'close', 'closed'],
    ['closed', 'extend', null],
    ['closed', 'submit_report', null],
    ['closed', 'close', null],
  ];
  it.each(CASES)('%s + %s → %s', (state, event, next) => {
    const t = transitionInvestigation(state, event, now, 60);
    if (next === null) expect(t.ok).toBe(false);
    else expect(t).toMatchObject({ ok: true, state: next });
  });
  it('extending adds the extension days once', () => {
    expect(transitionInvestigation('investigating', 'extend', now, 60)).toEqual({
      ok: true,
      state: 'extended',
      effects: [{ kind: 'extend-due', days: 60 }],
    });
  });
});

describe('what preceded it', () => {
  it('flags hazards not closed by the accident, and only those', () => {
    const items = buildTimeline(
      {
        hazards: [
          {
            id: 'h-open',
            title: 'open',
            grade: 'major',
            state: 'rectifying',
            reportedAt: '2026-10-01T00:00:00Z',
            closedAt: null,
            currentDueDate: '2026-10-30',
          },
          {
            id: 'h-late',
            title: 'closed after',
            grade: 'general',
            state: 'closed',
            reportedAt: '2026-10-02T00:00:00Z',
            closedAt: '2026-12-02T00:00:00Z',
            currentDueDate: null,
          },
          {
            id: 'h-done',
            title: 'closed before',
            grade: 'general',
            state: 'closed',
            reportedAt: '2026-10-03T00:00:00Z',
            closedAt: '2026-11-01T00:00:00Z',
            currentDueDate: null,
          },
        ],
        alarms: [
          {
            id: 'a1',
            rule: 'threshold',
            priority: 'high',
            message: 'CH4 1.2%',
            firstRaisedMs: Date.parse('2026-11-30T00:00:00Z'),
          },
        ],
        orders: [],
        visits: [],
      },
      '2026-12-01T00:00:00.000Z',
    );
    expect(items.map((i) => [i.id, i.isOpenAtAccident])).toEqual([
      ['a1', false],
      ['h-done', false],
      ['h-late', true],
      ['h-open', true],
    ]);
  });
});
