import { describe, expect, it } from 'vitest';
import {
  ALARM_EVIDENCE_SLACK_MS,
  activationsOf,
  compareAlarmEvidence,
  type RedlineAlarmEdge,
} from './alarm-evidence.ts';
import type { MineAlarmRecord } from './evidence-records.ts';

const T = Date.parse('2026-12-05T00:00:00Z');
const MIN = 60_000;
const CH4 = '99010200000101MN000101';
const CO = '99010200000101MN000401';

const edge = (
  alarmId: string,
  subject: string,
  atMs: number,
  e: 'raised' | 'cleared',
  rule: RedlineAlarmEdge['rule'] = 'over_limit',
): RedlineAlarmEdge => ({ alarmId, rule, subject, atMs, edge: e });

const record = (pointCode: string, startMs: number, endMs: number | null, measures: string, code = '001') =>
  ({
    mineId: 'm1',
    pointCode,
    sensorTypeName: '甲烷',
    location: '1301工作面',
    unit: '%CH4',
    anomalyCode: code,
    startMs,
    endMs,
    maxValue: 1.2,
    cause: '',
    measures,
    enteredAtMs: measures === '' ? null : startMs + 10 * MIN,
    enteredBy: measures === '' ? '' : '调度员',
    dataTimeMs: startMs,
    receivedMs: startMs,
  }) satisfies MineAlarmRecord;

describe('Redline alarms against the mine’s own YCBJ records', () => {
  const edges = [
    edge('m1|over_limit|ch4', CH4, T + 10 * MIN, 'raised'),
    edge('m1|over_limit|ch4', CH4, T + 20 * MIN, 'cleared'),
    edge('m1|over_limit|co', CO, T + 30 * MIN, 'raised'),
    edge('m1|over_limit|ch4', CH4, T + 40 * MIN, 'raised'),
    // Not something a mine's system records as a point alarm: left out of the comparison.
    edge('m1|people_in_stopped_mine|', '', T + 5 * MIN, 'raised', 'people_in_stopped_mine'),
  ];
  const acts = activationsOf(edges, T, T + 60 * MIN);

  it('pairs raises and clears into activations of reportable rules only', () => {
    expect(
      acts.map((a) => [a.pointCode, a.raisedMs - T, a.clearedMs === null ? null : a.clearedMs - T]),
    ).toEqual([
      [CH4, 10 * MIN, 20 * MIN],
      [CO, 30 * MIN, null],
      [CH4, 40 * MIN, null],
    ]);
  });

  it('an alarm the mine never reported is hidden; a record without handling counts against the rate', () => {
    const records = [
      record(CH4, T + 11 * MIN, T + 19 * MIN, '已撤人、加强通风'),
      record(CH4, T + 41 * MIN, null, ''),
    ];
    const e = compareAlarmEvidence(acts, records, T, T + 60 * MIN, ALARM_EVIDENCE_SLACK_MS);
    expect(e.redlineCount).toBe(3);
    expect(e.mineCount).toBe(2);
    expect(e.hidden.map((a) => a.pointCode)).toEqual([CO]);
    expect(e.unhandled.map((r) => r.startMs - T)).toEqual([41 * MIN]);
    expect(e.handlingRate).toBe(0.5);
  });

  it('a record on the same point but with another code, or far apart in time, does not report the alarm', () => {
    const records = [
      record(CO, T + 30 * MIN, null, '处理', '004'),
      record(CH4, T - 30 * MIN, T - 20 * MIN, '处理'),
    ];
    const e = compareAlarmEvidence(acts, records, T - 60 * MIN, T + 60 * MIN, ALARM_EVIDENCE_SLACK_MS);
    expect(e.hidden).toHaveLength(3);
  });

  it('no records: every alarm hidden and no rate to show', () => {
    const e = compareAlarmEvidence(acts, [], T, T + 60 * MIN, ALARM_EVIDENCE_SLACK_MS);
    expect(e.hidden).toHaveLength(3);
    expect(e.handlingRate).toBeNull();
  });
});
