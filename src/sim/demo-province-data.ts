/**
 * Fixed vocabulary for the demo province: its divisions, name syllables, groups and trustees.
 * Everything here is fictional. Ids use the 99xxxx range, which no real division uses, so demo rows
 * can never be mistaken for real data.
 */
import type { Region } from '../core/registry/types.ts';

export interface DemoCountySpec {
  id: string;
  name: string;
  nameEn: string;
  /** Relative share of the province's mines. */
  weight: number;
  /** Centre of the county's mines (degrees). */
  latitude: number;
  longitude: number;
}

export interface DemoCitySpec {
  id: string;
  name: string;
  nameEn: string;
  counties: DemoCountySpec[];
}

export const DEMO_PROVINCE_ID = '990000';
export const DEMO_PROVINCE_NAME = '示范省';
export const DEMO_PROVINCE_NAME_EN = 'Demo Province';
/** The demo province's region row (the root of every demo region path). */
export function demoProvinceRegion(): Region {
  return {
    id: DEMO_PROVINCE_ID,
    name: DEMO_PROVINCE_NAME,
    nameEn: DEMO_PROVINCE_NAME_EN,
    level: 'province',
    parentId: null,
    path: `/${DEMO_PROVINCE_ID}/`,
  };
}
/** Short form used in licence numbers, like 黔 for Guizhou. */
export const DEMO_PROVINCE_ABBREVIATION = '示';

// The first county of the first and second cities are the heaviest: the demo users `county` and
// `county2` sit there, and they must have mines even when only a handful are generated.
export const DEMO_CITIES: DemoCitySpec[] = [
  {
    id: '990100',
    name: '岩门市',
    nameEn: 'Yanmen City',
    counties: [
      {
        id: '990102',
        name: '岩东区',
        nameEn: 'Yandong District',
        weight: 14,
        latitude: 27.55,
        longitude: 104.55,
      },
      {
        id: '990121',
        name: '松坪县',
        nameEn: 'Songping County',
        weight: 9,
        latitude: 27.75,
        longitude: 104.95,
      },
      { id: '990122', name: '桐溪县', nameEn: 'Tongxi County', weight: 8, latitude: 27.35, longitude: 105.1 },
      { id: '990123', name: '雾岭县', nameEn: 'Wuling County', weight: 6, latitude: 27.7, longitude: 105.45 },
    ],
  },
  {
    id: '990200',
    name: '青岗市',
    nameEn: 'Qinggang City',
    counties: [
      {
        id: '990202',
        name: '岗南区',
        nameEn: 'Gangnan District',
        weight: 12,
        latitude: 26.85,
        longitude: 104.5,
      },
      { id: '990221', name: '梅坝县', nameEn: 'Meiba County', weight: 7, latitude: 26.45, longitude: 104.7 },
      {
        id: '990222',
        name: '龙滩县',
        nameEn: 'Longtan County',
        weight: 8,
        latitude: 26.9,
        longitude: 105.05,
      },
    ],
  },
  {
    id: '990300',
    name: '黛山市',
    nameEn: 'Daishan City',
    counties: [
      {
        id: '990302',
        name: '黛北区',
        nameEn: 'Daibei District',
        weight: 7,
        latitude: 27.4,
        longitude: 105.85,
      },
      { id: '990321', name: '白鹤县', nameEn: 'Baihe County', weight: 10, latitude: 27.05, longitude: 106.2 },
      {
        id: '990322',
        name: '清源县',
        nameEn: 'Qingyuan County',
        weight: 5,
        latitude: 27.6,
        longitude: 106.55,
      },
    ],
  },
  {
    id: '990400',
    name: '云岫市',
    nameEn: 'Yunxiu City',
    counties: [
      { id: '990421', name: '岫西县', nameEn: 'Xiuxi County', weight: 8, latitude: 26.4, longitude: 105.95 },
      {
        id: '990422',
        name: '柳江县',
        nameEn: 'Liujiang County',
        weight: 6,
        latitude: 26.55,
        longitude: 106.6,
      },
    ],
  },
];

/** First syllable of a place name (colour, direction, tree, animal, family name…). */
export const PLACE_FIRST = [
  ...'石白黑青红黄马龙虎鹰大小新老高上下东西南北中金银铁铜松柏杨柳桃李梨竹茶花水火风云雾月沙土',
];
/** Second or third syllable: a landform or settlement word. */
export const PLACE_LAST = [...'门坎岭坝沟湾坪冲坡山河溪田场寨庄林塘堡岩洞垭槽井桥湖坳口滩峰关寺院营屯园'];

/** Group enterprises (集团) that own several mines through subsidiaries. */
export const DEMO_GROUPS = [
  { name: '示范能源集团有限责任公司', short: '示范能源' },
  { name: '岩门矿业集团有限公司', short: '岩门矿业' },
  { name: '青岗煤业集团股份有限公司', short: '青岗煤业' },
] as const;

/** Trustee operators running mines for their owners (托管). */
export const DEMO_TRUSTEES = [
  '示范省安泰矿业托管运营有限公司',
  '岩门市恒远煤矿管理有限公司',
  '青岗市中诚矿山服务有限公司',
  '云岫市瑞丰矿业托管有限公司',
];

/** Characters allowed in a unified social credit code (GB 32100: no I, O, S, V, Z). */
export const CREDIT_CODE_CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

export const CHINESE_ORDINALS = [...'一二三四五六七八九十'];
