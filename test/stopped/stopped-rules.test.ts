import { describe, expect, it } from 'vitest';
import {
  isPowerAllowedAt,
  judgeStoppedPeople,
  nextExemptionEdge,
  type StoppedExemption,
} from '../../src/core/monitoring/stopped/stopped-exemptions.ts';
import {
  validateDeclaration,
  type DeclareAllowanceInput,
} from '../../src/core/monitoring/stopped/stopped-allowances.ts';
import {
  judgeMineCompliance,
  summariseCompliance,
  type MineEvidence,
} from '../../src/core/orders/order-compliance.ts';
import type { GasClass, MineStatus } from '../../src/core/registry/types.ts';
import { judgeGasControl } from '../../src/core/monitoring/stopped/gas-control.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-12-05T00:00:00Z');
const crew = (
  size: number,
  areas: string[] | null,
  fromMs = T0,
  toMs: number | null = null,
): StoppedExemption => ({
  kind: 'watch_crew',
  sourceId: 'sta-1',
  fromMs,
  toMs,
  size,
  areaCodes: areas,
  allowsPower: false,
});
const window = (size: number, areas: string[], fromMs: number, toMs: number): StoppedExemption => ({
  kind: 'dismantling',
  sourceId: 'sta-2',
  fromMs,
  toMs,
  size,
  areaCodes: areas,
  allowsPower: true,
});
const evacuation = (toMs: number): StoppedExemption => ({
  kind: 'evacuation',
  sourceId: 'ord-1',
  fromMs: T0,
  toMs,
  size: null,
  areaCodes: null,
  allowsPower: true,
});
const people = (perArea: Record<string, number>) =>
  Object.entries(perArea).flatMap(([area, n]) =>
    Array.from({ length: n }, (_, i) => ({ name: `${area}-${i}`, areaCode: area })),
  );

