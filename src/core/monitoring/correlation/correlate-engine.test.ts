import { describe, expect, it } from 'vitest';
import { REGULATIONS_2016_THRESHOLDS } from '../thresholds/regulations-2016-threshold-table.ts';
import { parseSensorRelations, type PointDefinition } from '../upload-file/point-definition-records.ts';
import type { AlarmChange, MonitoredMine } from '../engine/engine-types.ts';
import { def, reading, T0 } from '../engine/engine.test-helper.ts';
import { MonitoringEngine } from '../engine/monitoring-engine.ts';
import { correlateMines } from './correlate-engine.ts';

const MINE: MonitoredMine = {
  id: 'm1',
  code: '990102000001',
  name: '测试煤矿',
  status: 'producing',
  approvedMaxUnderground: 30,
  gasClass: 'high',
  regionPath: '/990000/990100/990102/',
};

const point = (code: string, type: string, location: string, over: Partial<PointDefinition> = {}) =>
  def(code, type, {
    location,
    unit: type === '0001' ? '%CH4' : '',
    onText: type === '1004' ? '运行' : type === '1011' ? '有电' : '',
    offText: type === '1004' ? '停止' : type === '1011' ? '无电' : '',
    ...over,
  });
const r = (pointCode: string, value: number, t: number) => reading(pointCode, value, t);

/** The engine and the correlator as the runtime drives them: each call's changes, then correlation. */
function setUp() {
  const e = new MonitoringEngine({ capacity: 64, thresholds: REGULATIONS_2016_THRESHOLDS });
  e.upsertMine(MINE, T0);
  e.definePoints(
    'm1',
    [
      point('T1', '0001', '1301工作面T1', {
        upperAlarm: 1,
        upperPowerCut: 1.5,
        upperPowerRestore: 1,
        relations: parseSensorRelations('D-FEED-1301采煤机'),
      }),
      point('FEED', '1011', '1301工作面 采煤机电源'),
      point('SHEARER', '1004', '1301工作面 采煤机'),
      point('T1B', '0001', '1302工作面T1', { upperAlarm: 1 }),
    ],
    T0,
  );
  const raised: AlarmChange[] = [];
  const run = (changes: AlarmChange[], t: number) => {
    const out = correlateMines(e, ['m1'], t, changes);
    raised.push(...out);
    return out;
  };
  const read = (t: number, ...rs: Array<ReturnType<typeof r>>) =>
    run(e.ingestReadings('m1', rs, t).changes, t);
  const tick = (t: number) => run(e.tick(t), t);
  const incidents = () =>
    raised.filter((c) => c.effects.some((x) => x.kind === 'state-changed' && x.to === 'unack_active'));
  return { e, read, tick, incidents };
}

describe('correlation through the engine, on data time', () => {
  it('gas over the limit at another face does not make this face’s running shearer an incident', () => {
    const { read, incidents } = setUp();
    read(T0, r('T1B', 1.2, T0), r('SHEARER', 1, T0));
    read(T0 + 30_000, r('T1B', 1.2, T0 + 30_000), r('SHEARER', 1, T0 + 30_000));
    expect(incidents()).toEqual([]); // within the grace: the cut may still come
    read(T0 + 60_000, r('T1B', 1.25, T0 + 60_000), r('SHEARER', 1, T0 + 60_000));
    read(T0 + 90_000, r('T1B', 1.3, T0 + 90_000), r('SHEARER', 1, T0 + 90_000));
    // (1302 has no running equipment of its own; the shearer is the 1301 face's)
    expect(incidents()).toEqual([]);
  });

  it('a power cut that does not take effect becomes one incident with the cut, the alarm and the powered feed', () => {
    const { read, tick, incidents } = setUp();
    read(T0, r('T1', 1.6, T0), r('FEED', 1, T0));
    read(T0 + 40_000, r('FEED', 1, T0 + 40_000));
    tick(T0 + 40_000);
    const inc = incidents().map((c) => c.alarm);
    expect(inc.map((a) => `${a.rule}:${a.subject}:${a.priority}`)).toEqual([
      'incident_power_cut_ineffective:T1:critical',
    ]);
    expect(inc[0]!.activeSinceMs).toBe(T0 + 40_000);
    expect(inc[0]!.evidence!.map((x) => x.rule ?? x.pointCode)).toEqual([
      'power_cut_level',
      'power_cut_ineffective',
      'FEED',
    ]);
    // Power goes off: the incident returns (still to be acknowledged), dated by the feed's reading.
    const after = read(T0 + 50_000, r('FEED', 0, T0 + 50_000));
    const cleared = tick(T0 + 50_000);
    const back = [...after, ...cleared].findLast((c) => c.alarm.rule === 'incident_power_cut_ineffective');
    expect(back?.alarm).toMatchObject({ state: 'rtn_unack', conditionActive: false });
  });

  it('gas over the limit at the face while its shearer runs past the grace: incident, not before', () => {
    const { read, incidents } = setUp();
    // The face's own T1 at its alarm level (below the cut), the shearer still running.
    read(T0, r('T1', 1.2, T0), r('SHEARER', 1, T0), r('FEED', 1, T0));
    read(T0 + 30_000, r('T1', 1.2, T0 + 30_000), r('SHEARER', 1, T0 + 30_000));
    expect(incidents()).toEqual([]);
    read(T0 + 60_000, r('T1', 1.2, T0 + 60_000), r('SHEARER', 1, T0 + 60_000));
    const inc = incidents().map((c) => c.alarm);
    expect(inc.map((a) => `${a.rule}:${a.subject}`)).toEqual(['incident_gas_production:T1']);
    expect(inc[0]!.activeSinceMs).toBe(T0 + 60_000);
  });
});
