import type { CriteriaCategory, CriteriaEdition, CriteriaItem } from './criteria-types.ts';

/**
 * 煤矿重大事故隐患判定标准 (MEM order 4, in force 2021-01-01): 15 categories (arts. 4–18) and their
 * sub-items. Headings from the published text [domain S40]; sub-item wording from a public code table
 * verified against it [S41]. Sub-item texts are summaries in English; the article is the source.
 */
const ORDER = 'MEM order 4 (2020)';

export const CATEGORIES_2020: readonly CriteriaCategory[] = [
  {
    no: 1,
    article: 'art. 4',
    titleZh: '超能力、超强度或者超定员组织生产',
    titleEn: 'Over-capacity, over-intensity or over-manning',
  },
  { no: 2, article: 'art. 5', titleZh: '瓦斯超限作业', titleEn: 'Working with gas over the limit' },
  {
    no: 3,
    article: 'art. 6',
    titleZh: '煤与瓦斯突出矿井未依照规定实施防突出措施',
    titleEn: 'Outburst mine without outburst prevention',
  },
  {
    no: 4,
    article: 'art. 7',
    titleZh: '高瓦斯矿井未建立瓦斯抽采系统和监控系统，或者系统不能正常运行',
    titleEn: 'High-gas mine without drainage or monitoring, or not running',
  },
  {
    no: 5,
    article: 'art. 8',
    titleZh: '通风系统不完善、不可靠',
    titleEn: 'Ventilation inadequate or unreliable',
  },
  {
    no: 6,
    article: 'art. 9',
    titleZh: '有严重水患，未采取有效措施',
    titleEn: 'Serious water hazard without effective measures',
  },
  {
    no: 7,
    article: 'art. 10',
    titleZh: '超层越界开采',
    titleEn: 'Mining beyond the licensed seam, level or boundary',
  },
  {
    no: 8,
    article: 'art. 11',
    titleZh: '有冲击地压危险，未采取有效措施',
    titleEn: 'Rock-burst risk without effective measures',
  },
  {
    no: 9,
    article: 'art. 12',
    titleZh: '自然发火严重，未采取有效措施',
    titleEn: 'Severe spontaneous combustion without effective measures',
  },
  {
    no: 10,
    article: 'art. 13',
    titleZh: '使用明令禁止使用或者淘汰的设备、工艺',
    titleEn: 'Prohibited or obsolete equipment or processes',
  },
  { no: 11, article: 'art. 14', titleZh: '煤矿没有双回路供电系统', titleEn: 'No dual-circuit power supply' },
  {
    no: 12,
    article: 'art. 15',
    titleZh:
      '新建煤矿边建设边生产，煤矿改扩建期间，在改扩建的区域生产，或者在其他区域的生产超出安全设施设计规定的范围和规模',
    titleEn: 'Producing while building, in expansion areas or beyond the design',
  },
  {
    no: 13,
    article: 'art. 16',
    titleZh:
      '煤矿实行整体承包生产经营后，未重新取得或者及时变更安全生产许可证而从事生产，或者承包方再次转包，以及将井下采掘工作面和井巷维修作业进行劳务承包',
    titleEn: 'Contracting and subcontracting',
  },
  {
    no: 14,
    article: 'art. 17',
    titleZh:
      '煤矿改制期间，未明确安全生产责任人和安全管理机构，或者在完成改制后，未重新取得或者变更采矿许可证、安全生产许可证和营业执照',
    titleEn: 'Restructuring',
  },
  { no: 15, article: 'art. 18', titleZh: '其他重大事故隐患', titleEn: 'Other major hazards' },
];