describe('who may be underground in a stopped mine (judgeStoppedPeople), table-driven', () => {
  const cases: Array<{
    why: string;
    status: MineStatus;
    exemptions: StoppedExemption[];
    people: Record<string, number>;
    atMs: number;
    uncovered: number;
    outside: number;
  }> = [
    {
      why: 'no watch crew: everyone is uncovered',
      status: 'suspended',
      exemptions: [],
      people: { A: 3 },
      atMs: T0,
      uncovered: 3,
      outside: 0,
    },
    {
      why: 'within the approved crew: no alarm',
      status: 'suspended',
      exemptions: [crew(5, ['A', 'B'])],
      people: { A: 3, B: 2 },
      atMs: T0 + H,
      uncovered: 0,
      outside: 0,
    },
    {
      why: 'one beyond the crew size',
      status: 'suspended',
      exemptions: [crew(5, ['A', 'B'])],
      people: { A: 4, B: 2 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 0,
    },
    {
      why: 'in an area outside the crew\u2019s areas',
      status: 'suspended',
      exemptions: [crew(5, ['A'])],
      people: { A: 2, C: 1 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 1,
    },
    {
      why: 'the crew applies while the mine applies for resumption',
      status: 'resumption_review',
      exemptions: [crew(2, ['A'])],
      people: { A: 2 },
      atMs: T0 + H,
      uncovered: 0,
      outside: 0,
    },
    {
      why: 'a watch crew means nothing to a closing mine',
      status: 'closing',
      exemptions: [crew(5, ['A'])],
      people: { A: 1 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 0,
    },
    {
      why: 'inside the dismantling window',
      status: 'closing',
      exemptions: [window(6, ['W'], T0, T0 + 8 * H)],
      people: { W: 6 },
      atMs: T0 + H,
      uncovered: 0,
      outside: 0,
    },
    {
      why: 'after the dismantling window: everyone (Diaoshuidong)',
      status: 'closing',
      exemptions: [window(6, ['W'], T0, T0 + 8 * H)],
      people: { W: 2 },
      atMs: T0 + 9 * H,
      uncovered: 2,
      outside: 0,
    },
    {
      why: 'before the dismantling window opens',
      status: 'closing',
      exemptions: [window(6, ['W'], T0 + 2 * H, T0 + 8 * H)],
      people: { W: 1 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 0,
    },
    {
      why: 'inside the window but beyond its crew',
      status: 'closing',
      exemptions: [window(2, ['W'], T0, T0 + 8 * H)],
      people: { W: 3 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 0,
    },
    {
      why: 'before the evacuation deadline: leaving, not violating',
      status: 'suspended',
      exemptions: [evacuation(T0 + 2 * H)],
      people: { A: 40 },
      atMs: T0 + H,
      uncovered: 0,
      outside: 0,
    },
    {
      why: 'after the evacuation deadline, only the crew may stay',
      status: 'suspended',
      exemptions: [evacuation(T0 + 2 * H), crew(3, ['A'])],
      people: { A: 5 },
      atMs: T0 + 3 * H,
      uncovered: 2,
      outside: 0,
    },
    {
      why: 'a closed mine allows nobody',
      status: 'closed',
      exemptions: [window(6, ['W'], T0, T0 + 8 * H)],
      people: { W: 1 },
      atMs: T0 + H,
      uncovered: 1,
      outside: 0,
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const v = judgeStoppedPeople(c.status, c.exemptions, people(c.people), c.atMs);
      expect(v.uncovered).toBe(c.uncovered);
      expect(v.outsideAreas).toHaveLength(c.outside);
    });
  }

  it('powered equipment only inside a dismantling window or an evacuation', () => {
    const w = [window(6, ['W'], T0, T0 + 8 * H)];
    expect(isPowerAllowedAt('closing', w, T0 + H)).toBe(true);
    expect(isPowerAllowedAt('closing', w, T0 + 8 * H)).toBe(false);
    expect(isPowerAllowedAt('suspended', [crew(5, ['A'])], T0 + H)).toBe(false);
  });

  it('the next edge to judge again is the next start or end after the last judgement', () => {
    const ex = [window(6, ['W'], T0 + H, T0 + 8 * H), evacuation(T0 + 2 * H)];
    expect(nextExemptionEdge(ex, T0)).toBe(T0 + H);
    expect(nextExemptionEdge(ex, T0 + H)).toBe(T0 + 2 * H);
    expect(nextExemptionEdge(ex, T0 + 8 * H)).toBeNull();
  });
});

describe('declarations are checked against the mine and their kind', () => {
  const now = '2026-12-05T08:00:00.000Z';
  const base: DeclareAllowanceInput = {
    kind: 'watch_crew',
    crewSize: 4,
    roles: ['瓦斯检查工', '主扇司机'],
    areaCodes: ['A'],
    systems: ['ventilation', 'drainage', 'monitoring'],
  };
  const problems = (input: DeclareAllowanceInput, status: MineStatus) => {
    try {
      validateDeclaration(input, status, now);
      return [];
    } catch (e) {
      return (e as { details: { issues: string[] } }).details.issues;
    }
  };
  it('a watch crew of a suspended mine is valid; of a producing mine it is not', () => {
    expect(problems(base, 'suspended')).toEqual([]);
    expect(problems(base, 'producing').join()).toMatch(
      /suspended or resumption_review; this one is producing/,
    );
  });
  it('a watch crew names its systems and areas', () => {
    expect(problems({ ...base, systems: [], areaCodes: [] }, 'suspended')).toHaveLength(2);
  });
  it('a dismantling window needs an end in the future, a supervisor and at most 90 days', () => {
    const w: DeclareAllowanceInput = {
      ...base,
      kind: 'dismantling',
      systems: [],
      fromAt: now,
      toAt: '2026-12-05T07:00:00Z',
    };
    const issues = problems(w, 'closing').join('; ');
    expect(issues).toMatch(/toAt must be after fromAt/);
    expect(issues).toMatch(/supervisor/);
    expect(problems({ ...w, toAt: '2027-06-01T00:00:00Z', supervisor: '李监察' }, 'closing').join()).toMatch(
      /90 days/,
    );
    expect(problems({ ...w, toAt: '2026-12-06T00:00:00Z', supervisor: '李监察' }, 'closing')).toEqual([]);
  });
});

describe('a stop order compliance row (judgeMineCompliance)', () => {
  const deadline = T0 + 2 * H;
  const ev = (over: Partial<MineEvidence>): MineEvidence => ({
    status: 'suspended',
    snapshotMs: T0 + H,
    people: [],
    exemptions: [],
    productionOn: 0,
    productionPoints: 2,
    powerOn: 0,
    powerPoints: 1,
    switchesMs: T0 + H,
    mainsFeeds: 0,
    feedsKnown: 0,
    ...over,
  });
  const cases: Array<{ why: string; e: MineEvidence; nowMs: number; state: string; critical: boolean }> = [
    {
      why: 'people still underground before the deadline: evacuating',
      e: ev({ people: people({ A: 12 }) }),
      nowMs: T0 + H,
      state: 'evacuating',
      critical: false,
    },
    {
      why: 'people still underground after the deadline: overdue, critical',
      e: ev({ people: people({ A: 12 }) }),
      nowMs: deadline,
      state: 'overdue',
      critical: true,
    },
    {
      why: 'only the approved watch crew: clear',
      e: ev({ people: people({ A: 3 }), exemptions: [crew(3, ['A'])] }),
      nowMs: deadline + H,
      state: 'clear',
      critical: false,
    },
    {
      why: 'a belt still running after the deadline: overdue',
      e: ev({ productionOn: 1 }),
      nowMs: deadline + H,
      state: 'overdue',
      critical: true,
    },
    {
      why: 'nobody, nothing running: clear',
      e: ev({}),
      nowMs: deadline + H,
      state: 'clear',
      critical: false,
    },
    {
      why: 'no monitoring data at all proves nothing',
      e: ev({ snapshotMs: null, switchesMs: null }),
      nowMs: deadline + H,
      state: 'no_data',
      critical: false,
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const r = judgeMineCompliance(c.e, deadline, true, c.nowMs);
      expect(r.state).toBe(c.state);
      expect(r.isCritical).toBe(c.critical);
      expect(r.timeLeftMs).toBe(deadline - c.nowMs);
    });
  }
  it('all clear only when every mine is clear', () => {
    expect(summariseCompliance([{ state: 'clear' }, { state: 'clear' }]).isAllClear).toBe(true);
    expect(summariseCompliance([{ state: 'clear' }, { state: 'evacuating' }]).isAllClear).toBe(false);
    expect(summariseCompliance([]).isAllClear).toBe(false);
  });
});

describe('a high-gas or outburst mine without gas-control capability (judgeGasControl)', () => {
  const cases: Array<{
    why: string;
    gasClass: GasClass;
    capable: boolean;
    status: MineStatus;
    exemptions: StoppedExemption[];
    people: Record<string, number>;
    violation: boolean;
    beyond: number;
  }> = [
    {
      why: 'producing at all is the violation',
      gasClass: 'high',
      capable: false,
      status: 'producing',
      exemptions: [],
      people: {},
      violation: true,
      beyond: 0,
    },
    {
      why: 'suspended, only its approved watch crew below: allowed',
      gasClass: 'outburst',
      capable: false,
      status: 'suspended',
      exemptions: [crew(3, ['A'])],
      people: { A: 3 },
      violation: false,
      beyond: 0,
    },
    {
      why: 'suspended, one beyond the watch crew',
      gasClass: 'high',
      capable: false,
      status: 'suspended',
      exemptions: [crew(3, ['A'])],
      people: { A: 4 },
      violation: true,
      beyond: 1,
    },
    {
      why: 'an evacuation deadline covers nothing for such a mine',
      gasClass: 'high',
      capable: false,
      status: 'suspended',
      exemptions: [evacuation(T0 + 2 * H)],
      people: { A: 2 },
      violation: true,
      beyond: 2,
    },
    {
      why: 'under construction with people below',
      gasClass: 'outburst',
      capable: false,
      status: 'construction',
      exemptions: [],
      people: { A: 1 },
      violation: true,
      beyond: 1,
    },
    {
      why: 'with certified capability: not this rule',
      gasClass: 'high',
      capable: true,
      status: 'producing',
      exemptions: [],
      people: { A: 50 },
      violation: false,
      beyond: 0,
    },
    {
      why: 'a low-gas mine: not this rule',
      gasClass: 'low',
      capable: false,
      status: 'producing',
      exemptions: [],
      people: { A: 50 },
      violation: false,
      beyond: 0,
    },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const v = judgeGasControl(
        {
          status: c.status,
          gasClass: c.gasClass,
          hasGasControlCapability: c.capable,
          exemptions: c.exemptions,
        },
        people(c.people),
        T0 + H,
      );
      expect([v.isViolation, v.beyondCrew]).toEqual([c.violation, c.beyond]);
    });
  }
});
