/**
 * Thresholds of the Coal Mine Safety Regulations, 2016 edition (煤矿安全规程, SAWS order 87), as
 * collected in domain reference §2.1–§2.2: methane rows (regulations-2016-methane-rows.ts), harmful
 * gases, oxygen, temperature and wind speed. The effective date (2016-10-01) is the edition's
 * commencement date; the domain reference does not state it, so treat it as unconfirmed. The 2022
 * amendment (MEM order 8, in force 2022-04-01) may have moved article numbers [S25]; its values were
 * not available, so this remains the only edition until someone adds the next table.
 */
import {
  EDITION_2016,
  EFFECTIVE_FROM_2016,
  METHANE_ROWS_2016,
  row2016 as row,
} from './regulations-2016-methane-rows.ts';
import type { LocationClass, ThresholdRow, ThresholdTable, ThresholdUnit } from './threshold-table.ts';

/*
 * Article numbers: arts. 135 (gases, O2), 136 (wind speed), 137 (intake air temperature), 171–173
 * (returns and faces) and 655 (working temperatures) as cited in issue 12; the domain reference
 * marks the articles of §2.2 unconfirmed, so every source says so.
 */
const srcGeneral = (article: string) =>
  `煤矿安全规程(2016) ${article} (one of arts. 171–173 as cited in issue 12; unconfirmed in the domain reference); domain §2.1`;
const SRC_GAS =
  '煤矿安全规程(2016) 第135条 (article as cited in issue 12; unconfirmed in the domain reference); domain §2.2 [S28]';
const SRC_TEMP =
  '煤矿安全规程(2016) 第655条 (article as cited in issue 12; unconfirmed in the domain reference); domain §2.2 [S29]';
const SRC_TEMP_INTAKE =
  '煤矿安全规程(2016) 第137条 (article as cited in issue 12; unconfirmed in the domain reference); domain §2.2 [S29]';
const SRC_WIND =
  '煤矿安全规程(2016) 第136条 表 (article as cited in issue 12; unconfirmed in the domain reference); domain §2.2 [S27]';

const gas = (
  type: string,
  zh: string,
  en: string,
  unit: ThresholdUnit,
  alarm: number,
  note: string,
): ThresholdRow =>
  row({ type, cls: 'general', zh, en, unit, alarm, op: '>', source: SRC_GAS, article: '第135条', note });

const GAS_ROWS: readonly ThresholdRow[] = [
  gas(
    '0004',
    '一氧化碳',
    'CO, any location',
    'ppm',
    24,
    '0.0024 %; also the usual CO-sensor alarm point [S20].',
  ),
  gas('0009', '硫化氢', 'H2S, any location', 'ppm', 6.6, '0.00066 %.'),
  gas('0041', '二氧化氮 (氮氧化物折算)', 'NOx as NO2, any location', 'ppm', 2.5, '0.00025 %.'),
  gas('0042', '二氧化硫', 'SO2, any location', 'ppm', 5, '0.0005 %.'),
  gas('0044', '氨', 'NH3, any location', 'ppm', 40, '0.004 %.'),
  row({
    type: '0012',
    cls: 'face-intake',
    zh: '采掘工作面进风流',
    en: 'O2 in intake air of working faces',
    dir: 'lower',
    op: '<',
    unit: '%',
    alarm: 20,
    source: SRC_GAS,
    article: '第135条',
    note: 'O2 must not be below 20 % in the intake air of working faces; the Regulations set no O2 row elsewhere, so other O2 points are held to the mine’s own settings only.',
  }),
  row({
    type: '0013',
    cls: 'intake',
    zh: '采掘工作面进风流',
    en: 'CO2 in intake air',
    unit: '%',
    alarm: 0.5,
    op: '>',
    source: SRC_GAS,
    article: '第135条',
  }),
  row({
    type: '0013',
    cls: 'working-face',
    zh: '采掘工作面风流',
    en: 'CO2 in the air of a working face',
    unit: '%',
    alarm: 1.5,
    source: srcGeneral('第173条'),
    article: '第173条',
    unconfirmed: true,
    note: 'CO2 reaching 1.5 % at a face: stop work, withdraw, investigate.',
  }),
  row({
    type: '0013',
    cls: 'return',
    zh: '采区、采掘工作面回风流',
    en: 'CO2 in the return of a district or face',
    unit: '%',
    alarm: 1.5,
    op: '>',
    source: srcGeneral('第172条'),
    article: '第172条',
    unconfirmed: true,
    note: 'CO2 > 1.5 % in the return: stop work and withdraw.',
  }),
  row({
    type: '0013',
    cls: 'main-return',
    zh: '一翼回风巷及总回风巷',
    en: 'CO2 in wing / main return',
    unit: '%',
    alarm: 0.75,
    op: '>',
    source: srcGeneral('第171条'),
    article: '第171条',
    unconfirmed: true,
    note: 'CO2 > 0.75 %: investigate.',
  }),
  row({
    type: '0013',
    cls: 'unclassified',
    zh: '未识别位置',
    en: 'unrecognised location',
    unit: '%',
    alarm: 0.5,
    op: '>',
    source: '',
    derived: true,
    note: 'The intake-air limit, the strictest CO2 row.',
  }),
];

