import { describe, expect, it } from 'vitest';
import { checkMineSetting } from '../../core/monitoring/thresholds/mine-setting-check.ts';
import { resolveRegulationRows } from '../../core/monitoring/thresholds/location-classifier.ts';
import { REGULATIONS_2016_THRESHOLDS } from '../../core/monitoring/thresholds/regulations-2016-threshold-table.ts';
import { generateDemoProvince } from '../demo-province.ts';
import { layoutMine, type MineLayout, type MineLayoutInput } from './mine-layout.ts';

const province = generateDemoProvince({ now: '2026-12-05T08:00:00.000Z' });
const layouts = province.mines.map((m) => layoutMine(m, 11));

const mine = (over: Partial<MineLayoutInput>): MineLayoutInput => ({
  code: '520102000123',
  name: '测试煤矿',
  gasClass: 'high',
  approvedCapacityTPerYear: 450_000,
  approvedMaxUnderground: 160,
  status: 'producing',
  ...over,
});

const locations = (l: MineLayout, type: string): string[] =>
  l.points.filter((p) => p.sensorTypeCode === type).map((p) => p.location);

describe('mine layout', () => {
  it('is deterministic for a mine and seed, and differs between seeds', () => {
    expect(layoutMine(mine({}), 5)).toEqual(layoutMine(mine({}), 5));
    expect(layoutMine(mine({}), 5).persons).not.toEqual(layoutMine(mine({}), 6).persons);
  });

  it('scales the point set with capacity, about 40–200 points per mine', () => {
    const counts = layouts.map((l) => l.points.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...counts)).toBeLessThanOrEqual(200);
    const small = layoutMine(mine({ approvedCapacityTPerYear: 90_000, approvedMaxUnderground: 50 }), 1);
    const large = layoutMine(mine({ approvedCapacityTPerYear: 4_500_000, approvedMaxUnderground: 900 }), 1);
    expect(large.points.length).toBeGreaterThan(small.points.length * 2);
  });

  it('uses national point codes, unique per mine, hung off defined substations', () => {
    for (const l of layouts.slice(0, 50)) {
      const codes = l.points.map((p) => p.pointCode);
      expect(new Set(codes).size).toBe(codes.length);
      const substations = new Set(
        l.points.filter((p) => p.sensorTypeCode === '4001').map((p) => p.pointCode),
      );
      for (const p of l.points) {
        expect(p.pointCode).toMatch(new RegExp(`^${l.mineCode}01(MN|KG|DT)${p.sensorTypeCode}\\d{3}$`));
        expect(substations.has(p.substationCode)).toBe(true);
      }
      expect(l.pointSpecs.map((s) => s.pointCode)).toEqual(codes);
    }
  });

  it('puts T0/T1/T2 methane at every face, T3 only in high-gas and outburst mines', () => {
    const low = layoutMine(mine({ gasClass: 'low' }), 2);
    const high = layoutMine(mine({ gasClass: 'outburst' }), 2);
    for (const l of [low, high]) {
      const ch4 = locations(l, '0001');
      for (const tag of ['上隅角T0', '工作面T1', '回风巷T2'])
        expect(ch4.some((x) => x.endsWith(tag))).toBe(true);
    }
    expect(locations(low, '0001').some((x) => x.endsWith('T3'))).toBe(false);
    expect(locations(high, '0001').some((x) => x.endsWith('进风巷T3'))).toBe(true);
  });

  it('monitors the belt roadway: running point, six protections, smoke, two CO, drum temperature', () => {
    const l = layoutMine(mine({}), 3);
    const running = l.points.find((p) => p.pointCode === l.keyPoints.beltRunning);
    expect(running).toMatchObject({ sensorTypeCode: '1004', onText: '运行', offText: '停止' });
    expect(running?.location).toContain('皮带机头');
    const protections = l.points.filter(
      (p) => p.sensorTypeCode === '1005' && p.location.startsWith('主运输皮带巷'),
    );
    expect(protections.map((p) => p.onText)).toEqual(
      ['打滑', '跑偏', '堆煤', '撕裂', '烟雾', '急停'].map((x) => `${x}保护动作`),
    );
    expect(l.keyPoints.beltSlipProtection).toBe(protections[0]?.pointCode);
    const byCode = (c: string) => l.points.find((p) => p.pointCode === c);
    expect(byCode(l.keyPoints.beltSmoke)?.sensorTypeCode).toBe('1008');
    expect(l.keyPoints.beltCo.map((c) => byCode(c)?.sensorTypeCode)).toEqual(['0004', '0004']);
    expect(byCode(l.keyPoints.beltDrumTemperature)?.location).toContain('滚筒');
    for (const type of ['0002', '0003', '0012', '0013', '1001', '1010', '1011', '4001']) {
      expect(locations(l, type).length, type).toBeGreaterThan(0);
    }
  });

  it('sets regulation thresholds except on ~3 % of points, which the platform check flags as laxer', () => {
    let points = 0;
    let lax = 0;
    for (const l of layouts) {
      l.points.forEach((p, i) => {
        points++;
        const spec = l.pointSpecs[i];
        const { rows } = resolveRegulationRows(
          REGULATIONS_2016_THRESHOLDS,
          p.sensorTypeCode,
          p.location,
          l.gasClass,
        );
        // O2 away from working-face intake air has no regulation row (art. 135): nothing to be laxer than.
        if (rows.length === 0) return;
        const compliant = rows.every((row) => checkMineSetting(p, row).isCompliant);
        if (spec?.laxSetting) lax++;
        expect(compliant, `${p.location} (${p.sensorTypeCode}) lax=${spec?.laxSetting}`).toBe(
          !spec?.laxSetting,
        );
      });
    }
    expect(lax / points).toBeGreaterThan(0.015);
    expect(lax / points).toBeLessThan(0.05);
  });

  it('defines area limits with room for shift overlap (adding up to at least the mine maximum)', () => {
    for (const l of layouts) {
      expect(l.areas.reduce((s, a) => s + a.approvedHeadcount, 0)).toBeGreaterThanOrEqual(
        l.approvedMaxUnderground,
      );
      const restricted = l.areas.filter((a) => a.areaType === '限制区域');
      expect(restricted).toHaveLength(1);
      expect(restricted[0]?.approvedHeadcount).toBe(0);
      for (const a of l.areas) expect(a.areaCode).toMatch(new RegExp(`^${l.mineCode}\\d{4}$`));
      const areaCodes = new Set(l.areas.map((a) => a.areaCode));
      for (const s of l.stations) {
        expect(s.stationCode).toMatch(/^\d{22}$/);
        expect(areaCodes.has(s.stationCode.slice(0, 16))).toBe(true);
      }
    }
    const names = layoutMine(mine({}), 4).areas.map((a) => a.areaName);
    expect(names).toEqual(expect.arrayContaining(['副井井口', '井底车场及主要进风大巷']));
    expect(names.some((n) => n.endsWith('工作面') && !n.includes('掘进'))).toBe(true);
    expect(names.some((n) => n.endsWith('掘进工作面'))).toBe(true);
  });

  it('rosters people with 17-digit cards, Chinese names and underground work types', () => {
    const l = layoutMine(mine({ approvedMaxUnderground: 300 }), 9);
    expect(l.persons.length).toBeGreaterThan(300);
    const cards = l.persons.map((p) => p.cardCode);
    expect(new Set(cards).size).toBe(cards.length);
    for (const p of l.persons) {
      expect(p.cardCode).toMatch(new RegExp(`^${l.mineCode}\\d{5}$`));
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
    const types = new Set(l.persons.map((p) => p.workType));
    for (const t of ['采煤工', '掘进工', '瓦检员', '电工', '安全员', '矿领导'])
      expect(types.has(t), t).toBe(true);
    expect(l.persons.filter((p) => p.isMineLeader).every((p) => p.workType === '矿领导')).toBe(true);
    expect(l.persons.find((p) => p.workType === '瓦检员')?.isSpecialWorker).toBe(true);
  });

  it('gives a mine under construction headings but no working faces', () => {
    const l = layoutMine(mine({ status: 'construction' }), 1);
    expect(l.keyAreas.faces).toHaveLength(0);
    expect(l.keyAreas.headings.length).toBeGreaterThanOrEqual(3);
    expect(l.keyPoints.workplaceCo.length).toBeGreaterThan(0);
  });
});
