import { describe, expect, it } from 'vitest';
import { parseUploadFile } from './upload-file-parser.ts';
import { build, cst, expectFile, fileName, HEADER, MINE } from './upload-file.test-helper.ts';

const CDSS_OK = `6208230092030101MN0001;环境瓦斯;1301工作面T1;0.12;%CH4;0;2026-09-23 10:13:14`;

describe('the examples of the domain reference', () => {
  it('§1.2 CDSS example line parses', () => {
    const text =
      '620823009203;测试煤矿;2026-09-23 10:13:19~6208230092030101MN0001;环境瓦斯;1301工作面T1;0.12;%CH4;0;2026-09-23 10:13:14~||';
    const file = expectFile(parseUploadFile(fileName('CDSS'), text), 'CDSS');
    expect(file.header).toEqual({ mineCode: MINE, mineName: '测试煤矿', uploadedAtMs: cst(10, 13, 19) });
    expect(file.complete).toBe(true);
    expect(file.rejected).toEqual([]);
    expect(file.records).toEqual([
      {
        pointCode: '6208230092030101MN0001',
        sensorTypeName: '环境瓦斯',
        location: '1301工作面T1',
        value: 0.12,
        unit: '%CH4',
        statusBits: 0,
        dataTimeMs: cst(10, 13, 14),
      },
    ]);
  });

  it('§1.3 RYSS example file parses', () => {
    const text =
      '620823009203;测试煤矿;2026-09-23 10:13:19~62082300920390001;测试1;1;2026-09-23 06:33:52;;6208230092030008;2026-09-23 06:33:52;6208230092030008000012;2026-09-23 06:33:52;三八制;-3.50;正常;0;0;6208230092030008000012&2026-09-23 06:33:52~||';
    const file = expectFile(parseUploadFile('620823009203_RYSS_20260923101319.txt', text), 'RYSS');
    expect(file.rejected).toEqual([]);
    expect(file.records).toEqual([
      {
        cardCode: '62082300920390001',
        name: '测试1',
        inOut: 'underground',
        enteredMineAtMs: cst(6, 33, 52),
        exitedMineAtMs: null,
        areaCode: '6208230092030008',
        enteredAreaAtMs: cst(6, 33, 52),
        stationCode: '6208230092030008000012',
        enteredStationAtMs: cst(6, 33, 52),
        shiftPattern: '三八制',
        distanceToStationM: -3.5,
        workState: '正常',
        isMineLeader: false,
        isSpecialWorker: false,
        track: [{ stationCode: '6208230092030008000012', atMs: cst(6, 33, 52) }],
      },
    ]);
  });
});

describe('malformed records are rejected one by one', () => {
  const lines = [
    CDSS_OK,
    'P2;环境瓦斯;回风巷T2;0.30;%CH4;0', // 6 fields
    'P3;环境瓦斯;回风巷T2;abc;%CH4;0;2026-09-23 10:13:14',
    'P4;一氧化碳;皮带巷;5;ppm;0;2026-09-23 25:13:14',
    'P 5;一氧化碳;皮带巷;5;ppm;0;2026-09-23 10:13:14',
    'P6;一氧化碳;皮带巷;5;ppm;-1;2026-09-23 10:13:14',
    'P7;一氧化碳;皮带巷;;ppm;128;2026-09-23 10:13:14',
  ];
  const file = expectFile(parseUploadFile(fileName('CDSS'), build(HEADER, lines)), 'CDSS');

  it('keeps the good records', () => {
    expect(file.records.map((r) => [r.pointCode, r.value, r.statusBits])).toEqual([
      ['6208230092030101MN0001', 0.12, 0],
      ['P7', null, 128],
    ]);
  });

  it('names the record (header = 1), the field and what was expected', () => {
    expect(file.rejected).toEqual([
      {
        line: 3,
        reason: 'expected 7 fields (pointCode;sensorTypeName;location;value;unit;status;dataTime), got 6',
        raw: lines[1],
      },
      { line: 4, field: 'value', reason: 'expected a decimal number, got "abc"', raw: lines[2] },
      {
        line: 5,
        field: 'dataTime',
        reason: 'expected a time yyyy-MM-dd HH:mm:ss, got "2026-09-23 25:13:14"',
        raw: lines[3],
      },
      {
        line: 6,
        field: 'pointCode',
        reason: 'expected a code of 1–64 letters/digits, got "P 5"',
        raw: lines[4],
      },
      { line: 7, field: 'status', reason: 'expected an integer 0–65535, got "-1"', raw: lines[5] },
    ]);
  });
});

