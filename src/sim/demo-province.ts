/**
 * The demo province: a fictional province with 4 cities, 12 coal-producing districts/counties, a few
 * hundred mines with realistic spreads (many small mines, high-gas and outburst mines, some without
 * certified gas control, suspended and closing mines, trusteeships, expired licences) and one demo user
 * per role. Pure and deterministic: the same options always give the same province.
 */
import type { Role, Scope } from '../core/access/types.ts';
import {
  SMALL_MINE_CAPACITY_T_PER_YEAR,
  type Enterprise,
  type GasClass,
  type MechanisationLevel,
  type Mine,
  type MineStatus,
  type Region,
} from '../core/registry/types.ts';
import { assignDemoOwnership, apportion, type MineOwnershipInput } from './demo-enterprises.ts';
import {
  CHINESE_ORDINALS,
  DEMO_CITIES,
  DEMO_PROVINCE_ABBREVIATION,
  DEMO_PROVINCE_ID,
  DEMO_PROVINCE_NAME,
  demoProvinceRegion,
  DEMO_TRUSTEES,
  PLACE_FIRST,
  PLACE_LAST,
  type DemoCountySpec,
} from './demo-province-data.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

export interface DemoUserSpec {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

export type DemoMine = Omit<Mine, 'createdAt' | 'updatedAt'>;

export interface DemoProvince {
  /** Province first, then cities, then counties (parents before children). */
  regions: Region[];
  /** Group enterprises before their subsidiaries. */
  enterprises: Enterprise[];
  /** Grouped by county, in region order; codes ascending within a county. */
  mines: DemoMine[];
  /** One per role, plus `county2` and `officer2` in another city for access tests. */
  users: DemoUserSpec[];
}

export interface DemoProvinceOptions {
  seed?: number;
  mineCount?: number;
  /** ISO timestamp that status, licence and certification dates are derived from. */
  now: string;
}

export const DEFAULT_DEMO_SEED = 20201204;
export const DEFAULT_DEMO_MINE_COUNT = 300;
export const MAX_DEMO_MINE_COUNT = 100_000;

const DAY_MS = 86_400_000;
const MIN_CAPACITY = 60_000;
const MAX_CAPACITY = 5_000_000;
/** Share of mines below 300 kt/yr; a 2023 study found 35 % nationally, older provinces had more. */
const SMALL_MINE_SHARE = 0.4;
const TRUSTEESHIP_SHARE = 0.1;
const GAS_CONTROL_CERTIFIED_SHARE = 0.85;
const LICENCE_VALID_DAYS = 3 * 365;

// Approved capacities cluster on the standard design sizes (9万, 15万, 30万, 45万, 90万 t…).
const SMALL_SIZES: ReadonlyArray<readonly [number, number]> = [
  [60_000, 3],
  [90_000, 5],
  [150_000, 4],
  [210_000, 3],
];
const LARGE_SIZES: ReadonlyArray<readonly [number, number]> = [
  [300_000, 20],
  [450_000, 16],
  [600_000, 14],
  [900_000, 12],
  [1_200_000, 10],
  [1_500_000, 6],
  [1_800_000, 5],
  [2_400_000, 4],
  [3_000_000, 3],
  [4_000_000, 2],
  [5_000_000, 1],
];

const GAS_CLASS_WEIGHTS: ReadonlyArray<readonly [GasClass, number]> = [
  ['low', 55],
  ['high', 30],
  ['outburst', 15],
];

// Closure policy targets small mines, so closing and closed skew small; construction skews large.
const STATUS_WEIGHTS_SMALL: ReadonlyArray<readonly [MineStatus, number]> = [
  ['producing', 45],
  ['construction', 3],
  ['suspended', 14],
  ['resumption_review', 5],
  ['closing', 22],
  ['closed', 11],
];
const STATUS_WEIGHTS_LARGE: ReadonlyArray<readonly [MineStatus, number]> = [
  ['producing', 74],
  ['construction', 11],
  ['suspended', 7],
  ['resumption_review', 4],
  ['closing', 3],
  ['closed', 1],
];
/** How long ago (days) a mine entered its current status. */
const STATUS_AGE_DAYS: Record<MineStatus, readonly [number, number]> = {
  producing: [200, 3000],
  construction: [30, 1000],
  suspended: [5, 400],
  resumption_review: [1, 60],
  closing: [30, 500],
  closed: [200, 2000],
};

function mechanisationWeights(capacity: number): ReadonlyArray<readonly [MechanisationLevel, number]> {
  if (capacity < 150_000)
    return [
      ['manual', 40],
      ['partial', 50],
      ['mechanised', 10],
    ];
  if (capacity < SMALL_MINE_CAPACITY_T_PER_YEAR)
    return [
      ['manual', 15],
      ['partial', 50],
      ['mechanised', 35],
    ];
  if (capacity < 1_200_000)
    return [
      ['partial', 15],
      ['mechanised', 70],
      ['intelligent', 15],
    ];
  return [
    ['mechanised', 45],
    ['intelligent', 55],
  ];
}

function drawCapacity(random: SeededRandom, small: boolean): number {
  if (random.chance(0.6)) return random.weighted(small ? SMALL_SIZES : LARGE_SIZES);
  // Off-standard sizes (re-approved capacity): log-uniform, rounded to 10,000 t.
  const [lo, hi] = small ? [MIN_CAPACITY, SMALL_MINE_CAPACITY_T_PER_YEAR - 10_000] : [300_000, MAX_CAPACITY];
  // Squaring the draw skews large mines toward the lower end of their range.
  const u = small ? random.next() : random.next() ** 2;
  const value = Math.round((lo * (hi / lo) ** u) / 10_000) * 10_000;
  return Math.min(hi, Math.max(lo, value));
}

/** 30 people for the smallest mine up to 900 for the largest, sub-linear in capacity, ±10 %. */
function drawMaxUnderground(random: SeededRandom, capacity: number): number {
  // Real mines run from a few thousand tonnes to tens of millions: held to the drawn range's ends.
  const held = Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, capacity));
  const scaled = ((held - MIN_CAPACITY) / (MAX_CAPACITY - MIN_CAPACITY)) ** 0.7;
  const base = 30 + 870 * scaled;
  return Math.min(900, Math.max(30, Math.round((base * random.between(0.9, 1.1)) / 5) * 5));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Unique place names: two or three syllables (石门, 石门坎); a rare clash falls back to 石门坎二矿. */
