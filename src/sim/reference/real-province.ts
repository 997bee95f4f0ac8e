/**
 * Provinces built on China's real mine population: every mine's approved capacity and position come
 * from the reference data; the regions are clusters of those positions; names, enterprises, gas
 * classes, statuses, licences and people are drawn as for the invented demo province (deterministic).
 *
 * - `generateRealDemoProvince`: the demo province (示范省, 990000) over the mines of one area and year.
 * - `generateCountry`: every mine of a year, grouped into provinces, cities and counties.
 */
import { SMALL_MINE_CAPACITY_T_PER_YEAR, type Region } from '../../core/registry/types.ts';
import { assignDemoOwnership } from '../demo-enterprises.ts';
import {
  buildUsers,
  createPlaceNamer,
  DEFAULT_DEMO_SEED,
  drawMine,
  ensureProducingMine,
  MAX_DEMO_MINE_COUNT,
  type DemoMine,
  type DemoProvince,
  type DemoUserSpec,
  type MineDraft,
  type MineSite,
} from '../demo-province.ts';
import { demoProvinceRegion } from '../demo-province-data.ts';
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';
import {
  clusterPositions,
  createRegionNamer,
  pinyinOf,
  type Cluster,
  type Position,
} from './region-layout.ts';

const DAY_MS = 86_400_000;

/** About this many mines per district/county when mines are grouped by position. */
export const MINES_PER_COUNTY = 16;
/** Cities of the demo province: one per ~70 mines, from 2 to 9 (Guizhou has 9 prefectures). */
const MINES_PER_CITY = 70;
const MAX_CITIES = 9;
const MAX_COUNTIES_PER_CITY = 12;

/** A real mine: capacity and position. */
export type RealMineSite = MineSite;

export interface RealDemoProvinceOptions {
  /** The area's mines of one year (capacity, position), in any order. */
  sites: readonly RealMineSite[];
  /** At most this many mines: a deterministic subset with the same capacity spread. */
  mineCount?: number | null;
  seed?: number;
  now: string;
}

/** A county of a laid-out province: its region and the indices of its mines' sites. */
export interface CountyLayout {
  region: Region;
  centre: Position;
  sites: number[];
}

export interface ProvinceLayout {
  regions: Region[];
  counties: CountyLayout[];
}

/**
 * Keeps `count` of the sites, spread evenly over the sites ordered by capacity (then position), so the
 * subset has the capacity spread of the whole: every k-th mine by size.
 */
