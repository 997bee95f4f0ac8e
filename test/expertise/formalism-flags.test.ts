import { describe, expect, it } from 'vitest';
import { computeFormalismFlags, type FormalismInput } from '../../src/core/expertise/formalism-flags.ts';
import { DEFAULT_FORMALISM_PARAMS, type FormalismKind } from '../../src/core/expertise/formalism-rules.ts';
import type { LeaderAssignment, SiteVisit } from '../../src/core/supervision/supervision-types.ts';

const NOW = Date.parse('2026-12-05T00:00:00Z');
const DAY = 86_400_000;
let n = 0;

function visit(over: Partial<SiteVisit> & { daysAgo?: number; minutes?: number } = {}): SiteVisit {
  const { daysAgo = 5, minutes = 120, ...rest } = over;
  const start = NOW - daysAgo * DAY;
  return {
    id: `v${++n}`,
    mineId: 'm1',
    visitorId: 'u1',
    visitorName: '张三',
    visitorRole: 'leader',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + minutes * 60_000).toISOString(),
    durationMinutes: minutes,
    wentToSite: true,
    wentUnderground: true,
    checklist: [{ item: `通风${n}`, result: 'ok', note: null }],
    notes: '',
    byAssigned: true,
    createdAt: new Date(start).toISOString(),
    findings: [],
    ...rest,
  };
}

const leader = (over: Partial<LeaderAssignment> = {}): LeaderAssignment => ({
  mineId: 'm1',
  userId: 'u1',
  name: '张三',
  assignedBy: 'c',
  assignedByName: 'c',
  assignedAt: '2026-01-01T00:00:00Z',
  ...over,
});

const finding = {
  id: 'f',
  visitId: 'x',
  mineId: 'm1',
  title: 't',
  description: '',
  grade: 'general' as const,
  category: 'general',
  location: null,
  status: 'pending_hazard' as const,
  hazardId: null,
  reportedAt: null,
  reportedBy: null,
};
const alarmsBefore = (count: number, daysAgo: number) =>
  Array.from({ length: count }, (_, i) => ({
    alarmId: `a${i}`,
    mineId: 'm1',
    atMs: NOW - daysAgo * DAY - (i + 1) * 3_600_000,
  }));

function kinds(over: Partial<FormalismInput>): FormalismKind[] {
  return computeFormalismFlags({
    nowMs: NOW,
    visits: [],
    leaders: [],
    alarms: [],
    hazards: [],
    mineNames: new Map([['m1', '一号矿']]),
    params: DEFAULT_FORMALISM_PARAMS,
    ...over,
  }).map((f) => f.kind);
}

describe('formalism flags (one positive and one negative case each)', () => {
  const sameList = [
    { item: '通风', result: 'ok' as const, note: null },
    { item: '瓦斯', result: 'ok' as const, note: null },
  ];
  const cases: Array<{
    name: string;
    kind: FormalismKind;
    flagged: Partial<FormalismInput>;
    clean: Partial<FormalismInput>;
  }> = [
    {
      name: 'visits that never go underground',
      kind: 'never_underground',
      flagged: { visits: [visit({ wentUnderground: false }), visit({ wentUnderground: false, daysAgo: 9 })] },
      clean: { visits: [visit({ wentUnderground: false }), visit({ daysAgo: 9 })] },
    },
    {
      name: 'visits of a few minutes',
      kind: 'short_visit',
      flagged: { visits: [visit({ minutes: 12 })] },
      clean: { visits: [visit({ minutes: 20 })] },
    },
    {
      name: 'found nothing where alarms say otherwise',
      kind: 'found_nothing',
      flagged: { visits: [visit({ daysAgo: 5 })], alarms: alarmsBefore(3, 5) },
      clean: { visits: [visit({ daysAgo: 5, findings: [finding] })], alarms: alarmsBefore(3, 5) },
    },
    {
      name: 'found nothing where an open hazard says otherwise',
      kind: 'found_nothing',
      flagged: {
        visits: [visit({ daysAgo: 5 })],
        hazards: [
          { id: 'h1', mineId: 'm1', reportedAt: new Date(NOW - 10 * DAY).toISOString(), closedAt: null },
        ],
      },
      // Closed before the visit: nothing left to find.
      clean: {
        visits: [visit({ daysAgo: 5 })],
        hazards: [
          {
            id: 'h1',
            mineId: 'm1',
            reportedAt: new Date(NOW - 10 * DAY).toISOString(),
            closedAt: new Date(NOW - 8 * DAY).toISOString(),
          },
        ],
      },
    },
    {
      name: 'leaders who have not visited their mines',
      kind: 'leader_absent',
      flagged: { leaders: [leader()], visits: [visit({ daysAgo: 45 })] },
      clean: { leaders: [leader()], visits: [visit({ daysAgo: 10 })] },
    },
    {
      name: 'the same checklist copied visit after visit',
      kind: 'copied_checklist',
      flagged: {
        visits: [
          visit({ checklist: sameList, daysAgo: 3 }),
          visit({ checklist: sameList, daysAgo: 6 }),
          visit({ checklist: sameList, daysAgo: 9 }),
        ],
      },
      clean: {
        visits: [
          visit({ checklist: sameList, daysAgo: 3 }),
          visit({
            checklist: [
              { item: '通风', result: 'problem', note: null },
              { item: '瓦斯', result: 'ok', note: null },
            ],
            daysAgo: 6,
          }),
          visit({ checklist: sameList, daysAgo: 9 }),
        ],
      },
    },
  ];

  it.each(cases)('$name', ({ kind, flagged, clean }) => {
    expect(kinds(flagged)).toContain(kind);
    expect(kinds(clean)).not.toContain(kind);
  });

  it('explains itself, links its records and ranks by weight and evidence', () => {
    const v1 = visit({ minutes: 5, daysAgo: 5 });
    const flags = computeFormalismFlags({
      nowMs: NOW,
      visits: [v1],
      leaders: [],
      alarms: alarmsBefore(4, 5),
      hazards: [],
      mineNames: new Map([['m1', '一号矿']]),
      params: DEFAULT_FORMALISM_PARAMS,
    });
    expect(flags.map((f) => f.kind)).toEqual(['found_nothing', 'short_visit']);
    expect(flags[0]?.records).toEqual({
      visitIds: [v1.id],
      alarmIds: ['a0', 'a1', 'a2', 'a3'],
      hazardIds: [],
    });
    expect(flags[0]?.explanation.en).toContain('4 alarms');
    expect(flags[1]?.explanation.zh).toContain('5 分钟');
  });
});
