import { describe, expect, it } from 'vitest';
import { REGULATIONS_2016_THRESHOLDS } from '../thresholds/regulations-2016-threshold-table.ts';
import { parseSensorRelations, type PointDefinition } from '../upload-file/point-definition-records.ts';
import type { AlarmChange, MonitoredMine } from './engine-types.ts';
import { def, MINE, person, reading, T0 } from './engine.test-helper.ts';
import { MonitoringEngine, SWEEP_EVERY_MS } from './monitoring-engine.ts';

function setUp(status: MonitoredMine['status'] = 'producing') {
  const e = new MonitoringEngine({ capacity: 64, thresholds: REGULATIONS_2016_THRESHOLDS });
  e.upsertMine({ ...MINE, status }, T0);
  e.definePoints(
    'm1',
    [
      def('CH4-T1', '0001', {
        unit: '%CH4',
        upperAlarm: 1,
        upperPowerCut: 1.5,
        upperPowerRestore: 1,
        location: '1301工作面T1',
        relations: parseSensorRelations('D-FEED-1301采煤机'),
      }),
      def('FEED', '1011', { onText: '有电', offText: '无电', location: '1301工作面 采煤机电源' }),
      def('SMOKE', '1008', { onText: '有烟', offText: '无烟', location: '主运输皮带巷' }),
      def('SLIP', '1005', {
        onText: '打滑保护动作',
        offText: '正常',
        location: '主运输皮带巷 皮带机头 打滑保护',
      }),
      def('BELT', '1004', { onText: '运行', offText: '停止', location: '主运输皮带巷 皮带机头' }),
    ],
    T0,
  );
  return e;
}

/** The engine after CH4-T1 and SMOKE both reported at T0 and then only SMOKE, `smokeAgainMin` minutes later. */
function withSilentMethane(smokeAgainMin: number) {
  const e = setUp();
  e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0), reading('SMOKE', 0, T0)], T0);
  e.ingestReadings('m1', [reading('SMOKE', 0, T0 + smokeAgainMin * 60_000)], T0 + smokeAgainMin * 60_000);
  return e;
}

const rules = (changes: AlarmChange[], to = 'unack_active') =>
  changes
    .filter((c) => c.effects.some((x) => x.kind === 'state-changed' && x.to === to))
    .map((c) => `${c.alarm.rule}:${c.alarm.subject}`);