export function createPlaceNamer(random: SeededRandom): () => string {
  const used = new Set<string>();
  const clashes = new Map<string, number>();
  return () => {
    let place = '';
    for (let attempt = 0; attempt < 30; attempt++) {
      place = random.pick(PLACE_FIRST) + random.pick(PLACE_LAST);
      if (random.chance(0.65)) {
        const third = random.pick(PLACE_LAST);
        // 石溪溪 reads as a typo; re-roll a doubled syllable.
        place += third === place.slice(-1) ? random.pick(PLACE_LAST.filter((c) => c !== third)) : third;
      }
      if (!used.has(place)) {
        used.add(place);
        return place;
      }
    }
    for (let k = (clashes.get(place) ?? 0) + 1; ; k++) {
      const candidate = `${place}${CHINESE_ORDINALS[k] ?? String(k + 1)}矿`;
      if (!used.has(candidate)) {
        clashes.set(place, k);
        used.add(candidate);
        return candidate;
      }
    }
  };
}

function buildRegions(): Region[] {
  const province = demoProvinceRegion();
  const cities: Region[] = DEMO_CITIES.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    level: 'city',
    parentId: province.id,
    path: `${province.path}${c.id}/`,
  }));
  const counties: Region[] = DEMO_CITIES.flatMap((c) =>
    c.counties.map((k) => ({
      id: k.id,
      name: k.name,
      nameEn: k.nameEn,
      level: 'county' as const,
      parentId: c.id,
      path: `${province.path}${c.id}/${k.id}/`,
    })),
  );
  return [province, ...cities, ...counties];
}

export interface MineDraft {
  mine: DemoMine;
  owner: MineOwnershipInput;
}

/** A real mine's approved capacity and position, used instead of drawing them. */
export interface MineSite {
  capacityTPerYear: number;
  latitude: number;
  longitude: number;
}

/**
 * Draws one mine of a county. With a `site`, its capacity and position are the site's (a real mine's)
 * and only the rest is drawn; without one, they are drawn too.
 */