/**
 * Temperature: "over 26 ℃ / 30 ℃" (shorten hours, heat allowance) is the alarm, "over 30 ℃ / 34 ℃"
 * (stop work) the stop-work level, held in the power-cut slot and raised as `stop_work_level`. Both
 * worded "超过" — the limit itself is compliant (">").
 */
const temp = (
  cls: LocationClass,
  zh: string,
  en: string,
  alarm: number,
  stopWork: number,
  note: string,
  derived = false,
): ThresholdRow =>
  row({
    type: '0003',
    cls,
    zh,
    en,
    unit: '℃',
    alarm,
    cut: stopWork,
    op: '>',
    scope: 'stop work (not a power cut)',
    source: SRC_TEMP,
    article: '第655条',
    unconfirmed: !derived,
    derived,
    note,
  });

const TEMPERATURE_ROWS: readonly ThresholdRow[] = [
  temp(
    'working-face',
    '采掘工作面',
    'working face',
    26,
    30,
    'Over 26 ℃: shorten hours, heat allowance; over 30 ℃: stop work. Whether the current edition says "stop work" or "take cooling measures" is unconfirmed (domain §2.2).',
  ),
  temp(
    'electrical-chamber',
    '机电设备硐室',
    'electrical chamber',
    30,
    34,
    'Over 30 ℃: shorten hours; over 34 ℃: stop work (edition-dependent, unconfirmed). A 34 ℃ machine-chamber alarm is seen in data [S20].',
  ),
  row({
    type: '0003',
    cls: 'shaft-bottom-intake',
    zh: '进风井口以下空气',
    en: 'intake air below the shaft',
    dir: 'lower',
    op: '<',
    unit: '℃',
    alarm: 2,
    source: SRC_TEMP_INTAKE,
    article: '第137条',
    note: 'Must be 2 ℃ or above.',
  }),
  temp(
    'unclassified',
    '未识别位置',
    'unrecognised location',
    26,
    30,
    'The working-face limits, the strictest upper temperature row.',
    true,
  ),
];

/** Wind speed, m/s: one upper row per maximum and one lower row per minimum. */
function wind(
  cls: LocationClass,
  zh: string,
  en: string,
  min: number | null,
  max: number | null,
  derived = false,
): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  const base = {
    type: '0002',
    cls,
    zh,
    en,
    unit: 'm/s' as const,
    source: SRC_WIND,
    article: '第136条',
    derived,
  };
  // "Not above the maximum, not below the minimum": both limits themselves are compliant.
  if (max !== null) rows.push(row({ ...base, dir: 'upper', op: '>', alarm: max }));
  if (min !== null) rows.push(row({ ...base, dir: 'lower', op: '<', alarm: min }));
  return rows;
}

const WIND_ROWS: readonly ThresholdRow[] = [
  ...wind('shaft-no-hoisting', '无提升设备的风井和风硐', 'shaft / fan drift without hoisting', null, 15),
  ...wind('materials-shaft', '专为升降物料的井筒', 'materials-only shaft', null, 12),
  ...wind('air-bridge', '风桥', 'air bridge', null, 10),
  ...wind('men-materials-shaft', '升降人员和物料的井筒', 'men-and-materials shaft', null, 8),
  ...wind('main-roadway', '主要进、回风巷', 'main intake / return roadways', null, 8),
  ...wind('trolley-roadway', '架线电机车巷道', 'trolley-loco roadways', 1.0, 8),
  ...wind(
    'conveyor-or-district-roadway',
    '运输机巷，采区进、回风巷',
    'conveyor roadways and district intake / return',
    0.25,
    6,
  ),
  ...wind(
    'coal-face-or-coal-heading',
    '采煤工作面、掘进中的煤巷和半煤岩巷',
    'coal faces and coal / half-coal headings',
    0.25,
    4,
  ),
  ...wind(
    'fully-mechanised-face',
    '综合机械化采煤工作面 (采取煤层注水和采煤机喷雾降尘等措施后)',
    'fully mechanised coal face (with seam infusion and shearer sprays)',
    0.25,
    5,
  ),
  ...wind('rock-heading', '掘进中的岩巷', 'rock headings', 0.15, 4),
  ...wind('other-walkway', '其他通风人行巷道', 'other ventilated walkways', 0.15, null),
  ...wind('unclassified', '未识别位置', 'unrecognised location', 0.25, 4, true),
];

/** The 2016-edition table. */
export const REGULATIONS_2016_THRESHOLDS: ThresholdTable = {
  edition: EDITION_2016,
  effectiveFrom: EFFECTIVE_FROM_2016,
  rows: [...METHANE_ROWS_2016, ...GAS_ROWS, ...TEMPERATURE_ROWS, ...WIND_ROWS],
};

/** Every edition known, for `selectThresholdTable`. */
export const THRESHOLD_TABLES: readonly ThresholdTable[] = [REGULATIONS_2016_THRESHOLDS];
