import { describe, expect, it } from 'vitest';
import { cst, MINE, parseRecords } from './upload-file.test-helper.ts';

describe('safety-monitoring files', () => {
  it('CDDY: a methane point definition with thresholds, "not set" values and relations', () => {
    const header = `${MINE};测试煤矿;KJ95X;煤矿安全监控系统;XX科技;2028-01-01;2026-09-23 10:13:19`;
    const record =
      '6208230092030101MN0001;01;620823009203DT4001;0001;MN;%CH4;4;0;1.0;0.99;;;1.5;1.0;-0.01;;;;1301工作面T1;12.5;30.0;-250.3;' +
      'D-6208230092030101KG1011-馈电传感器:D-6208230092030101KG1009◇B-6208230092030101KG1001;2026-09-23 10:00:00';
    const file = parseRecords('CDDY', [record], header);
    expect(file.header).toMatchObject({ systemModel: 'KJ95X', certificateDateText: '2028-01-01' });
    expect(file.rejected).toEqual([]);
    expect(file.records[0]).toEqual({
      pointCode: '6208230092030101MN0001',
      systemCode: '01',
      substationCode: '620823009203DT4001',
      sensorTypeCode: '0001',
      valueType: 'MN',
      unit: '%CH4',
      rangeHigh: 4,
      rangeLow: 0,
      upperAlarm: 1,
      upperAlarmRelease: 0.99,
      lowerAlarm: null,
      lowerAlarmRelease: null,
      upperPowerCut: 1.5,
      upperPowerRestore: 1,
      lowerPowerCut: null,
      lowerPowerRestore: null,
      onText: '',
      offText: '',
      location: '1301工作面T1',
      x: 12.5,
      y: 30,
      z: -250.3,
      relations: [
        {
          raw: 'D-6208230092030101KG1011-馈电传感器:D-6208230092030101KG1009',
          source: {
            relationCode: 'D',
            relation: 'power-cut',
            pointCode: '6208230092030101KG1011',
            deviceName: '馈电传感器',
          },
          targets: [
            {
              relationCode: 'D',
              relation: 'power-cut',
              pointCode: '6208230092030101KG1009',
              deviceName: null,
            },
          ],
        },
        {
          raw: 'B-6208230092030101KG1001',
          source: {
            relationCode: 'B',
            relation: 'interlock',
            pointCode: '6208230092030101KG1001',
            deviceName: null,
          },
          targets: [],
        },
      ],
      dataTimeMs: cst(10, 0, 0),
    });
  });

  it('CDDY: an unknown value type or a non-4-digit sensor type rejects the record', () => {
    const header = `${MINE};测试煤矿;KJ95X;煤矿安全监控系统;XX科技;2028-01-01;2026-09-23 10:13:19`;
    const base = (type: string, vt: string): string =>
      `P1;01;S1;${type};${vt};%;4;0;1;1;;;;;;;;;loc;;;;;2026-09-23 10:00:00`;
    const file = parseRecords('CDDY', [base('0001', 'XX'), base('01', 'MN'), base('0004', 'MN')], header);
    expect(file.records.map((r) => r.sensorTypeCode)).toEqual(['0004']);
    expect(file.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'valueType'],
      [3, 'sensorTypeCode'],
    ]);
    expect(file.rejected[0]?.reason).toMatch(/MN\/KG\/LJ\/DT/);
  });

  it('YCBJ: an open alarm has a null end time and a known anomaly kind', () => {
    const record =
      '6208230092030101MN0001;环境瓦斯;1301工作面T1;%CH4;001;2026-09-23 10:05:00;;1.12;2026-09-23 10:06:00;1.01;2026-09-23 10:05:00;1.05;;;;;2026-09-23 10:13:00';
    const file = parseRecords('YCBJ', [record]);
    expect(file.records[0]).toMatchObject({
      anomalyCode: '001',
      anomaly: 'over-limit-alarm',
      startMs: cst(10, 5, 0),
      endMs: null,
      maxValue: 1.12,
      averageValue: 1.05,
      enteredAtMs: null,
    });
  });

  it.each(['RYCS', 'RYCY', 'RYXZ', 'RYQJ'] as const)(
    '%s (a personnel alarm file): accepted, each record kept as its fields, the card read when first',
    (type) => {
      const card = `${MINE}00007`;
      const records = [`${card};张三;2026-09-23 06:00:00;2026-09-23 10:13:00`, `其它;2`];
      const file = parseRecords(type, records);
      expect(file.records).toEqual([
        { cardCode: card, fields: [card, '张三', '2026-09-23 06:00:00', '2026-09-23 10:13:00'] },
        { cardCode: null, fields: ['其它', '2'] },
      ]);
      expect(file.rejected).toEqual([]);
    },
  );

  it('TJSJ statistics parse', () => {
    const record =
      'P1;环境瓦斯;回风巷T2;%CH4;2026-09-23 10:00:00;2026-09-23 10:05:00;0.2;2026-09-23 10:01:00;0.1;2026-09-23 10:03:00;0.15;2026-09-23 10:05:00';
    const file = parseRecords('TJSJ', [record]);
    expect(file.records[0]).toMatchObject({
      maxValue: 0.2,
      minValue: 0.1,
      averageValue: 0.15,
      endMs: cst(10, 5, 0),
    });
  });

  it('FZDY: code and location first, coordinates and time last, extra middle fields kept', () => {
    const file = parseRecords('FZDY', [
      '620823009203DT4001;1301工作面;1.0;2.0;3.0;2026-09-23 10:00:00',
      '620823009203DT4002;中央变电所;KJ95-F;备注;4;5;6;2026-09-23 10:00:00',
    ]);
    expect(file.records).toEqual([
      {
        substationCode: '620823009203DT4001',
        location: '1301工作面',
        x: 1,
        y: 2,
        z: 3,
        extraFields: [],
        dataTimeMs: cst(10, 0, 0),
      },
      {
        substationCode: '620823009203DT4002',
        location: '中央变电所',
        x: 4,
        y: 5,
        z: 6,
        extraFields: ['KJ95-F', '备注'],
        dataTimeMs: cst(10, 0, 0),
      },
    ]);
  });

  it('FZSS: run and power states map through 表B.8/B.9; an unknown state is rejected', () => {
    const file = parseRecords('FZSS', [
      '620823009203DT4001;1;0;2026-09-23 10:13:00',
      '620823009203DT4002;5;1;2026-09-23 10:13:00',
    ]);
    expect(file.records).toEqual([
      {
        substationCode: '620823009203DT4001',
        runState: 'communication-interrupted',
        powerState: 'dc-battery',
        dataTimeMs: cst(10, 13, 0),
      },
    ]);
    expect(file.rejected[0]).toMatchObject({ line: 3, field: 'runState' });
  });
});