export function drawMine(
  random: SeededRandom,
  county: Pick<DemoCountySpec, 'id' | 'name' | 'latitude' | 'longitude'>,
  code: string,
  place: string,
  small: boolean,
  sequence: number,
  todayMs: number,
  site?: MineSite,
): MineDraft {
  const capacity = site ? site.capacityTPerYear : drawCapacity(random, small);
  const gasClass = random.weighted(GAS_CLASS_WEIGHTS);
  const certified = gasClass !== 'low' && random.chance(GAS_CONTROL_CERTIFIED_SHARE);
  const certifiedMs = todayMs - random.int(30, 1500) * DAY_MS;
  const status = random.weighted(small ? STATUS_WEIGHTS_SMALL : STATUS_WEIGHTS_LARGE);
  const [minAge, maxAge] = STATUS_AGE_DAYS[status];
  // Office hours in China (UTC+8) are 01:00–09:00 UTC.
  const statusSinceMs = todayMs - random.int(minAge, maxAge) * DAY_MS + random.int(1, 9) * 3_600_000;
  // A mine under construction has no safety production licence yet; a closed mine's is revoked.
  // Licences last three years, so one issued more than three years ago has expired.
  const licensed = status !== 'construction' && status !== 'closed';
  const issuedMs = todayMs - random.int(30, 1200) * DAY_MS;
  const seq = String(sequence).padStart(4, '0');
  const mine: DemoMine = {
    id: `m-${code}`,
    code,
    name: `${place}煤矿`,
    regionId: county.id,
    enterpriseId: null,
    approvedCapacityTPerYear: capacity,
    gasClass,
    hasGasControlCapability: certified,
    gasControlEvidence: certified
      ? `${DEMO_PROVINCE_NAME}煤矿瓦斯防治能力评估报告 DEMO-WF-${isoDate(certifiedMs).slice(0, 4)}-${seq}`
      : null,
    gasControlCertifiedOn: certified ? isoDate(certifiedMs) : null,
    approvedMaxUnderground: drawMaxUnderground(random, capacity),
    operator: random.chance(TRUSTEESHIP_SHARE) ? random.pick(DEMO_TRUSTEES) : null,
    licenceNumber: licensed
      ? `(${DEMO_PROVINCE_ABBREVIATION})MK安许证字〔${isoDate(issuedMs).slice(0, 4)}〕${seq}`
      : null,
    licenceValidUntil: licensed ? isoDate(issuedMs + LICENCE_VALID_DAYS * DAY_MS) : null,
    mechanisation: random.weighted(mechanisationWeights(capacity)),
    latitude: site ? site.latitude : Math.round((county.latitude + random.between(-0.18, 0.18)) * 1e5) / 1e5,
    longitude: site
      ? site.longitude
      : Math.round((county.longitude + random.between(-0.18, 0.18)) * 1e5) / 1e5,
    status,
    statusSince: new Date(statusSinceMs).toISOString(),
  };
  return { mine, owner: { place, countyId: county.id, countyName: county.name } };
}

export interface UserRegions {
  /** The province the province-wide users see. */
  province: string;
  city: string;
  county: string;
  /** A county in another city. */
  county2: string;
}

function userCounties(): UserRegions {
  const [first, second] = DEMO_CITIES;
  const county = first?.counties[0]?.id;
  const county2 = second?.counties[0]?.id;
  if (first === undefined || county === undefined || county2 === undefined) {
    throw new Error('demo province data needs two cities with counties');
  }
  return { province: DEMO_PROVINCE_ID, county, county2, city: first.id };
}

/** One demo user per role (plus `county2` and `officer2`), scoped to the given regions. */
export function buildUsers(
  mines: readonly DemoMine[],
  regions: UserRegions = userCounties(),
): DemoUserSpec[] {
  const { county, county2, city, province } = regions;
  const mineIn = (regionId: string): DemoMine | undefined =>
    mines.find((m) => m.regionId === regionId && m.status === 'producing') ??
    mines.find((m) => m.regionId === regionId);
  const officerMine = mineIn(county);
  const officer2Mine = mineIn(county2);
  if (officerMine === undefined || officer2Mine === undefined) {
    throw new Error('demo users need a mine in each of their counties');
  }
  const region = (regionId: string): Scope => ({ kind: 'region', regionId });
  const mine = (mineId: string): Scope => ({ kind: 'mine', mineId });
  const spec = (username: string, displayName: string, role: Role, scope: Scope): DemoUserSpec => ({
    username,
    displayName,
    role,
    scope,
  });
  return [
    spec('province', '王建国（省级监管）', 'province_regulator', region(province)),
    spec('city', '李明（市级监管）', 'city_regulator', region(city)),
    spec('county', '张伟（区县监管）', 'county_regulator', region(county)),
    spec('county2', '刘洋（区县监管）', 'county_regulator', region(county2)),
    spec('leader', '陈静（包保领导）', 'leader', region(county)),
    spec('group', '赵磊（监管组成员）', 'group_member', region(county)),
    spec('officer', '孙浩（矿井安全员）', 'mine_safety_officer', mine(officerMine.id)),
    spec('officer2', '周杰（矿井安全员）', 'mine_safety_officer', mine(officer2Mine.id)),
    spec('expert', '吴敏（瓦斯专家）', 'gas_expert', region(province)),
    spec('viewer', '郑芳（只读查看）', 'viewer', region(province)),
    spec('bureau', '黄涛（矿山安全监察局）', 'mine_safety_bureau', region(province)),
    spec('govhead', '林强（县政府主要负责人）', 'government_head', region(county)),
  ];
}

