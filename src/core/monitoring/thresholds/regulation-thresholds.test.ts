import { describe, expect, it } from 'vitest';
import type { GasClass } from '../../registry/types.ts';
import { NO_THRESHOLDS } from '../evaluator-thresholds.ts';
import { resolveRegulationRows } from './location-classifier.ts';
import { checkMineSetting, type MineThresholdSettings } from './mine-setting-check.ts';
import { REGULATIONS_2016_THRESHOLDS, THRESHOLD_TABLES } from './regulations-2016-threshold-table.ts';
import { selectThresholdTable, type ThresholdRow } from './threshold-table.ts';

const TABLE = REGULATIONS_2016_THRESHOLDS;

interface RowCase {
  id: string;
  location: string;
  gas?: GasClass;
  alarm: number | null;
  cut?: number | null;
  restore?: number | null;
  unconfirmed?: boolean;
  /** The comparator as the regulation words it (default: ≥ upper, < lower). */
  op?: '≥' | '>' | '<' | '≤';
  /** The article the row must cite (absent for Redline's derived fallback rows). */
  article?: string;
}

/**
 * One case per row: a typical location text must classify to the row, the row must carry the
 * domain reference's values, a mine set exactly at the regulation is compliant and one set laxer
 * is flagged.
 */
const CASES: readonly RowCase[] = [
  {
    id: '0001/upper-corner-t0/upper',
    location: '1301工作面上隅角T0',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    unconfirmed: true,
  },
  { id: '0001/face-t1/upper', location: '1301工作面T1', gas: 'low', alarm: 1.0, cut: 1.5, restore: 1.0 },
  {
    id: '0001/face-t1-outburst/upper',
    location: '1301工作面T1',
    gas: 'outburst',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
  },
  { id: '0001/face-return-t2/upper', location: '回风巷T2', alarm: 1.0, cut: 1.0, restore: 1.0 },
  {
    id: '0001/face-intake-t3/upper',
    location: '1301工作面进风巷T3',
    gas: 'outburst',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
  },
  {
    id: '0001/serial-face-intake-t4/upper',
    location: '1302工作面进风巷T4',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
  },
  {
    id: '0001/drainage-roadway-t7/upper',
    location: '1301专用排瓦斯巷T7',
    alarm: 2.5,
    cut: 2.5,
    restore: 2.5,
  },
  { id: '0001/mixed-return-t8/upper', location: '1301混合回风T8', alarm: 1.0, cut: 1.0, restore: 1.0 },
  {
    id: '0001/return-roadway-middle/upper',
    location: '1301回风巷中部',
    gas: 'high',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
  },
  { id: '0001/shearer/upper', location: '1301工作面采煤机', alarm: 1.0, cut: 1.5, restore: 1.0 },
  { id: '0001/heading-t1/upper', location: '掘进工作面', alarm: 1.0, cut: 1.5, restore: 1.0 },
  {
    id: '0001/heading-return-t2/upper',
    location: '2105掘进工作面回风T2',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
  },
  {
    id: '0001/heading-intake/upper',
    location: '2105掘进进风分风口',
    gas: 'outburst',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
  },
  {
    id: '0001/serial-heading-before-fan/upper',
    location: '2106串联掘进工作面局部通风机前',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    unconfirmed: true,
  },
  {
    id: '0001/heading-middle/upper',
    location: '2105掘进巷道中部',
    gas: 'high',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    unconfirmed: true,
  },
  {
    id: '0001/heading-machine/upper',
    location: '2105综掘机',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    unconfirmed: true,
  },
  {
    id: '0001/district-return/upper',
    location: '一采区回风巷',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    unconfirmed: true,
  },
  { id: '0001/main-return/upper', location: '总回风巷', alarm: 0.75, unconfirmed: true },
  {
    id: '0001/electrical-chamber/upper',
    location: '中央变电所',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    unconfirmed: true,
  },
  {
    id: '0001/trolley-loading-point/upper',
    location: '井底车场电机车装煤点',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    unconfirmed: true,
  },
  {
    id: '0001/vehicle/upper',
    location: '3号无轨胶轮车',
    alarm: 0.5,
    cut: 0.7,
    restore: 0.7,
    unconfirmed: true,
  },
  {
    id: '0001/belt-shaft-return/upper',
    location: '主斜井皮带 兼回风井',
    alarm: 0.7,
    cut: 0.7,
    restore: 0.7,
    unconfirmed: true,
  },
  {
    id: '0001/temp-drainage-station/upper',
    location: '临时瓦斯抽采泵站下风侧栅栏外',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    unconfirmed: true,
  },
  {
    id: '0001/surface-drainage-pump-house/upper',
    location: '地面瓦斯抽采泵房',
    alarm: 0.5,
    unconfirmed: true,
  },
  {
    id: '0001/prep-plant/upper',
    location: '选煤厂主厂房机房上方',
    alarm: 1.5,
    cut: 1.5,
    restore: 1.5,
    unconfirmed: true,
  },
  {
    id: '0001/coal-bunker/upper',
    location: '主煤仓上方',
    alarm: 1.5,
    cut: 1.5,
    restore: 1.5,
    unconfirmed: true,
  },
  { id: '0001/unclassified/upper', location: '皮带巷', alarm: 1.0, cut: 1.0, restore: 1.0 },
  { id: '0004/general/upper', location: '1301皮带巷', alarm: 24, op: '>', article: '第135条' },
  { id: '0009/general/upper', location: '中央水仓', alarm: 6.6, op: '>', article: '第135条' },
  { id: '0041/general/upper', location: '2105掘进工作面', alarm: 2.5, op: '>', article: '第135条' },
  { id: '0042/general/upper', location: '2105掘进工作面', alarm: 5, op: '>', article: '第135条' },
  { id: '0044/general/upper', location: '1301工作面', alarm: 40, op: '>', article: '第135条' },
  { id: '0012/face-intake/lower', location: '1301工作面进风巷', alarm: 20, op: '<', article: '第135条' },
  { id: '0013/intake/upper', location: '1301进风巷', alarm: 0.5, op: '>', article: '第135条' },
  {
    id: '0013/working-face/upper',
    location: '1301工作面',
    alarm: 1.5,
    op: '≥',
    article: '第173条',
    unconfirmed: true,
  },
  {
    id: '0013/return/upper',
    location: '1301回风巷',
    alarm: 1.5,
    op: '>',
    article: '第172条',
    unconfirmed: true,
  },
  {
    id: '0013/main-return/upper',
    location: '总回风巷',
    alarm: 0.75,
    op: '>',
    article: '第171条',
    unconfirmed: true,
  },
  { id: '0013/unclassified/upper', location: '皮带巷', alarm: 0.5, op: '>' },
  {
    id: '0003/working-face/upper',
    location: '1301工作面',
    alarm: 26,
    cut: 30,
    op: '>',
    article: '第655条',
    unconfirmed: true,
  },
  {
    id: '0003/electrical-chamber/upper',
    location: '中央变电所',
    alarm: 30,
    cut: 34,
    op: '>',
    article: '第655条',
    unconfirmed: true,
  },
  { id: '0003/shaft-bottom-intake/lower', location: '副井井底', alarm: 2, op: '<', article: '第137条' },
  { id: '0003/unclassified/upper', location: '皮带巷', alarm: 26, cut: 30, op: '>' },
  { id: '0002/shaft-no-hoisting/upper', location: '回风井', alarm: 15, op: '>' },
  { id: '0002/materials-shaft/upper', location: '主井', alarm: 12, op: '>' },
  { id: '0002/air-bridge/upper', location: '1号风桥', alarm: 10, op: '>' },
  { id: '0002/men-materials-shaft/upper', location: '副井', alarm: 8, op: '>' },
  { id: '0002/main-roadway/upper', location: '主要进风大巷', alarm: 8, op: '>' },
  { id: '0002/trolley-roadway/upper', location: '电机车运输巷', alarm: 8, op: '>' },
  { id: '0002/trolley-roadway/lower', location: '电机车运输巷', alarm: 1.0, op: '<' },
  { id: '0002/conveyor-or-district-roadway/upper', location: '皮带巷', alarm: 6, op: '>' },
  { id: '0002/conveyor-or-district-roadway/lower', location: '皮带巷', alarm: 0.25, op: '<' },
  { id: '0002/coal-face-or-coal-heading/upper', location: '1301工作面', alarm: 4, op: '>' },
  { id: '0002/coal-face-or-coal-heading/lower', location: '1301工作面', alarm: 0.25, op: '<' },
  { id: '0002/fully-mechanised-face/upper', location: '1301综采工作面', alarm: 5, op: '>' },
  { id: '0002/fully-mechanised-face/lower', location: '1301综采工作面', alarm: 0.25, op: '<' },
  { id: '0002/rock-heading/upper', location: '2105岩巷掘进工作面', alarm: 4, op: '>' },
  { id: '0002/rock-heading/lower', location: '2105岩巷掘进工作面', alarm: 0.15, op: '<' },
  { id: '0002/other-walkway/lower', location: '行人巷', alarm: 0.15, op: '<' },
  { id: '0002/unclassified/upper', location: '地面', alarm: 4, op: '>' },
  { id: '0002/unclassified/lower', location: '地面', alarm: 0.25, op: '<' },
];

