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

const SRC_CH4_GENERAL = '煤矿安全规程(2016) general gas rules (article unconfirmed); domain §2.1';
const SRC_GAS = '煤矿安全规程(2016) harmful-gas limits (article unconfirmed); domain §2.2 [S28]';
const SRC_TEMP = '煤矿安全规程(2016) temperature rules (article unconfirmed); domain §2.2 [S29]';
const SRC_WIND = '煤矿安全规程(2016) wind-speed table (article unconfirmed); domain §2.2 [S27]';

const gas = (
  type: string,
  zh: string,
  en: string,
  unit: ThresholdUnit,
  alarm: number,
  note: string,
): ThresholdRow => row({ type, cls: 'general', zh, en, unit, alarm, source: SRC_GAS, note });

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
    cls: 'general',
    zh: '采掘工作面进风流',
    en: 'O2 in intake air of working faces',
    dir: 'lower',
    unit: '%',
    alarm: 20,
    source: SRC_GAS,
    note: 'O2 must be ≥ 20 %; applied to every O2 sensor as no other location row exists.',
  }),
  row({
    type: '0013',
    cls: 'intake',
    zh: '进风流',
    en: 'CO2 in intake air',
    unit: '%',
    alarm: 0.5,
    source: SRC_GAS,
  }),
  row({
    type: '0013',
    cls: 'return',
    zh: '采区、采掘工作面回风流',
    en: 'CO2 in the return of a district or face',
    unit: '%',
    alarm: 1.5,
    source: SRC_CH4_GENERAL,
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
    source: SRC_CH4_GENERAL,
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
    source: '',
    derived: true,
    note: 'The intake-air limit, the strictest CO2 row.',
  }),
];

const temp = (
  cls: LocationClass,
  zh: string,
  en: string,
  alarm: number,
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
    source: SRC_TEMP,
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
    'Over 26 ℃: shorten hours, heat allowance; over 30 ℃: stop work (some editions: take cooling measures).',
  ),
  temp(
    'electrical-chamber',
    '机电设备硐室',
    'electrical chamber',
    30,
    'Over 30 ℃: shorten hours; over 34 ℃: stop work (edition-dependent). A 34 ℃ machine-chamber alarm is seen in data [S20].',
  ),
  row({
    type: '0003',
    cls: 'shaft-bottom-intake',
    zh: '进风井口以下空气',
    en: 'intake air below the shaft',
    dir: 'lower',
    unit: '℃',
    alarm: 2,
    source: SRC_TEMP,
    note: 'Must be ≥ 2 ℃.',
  }),
  temp(
    'unclassified',
    '未识别位置',
    'unrecognised location',
    26,
    'The working-face limit, the strictest upper temperature row.',
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
  const base = { type: '0002', cls, zh, en, unit: 'm/s' as const, source: SRC_WIND, derived };
  if (max !== null) rows.push(row({ ...base, dir: 'upper', alarm: max }));
  if (min !== null) rows.push(row({ ...base, dir: 'lower', alarm: min }));
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