/** The `officer` demo user needs a producing mine in the `county` user's county: make the first one so. */
export function ensureProducingMine(drafts: MineDraft[], county: string, todayMs: number): void {
  // The `officer` demo user needs a producing mine in the `county` user's county.
  const homeIndex = drafts.findIndex((d) => d.mine.regionId === county);
  const firstHome = drafts[homeIndex]?.mine;
  if (
    firstHome !== undefined &&
    !drafts.some((d) => d.mine.regionId === county && d.mine.status === 'producing')
  ) {
    firstHome.status = 'producing';
    firstHome.statusSince = new Date(todayMs - 400 * DAY_MS + 3 * 3_600_000).toISOString();
    if (firstHome.licenceNumber === null) {
      const issuedMs = todayMs - 200 * DAY_MS;
      const seq = String(homeIndex + 1).padStart(4, '0');
      firstHome.licenceNumber = `(${DEMO_PROVINCE_ABBREVIATION})MK安许证字〔${isoDate(issuedMs).slice(0, 4)}〕${seq}`;
      firstHome.licenceValidUntil = isoDate(issuedMs + LICENCE_VALID_DAYS * DAY_MS);
    }
  }
}

/**
 * Generates the demo province. Deterministic: the same `seed`, `mineCount` and `now` always give a
 * deep-equal result; dates (status since, licence validity, certification) are derived from `now`.
 * @throws RangeError for an unparsable `now`, a non-integer seed, or a mine count outside 2–100,000.
 */
export function generateDemoProvince(options: DemoProvinceOptions): DemoProvince {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const mineCount = options.mineCount ?? DEFAULT_DEMO_MINE_COUNT;
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now must be an ISO timestamp, got "${options.now}"`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  // Two mines at least: the two demo mine safety officers sit in different cities.
  if (!Number.isSafeInteger(mineCount) || mineCount < 2 || mineCount > MAX_DEMO_MINE_COUNT) {
    throw new RangeError(`mineCount must be an integer from 2 to ${MAX_DEMO_MINE_COUNT}, got ${mineCount}`);
  }
  const random = createSeededRandom(seed);
  // Midnight UTC of `now`: every derived timestamp is at least a day before it, so all precede `now`.
  const todayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;

  const counties = DEMO_CITIES.flatMap((c) => c.counties);
  const perCounty = apportion(
    mineCount,
    counties.map((c) => c.weight),
  );
  // A fixed quota of small mines rather than a coin per mine: the share stays near 40 % at any size.
  const smallQuota = Math.round(mineCount * SMALL_MINE_SHARE);
  const isSmall = random.shuffle(Array.from({ length: mineCount }, (_, i) => i < smallQuota));
  const nextPlace = createPlaceNamer(random);

  const drafts: MineDraft[] = [];
  counties.forEach((county, ci) => {
    const count = perCounty[ci] ?? 0;
    const maxGap = Math.max(1, Math.min(20, Math.floor(998_000 / Math.max(1, count))));
    let serial = random.int(1, 999);
    for (let k = 0; k < count; k++) {
      const code = `${county.id}${String(serial).padStart(6, '0')}`;
      const i = drafts.length;
      drafts.push(drawMine(random, county, code, nextPlace(), isSmall[i] ?? false, i + 1, todayMs));
      serial += random.int(1, maxGap);
    }
  });

  ensureProducingMine(drafts, userCounties().county, todayMs);

  const ownership = assignDemoOwnership(
    random,
    drafts.map((d) => d.owner),
  );
  const mines = drafts.map((d, i) => ({ ...d.mine, enterpriseId: ownership.enterpriseIds[i] ?? null }));

  return { regions: buildRegions(), enterprises: ownership.enterprises, mines, users: buildUsers(mines) };
}