const UNIT_TEXT: Record<ThresholdRow['unit'], string> = { '%': '%', ppm: 'ppm', '℃': '℃', 'm/s': 'm/s' };

function settingsAt(
  row: ThresholdRow,
  alarm: number | null,
  cut: number | null,
  restore: number | null,
): MineThresholdSettings {
  const side =
    row.direction === 'upper'
      ? { upperAlarm: alarm, upperAlarmRelease: alarm, upperPowerCut: cut, upperPowerRestore: restore }
      : { lowerAlarm: alarm, lowerAlarmRelease: alarm, lowerPowerCut: cut, lowerPowerRestore: restore };
  return {
    pointCode: 'P1',
    sensorTypeCode: row.sensorTypeCode,
    unit: UNIT_TEXT[row.unit],
    ...NO_THRESHOLDS,
    ...side,
  };
}

describe('the 2016 threshold table, one case per row', () => {
  it('every row has exactly one case', () => {
    expect(CASES.map((c) => c.id).sort()).toEqual(TABLE.rows.map((r) => r.id).sort());
  });

  it.each(CASES)('$id ← "$location"', (c) => {
    const typeCode = c.id.slice(0, 4);
    const { rows } = resolveRegulationRows(TABLE, typeCode, c.location, c.gas ?? 'high');
    const row = rows.find((r) => r.id === c.id);
    expect(row, `"${c.location}" resolved to ${rows.map((r) => r.id).join(', ') || 'nothing'}`).toBeDefined();
    if (row === undefined) return;
    expect([row.alarmAt, row.powerCutAt, row.restoreAt]).toEqual([c.alarm, c.cut ?? null, c.restore ?? null]);
    expect(row.unconfirmed).toBe(c.unconfirmed ?? false);
    expect(row.source).not.toBe('');
    expect(row.comparator).toBe(c.op ?? (row.direction === 'upper' ? '≥' : '<'));
    // Every regulation row cites its article (art. 498 for the methane table); fallbacks cite none.
    if (row.isDerivedDefault) expect(row.article).toBe('');
    else {
      const article =
        c.article ?? (typeof c.id === 'string' && c.id.startsWith('0002') ? '第136条' : '第498条');
      expect(row.article).toBe(article);
      expect(row.source).toContain(article);
    }
    expect(row.edition).toMatch(/2016/);
    expect(row.effectiveFrom).toBe('2016-10-01');

    const exact = checkMineSetting(settingsAt(row, row.alarmAt, row.powerCutAt, row.restoreAt), row);
    expect(exact.findings).toEqual([]);
    expect(exact.isCompliant).toBe(true);

    const step = row.direction === 'upper' ? 1.1 : 0.9;
    const lax = checkMineSetting(
      settingsAt(row, (row.alarmAt ?? 0) * step, row.powerCutAt, row.restoreAt),
      row,
    );
    expect(lax.isCompliant).toBe(false);
    expect(lax.findings.map((f) => f.kind)).toContain('alarm-laxer');
  });
});