export function selectSites<T extends RealMineSite>(sites: readonly T[], count: number): T[] {
  const ordered = [...sites].sort(
    (a, b) => a.capacityTPerYear - b.capacityTPerYear || a.longitude - b.longitude || a.latitude - b.latitude,
  );
  if (count >= ordered.length) return ordered;
  return Array.from({ length: count }, (_, i) => ordered[Math.floor(((i + 0.5) * ordered.length) / count)]!);
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Groups one province's sites into cities and counties; ids follow the 99xxxx pattern of the demo. */
export function layoutProvince(
  province: Region,
  sites: readonly Position[],
  opts: { cities: number; seed: number; namer: () => string },
): ProvinceLayout {
  const prefix = province.id.slice(0, 2);
  const cities = clusterPositions(sites, Math.min(opts.cities, 99), opts.seed);
  const regions: Region[] = [province];
  const counties: CountyLayout[] = [];
  cities.forEach((city, ci) => {
    const cityId = `${prefix}${String(ci + 1).padStart(2, '0')}00`;
    const cityName = opts.namer();
    const cityRegion: Region = {
      id: cityId,
      name: `${cityName}市`,
      nameEn: `${pinyinOf(cityName)} City`,
      level: 'city',
      parentId: province.id,
      path: `${province.path}${cityId}/`,
    };
    regions.push(cityRegion);
    const k = clamp(Math.round(city.members.length / MINES_PER_COUNTY), 1, MAX_COUNTIES_PER_CITY);
    const parts: Cluster[] = clusterPositions(
      city.members.map((i) => sites[i]!),
      k,
      opts.seed + ci + 1,
    );
    parts.forEach((part, ki) => {
      // The first county of a city is its urban district (区, code 02), the others counties (县, 21…).
      const countyId = `${cityId.slice(0, 4)}${ki === 0 ? '02' : String(20 + ki).padStart(2, '0')}`;
      const name = opts.namer();
      const region: Region = {
        id: countyId,
        name: `${name}${ki === 0 ? '区' : '县'}`,
        nameEn: `${pinyinOf(name)} ${ki === 0 ? 'District' : 'County'}`,
        level: 'county',
        parentId: cityId,
        path: `${cityRegion.path}${countyId}/`,
      };
      regions.push(region);
      counties.push({ region, centre: part.centre, sites: part.members.map((j) => city.members[j]!) });
    });
  });
  return { regions, counties };
}

/** Draws the mines of laid-out counties on their real sites, in county order. */
function drawMines(
  random: SeededRandom,
  layout: readonly CountyLayout[],
  sites: readonly RealMineSite[],
  todayMs: number,
  nextPlace: () => string,
): MineDraft[] {
  const drafts: MineDraft[] = [];
  for (const county of layout) {
    // West to east within a county, so neighbouring codes are neighbouring mines.
    const own = county.sites
      .map((i) => sites[i]!)
      .sort((a, b) => a.longitude - b.longitude || a.latitude - b.latitude);
    const maxGap = Math.max(1, Math.min(20, Math.floor(998_000 / Math.max(1, own.length))));
    let serial = random.int(1, 999);
    const spec = {
      id: county.region.id,
      name: county.region.name,
      latitude: county.centre.latitude,
      longitude: county.centre.longitude,
    };
    for (const site of own) {
      const code = `${county.region.id}${String(serial).padStart(6, '0')}`;
      const small = site.capacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR;
      drafts.push(drawMine(random, spec, code, nextPlace(), small, drafts.length + 1, todayMs, site));
      serial += random.int(1, maxGap);
    }
  }
  return drafts;
}

function checkCommon(now: string, seed: number): number {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now must be an ISO timestamp, got "${now}"`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return Math.floor(nowMs / DAY_MS) * DAY_MS;
}

/**
 * The demo province over real mines: the sites' capacities and positions, grouped by position into
 * cities and districts/counties of 示范省 (990000), with one demo user per role as in the invented
 * province. Deterministic for the same sites (any order), seed, mine count and day of `now`.
 * @throws RangeError for fewer than two sites, a bad `now`, seed or mine count.
 */
export function generateRealDemoProvince(options: RealDemoProvinceOptions): DemoProvince {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const todayMs = checkCommon(options.now, seed);
  const cap = options.mineCount ?? options.sites.length;
  if (!Number.isSafeInteger(cap) || cap < 2 || cap > MAX_DEMO_MINE_COUNT) {
    throw new RangeError(`mineCount must be an integer from 2 to ${MAX_DEMO_MINE_COUNT}, got ${cap}`);
  }
  const sites = selectSites(options.sites, cap);
  // Two mines at least, in two cities: the two demo mine safety officers sit in different cities.
  if (sites.length < 2) throw new RangeError(`the area holds ${sites.length} mines; the demo needs 2`);
  const random = createSeededRandom(seed);
  const province = demoProvinceRegion();
  const layout = layoutProvince(province, sites, {
    cities: clamp(Math.round(sites.length / MINES_PER_CITY), 2, MAX_CITIES),
    seed,
    namer: createRegionNamer(createSeededRandom(seed + 1)),
  });
  const drafts = drawMines(random, layout.counties, sites, todayMs, createPlaceNamer(random));
  const cities = layout.regions.filter((r) => r.level === 'city');
  const countyOf = (cityId: string | undefined) => layout.counties.find((c) => c.region.parentId === cityId);
  const county = countyOf(cities[0]?.id)?.region.id;
  const county2 = countyOf(cities[1]?.id)?.region.id;
  if (county === undefined || county2 === undefined || cities[0] === undefined) {
    throw new RangeError('the demo users need two cities with mines');
  }
  ensureProducingMine(drafts, county, todayMs);
  const ownership = assignDemoOwnership(
    random,
    drafts.map((d) => d.owner),
  );
  const mines = drafts.map((d, i) => ({ ...d.mine, enterpriseId: ownership.enterpriseIds[i] ?? null }));
  const users = buildUsers(mines, { province: province.id, city: cities[0].id, county, county2 });
  return { regions: layout.regions, enterprises: ownership.enterprises, mines, users };
}

export interface CountryOptions {
  /** Every mine of one year. */
  sites: readonly RealMineSite[];
  seed?: number;
  now: string;
  /** Provinces to group the mines into (25 coal-producing provinces in 2019). */
  provinces?: number;
}

/**
 * Province codes no real division uses (real ones: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81,
 * 82), leaving 99 to the demo province.
 */
export const COUNTRY_PROVINCE_PREFIXES = [
  ...Array.from({ length: 9 }, (_, i) => 72 + i),
  ...Array.from({ length: 16 }, (_, i) => 83 + i),
].map(String);
export const DEFAULT_COUNTRY_PROVINCES = 25;

/**
 * Every mine of a year, grouped by position into provinces (codes 72–98, never real ones), cities and
 * counties; one `province_regulator` per province (`p72`, `p73`, …) and a country-wide `viewer` is not
 * possible (scopes are regions), so each province has its own regulator. Deterministic.
 */
export function generateCountry(options: CountryOptions): DemoProvince {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const todayMs = checkCommon(options.now, seed);
  const count = options.provinces ?? DEFAULT_COUNTRY_PROVINCES;
  if (!Number.isInteger(count) || count < 1 || count > COUNTRY_PROVINCE_PREFIXES.length) {
    throw new RangeError(`provinces must be 1–${COUNTRY_PROVINCE_PREFIXES.length}, got ${count}`);
  }
  const sites = selectSites(options.sites, options.sites.length);
  const random = createSeededRandom(seed);
  const namer = createRegionNamer(createSeededRandom(seed + 1));
  const regions: Region[] = [];
  const counties: CountyLayout[] = [];
  clusterPositions(sites, count, seed).forEach((cluster, pi) => {
    const id = `${COUNTRY_PROVINCE_PREFIXES[pi]!}0000`;
    const name = namer();
    const province: Region = {
      id,
      name: `${name}省`,
      nameEn: `${pinyinOf(name)} Province`,
      level: 'province',
      parentId: null,
      path: `/${id}/`,
    };
    const own = cluster.members.map((i) => sites[i]!);
    const layout = layoutProvince(province, own, {
      cities: clamp(Math.round(own.length / 60), 1, 12),
      seed: seed + pi,
      namer,
    });
    regions.push(...layout.regions);
    for (const c of layout.counties) counties.push({ ...c, sites: c.sites.map((j) => cluster.members[j]!) });
  });
  const drafts = drawMines(random, counties, sites, todayMs, createPlaceNamer(random));
  const ownership = assignDemoOwnership(
    random,
    drafts.map((d) => d.owner),
  );
  const mines: DemoMine[] = drafts.map((d, i) => ({
    ...d.mine,
    enterpriseId: ownership.enterpriseIds[i] ?? null,
  }));
  const users: DemoUserSpec[] = regions
    .filter((r) => r.level === 'province')
    .map((r) => ({
      username: `p${r.id.slice(0, 2)}`,
      displayName: `${r.name}监管`,
      role: 'province_regulator',
      scope: { kind: 'region', regionId: r.id },
    }));
  return { regions, enterprises: ownership.enterprises, mines, users };
}