describe('monitoring engine rules', () => {
  it('power cut ineffective: raised when the related feed still reports power after the grace time', () => {
    const e = setUp();
    expect(rules(e.ingestReadings('m1', [reading('CH4-T1', 1.6, T0)], T0).changes)).toEqual(
      expect.arrayContaining(['power_cut_level:CH4-T1', 'over_limit:CH4-T1']),
    );
    e.ingestReadings('m1', [reading('FEED', 1, T0 + 10_000)], T0 + 10_000);
    expect(rules(e.tick(T0 + 10_000))).not.toContain('power_cut_ineffective:CH4-T1');
    e.ingestReadings('m1', [reading('FEED', 1, T0 + 40_000)], T0 + 40_000);
    expect(rules(e.tick(T0 + 40_000))).toContain('power_cut_ineffective:CH4-T1');
    e.ingestReadings('m1', [reading('FEED', 0, T0 + 50_000)], T0 + 50_000);
    expect(rules(e.tick(T0 + 50_000), 'rtn_unack')).toContain('power_cut_ineffective:CH4-T1');
  });

  it('power cut that takes effect in time raises nothing more', () => {
    const e = setUp();
    e.ingestReadings('m1', [reading('CH4-T1', 1.6, T0), reading('FEED', 0, T0 + 5_000)], T0);
    e.ingestReadings('m1', [reading('FEED', 0, T0 + 40_000)], T0 + 40_000);
    expect(rules(e.tick(T0 + 40_000))).not.toContain('power_cut_ineffective:CH4-T1');
  });

  it.each([
    ['smoke', 'SMOKE', 1, 'smoke:SMOKE'],
    ['a tripped belt protection', 'SLIP', 1, 'belt_protection:SLIP'],
  ])('raises on %s and clears when it stops', (_n, code, value, rule) => {
    const e = setUp();
    expect(rules(e.ingestReadings('m1', [reading(code, value, T0)], T0).changes)).toContain(rule);
    expect(
      rules(e.ingestReadings('m1', [reading(code, 0, T0 + 10_000)], T0 + 10_000).changes, 'rtn_unack'),
    ).toContain(rule);
  });

  it('a running belt in a suspended mine is a production signal; in a producing mine it is not', () => {
    expect(rules(setUp('producing').ingestReadings('m1', [reading('BELT', 1, T0)], T0).changes)).toEqual([]);
    expect(rules(setUp('suspended').ingestReadings('m1', [reading('BELT', 1, T0)], T0).changes)).toEqual([
      'activity_in_stopped_mine:',
    ]);
  });

  it.each(['suspended', 'resumption_review'] as const)(
    'a %s mine stays stopped: a running belt and people underground are critical',
    (status) => {
      const e = setUp(status);
      expect(rules(e.ingestReadings('m1', [reading('BELT', 1, T0)], T0).changes)).toEqual([
        'activity_in_stopped_mine:',
      ]);
      expect(rules(e.personnel.ingest({ ...MINE, status }, [person('c01', null, T0)], T0, T0))).toContain(
        'people_in_stopped_mine:',
      );
    },
  );

  it('applying for resumption keeps the people-underground alarm active; approval (producing) clears it', () => {
    const e = setUp('suspended');
    e.personnel.ingest({ ...MINE, status: 'suspended' }, [person('c01', null, T0)], T0, T0);
    expect(e.upsertMine({ ...MINE, status: 'resumption_review' }, T0 + 1000)).toEqual([]);
    expect(e.alarms.isActive('m1', 'people_in_stopped_mine', '')).toBe(true);
    const approved = e.upsertMine({ ...MINE, status: 'producing' }, T0 + 2000);
    expect(rules(approved, 'rtn_unack')).toContain('people_in_stopped_mine:');
  });

  it('any data from a closed mine is a production signal', () => {
    expect(rules(setUp('closed').ingestReadings('m1', [reading('CH4-T1', 0.01, T0)], T0).changes)).toEqual([
      'activity_in_stopped_mine:',
    ]);
  });

  it('rejects readings of undefined points with a reason; keeps late readings without judging them', () => {
    const e = setUp();
    e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0 + 20_000)], T0);
    const r = e.ingestReadings(
      'm1',
      [reading('NOPE', 1, T0), reading('CH4-T1', 3.5, T0 + 10_000), reading('FEED', 1, T0)],
      T0,
    );
    // The late methane reading (older than the last) is stored, and its 3.5 % raises nothing.
    expect(r.batch.length).toBe(2);
    expect(r.changes).toEqual([]);
    expect(e.lastValue(e.pointId('m1', 'CH4-T1')!)).toBe(0.2);
    expect(r.rejected.map((x) => x.reason)).toEqual(['unknown point: send its definition (CDDY) first']);
  });

  it('people: underground in a stopped mine (critical), over the mine maximum, over the overtime limit', () => {
    const stopped = setUp('closing');
    expect(
      rules(stopped.personnel.ingest({ ...MINE, status: 'closing' }, [person('c01', null, T0)], T0, T0)),
    ).toEqual(['people_in_stopped_mine:']);
    const e = setUp();
    const four = ['c01', 'c02', 'c03', 'c04'].map((c) => person(c, null, T0));
    expect(rules(e.personnel.ingest(MINE, four, T0, T0))).toEqual(['headcount_over_limit:']);
    // Overtime is judged at the snapshot's own time: the same four people, 13 h later.
    const later = e.personnel.ingest(MINE, four, T0 + 13 * 3_600_000, T0 + 13 * 3_600_000);
    expect(rules(later)).toEqual(['overtime_underground:']);
    expect(later.find((c) => c.alarm.rule === 'overtime_underground')!.atMs).toBe(T0 + 13 * 3_600_000);
    // An older snapshot arriving late changes nothing.
    expect(e.personnel.ingest(MINE, [], T0 - 1000, T0)).toEqual([]);
    expect(e.personnel.underground('m1')).toHaveLength(4);
  });

  it('people: over an area approval and in a restricted area', () => {
    const e = setUp();
    e.personnel.defineAreas('m1', [
      { areaType: '重点区域', areaCode: 'A1', approvedHeadcount: 1, areaName: '1301工作面' },
      { areaType: '限制区域', areaCode: 'A2', approvedHeadcount: 0, areaName: '采空区密闭' },
    ]);
    const r = e.personnel.ingest(
      MINE,
      [person('c01', 'A1', T0), person('c02', 'A1', T0), person('c03', 'A2', T0)],
      T0,
      T0,
    );
    expect(rules(r).sort()).toEqual(['area_over_limit:A1', 'restricted_area:A2']);
  });

  it('a silent producing mine is one alarm (not one per point), dated when the silence began to count', () => {
    const e = setUp();
    e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0), reading('SMOKE', 0, T0)], T0);
    const changes = e.tick(T0 + 6 * 60_000);
    expect(rules(changes)).toEqual(['mine_data_stopped:']);
    expect(changes[0]!.atMs).toBe(T0 + 5 * 60_000);
    expect(changes[0]!.receivedMs).toBe(T0 + 6 * 60_000);
  });

  it('a silent point while the rest of its mine reports', () => {
    const e = withSilentMethane(5.5);
    const changes = e.tick(T0 + 6 * 60_000);
    expect(rules(changes)).toEqual(['point_silent:CH4-T1']);
    expect(changes[0]!.atMs).toBe(T0 + 5 * 60_000);
  });

  it('sweeps for silence every few seconds of the receiving clock, not every tick; the alarm keeps its data time', () => {
    const e = withSilentMethane(4.9);
    // A sweep just before the point's silence counts: nothing yet.
    expect(rules(e.tick(T0 + 5 * 60_000 - 500))).toEqual([]);
    // Within SWEEP_EVERY_MS of that sweep the point is not re-judged, although it is now past its limit.
    expect(rules(e.tick(T0 + 5 * 60_000 + 1_000))).toEqual([]);
    const swept = e.tick(T0 + 5 * 60_000 - 500 + SWEEP_EVERY_MS);
    expect(rules(swept)).toEqual(['point_silent:CH4-T1']);
    expect(swept[0]!.atMs).toBe(T0 + 5 * 60_000);
  });

  it('suppresses a point\u2019s silence by design while a mine is suspended, never the mine\u2019s own (it must keep monitoring online)', () => {
    const e = withSilentMethane(5.5);
    e.tick(T0 + 6 * 60_000);
    e.tick(T0 + 12 * 60_000);
    const suspended = e.upsertMine({ ...MINE, status: 'suspended' }, T0 + 13 * 60_000);
    expect(rules(suspended, 'suppressed').sort()).toEqual(['point_silent:CH4-T1']);
    const back = e.upsertMine({ ...MINE, status: 'producing' }, T0 + 14 * 60_000);
    expect(rules(back).sort()).toEqual(['point_silent:CH4-T1']);
    const closed = e.upsertMine({ ...MINE, status: 'closed' }, T0 + 15 * 60_000);
    expect(rules(closed, 'suppressed').sort()).toEqual(['mine_data_stopped:', 'point_silent:CH4-T1']);
  });

  it('a silent mine raises mine_data_stopped whatever its status but closed, dated when the silence began to count', () => {
    for (const status of ['suspended', 'resumption_review', 'closing', 'construction', 'closed'] as const) {
      const e = setUp();
      e.upsertMine({ ...MINE, status }, T0);
      e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0), reading('SMOKE', 0, T0)], T0);
      const changes = e.tick(T0 + 6 * 60_000).filter((c) => c.alarm.rule === 'mine_data_stopped');
      if (status === 'closed') expect(changes, status).toEqual([]);
      else {
        expect(
          changes.map((c) => [c.alarm.rule, c.atMs]),
          status,
        ).toEqual([['mine_data_stopped', T0 + 5 * 60_000]]);
        expect(changes[0]!.alarm.message).toMatch(
          new RegExp(`^The ${status} mine .* must keep monitoring online`),
        );
      }
    }
  });

  it('flags an upload whose points all carry one timestamp', () => {
    const e = new MonitoringEngine({ capacity: 64, thresholds: REGULATIONS_2016_THRESHOLDS });
    e.upsertMine(MINE, T0);
    const codes = Array.from({ length: 25 }, (_, i) => `P${i}`);
    e.definePoints(
      'm1',
      codes.map((c) => def(c, '0003', { location: '运输巷' })),
      T0,
    );
    const same = e.ingestReadings(
      'm1',
      codes.map((c) => reading(c, 20, T0)),
      T0,
    );
    expect(rules(same.changes)).toEqual(['suspected_tampering:identical-timestamps']);
    const varied = e.ingestReadings(
      'm1',
      codes.map((c, i) => reading(c, 20, T0 + 1000 + i * 300)),
      T0,
    );
    expect(rules(varied.changes)).toEqual([]);
  });

  describe('flat lines (suspected falsification)', () => {
    function feed(
      e: MonitoringEngine,
      codes: string[],
      value: (code: string, i: number) => number,
      n: number,
    ) {
      for (let i = 0; i < n; i++) {
        const t = T0 + i * 30_000;
        e.ingestReadings(
          'm1',
          codes.map((c) => reading(c, value(c, i), t + codes.indexOf(c) * 100)),
          t,
        );
      }
      return rules(e.tick(T0 + n * 30_000));
    }
    const setUpTemps = () => {
      const e = new MonitoringEngine({ capacity: 64, thresholds: REGULATIONS_2016_THRESHOLDS });
      e.upsertMine(MINE, T0);
      e.definePoints(
        'm1',
        ['TA', 'TB', 'TC', 'TD', 'TE'].map((c) => def(c, '0003', { location: '运输巷' })),
        T0,
      );
      return e;
    };

    const setUp = (type: string, location: string) => {
      const e = new MonitoringEngine({ capacity: 64, thresholds: REGULATIONS_2016_THRESHOLDS });
      e.upsertMine(MINE, T0);
      e.definePoints(
        'm1',
        ['A', 'B', 'C', 'D', 'E'].map((c) => def(c, type, { location })),
        T0,
      );
      return e;
    };

    it('a steady temperature is normal: not flagged alone, even while neighbours vary', () => {
      const r = feed(
        setUpTemps(),
        ['TA', 'TB', 'TC', 'TD', 'TE'],
        (c, i) => (c === 'TA' ? 21.3 : 20 + ((i * 7) % 5) / 10),
        61,
      );
      expect(r).toEqual([]);
    });

    it('flags a methane point frozen above its resolution while its neighbours vary', () => {
      const vary = (c: string, i: number) => (c === 'A' ? 0.23 : 0.2 + ((i * 7) % 5) / 100);
      expect(feed(setUp('0001', '回风巷T2'), ['A', 'B', 'C', 'D', 'E'], vary, 61)).toEqual([
        'suspected_tampering:flat-line:A',
      ]);
    });

    it.each([
      ['fresh-air O2 at 20.8 %', '0012', '主要进风大巷', 20.8, (i: number) => 20.7 + (i % 2) / 10],
      ['CO at 0 ppm', '0004', '皮带巷', 0, (i: number) => i % 3],
      ['methane at 0.00 % in intake air', '0001', '进风巷', 0, (i: number) => 0.02 + (i % 3) / 100],
    ])('%s is steady by nature, not flagged', (_label, type, location, steady, varying) => {
      const r = feed(
        setUp(type, location),
        ['A', 'B', 'C', 'D', 'E'],
        (c, i) => (c === 'A' ? steady : varying(i)),
        61,
      );
      expect(r).toEqual([]);
    });

    it('flags a producing mine whose analog points are all frozen', () => {
      const r = feed(setUpTemps(), ['TA', 'TB', 'TC', 'TD', 'TE'], () => 21.3, 61);
      expect(r).toEqual(['suspected_tampering:flat-line:all']);
    });

    it('says nothing while values vary, or before the window is full', () => {
      expect(feed(setUpTemps(), ['TA', 'TB', 'TC', 'TD', 'TE'], (_c, i) => 20 + (i % 3) / 10, 61)).toEqual(
        [],
      );
      expect(
        feed(
          setUpTemps(),
          ['TA', 'TB', 'TC', 'TD', 'TE'],
          (c, i) => (c === 'TA' ? 21.3 : 20 + (i % 3) / 10),
          30,
        ),
      ).toEqual([]);
    });
  });
});