describe('file-level rules', () => {
  it('a file without "||" is incomplete; its unterminated tail is reported, finished records kept', () => {
    const text = `${HEADER}~${CDSS_OK}~P2;环境瓦斯;回风巷T2;0.3`;
    const file = expectFile(parseUploadFile(fileName('CDSS'), text), 'CDSS');
    expect(file.complete).toBe(false);
    expect(file.records).toHaveLength(1);
    expect(file.rejected).toEqual([
      {
        line: 3,
        reason: 'record not terminated by "~" and no "||" end marker: the file is truncated',
        raw: 'P2;环境瓦斯;回风巷T2;0.3',
      },
    ]);
  });

  it('a truncated file that ends on a record boundary is still incomplete', () => {
    const file = expectFile(parseUploadFile(fileName('CDSS'), `${HEADER}~${CDSS_OK}~`), 'CDSS');
    expect(file.complete).toBe(false);
    expect(file.rejected).toEqual([]);
  });

  it('a file cut inside its header is refused as incomplete', () => {
    expect(parseUploadFile(fileName('CDSS'), `${MINE};测试煤矿;2026-09`)).toEqual({
      ok: false,
      code: 'INCOMPLETE_HEADER',
      reason: 'no complete header yet and no "||" end marker',
    });
  });

  it('the header mine code must equal the file name mine code', () => {
    const r = parseUploadFile(
      fileName('CDSS'),
      build(`620823009204;测试煤矿;2026-09-23 10:13:19`, [CDSS_OK]),
    );
    expect(r).toEqual({
      ok: false,
      code: 'MINE_CODE_MISMATCH',
      reason: `header mine code 620823009204 differs from the file name's ${MINE}`,
    });
  });

  it.each([
    ['a header with a bad time', `${MINE};测试煤矿;yesterday`, 'BAD_HEADER', /uploadedAt/],
    [
      'a header with too many fields',
      `${MINE};测试煤矿;x;2026-09-23 10:13:19`,
      'BAD_HEADER',
      /expected 3 fields/,
    ],
  ])('%s rejects the file', (_label, header, code, reason) => {
    const r = parseUploadFile(fileName('CDSS'), build(header, [CDSS_OK]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason).toMatch(reason);
    }
  });

  it('an empty complete file and a bad file name are refused', () => {
    expect(parseUploadFile(fileName('CDSS'), '||')).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    expect(parseUploadFile('readme.txt', build(HEADER, []))).toMatchObject({
      ok: false,
      code: 'BAD_FILE_NAME',
    });
  });

  it('tolerates line breaks between records, a BOM, a trailing ";" and a missing "~" before "||"', () => {
    const text = `\uFEFF${HEADER}~\r\n${CDSS_OK};~\r\nP2;环境瓦斯;回风巷T2;0.30;%CH4;0;2026-09-23 10:13:14||\r\n`;
    const file = expectFile(parseUploadFile(fileName('CDSS'), text), 'CDSS');
    expect(file.rejected).toEqual([]);
    expect(file.records.map((r) => r.pointCode)).toEqual(['6208230092030101MN0001', 'P2']);
  });

  it('reports content after "||" without losing the records', () => {
    const file = expectFile(parseUploadFile(fileName('CDSS'), build(HEADER, [CDSS_OK]) + 'garbage'), 'CDSS');
    expect(file.records).toHaveLength(1);
    expect(file.rejected).toEqual([
      { line: 3, reason: 'content after the "||" end marker was ignored', raw: 'garbage' },
    ]);
  });
});
