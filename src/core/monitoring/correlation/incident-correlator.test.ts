import { describe, expect, it } from 'vitest';
import type { MineStatus } from '../../registry/types.ts';
import type { AlarmRule } from '../engine/engine-types.ts';
import {
  correlateMine,
  INCIDENT_ARTICLES,
  roadwayOf,
  type CorrelationAlarm,
  type CorrelationPoint,
  type MineEvidence,
} from './incident-correlator.ts';

const T = Date.parse('2026-12-05T02:00:00Z');

/** A small mine: a belt roadway on substation S1, a face on S2, a closed-mine feed on S3. */
const POINTS: CorrelationPoint[] = [
  pt(1, '1005', '主运输皮带巷 皮带机头 打滑保护', 'S1', 'belt_protection'),
  pt(2, '1004', '主运输皮带巷 皮带机头', 'S1', 'belt_running', 1),
  pt(3, '1008', '主运输皮带巷 皮带机头下风侧', 'S1', 'smoke'),
  pt(4, '0004', '主运输皮带巷中部', 'S9', null, 12),
  pt(5, '0003', '主运输皮带巷 皮带机头滚筒处', 'S1', null, 40),
  pt(6, '0004', '1301工作面回风巷', 'S2', null, 30),
  pt(7, '0001', '1301工作面 T1', 'S2', null, 1.2, ['F1']),
  pt(8, '1004', '1301工作面 采煤机', 'S2', 'equipment', 1),
  pt(9, '1011', '1301工作面 馈电', 'S2', 'power_feed', 1, [], 'F1'),
];

function pt(
  id: number,
  sensorType: string,
  location: string,
  substationCode: string,
  role: CorrelationPoint['role'],
  value = 0,
  powerCutFeedCodes: string[] = [],
  pointCode = `P${id}`,
): CorrelationPoint {
  return {
    id,
    pointCode,
    sensorType,
    location,
    substationCode,
    unit: '',
    role,
    powerCutFeedCodes,
    value,
    tsMs: T + 120_000,
  };
}

const al = (rule: AlarmRule, pointId: number | null, atOffsetMs = 0, subject?: string): CorrelationAlarm => ({
  id: `m|${rule}|${subject ?? (pointId === null ? '' : `P${pointId}`)}`,
  rule,
  pointId,
  subject: subject ?? (pointId === null ? '' : (POINTS.find((p) => p.id === pointId)?.pointCode ?? '')),
  activeSinceMs: T + atOffsetMs,
  value: null,
});

const mine = (alarms: CorrelationAlarm[], people = 102, status: MineStatus = 'producing'): MineEvidence => ({
  mineId: 'm',
  status,
  alarms,
  points: new Map(POINTS.map((p) => [p.id, p])),
  people: { count: people, snapshotMs: people > 0 ? T + 30_000 : null },
});

describe('correlation incidents (table)', () => {
  const cases: Array<{
    name: string;
    evidence: MineEvidence;
    expected: Array<{ rule: string; subject: string; atMs?: number; alarms?: string[] }>;
  }> = [
    {
      name: 'Songzao: failed belt protection + CO rising in the same roadway + people → one fire incident',
      evidence: mine([al('belt_protection', 1), al('co_rising', 4, 180_000)]),
      expected: [
        {
          rule: 'incident_fire_pattern',
          subject: '主运输皮带巷',
          atMs: T + 180_000,
          alarms: ['m|belt_protection|P1', 'm|co_rising|P4'],
        },
      ],
    },
    {
      name: 'smoke and temperature join the same roadway incident (still one)',
      evidence: mine([al('belt_protection', 1), al('smoke', 3, 480_000), al('over_limit', 5, 300_000)]),
      expected: [{ rule: 'incident_fire_pattern', subject: '主运输皮带巷', atMs: T + 480_000 }],
    },
    {
      name: 'belt protection without a fire sign is not an incident',
      evidence: mine([al('belt_protection', 1)]),
      expected: [],
    },
    {
      name: 'fire sign in another roadway does not correlate',
      evidence: mine([al('belt_protection', 1), al('over_limit', 6, 60_000)]),
      expected: [],
    },
    {
      name: 'nobody underground: no Songzao incident',
      evidence: mine([al('belt_protection', 1), al('co_rising', 4)], 0),
      expected: [],
    },
    {
      name: 'gas over the limit while the shearer keeps running past the grace → art. 5(2)',
      evidence: mine([al('over_limit', 7, 0)]),
      expected: [{ rule: 'incident_gas_production', subject: 'P7', atMs: T + 120_000 }],
    },
    {
      name: 'gas over the limit, equipment last seen running within the grace: not yet',
      evidence: mine([al('over_limit', 7, 90_000)]),
      expected: [],
    },
    {
      name: 'a cut that did not take effect → one power-cut incident, not also a gas-production one',
      evidence: mine([al('power_cut_level', 7, 0), al('power_cut_ineffective', null, 30_000, 'P7')]),
      expected: [
        {
          rule: 'incident_power_cut_ineffective',
          subject: 'P7',
          alarms: ['m|power_cut_level|P7', 'm|power_cut_ineffective|P7'],
        },
      ],
    },
    {
      name: 'Diaoshuidong: people and activity in a closed mine → one incident',
      evidence: mine(
        [al('people_in_stopped_mine', null), al('activity_in_stopped_mine', 9), al('over_limit', 6, 600_000)],
        7,
        'closed',
      ),
      expected: [{ rule: 'incident_stopped_mine_work', subject: '' }],
    },
    {
      name: 'a suspended mine evacuating under an order is the order’s group, not an incident',
      evidence: mine([al('people_in_stopped_mine', null), al('activity_in_stopped_mine', 9)], 7, 'suspended'),
      expected: [],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const found = correlateMine(c.evidence);
      expect(found.map((f) => ({ rule: f.rule, subject: f.subject }))).toEqual(
        c.expected.map((e) => ({ rule: e.rule, subject: e.subject })),
      );
      c.expected.forEach((e, i) => {
        if (e.atMs !== undefined) expect(found[i]!.atMs).toBe(e.atMs);
        if (e.alarms) {
          expect(found[i]!.evidence.filter((x) => x.kind === 'alarm').map((x) => x.alarmId)).toEqual(
            e.alarms,
          );
        }
        // Every incident cites its article and lists its evidence in data-time order.
        expect(INCIDENT_ARTICLES[found[i]!.rule].length).toBeGreaterThan(0);
        const times = found[i]!.evidence.map((x) => x.atMs);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      });
    });
  }

  it('reads the roadway from a location', () => {
    expect(
      ['主运输皮带巷 皮带机头 打滑保护', '主运输皮带巷中部', '1301工作面回风巷', '中央变电所'].map(roadwayOf),
    ).toEqual(['主运输皮带巷', '主运输皮带巷', '1301工作面', '']);
  });
});