describe('personnel files', () => {
  it('RYQY areas carry the approved headcount', () => {
    const file = parseRecords('RYQY', ['其它区域;6208230092030008;50;1301综采工作面']);
    expect(file.records).toEqual([
      {
        areaType: '其它区域',
        areaCode: '6208230092030008',
        approvedHeadcount: 50,
        areaName: '1301综采工作面',
      },
    ]);
  });

  it('RYJZ base stations know their area from the code', () => {
    const file = parseRecords('RYJZ', ['6208230092030008000012;1301运输巷口;0;0;0;运输巷口基站']);
    expect(file.records[0]).toMatchObject({
      areaCode: '6208230092030008',
      unconfirmedFields: ['0', '0', '0'],
    });
  });

  it('JZSS station status', () => {
    const file = parseRecords('JZSS', ['6208230092030008000012;0;1;2026-09-23 10:13:00']);
    expect(file.records[0]).toEqual({
      stationCode: '6208230092030008000012',
      runState: 'communicating',
      powerState: 'ac',
      dataTimeMs: cst(10, 13, 0),
    });
  });

  it('RYXX persons with an 8-field header; "未设置" position is null', () => {
    const header = `${MINE};测试煤矿;500;KJ133;人员定位系统;XX科技;2028-01-01;2026-09-23 10:13:19`;
    const file = parseRecords(
      'RYXX',
      ['62082300920390001;测试1;采煤工;未设置;综采一队;1985-03-02;;0;1'],
      header,
    );
    expect(file.header.headerNumber).toBe(500);
    expect(file.records[0]).toMatchObject({ position: null, isMineLeader: false, isSpecialWorker: true });
  });

  it('RYSS: a bad track item or a 16-digit card code rejects only that record', () => {
    const ok = '62082300920390002;测试2;2;2026-09-23 06:30:00;2026-09-23 09:00:00;;;;;三八制;;正常;0;0;';
    const badTrack =
      '62082300920390003;测试3;1;2026-09-23 06:30:00;;6208230092030008;;6208230092030008000012;;三八制;0;正常;0;0;6208230092030008000012@2026-09-23 06:33:52';
    const badCard = '6208230092039000;测试4;1;;;;;;;三八制;;正常;0;0;';
    const file = parseRecords('RYSS', [ok, badTrack, badCard]);
    expect(file.records).toHaveLength(1);
    expect(file.records[0]).toMatchObject({ inOut: 'out', areaCode: null, stationCode: null, track: [] });
    expect(file.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'track'],
      [4, 'cardCode'],
    ]);
    expect(file.rejected[1]?.reason).toBe('expected 17 digits, got "6208230092039000"');
  });
});
