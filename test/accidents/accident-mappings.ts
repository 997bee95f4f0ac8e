import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportMapping } from '../../src/core/accidents/accident-import.ts';

const refdata = fileURLToPath(new URL('../../../shared/refdata/', import.meta.url));

export const mshaCsv = (): string => readFileSync(`${refdata}msha-accidents-sample/us_data_2000.csv`, 'utf8');
export const nioshCsv = (): string =>
  readFileSync(`${refdata}niosh-mining-disasters/mining_disasters_fatalities.csv`, 'utf8');

/** MSHA form 7000-1: one row per injured person; only underground coal rows are ours. */
export const MSHA_MAPPING: ImportMapping = {
  dataset: 'MSHA',
  country: 'US',
  columns: {
    occurredOn: 'ACCIDENT_DT',
    occurredTime: 'ACCIDENT_TIME',
    type: 'CLASSIFICATION',
    deaths: 'DEGREE_INJURY',
    seriousInjuries: 'DEGREE_INJURY',
    mineName: 'OPERATOR_NAME',
    externalRef: 'MINE_ID',
    description: 'NARRATIVE',
  },
  dateFormat: 'd/m/yyyy',
  countIf: { deaths: ['FATALITY'], seriousInjuries: ['PERM TOT OR PERM PRTL DISABLTY'] },
  include: [
    { column: 'COAL_METAL_IND', in: ['C'] },
    { column: 'SUBUNIT', in: ['UNDERGROUND'] },
  ],
  nullValues: ['?', 'NO VALUE FOUND'],
};

/** NIOSH mining disasters (≥ 5 deaths each): underground coal only. */
export const NIOSH_MAPPING: ImportMapping = {
  dataset: 'NIOSH',
  country: 'US',
  columns: { occurredOn: 'Date', type: 'Accident Type', deaths: 'Killed', mineName: 'Mine Name' },
  dateFormat: 'yyyy-mm-dd',
  include: [
    { column: 'Mine Type', in: ['UG'] },
    { column: 'Mining Sector', in: ['Coal'] },
  ],
};