describe('data time drives the rules (issue 12)', () => {
  const H = 3_600_000;

  it("a buffered upload replayed an hour later raises and clears at the readings' times, received now", () => {
    const e = setUp();
    const now = T0 + H;
    const r = e.ingestReadings(
      'm1',
      [reading('CH4-T1', 0.3, T0), reading('CH4-T1', 1.2, T0 + 30_000), reading('CH4-T1', 0.4, T0 + 60_000)],
      now,
    );
    const raised = r.changes.find((c) => c.alarm.rule === 'over_limit' && c.cause === 'raised')!;
    const cleared = r.changes.find((c) => c.alarm.rule === 'over_limit' && c.cause === 'cleared')!;
    expect([raised.atMs, cleared.atMs]).toEqual([T0 + 30_000, T0 + 60_000]);
    expect([raised.receivedMs, cleared.receivedMs]).toEqual([now, now]);
    expect(r.late).toBe(3);
    // Escalation counts from receipt: nobody could acknowledge before the data arrived.
    expect(e.tick(now + 1000).some((c) => c.effects.some((x) => x.kind === 'escalate'))).toBe(false);
  });

  it('judges an upload in the order of its data times, whatever order it lists them in', () => {
    const e = setUp();
    const r = e.ingestReadings(
      'm1',
      [reading('CH4-T1', 0.2, T0 + 30_000), reading('CH4-T1', 1.2, T0)],
      T0 + 30_000,
    );
    expect(rules(r.changes)).toContain('over_limit:CH4-T1');
    expect(rules(r.changes, 'rtn_unack')).toContain('over_limit:CH4-T1');
    expect(r.batch.length).toBe(2);
  });

  it('refuses readings dated beyond the clock skew or before the raw retention, with a reason', () => {
    const e = setUp();
    const r = e.ingestReadings(
      'm1',
      [
        reading('CH4-T1', 0.2, T0 + 6 * 60_000),
        reading('CH4-T1', 0.2, T0 - 101 * 24 * H),
        reading('CH4-T1', 0.2, T0 + 60_000),
      ],
      T0,
    );
    expect(r.rejected.map((x) => [x.index, x.reason.split(':')[0]])).toEqual([
      [1, 'READING_TIME_TOO_OLD'],
      [0, 'READING_TIME_IN_FUTURE'],
    ]);
    expect(r.batch.length).toBe(1);
  });

  it("finds a gap in a point's uploaded history when the files arrive late", () => {
    const e = setUp();
    e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0), reading('SMOKE', 0, T0)], T0);
    // The smoke point kept reporting; the methane point's next reading is 20 minutes later.
    e.ingestReadings('m1', [reading('SMOKE', 0, T0 + 10 * 60_000)], T0 + 10 * 60_000);
    const r = e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0 + 20 * 60_000)], T0 + 20 * 60_000);
    const silent = r.changes.filter((c) => c.alarm.rule === 'point_silent').map((c) => [c.cause, c.atMs]);
    expect(silent).toEqual([
      ['raised', T0 + 5 * 60_000],
      ['cleared', T0 + 20 * 60_000],
    ]);
  });

  it('a whole-mine gap in uploaded history is one mine_data_stopped, no point alarms', () => {
    const e = setUp();
    e.ingestReadings('m1', [reading('CH4-T1', 0.2, T0), reading('SMOKE', 0, T0)], T0);
    const r = e.ingestReadings(
      'm1',
      [reading('CH4-T1', 0.2, T0 + 30 * 60_000), reading('SMOKE', 0, T0 + 30 * 60_000)],
      T0 + 31 * 60_000,
    );
    expect(r.changes.map((c) => [c.alarm.rule, c.cause, c.atMs])).toEqual([
      ['mine_data_stopped', 'raised', T0 + 5 * 60_000],
      ['mine_data_stopped', 'cleared', T0 + 30 * 60_000],
    ]);
  });

  it('keeps the peak value of an activation and when it was read', () => {
    const e = setUp();
    e.ingestReadings(
      'm1',
      [reading('CH4-T1', 1.1, T0), reading('CH4-T1', 1.4, T0 + 30_000), reading('CH4-T1', 1.2, T0 + 60_000)],
      T0 + 60_000,
    );
    const a = e.alarms.get('m1|over_limit|CH4-T1')!;
    expect([a.peakValue, a.peakMs, a.activeSinceMs]).toEqual([1.4, T0 + 30_000, T0]);
  });
});

