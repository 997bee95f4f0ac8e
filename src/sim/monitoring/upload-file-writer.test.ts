import { describe, expect, it } from 'vitest';
import type { UploadFileType } from '../../core/monitoring/upload-file/upload-file-name.ts';
import {
  parseUploadFile,
  type UploadFile,
  type UploadRecordByType,
} from '../../core/monitoring/upload-file/upload-file-parser.ts';
import { generateDemoProvince } from '../demo-province.ts';
import { createProvinceSimulator } from './province-simulator.ts';
import { startScenario } from './scenarios.ts';
import {
  renderLayoutFiles,
  renderPollFiles,
  renderUploadFile,
  uploadFileName,
  type RenderedUploadFile,
} from './upload-file-writer.ts';

const province = generateDemoProvince({ now: '2026-12-05T08:00:00.000Z' });
const producing = province.mines.filter((m) => m.status === 'producing').slice(0, 3);
const closed = province.mines.find((m) => m.status === 'closed')!;
/** 2026-09-23 10:13:19 China Standard Time. */
const UPLOAD_MS = Date.UTC(2026, 8, 23, 2, 13, 19);

function parsed<K extends UploadFileType>(
  file: RenderedUploadFile,
  type: K,
): Extract<UploadFile, { type: K }> {
  const result = parseUploadFile(file.name, file.text);
  if (!result.ok) throw new Error(`${file.name}: ${result.code} ${result.reason}`);
  expect(result.file.type).toBe(type);
  expect(result.file.rejected).toEqual([]);
  expect(result.file.complete).toBe(true);
  return result.file as Extract<UploadFile, { type: K }>;
}

function roundTrip<K extends UploadFileType>(type: K, records: readonly UploadRecordByType[K][]) {
  const file = renderUploadFile(
    type,
    { mineCode: '620823009203', mineName: '测试煤矿', uploadTimeMs: UPLOAD_MS },
    records,
  );
  expect(parsed(file, type).records).toEqual(records);
}