describe('classifyLocation heuristics', () => {
  it.each([
    ['full-width tag', '0001', '1301工作面Ｔ１', 'face-t1'],
    ['a "T" after a Latin letter is not a tag', '0001', 'KT1回风巷', 'face-return-t2'],
    ['upper corner without tag', '0001', '1301回风隅角', 'upper-corner-t0'],
    ['tag wins over words', '0001', '1301进风巷T1', 'face-t1'],
    ['high/low-range methane shares the methane rows', '0011', '1301工作面T1', 'face-t1'],
    ['laser methane too', '0043', '上隅角T0', 'upper-corner-t0'],
    ['a heading return without tag', '0001', '2105掘进回风流', 'heading-return-t2'],
    ['CO anywhere', '0004', '1301工作面T1', 'general'],
    ['回风立井 is a main return, not a face return', '0001', '回风立井', 'main-return'],
    ['回风立井 wind speed: a shaft without hoisting', '0002', '回风立井', 'shaft-no-hoisting'],
    ['副立井 wind speed: a men-and-materials shaft', '0002', '副立井', 'men-materials-shaft'],
    ['a CO2 sensor at a face is held to the face limit', '0013', '1301工作面T1', 'working-face'],
    ['a T3 in a low-gas mine: its row is for outburst mines', '0001', '1301工作面进风巷T3', 'unclassified'],
    ['O2 away from face intake air: no regulation row', '0012', '中央变电所', 'general'],
    ['an unknown sensor type', '0005', '1301工作面', 'general'],
  ])('%s', (_label, type, location, cls) => {
    expect(resolveRegulationRows(TABLE, type, location, 'low').classification.locationClass).toBe(cls);
  });

  it('O2 is held to 20 % only in the intake air of working faces', () => {
    expect(resolveRegulationRows(TABLE, '0012', '中央变电所', 'high').rows).toEqual([]);
    expect(resolveRegulationRows(TABLE, '0012', '1301工作面进风巷', 'high').rows.map((r) => r.id)).toEqual([
      '0012/face-intake/lower',
    ]);
  });

  it("a high-gas mine's T3 gets the default row (1.0), an outburst mine's the T3 row (0.5)", () => {
    const at = (gas: GasClass) => resolveRegulationRows(TABLE, '0001', '1301工作面进风巷T3', gas).rows[0]?.id;
    expect(at('high')).toBe('0001/unclassified/upper');
    expect(at('outburst')).toBe('0001/face-intake-t3/upper');
  });

  it("the middle of a heading in a high-gas mine is cut at 1.0, not the face row's 1.5", () => {
    const [row] = resolveRegulationRows(TABLE, '0001', '2105掘进巷道中部', 'high').rows;
    expect(row?.powerCutAt).toBe(1.0);
  });

  it('an unknown sensor type has no rows', () => {
    expect(resolveRegulationRows(TABLE, '0005', '1301工作面', 'low').rows).toEqual([]);
  });
});

