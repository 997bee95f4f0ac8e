/**
 * The closure programme's history for a province built on the real mine data: every year's mines of
 * the area, placed in the district whose seeded mines' centre is nearest, counted per district and
 * year; and district closure targets equal to what really disappeared in the year after the seeded one.
 */
import type { ClosureTarget, PopulationYear } from '../../core/closure/closure-types.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from '../../core/registry/types.ts';
import type { DemoProvince } from '../demo-province.ts';
import { inArea, type AreaBox, type MinePopulation } from './mine-population.ts';
import { nearestCentre, type Position } from './region-layout.ts';

export const POPULATION_SOURCE =
  'China_Mine_CH4_EF (Tsinghua University), mines-capacity-position-by-year; district by nearest position';

/** The centre of each district's mines (the position clusters' centres), districts with mines only. */
function districtCentres(
  province: DemoProvince,
): Array<{ regionId: string; path: string; centre: Position }> {
  const paths = new Map(province.regions.map((r) => [r.id, r.path]));
  const sums = new Map<string, { lon: number; lat: number; n: number }>();
  for (const m of province.mines) {
    if (m.longitude === null || m.latitude === null) continue;
    const s = sums.get(m.regionId) ?? { lon: 0, lat: 0, n: 0 };
    s.lon += m.longitude;
    s.lat += m.latitude;
    s.n++;
    sums.set(m.regionId, s);
  }
  return [...sums].map(([regionId, s]) => ({
    regionId,
    path: paths.get(regionId)!,
    centre: { longitude: s.lon / s.n, latitude: s.lat / s.n },
  }));
}

/**
 * Every year's mine population of the area, per district of the province: a mine at a seeded mine's
 * position goes to that mine's district, any other to the district whose centre is nearest. Districts and years with no mine get a row of zeros, so a district whose
 * mines all closed shows it.
 */
export function populationYears(
  province: DemoProvince,
  population: MinePopulation,
  area: AreaBox,
): PopulationYear[] {
  const districts = districtCentres(province);
  const centres = districts.map((d) => d.centre);
  const years = [...new Set(population.mines.map((m) => m.year))].sort((a, b) => a - b);
  const rows = new Map<string, PopulationYear>();
  for (const year of years)
    for (const d of districts)
      rows.set(`${d.regionId}/${year}`, {
        regionId: d.regionId,
        regionPath: d.path,
        year,
        mines: 0,
        smallMines: 0,
        capacityTPerYear: 0,
        smallCapacityTPerYear: 0,
        source: POPULATION_SOURCE,
      });
  // A mine at the position of a seeded mine (the same mine in another year, mostly) is in its district.
  const byPosition = new Map(province.mines.map((m) => [`${m.longitude},${m.latitude}`, m.regionId]));
  for (const m of population.mines) {
    if (!inArea(m, area)) continue;
    const regionId =
      byPosition.get(`${m.longitude},${m.latitude}`) ?? districts[nearestCentre(m, centres)]!.regionId;
    const row = rows.get(`${regionId}/${m.year}`)!;
    row.mines++;
    row.capacityTPerYear += m.capacityTPerYear;
    if (m.capacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR) {
      row.smallMines++;
      row.smallCapacityTPerYear += m.capacityTPerYear;
    }
  }
  return [...rows.values()];
}

/**
 * District targets as the real programme went: for each district, the mines that disappeared (net)
 * between `year` and the next one and the capacity of small mines withdrawn, scaled by the share of
 * the area's mines the demo seeded (REDLINE_DEMO_MINES), due by the end of the year after `now`.
 */
export function targetsFromHistory(
  province: DemoProvince,
  rows: readonly PopulationYear[],
  year: number,
  now: string,
  ids: () => string,
  actor: { id: string; name: string },
): ClosureTarget[] {
  const at = (regionId: string, y: number) => rows.find((r) => r.regionId === regionId && r.year === y);
  const seededYear = rows.filter((r) => r.year === year).reduce((s, r) => s + r.mines, 0);
  const scale = seededYear > 0 ? Math.min(1, province.mines.length / seededYear) : 1;
  const deadline = `${Number(now.slice(0, 4)) + 1}-12-31`;
  const out: ClosureTarget[] = [];
  for (const region of province.regions) {
    const before = at(region.id, year);
    const after = at(region.id, year + 1);
    if (!before || !after) continue;
    const mines = Math.round(Math.max(0, before.mines - after.mines) * scale);
    const capacity =
      Math.round((Math.max(0, before.smallCapacityTPerYear - after.smallCapacityTPerYear) * scale) / 10_000) *
      10_000;
    if (mines === 0 && capacity === 0) continue;
    out.push({
      id: ids(),
      regionId: region.id,
      regionPath: region.path,
      regionName: region.name,
      deadline,
      minesToClose: mines,
      capacityToWithdrawTPerYear: capacity,
      note:
        `按真实煤矿数据：本区域 ${year}→${year + 1} 年净减少 ${Math.max(0, before.mines - after.mines)} 处煤矿` +
        `（30万吨/年以下 ${Math.max(0, before.smallMines - after.smallMines)} 处）。数据：${POPULATION_SOURCE}` +
        (scale < 1 ? `；按演示矿井比例 ${Math.round(scale * 100)}% 折算` : ''),
      createdById: actor.id,
      createdByName: actor.name,
      createdAt: now,
    });
  }
  return out;
}
