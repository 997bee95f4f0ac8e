/**
 * Methane rows of the 2016 Regulations, art. 498 table (domain reference §2.1 [S26]): % CH4,
 * alarm ≥, power-cut ≥, restore <, and the scope that is de-energised. Rows the reference marks
 * unconfirmed carry `unconfirmed: true`.
 */
import type { GasClass } from '../../registry/types.ts';
import { createThresholdRowBuilder, type ThresholdRowInput } from './threshold-row-builder.ts';
import type { ThresholdRow } from './threshold-table.ts';

export const EDITION_2016 = '煤矿安全规程 2016 (SAWS order 87)';
/** Commencement of the 2016 edition; not stated in the domain reference (unconfirmed). */
export const EFFECTIVE_FROM_2016 = '2016-10-01';
export const row2016 = createThresholdRowBuilder(EDITION_2016, EFFECTIVE_FROM_2016);

const SOURCE = '煤矿安全规程(2016) 第498条 表; domain §2.1 [S26]';
const HIGH: readonly GasClass[] = ['high', 'outburst'];

const ch4 = (r: Omit<ThresholdRowInput, 'type' | 'unit' | 'source'>): ThresholdRow =>
  row2016({ type: '0001', unit: '%', source: SOURCE, ...r });

export const METHANE_ROWS_2016: readonly ThresholdRow[] = [
  ch4({
    cls: 'upper-corner-t0',
    zh: '采煤工作面上隅角 T0',
    en: 'coal face upper (return) corner T0',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'face and its return roadway',
    unconfirmed: true,
    note: 'Restore: the source table shows < 1.5; the 2016 Regulations value is probably < 1.0 (unconfirmed). The stricter 1.0 is used.',
  }),
  ch4({
    cls: 'face-t1',
    zh: '采煤工作面 T1 (低瓦斯、高瓦斯矿井)',
    en: 'coal face T1, low- and high-gas mine',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'face and return roadway',
    gas: ['low', 'high'],
  }),
  ch4({
    cls: 'face-t1-outburst',
    zh: '采煤工作面 T1 (突出矿井)',
    en: 'coal face T1, outburst mine',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'face and intake and return roadways',
    gas: ['outburst'],
  }),
  ch4({
    cls: 'face-return-t2',
    zh: '采煤工作面回风巷 T2',
    en: 'coal face return roadway T2',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    scope: 'face and return roadway',
  }),
  ch4({
    cls: 'face-intake-t3',
    zh: '采煤工作面进风巷 T3 (高瓦斯、突出矿井)',
    en: 'coal face intake roadway T3, high-gas / outburst mine',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    scope: 'intake roadway',
    gas: HIGH,
  }),
  ch4({
    cls: 'serial-face-intake-t4',
    zh: '串联通风工作面进风巷 T4',
    en: 'intake of a serially ventilated face T4',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    scope: 'that face and its roadways',
  }),
  ch4({
    cls: 'drainage-roadway-t7',
    zh: '专用排瓦斯巷 T7',
    en: 'dedicated gas-drainage roadway T7',
    alarm: 2.5,
    cut: 2.5,
    restore: 2.5,
    scope: 'face',
  }),
  ch4({
    cls: 'mixed-return-t8',
    zh: '专用排瓦斯巷混合回风 T8',
    en: 'mixed return after a dedicated drainage roadway T8',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    scope: 'face and return',
  }),
  ch4({
    cls: 'return-roadway-middle',
    zh: '回风巷中部 (高瓦斯、突出矿井)',
    en: 'middle of return roadway, high-gas / outburst',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    scope: 'face and return',
    gas: HIGH,
  }),
  ch4({
    cls: 'shearer',
    zh: '采煤机',
    en: 'shearer',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'shearer power',
  }),
  ch4({
    cls: 'heading-t1',
    zh: '煤巷、半煤岩巷和有瓦斯涌出岩巷掘进工作面 T1',
    en: 'heading face T1 (coal, half-coal, gassy rock)',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'all non-IS equipment in the heading',
  }),
  ch4({
    cls: 'heading-return-t2',
    zh: '掘进工作面回风流 T2',
    en: 'heading return T2',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    scope: 'heading',
  }),
  ch4({
    cls: 'heading-intake',
    zh: '突出矿井掘进进风分风口 / 串联掘进局部通风机前',
    en: 'outburst-mine heading intake split point / serial heading before local fan',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    scope: 'heading (the 1.5 cut includes the local fan)',
  }),
  ch4({
    cls: 'heading-machine',
    zh: '掘进机、连采机、锚杆钻车等',
    en: 'roadheader, continuous miner, bolter, etc.',
    alarm: 1.0,
    cut: 1.5,
    restore: 1.0,
    scope: 'machine power',
    unconfirmed: true,
  }),
  ch4({
    cls: 'district-return',
    zh: '采区回风巷',
    en: 'district return roadway',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    scope: 'district',
    unconfirmed: true,
  }),
  ch4({
    cls: 'main-return',
    zh: '一翼回风巷及总回风巷',
    en: 'wing / main return',
    alarm: 0.75,
    unconfirmed: true,
    note: 'Alarm only. Main or wing return CH4 or CO2 > 0.75 % means investigate.',
  }),
  ch4({
    cls: 'electrical-chamber',
    zh: '设在回风流中的机电硐室进风侧',
    en: 'intake side of electrical chambers in return air',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    scope: 'local',
    unconfirmed: true,
  }),
  ch4({
    cls: 'vehicle',
    zh: '架线电机车装煤点、蓄电池/柴油机车、无轨胶轮车',
    en: 'loading points with trolley locos; battery / diesel locos; trackless vehicles',
    alarm: 0.5,
    cut: 0.5,
    restore: 0.5,
    scope: 'local',
    unconfirmed: true,
  }),
  ch4({
    cls: 'coal-bunker',
    zh: '井下煤仓、封闭的地面带式输送机走廊上方',
    en: 'underground coal bunker; enclosed surface belt gallery above the drum',
    alarm: 1.5,
    cut: 1.5,
    restore: 1.5,
    unconfirmed: true,
  }),
  ch4({
    cls: 'unclassified',
    zh: '未识别位置',
    en: 'unrecognised location',
    alarm: 1.0,
    cut: 1.0,
    restore: 1.0,
    derived: true,
    note:
      '1.0 % is where the Regulations require action in any working air and the cut of every return row. ' +
      'Locations allowed 1.5 (T0/T1, headings, machines) are recognised by name; those held to 0.5 ' +
      '(intake T3/T4, chambers, vehicles) are stricter than this default.',
  }),
];
