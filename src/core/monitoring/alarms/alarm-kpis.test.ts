import { describe, expect, it } from 'vitest';
import { newAlarm } from './alarm-lifecycle.ts';
import {
  chatteringAlarmIds,
  computeAlarmKpis,
  mineAlarmBadges,
  type AlarmTransitionRow,
} from './alarm-kpis.ts';
import type { AlarmView } from '../monitoring-ports.ts';
import { groupAlarms } from '../flood/alarm-grouping.ts';

const NOW = 1_800_000_000_000;
const MIN = 60_000;

const raised = (alarmId: string, mineId: string, agoMs: number, priority = 'high'): AlarmTransitionRow => ({
  alarmId,
  mineId,
  mineName: `矿 ${mineId}`,
  atMs: NOW - agoMs,
  toState: 'unack_active',
  priority,
});

const open = (id: string, over: Partial<AlarmView>): AlarmView => ({
  ...newAlarm('high'),
  id,
  mineId: 'm1',
  pointId: null,
  subject: '',
  rule: 'stop_work_level',
  message: '',
  value: null,
  peakValue: null,
  peakMs: null,
  firstRaisedMs: NOW,
  updatedMs: NOW,
  receivedMs: NOW,
  activations: 1,
  mineName: '矿 m1',
  mineCode: 'M1',
  regionName: '',
  regionNameEn: '',
  regionPath: '/1/',
  sensorType: null,
  location: null,
  unit: null,
  substationCode: null,
  ...over,
});

const kpis = (events: AlarmTransitionRow[], openAlarms: AlarmView[] = [], minesWithAlarms = 1) =>
  computeAlarmKpis({
    nowMs: NOW,
    openAlarms,
    grouping: groupAlarms(openAlarms, []),
    events,
    chatteringAlarms: new Map(
      events.map((e) => [e.alarmId, { mineName: e.mineName, rule: 'stop_work_level' as const }]),
    ),
    minesWithAlarms,
  });

describe('alarm KPIs (ISA-18.2)', () => {
  it('names a flood only from ten raises at one mine within ten minutes', () => {
    const nine = Array.from({ length: 9 }, (_, i) => raised(`a${i}`, 'm1', i * MIN));
    expect(kpis(nine).floods).toEqual([]);
    const ten = [...nine, raised('a9', 'm1', 9 * MIN)];
    expect(kpis(ten).floods).toMatchObject([{ kind: 'burst', mineId: 'm1', mineName: '矿 m1', count: 10 }]);
    // The eleventh, raised eleven minutes ago, is outside the window.
    expect(kpis([...ten, raised('a10', 'm1', 11 * MIN)]).floods[0]!.count).toBe(10);
    expect(kpis(ten, [], 4).alarmsPer10MinPerMine).toBe(2.5);
  });

  it('calls an alarm chattering from its third activation within an hour', () => {
    const twice = [raised('a', 'm1', 5 * MIN), raised('a', 'm1', 30 * MIN), raised('a', 'm1', 61 * MIN)];
    expect(chatteringAlarmIds(twice, NOW)).toEqual([]);
    const thrice = [...twice, raised('a', 'm1', 50 * MIN)];
    expect(kpis(thrice).chattering).toEqual([
      { alarmId: 'a', mineName: '矿 m1', rule: 'stop_work_level', activations: 3 },
    ]);
  });

  it('counts standing alarms by state and priority, and those active for over a day as stale', () => {
    const result = kpis(
      [raised('x', 'm1', 2 * 3_600_000, 'critical'), raised('y', 'm1', 23 * 3_600_000, 'low')],
      [
        open('a', {
          state: 'unack_active',
          priority: 'critical',
          conditionActive: true,
          activeSinceMs: NOW - MIN,
        }),
        open('b', { state: 'ack_active', conditionActive: true, activeSinceMs: NOW - 25 * 3_600_000 }),
        open('c', { state: 'rtn_unack' }),
        open('d', { state: 'shelved' }),
      ],
    );
    expect(result.activeByPriority).toEqual({ critical: 1, high: 1, medium: 0, low: 0 });
    expect(result.unacknowledged).toBe(2);
    expect(result.shelved).toBe(1);
    expect(result.stale.map((s) => s.alarmId)).toEqual(['b']);
    expect(result.priorityLast24h).toEqual({ critical: 1, high: 0, medium: 0, low: 1 });
  });
});

describe('console badges', () => {
  it('counts standing alarms by priority and unacknowledged ones per mine, leaving out shelved-only mines', () => {
    const badges = mineAlarmBadges([
      open('a', { state: 'unack_active', priority: 'critical' }),
      open('b', { state: 'ack_active', priority: 'low' }),
      open('c', { state: 'rtn_unack', priority: 'high' }),
      open('d', { state: 'shelved', mineId: 'm2' }),
    ]);
    expect(badges).toEqual([
      { mineId: 'm1', critical: 1, high: 0, medium: 0, low: 1, unacknowledged: 2, underground: 0 },
    ]);
  });
});
