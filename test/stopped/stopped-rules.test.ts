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
  // why, status, exemptions, people per area, at, uncovered, outside the areas
  it.each<[string, MineStatus, StoppedExemption[], Record<string, number>, number, number, number]>([
    ['no watch crew: everyone is uncovered', 'suspended', [], { A: 3 }, T0, 3, 0],
    ['within the approved crew: no alarm', 'suspended', [crew(5, ['A', 'B'])], { A: 3, B: 2 }, T0 + H, 0, 0],
    ['one beyond the crew size', 'suspended', [crew(5, ['A', 'B'])], { A: 4, B: 2 }, T0 + H, 1, 0],
    ['in an area outside the crew\u2019s areas', 'suspended', [crew(5, ['A'])], { A: 2, C: 1 }, T0 + H, 1, 1],
    [
      'the crew applies while the mine applies for resumption',
      'resumption_review',
      [crew(2, ['A'])],
      { A: 2 },
      T0 + H,
      0,
      0,
    ],
    ['a watch crew means nothing to a closing mine', 'closing', [crew(5, ['A'])], { A: 1 }, T0 + H, 1, 0],
    ['inside the dismantling window', 'closing', [window(6, ['W'], T0, T0 + 8 * H)], { W: 6 }, T0 + H, 0, 0],
    [
      'after the dismantling window: everyone (Diaoshuidong)',
      'closing',
      [window(6, ['W'], T0, T0 + 8 * H)],
      { W: 2 },
      T0 + 9 * H,
      2,
      0,
    ],
    [
      'before the dismantling window opens',
      'closing',
      [window(6, ['W'], T0 + 2 * H, T0 + 8 * H)],
      { W: 1 },
      T0 + H,
      1,
      0,
    ],
    [
      'inside the window but beyond its crew',
      'closing',
      [window(2, ['W'], T0, T0 + 8 * H)],
      { W: 3 },
      T0 + H,
      1,
      0,
    ],
    [
      'before the evacuation deadline: leaving, not violating',
      'suspended',
      [evacuation(T0 + 2 * H)],
      { A: 40 },
      T0 + H,
      0,
      0,
    ],
    [
      'after the evacuation deadline, only the crew may stay',
      'suspended',
      [evacuation(T0 + 2 * H), crew(3, ['A'])],
      { A: 5 },
      T0 + 3 * H,
      2,
      0,
    ],
    ['a closed mine allows nobody', 'closed', [window(6, ['W'], T0, T0 + 8 * H)], { W: 1 }, T0 + H, 1, 0],
  ])('%s', (_why, status, exemptions, perArea, atMs, uncovered, outside) => {
    const v = judgeStoppedPeople(status, exemptions, people(perArea), atMs);
    expect(v.uncovered).toBe(uncovered);
    expect(v.outsideAreas).toHaveLength(outside);
  });

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
  // why, evidence, now, state, critical
  it.each<[string, MineEvidence, number, string, boolean]>([
    [
      'people still underground before the deadline: evacuating',
      ev({ people: people({ A: 12 }) }),
      T0 + H,
      'evacuating',
      false,
    ],
    [
      'people still underground after the deadline: overdue, critical',
      ev({ people: people({ A: 12 }) }),
      deadline,
      'overdue',
      true,
    ],
    [
      'only the approved watch crew: clear',
      ev({ people: people({ A: 3 }), exemptions: [crew(3, ['A'])] }),
      deadline + H,
      'clear',
      false,
    ],
    [
      'a belt still running after the deadline: overdue',
      ev({ productionOn: 1 }),
      deadline + H,
      'overdue',
      true,
    ],
    ['nobody, nothing running: clear', ev({}), deadline + H, 'clear', false],
    [
      'no monitoring data at all proves nothing',
      ev({ snapshotMs: null, switchesMs: null }),
      deadline + H,
      'no_data',
      false,
    ],
  ])('%s', (_why, e, nowMs, state, critical) => {
    const r = judgeMineCompliance(e, deadline, true, nowMs);
    expect(r.state).toBe(state);
    expect(r.isCritical).toBe(critical);
    expect(r.timeLeftMs).toBe(deadline - nowMs);
  });
  it('all clear only when every mine is clear', () => {
    expect(summariseCompliance([{ state: 'clear' }, { state: 'clear' }]).isAllClear).toBe(true);
    expect(summariseCompliance([{ state: 'clear' }, { state: 'evacuating' }]).isAllClear).toBe(false);
    expect(summariseCompliance([]).isAllClear).toBe(false);
  });
});

describe('a high-gas or outburst mine without gas-control capability (judgeGasControl)', () => {
  // why, gas class, certified capability, status, exemptions, people per area, violation, beyond the crew
  it.each<
    [string, GasClass, boolean, MineStatus, StoppedExemption[], Record<string, number>, boolean, number]
  >([
    ['producing at all is the violation', 'high', false, 'producing', [], {}, true, 0],
    [
      'suspended, only its approved watch crew below: allowed',
      'outburst',
      false,
      'suspended',
      [crew(3, ['A'])],
      { A: 3 },
      false,
      0,
    ],
    ['suspended, one beyond the watch crew', 'high', false, 'suspended', [crew(3, ['A'])], { A: 4 }, true, 1],
    [
      'an evacuation deadline covers nothing for such a mine',
      'high',
      false,
      'suspended',
      [evacuation(T0 + 2 * H)],
      { A: 2 },
      true,
      2,
    ],
    ['under construction with people below', 'outburst', false, 'construction', [], { A: 1 }, true, 1],
    ['with certified capability: not this rule', 'high', true, 'producing', [], { A: 50 }, false, 0],
    ['a low-gas mine: not this rule', 'low', false, 'producing', [], { A: 50 }, false, 0],
  ])('%s', (_why, gasClass, capable, status, exemptions, perArea, violation, beyond) => {
    const v = judgeGasControl(
      { status, gasClass, hasGasControlCapability: capable, exemptions },
      people(perArea),
      T0 + H,
    );
    expect([v.isViolation, v.beyondCrew]).toEqual([violation, beyond]);
  });
});