const ITEM_TEXTS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    1,
    [
      'Annual output above the approved capacity by 10 % or more, or monthly output above 10 % of it',
      'The mine or its parent sets plans or targets above the approved capacity',
      'Developed, prepared or workable reserves below the minimum periods and output not reduced',
      'More than two production levels at once, or more faces or headings in a district than allowed',
      'Producing while gas drainage is not up to standard',
      'No underground staffing rule or not enforced, or per-shift people above the limit by 20 % or more',
    ],
  ],
  [
    2,
    [
      'Gas checks missed or faked while working',
      'Working on after gas exceeded the limit, or without proper handling',
      'Releasing accumulated gas without approved safety measures',
    ],
  ],
  [
    3,
    [
      'No outburst-prevention unit or specialists',
      'No permanent surface gas-drainage system, or it does not run',
      'No regional or face outburst-risk prediction',
      'No outburst-prevention measures',
      'Effect checks not done, failed with production continuing, or check data faked',
      'No safety protection measures',
      'Trolley-wire locomotives used',
    ],
  ],
  [
    4,
    [
      'Required gas-drainage system missing or not used',
      'Methane sensors not installed or calibrated as required, disabled, unable to alarm or cut power, or wrong cut scope',
    ],
  ],
  [
    5,
    [
      'Total air, or air at faces and other main users, insufficient',
      'No standby main fan, or the two fans unequal',
      'Illegal series ventilation',
      'Ventilation not built to design, or levels and districts not separately ventilated',
      'No dedicated return where required, or an outburst face without its own return',
      'Stoppings or doors between intake and return cause short-circuits',
      'District intake and return not through the whole district (and related layout faults)',
      'Headings without methane-power or fan-power interlocks, or not working',
      'High-gas or outburst headings without dual fans and dual power with automatic switch-over',
      'Construction mine without full-pressure surface-fan ventilation before phase II or III',
    ],
  ],
  [
    6,
    [
      'Hydrogeology, old goaf or old-working water not ascertained',
      'Complex mines without a water-control unit, drilling team or equipment',
      'No probe drilling where required',
      'Water-barrier pillars not left, or mined',
      'People not withdrawn when inrush signs appear',
      'Flood-threatened mines not stopped during storms or upstream floods',
      'Permanent drainage not built before phase III or before deepening',
      'Pumps, pipes or sumps below the Regulations',
      'Steep seams under water bodies mined without removing the threat',
    ],
  ],
  [
    7,
    [
      'Mining beyond the licensed seam or elevation',
      'Mining beyond the licensed coordinates',
      'Mining safety pillars',
    ],
  ],
  [
    8,
    [
      'Burst-proneness or burst-risk assessments not done',
      'No anti-burst unit, staff or special design',
      'No burst-risk prediction or effect check, or producing after a failed check',
      'Illegal island pillars, bad spacing, sequence or speed, or stress-concentrating layouts',
      'No personnel-entry control for burst-risk zones',
    ],
  ],
  [
    9,
    [
      'No fire-prevention design or measures for spontaneous-combustion seams',
      'Top-coal caving in a high-gas mine that cannot control self-heating',
      'Work continuing despite self-heating signs',
      'Sealed fire areas opened against the rules',
    ],
  ],
  [
    10,
    [
      'Items on the national banned list',
      'Electrical equipment or cables without the mine safety mark',
      'Equipment not matching the gas class, failed explosion protection, or non-explosion-proof trackless vehicles',
      'Wrong permitted explosives or detonators, no dedicated exploder, or open blasting',
      'A coal face without two clear exits',
      'Advancing longwall in high-gas, outburst or spontaneous-combustion mines (thin seams excepted)',
    ],
  ],
  [
    11,
    [
      'Single-circuit power supply',
      'Two circuits from the same busbar section',
      'Construction mine without two circuits at phase II or III',
    ],
  ],
  [
    12,
    [
      'Safety-facility design not approved, or a major change not re-approved',
      'A new mine mining coal during construction (approved joint trial run excepted)',
      'An expanding mine producing in the expansion area',
      'Producing outside the expansion area beyond the designed scope',
    ],
  ],
  [
    13,
    [
      'Whole contract let to a party without legal-person status or a valid business licence',
      'Whole contract without a safety-management agreement or agreed duties',
      'Whole contract without a re-issued or amended safety production licence',
      'The contractor re-lets the mine',
      'Underground mining or roadway-repair work let as independent projects, or new-level development sub-let',
    ],
  ],
  [
    14,
    [
      'No named safety-responsible person during restructuring',
      'No safety department or staff during restructuring',
      'Mining, safety or business licences not re-issued or changed after restructuring',
    ],
  ],
  [
    15,
    [
      'No full-time manager, chief engineer and deputy managers, or no specialist engineers',
      'Safety funds not fully drawn or misused',
      'Gas-class appraisal not done or faked',
      'Gas dynamic events, a neighbouring outburst or ≥ 0.74 MPa without switching to outburst management',
      'Falsified drawings, hidden faces, false information, hidden numbers underground, or forged records',
      'No safety-monitoring or personnel-positioning system, not running, or data modified, deleted or shielded',
      'Man-riding hoists without or with failed protections, or overloaded',
      'Belts not third-party tested for flame and static, or anti-slip, deviation, pile-up, temperature or smoke protections failed',
      'Work continuing inboard of a heading-repair or fire point, or faces without compressed air, water and communication lines',
      'Open-pit slope angle above design, or serious deformation not treated',
      'Others determined by the national mine safety authority',
    ],
  ],
];

function buildItems(): CriteriaItem[] {
  const out: CriteriaItem[] = [];
  for (const [category, texts] of ITEM_TEXTS) {
    const cat = CATEGORIES_2020.find((c) => c.no === category);
    if (!cat) throw new Error(`criteria 2020: no category ${category}`);
    texts.forEach((textEn, i) => {
      const item = i + 1;
      out.push({
        id: `2020-${category}-${item}`,
        category,
        item,
        textEn,
        source: `${ORDER} ${cat.article}(${item})`,
        // Art. 18(11) is not in the verified code table [S41].
        ...(category === 15 && item === 11 ? { unconfirmed: true } : {}),
      });
    });
  }
  return out;
}

export const CRITERIA_2020: CriteriaEdition = {
  edition: '2020',
  name: '煤矿重大事故隐患判定标准',
  order: ORDER,
  effectiveFrom: '2021-01-01',
  categories: CATEGORIES_2020,
  items: buildItems(),
  coverage: 'complete',
};
