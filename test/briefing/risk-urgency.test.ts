import { describe, expect, it } from 'vitest';
import { compareRisk, scoreMine, type RiskInputs } from '../../src/core/briefing/risk-score.ts';
import { liveRiskByMine } from '../../src/core/briefing/risk-use-cases.ts';
import type { AlarmView } from '../../src/core/monitoring/monitoring-ports.ts';

/** "A mine with a belt fire in progress cannot rank 139th": live incidents and unacknowledged critical alarms first. */

const QUIET: RiskInputs = {
  liveIncidents: [],
  unacknowledgedCritical: 0,
  openHazards: 0,
  openMajorHazards: 0,
  overdueHazards: 0,
  alarmsCritical30d: 0,
  alarmsHigh30d: 0,
  alarmsMedium30d: 0,
  dataGaps30d: 0,
  gasClass: 'low',
  isSmall: false,
  daysSinceVisit: 0,
  accidents3y: 0,
  status: 'producing',
};
/** Every static factor at its cap: the worst a mine can score without anything happening now. */
const WORST_ON_PAPER: RiskInputs = {
  ...QUIET,
  openHazards: 100,
  openMajorHazards: 100,
  overdueHazards: 100,
  alarmsCritical30d: 100,
  alarmsHigh30d: 100,
  alarmsMedium30d: 100,
  dataGaps30d: 100,
  gasClass: 'outburst',
  isSmall: true,
  daysSinceVisit: null,
  accidents3y: 100,
};
const FIRE = { alarmId: 'alm-1', rule: 'incident_fire_pattern', sinceMs: 1_700_000_000_000 };

const ranked = (mines: Array<[string, RiskInputs]>) =>
  mines
    .map(([code, inputs]) => ({ code, ...scoreMine(inputs) }))
    .sort(compareRisk)
    .map((r) => r.code);

describe('risk ranking: what is happening now comes first', () => {
  const cases: Array<[string, Array<[string, RiskInputs]>, string[]]> = [
    [
      'a quiet mine with a belt fire in progress above the worst mine on paper',
      [
        ['A-worst', WORST_ON_PAPER],
        ['B-fire', { ...QUIET, liveIncidents: [FIRE] }],
      ],
      ['B-fire', 'A-worst'],
    ],
    [
      'unacknowledged critical alarms above the worst on paper, below an incident',
      [
        ['A-worst', WORST_ON_PAPER],
        ['B-unack', { ...QUIET, unacknowledgedCritical: 1 }],
        ['C-fire', { ...QUIET, liveIncidents: [FIRE] }],
      ],
      ['C-fire', 'B-unack', 'A-worst'],
    ],
    [
      'between two mines with incidents the points decide',
      [
        ['A-fire', { ...QUIET, liveIncidents: [FIRE] }],
        ['B-fire-worse', { ...WORST_ON_PAPER, liveIncidents: [FIRE] }],
      ],
      ['B-fire-worse', 'A-fire'],
    ],
    [
      'a closed mine with people working in it (an incident) above a producing one on paper',
      [
        ['A-worst', WORST_ON_PAPER],
        [
          'B-closed',
          {
            ...QUIET,
            status: 'closed',
            liveIncidents: [{ alarmId: 'alm-2', rule: 'incident_stopped_mine_work', sinceMs: null }],
          },
        ],
      ],
      ['B-closed', 'A-worst'],
    ],
  ];
  it.each(cases)('%s', (_label, mines, order) => expect(ranked(mines)).toEqual(order));

  it('explains the rank: the urgency, the incident by rule, and its points in the score', () => {
    const s = scoreMine({ ...QUIET, liveIncidents: [FIRE], unacknowledgedCritical: 2 });
    expect(s.urgency).toBe('live_incident');
    expect(s.incidents).toEqual([FIRE]);
    expect(s.factors.find((f) => f.id === 'live_incident')).toMatchObject({ input: 1, points: 60 });
    expect(s.factors.find((f) => f.id === 'unacknowledged_critical')).toMatchObject({ input: 2, points: 30 });
    expect(scoreMine(QUIET).urgency).toBe('none');
    expect(scoreMine({ ...QUIET, unacknowledgedCritical: 1 }).urgency).toBe('unacknowledged_critical');
  });
});

describe('liveRiskByMine: open alarms into what is happening at each mine', () => {
  const alarm = (id: string, mineId: string, fields: Partial<AlarmView>): AlarmView =>
    ({
      id,
      mineId,
      rule: 'ch4_over_limit',
      priority: 'high',
      state: 'unack_active',
      activeSinceMs: 5,
      ...fields,
    }) as AlarmView;
  const cases: Array<[string, AlarmView, { incidents: number; unacknowledgedCritical: number } | undefined]> =
    [
      [
        'an active incident (unacknowledged)',
        alarm('1', 'm', { rule: 'incident_fire_pattern', priority: 'critical' }),
        { incidents: 1, unacknowledgedCritical: 0 },
      ],
      [
        'an acknowledged incident still active',
        alarm('2', 'm', { rule: 'incident_fire_pattern', priority: 'critical', state: 'ack_active' }),
        { incidents: 1, unacknowledgedCritical: 0 },
      ],
      [
        'an incident that has cleared but is unacknowledged',
        alarm('3', 'm', { rule: 'incident_fire_pattern', priority: 'critical', state: 'rtn_unack' }),
        undefined,
      ],
      [
        'a shelved incident',
        alarm('4', 'm', { rule: 'incident_gas_production', priority: 'critical', state: 'shelved' }),
        undefined,
      ],
      [
        'an unacknowledged critical alarm',
        alarm('5', 'm', { priority: 'critical' }),
        { incidents: 0, unacknowledgedCritical: 1 },
      ],
      [
        'a critical alarm cleared, not yet acknowledged',
        alarm('6', 'm', { priority: 'critical', state: 'rtn_unack' }),
        { incidents: 0, unacknowledgedCritical: 1 },
      ],
      [
        'an acknowledged critical alarm',
        alarm('7', 'm', { priority: 'critical', state: 'ack_active' }),
        undefined,
      ],
      ['an unacknowledged high alarm', alarm('8', 'm', {}), undefined],
    ];
  it.each(cases)('%s', (_label, a, expected) => {
    const r = liveRiskByMine([a]).get('m');
    expect(
      r === undefined
        ? undefined
        : { incidents: r.incidents.length, unacknowledgedCritical: r.unacknowledgedCritical },
    ).toEqual(expected);
  });
});
