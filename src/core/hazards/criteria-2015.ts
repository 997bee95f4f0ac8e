import { CATEGORIES_2020 } from './criteria-2020.ts';
import type { CriteriaEdition, CriteriaItem } from './criteria-types.ts';

/**
 * 煤矿重大生产安全事故隐患判定标准 (SAWS order 85, 2015-12-03): the same 15 headings [domain S42];
 * this table holds the sub-items that differ from the 2020 edition (domain §4.2), so a hazard found
 * before 2021 can cite the article in force then.
 */
const ORDER = 'SAWS order 85 (2015)';

const row = (category: number, item: number, article: string, textEn: string): CriteriaItem => ({
  id: `2015-${category}-${item}`,
  category,
  item,
  textEn,
  source: `${ORDER} ${article}(${item})`,
});

export const CRITERIA_2015: CriteriaEdition = {
  edition: '2015',
  name: '煤矿重大生产安全事故隐患判定标准',
  order: ORDER,
  effectiveFrom: '2015-12-03',
  categories: CATEGORIES_2020,
  coverage: 'differences',
  items: [
    row(1, 1, 'art. 4', 'Annual output above 110 % of the approved capacity, or a month above 10 % of it'),
    row(1, 2, 'art. 4', 'Downhill "shaving" mining (剃头下山)'),
    row(1, 3, 'art. 4', 'Gas drainage not up to standard'),
    row(1, 4, 'art. 4', 'No underground staffing rule (no 20 % test)'),
    row(
      4,
      3,
      'art. 7',
      'Monitoring faults not repaired in time, or over-limit gas data modified, deleted or shielded',
    ),
    row(13, 1, 'art. 16', 'Letting or entrusting (托管) a mine to a party without valid mining licences'),
    row(13, 2, 'art. 16', 'Contract or trusteeship without a safety agreement'),
    row(13, 3, 'art. 16', 'The contractor or trustee not changing the safety licence'),
    row(13, 4, 'art. 16', 'The contractor or trustee re-letting or re-entrusting the mine'),
    row(13, 5, 'art. 16', 'Underground faces or repair work let as independent projects'),
    row(15, 1, 'art. 18', 'Managers and specialists not appointed'),
    row(15, 2, 'art. 18', 'Safety funds not drawn or misused'),
    row(15, 3, 'art. 18', 'Outburst appraisal not done'),
    row(15, 4, 'art. 18', 'Falsified drawings or hidden working faces'),
  ],
};
