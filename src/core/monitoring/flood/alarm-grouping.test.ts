import { describe, expect, it } from 'vitest';
import type { AlarmRule, EvidenceItem } from '../engine/engine-types.ts';
import { groupAlarms, type GroupableAlarm, type StopOrderRef } from './alarm-grouping.ts';
import { floodKpis } from './flood-kpis.ts';

const T = Date.parse('2026-12-05T02:00:00Z');
const MIN = 60_000;

function a(
  mineId: string,
  rule: AlarmRule,
  subject: string,
  atMin: number,
  extra: Partial<GroupableAlarm> = {},
): GroupableAlarm {
  return {
    id: `${mineId}|${rule}|${subject}`,
    mineId,
    mineName: `矿${mineId}`,
    rule,
    priority: rule.startsWith('incident') || rule.endsWith('stopped_mine') ? 'critical' : 'high',
    state: 'unack_active',
    conditionActive: true,
    activeSinceMs: T + atMin * MIN,
    firstRaisedMs: T + atMin * MIN,
    substationCode: null,
    ...extra,
  };
}

const ORDER: StopOrderRef = {
  id: 'o1',
  number: '示煤安停〔2026〕12号',
  mineIds: ['m1', 'm2', 'm3'],
  effectiveAtMs: T,
};
const evidence = (ids: string[]): EvidenceItem[] =>
  ids.map((alarmId) => ({
    kind: 'alarm',
    alarmId,
    rule: null,
    pointCode: null,
    location: null,
    value: null,
    unit: null,
    atMs: T,
  }));

describe('flood grouping (table)', () => {
  const cases: Array<{
    name: string;
    alarms: GroupableAlarm[];
    orders?: StopOrderRef[];
    groups: Array<{ kind: string; children: number; parent?: string | null }>;
  }> = [
    {
      name: 'a county stop order: one parent for every manned mine it stopped',
      alarms: ['m1', 'm2', 'm3'].map((m) => a(m, 'people_in_stopped_mine', '', 0)),
      orders: [ORDER],
      groups: [{ kind: 'stop_order', children: 3, parent: null }],
    },
    {
      name: 'stopped-mine alarms raised before the order are not the order’s',
      alarms: ['m1', 'm2'].map((m) => a(m, 'people_in_stopped_mine', '', -30)),
      orders: [ORDER],
      groups: [],
    },
    {
      name: 'a mine’s data stop heads its silent points',
      alarms: [
        a('m1', 'mine_data_stopped', '', 0),
        a('m1', 'point_silent', 'P1', 0),
        a('m1', 'point_silent', 'P2', 0),
      ],
      groups: [{ kind: 'mine_outage', children: 2, parent: 'm1|mine_data_stopped|' }],
    },
    {
      name: 'a substation (gateway) losing power: its faulty points under one parent',
      alarms: ['P1', 'P2', 'P3'].map((p) => a('m1', 'sensor_fault', p, 0, { substationCode: 'S1' })),
      groups: [{ kind: 'gateway_outage', children: 3, parent: null }],
    },
    {
      name: 'two faults on a substation are just two alarms',
      alarms: ['P1', 'P2'].map((p) => a('m1', 'sensor_fault', p, 0, { substationCode: 'S1' })),
      groups: [],
    },
    {
      name: 'one mine’s burst: 10 alarms within 10 minutes become one parent',
      alarms: Array.from({ length: 10 }, (_, i) => a('m1', 'over_limit', `P${i}`, i)),
      groups: [{ kind: 'burst', children: 10, parent: null }],
    },
    {
      name: '10 alarms spread over an hour are no burst',
      alarms: Array.from({ length: 10 }, (_, i) => a('m1', 'over_limit', `P${i}`, i * 6)),
      groups: [],
    },
    {
      name: 'an incident claims its evidence first and is listed first',
      alarms: [
        ...['m1', 'm2', 'm3'].map((m) => a(m, 'people_in_stopped_mine', '', 0)),
        a('m4', 'belt_protection', 'P1', 0),
        a('m4', 'co_rising', 'P2', 3),
        a('m4', 'incident_fire_pattern', '主运输皮带巷', 3, {
          evidence: evidence(['m4|belt_protection|P1', 'm4|co_rising|P2']),
        }),
      ],
      orders: [ORDER],
      groups: [
        { kind: 'incident', children: 2, parent: 'm4|incident_fire_pattern|主运输皮带巷' },
        { kind: 'stop_order', children: 3, parent: null },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { groups, groupOf } = groupAlarms(c.alarms, c.orders ?? []);
      expect(
        groups.map((g) => ({ kind: g.kind, children: g.childIds.length, parent: g.parentAlarmId })),
      ).toEqual(c.groups.map((g) => ({ kind: g.kind, children: g.children, parent: g.parent ?? null })));
      // No alarm is in two groups; every grouped alarm is a parent or child of its group.
      for (const g of groups) for (const id of g.childIds) expect(groupOf.get(id)).toBe(g.id);
    });
  }
});

describe('flood KPIs', () => {
  it('counts a stop order once per operator-hour and names the flood it sees', () => {
    const mines = Array.from({ length: 18 }, (_, i) => `m${i}`);
    const alarms = mines.map((m) => a(m, 'people_in_stopped_mine', '', 1));
    const grouping = groupAlarms(alarms, [{ ...ORDER, mineIds: mines }]);
    const events = alarms.map((x) => ({
      alarmId: x.id,
      mineId: x.mineId,
      mineName: x.mineName,
      atMs: T + MIN,
    }));
    const k = floodKpis(
      [...events, { alarmId: 'm0|over_limit|P1', mineId: 'm0', mineName: '矿m0', atMs: T }],
      grouping,
      T + 5 * MIN,
    );
    expect(k.rawAlarmsLastHour).toBe(19);
    expect(k.alarmsPerOperatorHour).toBe(2);
    expect(k.isFlood).toBe(true);
    expect(k.rawAlarmsLast10Min).toBe(19);
    expect(k.alarmsLast10Min).toBe(2);
    expect(k.floods).toEqual([
      expect.objectContaining({ kind: 'stop_order', label: ORDER.number, mineCount: 18, count: 18 }),
    ]);
  });

  it('a burst that has cleared still shows in the panel', () => {
    const events = Array.from({ length: 12 }, (_, i) => ({
      alarmId: `m1|over_limit|P${i}`,
      mineId: 'm1',
      mineName: '矿m1',
      atMs: T + i * 10_000,
    }));
    const k = floodKpis(events, groupAlarms([], []), T + 5 * MIN);
    expect(k.floods).toEqual([expect.objectContaining({ kind: 'burst', mineId: 'm1', count: 12 })]);
    expect(k.alarmsPerOperatorHour).toBe(12);
  });
});