describe('checkMineSetting details', () => {
  const row = (id: string): ThresholdRow => {
    const r = TABLE.rows.find((x) => x.id === id);
    if (r === undefined) throw new Error(id);
    return r;
  };
  const t1 = row('0001/face-t1/upper');

  it('flags each laxer or missing level with both values', () => {
    const check = checkMineSetting({ ...settingsAt(t1, 1.0, null, 1.0), upperPowerRestore: 1.4 }, t1);
    expect(check.findings.map((f) => [f.kind, f.mineValue, f.regulationValue])).toEqual([
      ['power-cut-not-set', null, 1.5],
      ['restore-laxer', 1.4, 1.0],
    ]);
  });

  it('a stricter mine is compliant', () => {
    expect(checkMineSetting(settingsAt(t1, 0.8, 1.2, 0.7), t1).isCompliant).toBe(true);
  });

  it('converts % to ppm for CO', () => {
    const co = row('0004/general/upper');
    const at = (v: number): MineThresholdSettings => ({ ...settingsAt(co, v, null, null), unit: '%' });
    expect(checkMineSetting(at(0.0024), co).isCompliant).toBe(true);
    expect(checkMineSetting(at(0.003), co).findings[0]).toMatchObject({ kind: 'alarm-laxer', mineValue: 30 });
  });

  it('accepts "%CH4" and assumes the row unit when the unit is empty', () => {
    expect(checkMineSetting({ ...settingsAt(t1, 1, 1.5, 1), unit: '%CH4' }, t1).isUnitAssumed).toBe(false);
    const blank = checkMineSetting({ ...settingsAt(t1, 1, 1.5, 1), unit: '' }, t1);
    expect([blank.isUnitAssumed, blank.isCompliant]).toEqual([true, true]);
  });

  it('a methane point declared in %LEL is a finding, not read as % CH4', () => {
    const check = checkMineSetting({ ...settingsAt(t1, 20, 30, 20), unit: '%LEL' }, t1);
    expect(check.findings.map((f) => f.kind)).toEqual(['unit-incompatible']);
    expect(check.isCompliant).toBe(false);
  });

  it('refuses to compare incompatible units', () => {
    const check = checkMineSetting({ ...settingsAt(t1, 1, 1.5, 1), unit: '℃' }, t1);
    expect(check.findings.map((f) => f.kind)).toEqual(['unit-incompatible']);
  });

  it('flags a release threshold beyond the alarm threshold', () => {
    const check = checkMineSetting({ ...settingsAt(t1, 1.0, 1.5, 1.0), upperAlarmRelease: 1.2 }, t1);
    expect(check.findings.map((f) => f.kind)).toEqual(['release-beyond-alarm']);
  });

  it('the bunker sample of [S20] (1.50 / 1.50 / 1.49) is compliant', () => {
    const bunker = row('0001/coal-bunker/upper');
    expect(checkMineSetting(settingsAt(bunker, 1.5, 1.5, 1.49), bunker).isCompliant).toBe(true);
  });

  it('a lower limit set too low is laxer (O2 at 18.5 %)', () => {
    const o2 = row('0012/face-intake/lower');
    expect(checkMineSetting(settingsAt(o2, 18.5, null, null), o2).findings[0]?.kind).toBe('alarm-laxer');
  });

  it('a row for another sensor type is a programmer error', () => {
    expect(() => checkMineSetting({ ...settingsAt(t1, 1, 1.5, 1), sensorTypeCode: '0004' }, t1)).toThrow(
      /does not apply/,
    );
  });
});

describe('editions', () => {
  it('selects the edition in force on a date', () => {
    expect(selectThresholdTable(THRESHOLD_TABLES, '2020-12-04')).toBe(TABLE);
    expect(selectThresholdTable(THRESHOLD_TABLES, '2010-01-01')).toBeNull();
    const next = { ...TABLE, edition: 'next', effectiveFrom: '2030-01-01' };
    expect(selectThresholdTable([TABLE, next], '2029-12-31')).toBe(TABLE);
    expect(selectThresholdTable([next, TABLE], '2030-01-01')).toBe(next);
  });

  it('row ids are unique', () => {
    const ids = TABLE.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