describe('upload file writer', () => {
  it('frames a file the national way: header, ;-fields, ~ record ends, || file end, CST times', () => {
    const file = renderUploadFile(
      'RYQY',
      { mineCode: '620823009203', mineName: '测试煤矿', uploadTimeMs: UPLOAD_MS },
      [{ areaType: '重点区域', areaCode: '6208230092030008', approvedHeadcount: 30, areaName: '1301工作面' }],
    );
    expect(file.name).toBe('620823009203_RYQY_20260923101319.txt');
    expect(file.text).toBe(
      '620823009203;测试煤矿;2026-09-23 10:13:19~重点区域;6208230092030008;30;1301工作面~||',
    );
    expect(uploadFileName('620823009203', 'CDSS', UPLOAD_MS + 999)).toBe(
      '620823009203_CDSS_20260923101319.txt',
    );
  });

  it('round-trips a simulated mine definition: CDDY, RYQY, RYJZ, RYXX', () => {
    const sim = createProvinceSimulator({
      mines: producing,
      seed: 1,
      startMs: UPLOAD_MS,
      intervalMs: 30_000,
    });
    for (const layout of sim.layouts.values()) {
      const [cddy, ryqy, ryjz, ryxx] = renderLayoutFiles(layout, UPLOAD_MS);
      const points = parsed(cddy!, 'CDDY');
      expect(points.records).toEqual(layout.points);
      expect(points.header).toMatchObject({
        mineCode: layout.mineCode,
        mineName: layout.mineName,
        uploadedAtMs: UPLOAD_MS,
      });
      expect(points.fileTimestampMs).toBe(UPLOAD_MS);
      expect(parsed(ryqy!, 'RYQY').records).toEqual(layout.areas);
      expect(parsed(ryjz!, 'RYJZ').records).toEqual(layout.stations);
      const persons = parsed(ryxx!, 'RYXX');
      expect(persons.records).toEqual(layout.persons);
      expect(persons.header.headerNumber).toBe(layout.approvedMaxUnderground);
    }
  });

  it('round-trips simulated polls: CDSS readings and RYSS snapshots, scenario records included', () => {
    const sim = createProvinceSimulator({
      mines: [...producing, closed],
      seed: 1,
      startMs: UPLOAD_MS,
      intervalMs: 30_000,
    });
    startScenario(sim, 'songzao', producing[0]!.code, UPLOAD_MS);
    startScenario(sim, 'diaoshuidong', closed.code, UPLOAD_MS);
    let out = 0;
    for (const t of [UPLOAD_MS + 20 * 60_000, UPLOAD_MS + 6 * 3_600_000]) {
      const step = sim.step(t);
      expect(step.readings.map((r) => r.mineCode)).toContain(closed.code);
      for (const { mineCode, readings } of step.readings) {
        const positions = step.personnel.find((p) => p.mineCode === mineCode)?.positions ?? [];
        out += positions.filter((p) => p.inOut === 'out').length;
        const layout = sim.layouts.get(mineCode)!;
        const [cdss, ryss] = renderPollFiles(layout, t, readings, positions);
        expect(parsed(cdss!, 'CDSS').records).toEqual(readings);
        expect(parsed(ryss!, 'RYSS').records).toEqual(positions);
      }
    }
    expect(out).toBeGreaterThan(0);
  });

  it('round-trips the other types it writes: YCBJ, TJSJ, FZDY, FZSS, JZSS', () => {
    const t = UPLOAD_MS;
    roundTrip('YCBJ', [
      {
        pointCode: '6208230092030101MN0004001',
        sensorTypeName: '一氧化碳',
        location: '主运输皮带巷 皮带机头下风侧10m',
        unit: 'ppm',
        anomalyCode: '001',
        anomaly: 'over-limit-alarm',
        startMs: t - 60_000,
        endMs: null,
        maxValue: 31.5,
        maxAtMs: t - 5_000,
        minValue: 24.1,
        minAtMs: t - 60_000,
        averageValue: 27.2,
        cause: '',
        measures: '',
        enteredAtMs: null,
        enteredBy: '',
        dataTimeMs: t,
      },
    ]);
    roundTrip('TJSJ', [
      {
        pointCode: '6208230092030101MN0001002',
        sensorTypeName: '环境瓦斯',
        location: '1301工作面T1',
        unit: '%CH4',
        startMs: t - 300_000,
        endMs: t,
        maxValue: 0.31,
        maxAtMs: t - 100_000,
        minValue: 0.22,
        minAtMs: t - 250_000,
        averageValue: 0.27,
        dataTimeMs: t,
      },
    ]);
    roundTrip('FZDY', [
      {
        substationCode: 'F001',
        location: '中央变电所',
        x: 10.5,
        y: -3,
        z: -300,
        extraFields: ['KJ-F'],
        dataTimeMs: t,
      },
    ]);
    roundTrip('FZSS', [
      { substationCode: 'F001', runState: 'communicating', powerState: 'ac', dataTimeMs: t },
    ]);
    roundTrip('JZSS', [
      { stationCode: '6208230092030008000012', runState: 'fault', powerState: 'dc-battery', dataTimeMs: t },
    ]);
  });

  it('replaces framing characters inside text so the file still parses', () => {
    roundTrip('RYQY', [
      { areaType: '其它区域', areaCode: '6208230092030001', approvedHeadcount: 5, areaName: '井口' },
    ]);
    const file = renderUploadFile(
      'RYQY',
      { mineCode: '620823009203', mineName: 'A;B~C||D', uploadTimeMs: UPLOAD_MS },
      [{ areaType: '其它区域', areaCode: '6208230092030001', approvedHeadcount: 5, areaName: '井口;东~侧|' }],
    );
    const f = parsed(file, 'RYQY');
    expect(f.header.mineName).toBe('A；B～C｜｜D');
    expect(f.records[0]?.areaName).toBe('井口；东～侧｜');
  });
});