describe('rules as the regulation words them (issue 12)', () => {
  function withPoint(d: PointDefinition, gas: MonitoredMine['gasClass'] = 'high') {
    const e = new MonitoringEngine({ capacity: 8, thresholds: REGULATIONS_2016_THRESHOLDS });
    e.upsertMine({ ...MINE, gasClass: gas }, T0);
    const [p] = e.definePoints('m1', [d], T0);
    return { e, p: p! };
  }
  const feed = (e: MonitoringEngine, code: string, values: number[]) =>
    values.map((v, i) => {
      const r = e.ingestReadings('m1', [reading(code, v, T0 + (i + 1) * 30_000)], T0 + (i + 1) * 30_000);
      return [...rules(r.changes), ...rules(r.changes, 'rtn_unack').map((x) => `cleared ${x}`)];
    });

  // Each case: a point, readings, and what each reading raises or clears — citing its article.
  it.each([
    {
      name: 'art. 655: a face over 26 ℃ (26.0 itself is compliant); stop work over 30 ℃',
      d: def('T-FACE', '0003', { unit: '℃', upperAlarm: 26, location: '1301工作面' }),
      values: [26.0, 26.1, 30.0, 30.1, 29.9],
      expected: [
        [],
        ['over_limit:T-FACE'],
        [],
        ['stop_work_level:T-FACE'],
        ['cleared stop_work_level:T-FACE'],
      ],
    },
    {
      name: 'art. 655: a chamber over 30 ℃, stop work over 34 ℃',
      d: def('T-ROOM', '0003', { unit: '℃', location: '中央变电所' }),
      values: [30.0, 30.5, 34.0, 34.2],
      expected: [[], ['over_limit:T-ROOM'], [], ['stop_work_level:T-ROOM']],
    },
    {
      name: 'art. 135: CO must not exceed 24 ppm (24 itself is compliant)',
      d: def('CO', '0004', { unit: 'ppm', upperAlarm: 24, location: '主运输皮带巷' }),
      values: [24, 24.5, 24],
      expected: [['pre_alarm:CO'], ['over_limit:CO'], ['cleared over_limit:CO']],
    },
    {
      name: 'art. 498: methane alarm ≥ 1.0 (1.0 itself alarms); the 80 % pre-alarm (platform policy) fires',
      d: def('CH4', '0001', { unit: '%CH4', upperAlarm: 1, upperPowerCut: 1.5, location: '1301工作面T1' }),
      values: [0.79, 0.8, 1.0],
      expected: [[], ['pre_alarm:CH4'], ['over_limit:CH4']],
    },
    {
      name: 'art. 498 (issue 12): a trackless vehicle alarms at 0.5 and cuts at 0.7',
      d: def('CH4-V', '0001', { unit: '%CH4', location: '3号无轨胶轮车' }),
      values: [0.5, 0.69, 0.7],
      expected: [['over_limit:CH4-V', 'pre_alarm:CH4-V'], [], ['power_cut_level:CH4-V']],
    },
    {
      name: 'art. 135: O2 in face intake air below 20 % (20.0 itself is compliant)',
      d: def('O2', '0012', { unit: '%', location: '1301工作面进风巷' }),
      values: [20.0, 19.9],
      expected: [[], ['low_limit:O2']],
    },
  ])('$name', ({ d, values, expected }) => {
    const { e } = withPoint(d);
    expect(feed(e, d.pointCode, values).map((x) => x.sort())).toEqual(expected.map((x) => [...x].sort()));
  });

  it('stop-work temperature is critical', () => {
    const { e } = withPoint(def('T-FACE', '0003', { unit: '℃', location: '1301工作面' }));
    feed(e, 'T-FACE', [31]);
    expect(e.alarms.get('m1|stop_work_level|T-FACE')?.priority).toBe('critical');
  });

  it('a methane point declared in %LEL is a finding; its values are not read as % CH4', () => {
    const { p } = withPoint(
      def('CH4-LEL', '0001', { unit: '%LEL', upperAlarm: 20, location: '1301工作面T1' }),
    );
    expect(p.settingFindings.join('\n')).toMatch(/unit-incompatible/);
    // Only the mine's own setting (20 %LEL) is enforced; the regulation's 1.0 is not applied to %LEL values.
    expect(p.effectiveThresholds.upperAlarm).toBe(20);
  });
});
