import { describe, expect, it } from 'vitest';
import { RISK_FACTORS_2026, type RiskFactorId } from '../../src/core/briefing/risk-factors.ts';
import { scoreMine, type RiskInputs } from '../../src/core/briefing/risk-score.ts';

const BASE: RiskInputs = {
  liveIncidents: [],
  unacknowledgedCritical: 0,
  openHazards: 3,
  openMajorHazards: 1,
  overdueHazards: 1,
  alarmsCritical30d: 1,
  alarmsHigh30d: 4,
  alarmsMedium30d: 6,
  dataGaps30d: 2,
  gasClass: 'high',
  isSmall: true,
  daysSinceVisit: 40,
  accidents3y: 1,
  status: 'producing',
};

const points = (inputs: RiskInputs) =>
  Object.fromEntries(scoreMine(inputs).factors.map((f) => [f.id, f.points])) as Record<RiskFactorId, number>;

describe('risk score: explainable', () => {
  it('has one contribution per documented factor, each with a rationale and a source', () => {
    expect(scoreMine(BASE).factors.map((f) => f.id)).toEqual(RISK_FACTORS_2026.map((d) => d.id));
    for (const d of RISK_FACTORS_2026) {
      expect(d.rationale.length).toBeGreaterThan(20);
      expect(d.source.length).toBeGreaterThan(3);
    }
  });

  it('contributions add up to the score', () => {
    const s = scoreMine(BASE);
    expect(s.score).toBeCloseTo(
      s.factors.reduce((sum, f) => sum + f.points, 0),
      9,
    );
    // 3×2 + 15 + 4 + 10 + 4×2 + 6×0.5 + 2×3 + 8 (high gas) + 10 (small) + (40−14)×0.25 + 10
    expect(s.score).toBe(6 + 15 + 4 + 10 + 8 + 3 + 6 + 8 + 10 + 6.5 + 10);
  });

  // Each row changes one input; only its factor may move, by the stated amount.
  const cases: Array<[string, Partial<RiskInputs>, RiskFactorId, number]> = [
    ['one more open hazard', { openHazards: 4 }, 'open_hazards', 2],
    ['one more open major hazard', { openMajorHazards: 2 }, 'open_major_hazards', 15],
    ['one more overdue hazard', { overdueHazards: 2 }, 'overdue_hazards', 4],
    ['one more critical alarm', { alarmsCritical30d: 2 }, 'alarms_critical_30d', 10],
    ['one more high alarm', { alarmsHigh30d: 5 }, 'alarms_high_30d', 2],
    ['two more medium alarms', { alarmsMedium30d: 8 }, 'alarms_medium_30d', 1],
    ['one more data gap', { dataGaps30d: 3 }, 'data_gaps_30d', 3],
    ['high gas → outburst', { gasClass: 'outburst' }, 'gas_class', 7],
    ['high gas → low gas', { gasClass: 'low' }, 'gas_class', -8],
    ['no longer small', { isSmall: false }, 'small_capacity', -10],
    ['visited 4 days later', { daysSinceVisit: 44 }, 'inspection_recency', 1],
    ['never visited', { daysSinceVisit: null }, 'inspection_recency', 15 - 6.5],
    ['one more accident', { accidents3y: 2 }, 'accident_history', 10],
    [
      'a belt fire in progress',
      { liveIncidents: [{ alarmId: 'a1', rule: 'incident_fire_pattern', sinceMs: 0 }] },
      'live_incident',
      60,
    ],
    ['an unacknowledged critical alarm', { unacknowledgedCritical: 1 }, 'unacknowledged_critical', 15],
  ];
  it.each(cases)('%s moves only its factor', (_label, change, factor, delta) => {
    const before = points(BASE);
    const after = points({ ...BASE, ...change });
    for (const id of Object.keys(before) as RiskFactorId[]) {
      if (id === factor) expect(after[id] - before[id]).toBeCloseTo(delta, 9);
      else expect(after[id], id).toBe(before[id]);
    }
    expect(scoreMine({ ...BASE, ...change }).score - scoreMine(BASE).score).toBeCloseTo(delta, 9);
  });

  it('caps a factor so one kind of signal cannot drown the others', () => {
    expect(points({ ...BASE, openHazards: 100 }).open_hazards).toBe(20);
    expect(points({ ...BASE, alarmsCritical30d: 9 }).alarms_critical_30d).toBe(30);
    expect(points({ ...BASE, daysSinceVisit: 10 }).inspection_recency).toBe(0);
  });

  it('shows "no data" for accidents when no register exists, adding nothing', () => {
    const f = scoreMine({ ...BASE, accidents3y: null }).factors.find((x) => x.id === 'accident_history')!;
    expect(f).toMatchObject({ noData: true, points: 0, input: null });
  });

  it('a closed mine scores only on its signals, not on gas class, size or visits', () => {
    const p = points({ ...BASE, status: 'closed' });
    expect([p.gas_class, p.small_capacity, p.inspection_recency]).toEqual([0, 0, 0]);
    expect(p.alarms_critical_30d).toBe(10);
  });
});
